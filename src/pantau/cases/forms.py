"""Forms for review decisions, case actions, the employee's response and appeals, self-check."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from pantau.cases.models import Appeal, DeletionCheck, ReviewDecision
from pantau.core import text_limits as limits
from pantau.core.cases.provisions import PROVISIONS, SKB_ITEMS, Impact
from pantau.core.cases.sanctions import ordered_sanctions
from pantau.monitoring.models import Category


def medium_catalogue() -> str:
    from django.conf import settings

    return getattr(settings, "PANTAU_MEDIUM_CATALOGUE", "pp53")


def _sanction_choices(items) -> list[tuple[str, str]]:
    return [(s.code, f"{s.name_id} ({s.legal_basis})") for s in items]


class ReviewForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"), choices=ReviewDecision.Outcome.choices, widget=forms.RadioSelect
    )
    category = forms.ChoiceField(
        label=_("Category (when confirming)"),
        required=False,
        choices=[("", "—"), *Category.choices],
    )
    skb_item = forms.TypedChoiceField(
        label=_("SKB 11 item (when confirming)"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "—")] + [(i.number, f"{i.number}. {i.text_id}") for i in SKB_ITEMS],
    )
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=limits.NOTE
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class ReviewFilterForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("All")), *Category.choices]
    )
    unit = forms.CharField(label=_("Unit code"), required=False, max_length=limits.SHORT)
    platform = forms.CharField(label=_("Platform"), required=False, max_length=limits.SHORT)
    date_from = forms.DateField(
        label=_("Posted from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Posted until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    min_score = forms.FloatField(label=_("Minimum score"), required=False, min_value=0, max_value=1)
    source = forms.ChoiceField(
        label=_("Source"),
        required=False,
        choices=[("", _("All")), ("scan", _("scanner")), ("complaint", _("complaint"))],
    )


class ActionForm(forms.Form):
    """One form for every case action; each action uses the fields it needs."""

    action = forms.CharField(widget=forms.HiddenInput, max_length=100)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(
        label=_("Reason / note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=limits.CASE_STEP["reason"],
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=limits.CASE_STEP["note"],
    )
    summons_date = forms.DateField(
        label=_("Date of the summons letter"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    exam_date = forms.DateField(
        label=_("Examination date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    present = forms.BooleanField(label=_("The employee attended"), required=False)
    members = forms.CharField(
        label=_("Team members"), required=False, max_length=limits.CASE_STEP["members"]
    )
    bap_text = forms.CharField(
        label=_("Examination record (questions and answers)"),
        required=False,
        max_length=limits.CASE_STEP["bap_text"],
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    refused = forms.BooleanField(label=_("The employee refused to sign"), required=False)
    result = forms.ChoiceField(
        label=_("Result of the check"), required=False, choices=DeletionCheck.Result.choices
    )
    method = forms.ChoiceField(
        label=_("How it was checked"),
        required=False,
        choices=[
            ("refetch", _("fetched again from the platform")),
            ("confirmation", _("employee's confirmation and inspector's check")),
        ],
    )
    after_evidence = forms.CharField(
        label=_("What was found (link, text)"),
        required=False,
        max_length=limits.CASE_STEP["after_evidence"],
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    provision = forms.MultipleChoiceField(
        label=_("Provisions breached"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(p.code, f"{p.article}: {p.short_id}") for p in PROVISIONS.values()],
    )
    impact = forms.ChoiceField(
        label=_("Impact"), required=False, choices=[(i.value, i.label_id) for i in Impact]
    )
    sanction_code = forms.ChoiceField(
        label=_("Sanction"),
        required=False,
        choices=[("", "—")] + _sanction_choices(ordered_sanctions()),
    )
    decision_number = forms.CharField(
        label=_("Decision (SK) number"),
        required=False,
        max_length=limits.CASE_STEP["decision_number"],
    )
    decision_date = forms.DateField(
        label=_("Decision date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    receipt_date = forms.DateField(
        label=_("Date received"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    by_post = forms.BooleanField(label=_("Sent because the employee was absent"), required=False)
    other_level = forms.BooleanField(
        label=_("Another level than the recommended one (give the reason)"), required=False
    )
    other_sanction_code = forms.ChoiceField(
        label=_("Sanction of another level"), required=False, choices=[("", "—")]
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"), required=False, choices=[("", "—"), *Appeal.Outcome.choices]
    )
    new_sanction_code = forms.ChoiceField(
        label=_("New sanction (when lightened or made heavier)"),
        required=False,
        choices=[("", "—")] + _sanction_choices(ordered_sanctions()),
    )

    def __init__(self, *args, case=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        in_force = ordered_sanctions(medium_catalogue=medium_catalogue())
        self.recommended: list[str] = []
        if case is not None and case.recommendation:
            allowed = {s.code for s in in_force}
            self.recommended = [
                s["code"]
                for s in case.recommendation.get("sanctions", [])
                if s.get("code") in allowed
            ]
        if self.recommended:
            chosen = [s for s in in_force if s.code in self.recommended]
            others = [s for s in in_force if s.code not in self.recommended]
            self.fields["sanction_code"].choices = [("", "—")] + _sanction_choices(chosen)
            self.fields["sanction_code"].label = _("Sanction of the recommended level")
            self.fields["other_sanction_code"].choices = [("", "—")] + _sanction_choices(others)
        else:
            self.fields["sanction_code"].choices = [("", "—")] + _sanction_choices(in_force)
        if case is not None and case.sanction_code:
            self.fields["new_sanction_code"].choices = [("", "—")] + _sanction_choices(
                [s for s in in_force if s.code != case.sanction_code]
            )

    def clean(self):
        cleaned = super().clean()
        if self.cleaned_data.get("action") != "record_decision" or not self.recommended:
            return cleaned
        other = cleaned.get("other_sanction_code")
        if cleaned.get("other_level"):
            if not other:
                self.add_error("other_sanction_code", _("Choose the sanction of the other level."))
            if not str(cleaned.get("reason", "")).strip():
                self.add_error(
                    "reason", _("Give the reason for choosing a level other than recommended.")
                )
            cleaned["sanction_code"] = other
        elif other:
            self.add_error(
                "other_level",
                _(
                    "Tick 'another level' and give the reason to choose a sanction of another level."
                ),
            )
        return cleaned

    def action_data(self) -> dict:
        data = {
            k: v
            for k, v in self.cleaned_data.items()
            if v not in (None, "", [], False) and k != "other_sanction_code"
        }
        if self.cleaned_data.get("provision"):
            impact = self.cleaned_data.get("impact") or Impact.UNIT.value
            data["provisions"] = [[code, impact] for code in self.cleaned_data["provision"]]
        return data


class ResponseForm(forms.Form):
    text = forms.CharField(
        label=_("Your response (hak jawab)"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=limits.LONG,
    )
    attachments = forms.FileField(label=_("Attachment (PDF or image, optional)"), required=False)


class AppealForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Appeal.Kind.choices)
    text = forms.CharField(
        label=_("Your reasons"), widget=forms.Textarea(attrs={"rows": 5}), max_length=limits.LONG
    )


class SelfCheckForm(forms.Form):
    text = forms.CharField(
        label=_("Your draft post"), widget=forms.Textarea(attrs={"rows": 6}), max_length=10000
    )
