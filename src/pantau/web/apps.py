"""App configuration for the web UI."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "pantau.web"
    verbose_name = _("Web interface")
