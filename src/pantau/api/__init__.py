"""The REST API (django-ninja) at /api/v1/, with its OpenAPI schema at /api/v1/openapi.json."""
