"""The web app and HTTP API."""
