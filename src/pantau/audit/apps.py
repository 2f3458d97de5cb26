"""App configuration for the audit log."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "pantau.audit"
    verbose_name = _("Audit log")

    def ready(self) -> None:
        from pantau import deploy_checks  # noqa: F401  (registers `pantau check --deploy`)
        from pantau.audit import auth_events  # noqa: F401  (connects login/logout receivers)
        from pantau.audit.protection import connect_signals

        connect_signals()
