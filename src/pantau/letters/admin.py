"""Admin: templates, the letterhead and numbering are edited here (audited); letters are read-only.

Every save or delete goes to the audit log through ``AuditedAdminMixin``. Template texts are
checked to compile, and number patterns to be usable, before they are saved. Issued letters can
be looked at but never changed or deleted (a correction is a new letter), and only by their
register entry: number, kind, date, language, who issued them. Their subject, content, files
and case stay in the app, where the administrator has no access to them.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.template import TemplateSyntaxError
from django.utils.translation import gettext_lazy as _

from pantau.audit.admin_mixins import AuditedAdminMixin
from pantau.letters.models import Letter, Letterhead, LetterTemplate, NumberingScheme
from pantau.letters.numbering import NumberingError, pattern_check
from pantau.letters.services import ENGINE


class LetterTemplateForm(forms.ModelForm):
    class Meta:
        model = LetterTemplate
        fields = [
            "kind",
            "language",
            "title",
            "sifat",
            "attachment",
            "addressee",
            "body",
            "copies",
            "active",
        ]
        widgets = {"body": forms.Textarea(attrs={"rows": 30, "cols": 110, "class": "mono"})}

    def clean(self):
        data = super().clean()
        for name in ("title", "sifat", "attachment", "addressee", "body", "copies"):
            try:
                ENGINE.from_string(data.get(name) or "")
            except TemplateSyntaxError as exc:
                self.add_error(name, _("Template error: %(error)s") % {"error": exc})
        return data


@admin.register(LetterTemplate)
class LetterTemplateAdmin(AuditedAdminMixin, admin.ModelAdmin):
    form = LetterTemplateForm
    list_display = ["kind", "language", "title", "active", "updated_at"]
    list_filter = ["kind", "language", "active"]
    readonly_fields = ["updated_at"]


@admin.register(Letterhead)
class LetterheadAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["organisation", "unit_name", "city", "updated_at"]
    readonly_fields = ["updated_at"]
    autocomplete_fields = ["signatory_employee", "decider_employee"]

    def has_add_permission(self, request) -> bool:
        return super().has_add_permission(request) and not Letterhead.objects.exists()

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class NumberingSchemeForm(forms.ModelForm):
    class Meta:
        model = NumberingScheme
        fields = ["kind", "pattern", "code", "counter"]

    def clean_pattern(self):
        pattern = self.cleaned_data["pattern"]
        try:
            pattern_check(pattern)
        except NumberingError as exc:
            raise forms.ValidationError(str(exc)) from None
        return pattern


@admin.register(NumberingScheme)
class NumberingSchemeAdmin(AuditedAdminMixin, admin.ModelAdmin):
    form = NumberingSchemeForm
    list_display = ["kind", "pattern", "code", "counter"]


@admin.register(Letter)
class LetterAdmin(admin.ModelAdmin):
    list_display = ["number", "kind", "letter_date", "language", "issued_by", "created_at"]
    list_filter = ["kind", "language"]
    search_fields = ["number"]
    fields = ["number", "kind", "letter_date", "language", "issued_by", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
