"""WSGI entry point for `pantau serve` and any WSGI server (gunicorn, waitress, uWSGI)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pantau.settings")
application = get_wsgi_application()
