"""Routers: extraction (/v1/extract...), meta (/healthz, /v1/version), the web page (/)."""
