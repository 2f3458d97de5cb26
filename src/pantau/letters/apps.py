"""App configuration for letters."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "pantau.letters"
    verbose_name = _("Letters")
    default_auto_field = "django.db.models.BigAutoField"
