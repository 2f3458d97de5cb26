"""App configuration for monitoring."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "pantau.monitoring"
    verbose_name = _("Monitoring")

    def ready(self) -> None:
        import pantau.celery_app  # noqa: F401  (makes shared tasks use Pantau's Celery settings)
