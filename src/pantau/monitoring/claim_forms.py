"""Forms for the fact-check register pages."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from pantau.core import text_limits as limits
from pantau.monitoring.models import ClaimEntry
from pantau.web.url_fields import WebURLField


class ClaimForm(forms.ModelForm):
    keywords_text = forms.CharField(
        label=_("Keywords (comma-separated)"), required=False, max_length=limits.NOTE
    )

    class Meta:
        model = ClaimEntry
        fields = [
            "claim_id",
            "text",
            "verdict",
            "date",
            "topic",
            "source_name",
            "source_url",
            "clarification",
            "active",
        ]
        field_classes = {"source_url": WebURLField}
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "clarification": forms.Textarea(attrs={"rows": 4}),
            "date": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, limit in (("text", limits.NOTE), ("clarification", limits.LONG)):
            field = self.fields[name]
            field.max_length = limit  # the columns are unbounded TextFields
            field.validators.append(MaxLengthValidator(limit))
            field.widget.attrs["maxlength"] = str(limit)
        if self.instance.pk:
            self.fields["keywords_text"].initial = ", ".join(self.instance.keywords or [])
            self.fields["claim_id"].disabled = True  # other records refer to it

    def save(self, commit=True):
        entry = super().save(commit=False)
        entry.keywords = [
            k.strip() for k in self.cleaned_data["keywords_text"].split(",") if k.strip()
        ]
        return entry


class ClaimImportForm(forms.Form):
    file = forms.FileField(label=_("CSV, XLSX or ClaimReview JSON-LD file"))
