"""The web app and HTTP API (:func:`storyline.web.app.create_app`)."""
