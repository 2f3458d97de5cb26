"""Forms of the monitoring pages: the public complaint form, follow-up, and post imports."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from pantau.core import text_limits as limits
from pantau.monitoring.challenge import check_challenge, new_challenge
from pantau.monitoring.models import Category
from pantau.web.url_fields import WebURLField

IMPORT_FORMAT_CHOICES = [
    ("x-archive", _("X (Twitter) archive")),
    ("facebook", _("Facebook export")),
    ("instagram", _("Instagram export")),
    ("tiktok", _("TikTok export")),
    ("csv", "CSV"),
    ("xlsx", "XLSX"),
    ("jsonl", "JSON Lines"),
    ("mastodon", _("Mastodon archive or API answers")),
    ("rss", _("RSS/Atom feed file")),
]


class ComplaintForm(forms.Form):
    post_url = WebURLField(label=_("Link to the post"), required=False, max_length=1000)
    handle = forms.CharField(label=_("Account name (if known)"), required=False, max_length=150)
    category = forms.ChoiceField(label=_("What is wrong with it"), choices=Category.choices)
    reason = forms.CharField(
        label=_("Why you report it"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=limits.COMPLAINT,
    )
    screenshot = forms.FileField(
        label=_("Screenshot (PNG, JPEG or WebP, at most 8 MB)"), required=False
    )
    anonymous = forms.BooleanField(label=_("Report anonymously"), required=False)
    reporter_name = forms.CharField(label=_("Your name"), required=False, max_length=200)
    reporter_contact = forms.CharField(
        label=_("Your e-mail or phone"),
        required=False,
        max_length=200,
        help_text=_("Seen only by the inspectors handling it."),
    )
    website = forms.CharField(  # honeypot: hidden from people, filled in by bots
        label=_("Leave this empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    challenge = forms.CharField(widget=forms.HiddenInput, max_length=500)
    answer = forms.CharField(label=_("Anti-spam question"), max_length=4)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        question, token = new_challenge()
        self.question = question
        if not self.is_bound:
            self.initial["challenge"] = token
        self.fields["answer"].label = _("Anti-spam question: how much is %s?") % question
        self.fresh_token = token

    def clean_screenshot(self):
        from pantau.monitoring.complaints import screenshot_too_large

        upload = self.cleaned_data.get("screenshot")
        if upload is not None and (reason := screenshot_too_large(upload.size)):
            raise forms.ValidationError(reason)  # judged by its size: nothing of it is read
        return upload

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise forms.ValidationError(_("The form could not be sent."))
        if not check_challenge(data.get("challenge", ""), data.get("answer", "")):
            self.add_error("answer", _("The answer is wrong or the form is too old; try again."))
        return data


class ComplaintLookupForm(forms.Form):
    reference = forms.CharField(label=_("Reference number"), max_length=20)


class PostImportForm(forms.Form):
    format = forms.ChoiceField(label=_("Format"), choices=IMPORT_FORMAT_CHOICES)
    file = forms.FileField(label=_("File, or a .zip of an export"))
    handle = forms.CharField(
        label=_("Account handle (if the export does not name it)"), required=False, max_length=150
    )


def refresh_challenge(form: ComplaintForm) -> None:
    """After a failed submission: a new question, with the answer field cleared."""
    form.data = form.data.copy()
    form.data["challenge"] = form.fresh_token
    form.data["answer"] = ""
