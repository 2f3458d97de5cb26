"""Celery for scale-out: workers on Redis run the same services as the embedded set-up.

With ``PANTAU_BROKER_URL`` unset (the embedded default) tasks run eagerly, in-process. Start a
worker with ``pantau worker --celery`` (or ``celery -A pantau.celery_app worker``) and a beat
with ``celery -A pantau.celery_app beat`` for the periodic work.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pantau.settings")

app = Celery("pantau")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["pantau.monitoring", "pantau.cases"])
