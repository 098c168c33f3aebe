"""foramen's HTTP service and clinician web page (FastAPI). Depends on `extractor`, never the
reverse; build the app with `api.main.create_app()`."""
