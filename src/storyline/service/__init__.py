"""The service layer: one core that the CLI and the web app both call."""
