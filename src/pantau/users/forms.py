"""Forms for the second factor: a code, and a device replacement (old code and new code)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_token(self) -> str:
        return _digits(self.cleaned_data["token"])


def _digits(value: str) -> str:
    value = value.replace(" ", "")
    if not value.isdigit():
        raise forms.ValidationError(_("The code contains only digits."))
    return value


class ReplaceDeviceForm(TokenForm):
    """Replacing a device needs a current code from the old one in the same request."""

    current_token = forms.CharField(
        label=_("Current code from the authenticator app you use now"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    field_order = ["current_token", "token"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["token"].label = _("Six-digit code from the new authenticator app")
        self.fields["token"].widget.attrs.pop("autofocus", None)
        self.fields["current_token"].widget.attrs["autofocus"] = True

    def clean_current_token(self) -> str:
        return _digits(self.cleaned_data["current_token"])
