"""Forms of the letters pages: issue a letter on a case, correct an issued one."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from pantau.letters.kinds import Kind, Language
from pantau.web.url_fields import WebURLField


class LetterIssueForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of letter"), choices=Kind.choices)
    language = forms.ChoiceField(
        label=_("Language of the letter"),
        choices=Language.choices,
        initial=Language.ID,
        help_text=_(
            "English: a translation of the Indonesian letter already issued, with its number."
        ),
    )
    exam_time = forms.CharField(
        label=_("Time of examination"),
        max_length=20,
        required=False,
        help_text=_("Summons only, e.g. 09.00; empty: the letterhead's default."),
    )
    exam_place = forms.CharField(label=_("Place of examination"), max_length=300, required=False)
    exam_link = WebURLField(
        label=_("Virtual meeting link"),
        max_length=500,
        required=False,
        help_text=_("Only if the examination is virtual (PP 94/2021 Pasal 27 ayat (2))."),
    )
    note = forms.CharField(
        label=_("Additional paragraph"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, kinds: list[str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if kinds is not None:
            self.fields["kind"].choices = [(k, v) for k, v in Kind.choices if k in kinds]

    def extra(self) -> dict:
        """The optional inputs that go into the letter, without empty values."""
        keys = ("exam_time", "exam_place", "exam_link", "note")
        return {k: self.cleaned_data[k] for k in keys if self.cleaned_data.get(k)}


class LetterCorrectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the correction"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The corrected letter gets a new number and replaces this one."),
    )
