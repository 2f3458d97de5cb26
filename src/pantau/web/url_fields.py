"""The web-address check of `pantau.core.safe_urls` for Django forms, services and the admin.

``validate_web_url`` raises a translated `ValidationError`; ``WebURLField`` is Django's URLField
with that check added (http and https only, no ftp), used by the public complaint form, the
fact-check and letter forms and, through ``WEB_URL_OVERRIDES``, every URL field in the admin.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from pantau.core.safe_urls import UnsafeUrl, check_web_url

MESSAGES = {
    "scheme": _("Only web addresses starting with http:// or https:// are accepted."),
    "invalid": _("Enter a valid web address starting with http:// or https://."),
}


def web_url_error(exc: UnsafeUrl) -> str:
    """The translated message for a refused URL."""
    return str(MESSAGES.get(exc.kind, MESSAGES["invalid"]))


def validate_web_url(value: str) -> None:
    try:
        check_web_url(value)
    except UnsafeUrl as exc:
        raise ValidationError(web_url_error(exc), code="unsafe_url") from None


class WebURLField(forms.URLField):
    default_validators = [validate_web_url]

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)

    def to_python(self, value):
        # Django's own parsing raises its generic message on a broken address (e.g. with "[");
        # ours names the rule.
        try:
            return super().to_python(value)
        except ValidationError:
            validate_web_url(str(value).strip())
            raise


# For ModelAdmin.formfield_overrides: every URL column of a model edited in the admin.
WEB_URL_OVERRIDES = {models.URLField: {"form_class": WebURLField}}
