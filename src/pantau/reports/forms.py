"""Forms of the reports pages: dashboard filters, the periodic report, drift acknowledgement."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pantau.reports.periods import Period, PeriodError, parse_period, preset_period, range_period

PRESET_CHOICES = [
    ("12m", _("Last 12 months")),
    ("30d", _("Last 30 days")),
    ("this-month", _("This month")),
    ("last-month", _("Last month")),
    ("this-quarter", _("This quarter")),
    ("this-year", _("This year")),
    ("last-year", _("Last year")),
]
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DashboardFilterForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"), choices=PRESET_CHOICES, required=False)
    date_from = forms.DateField(label=_("From"), required=False, widget=DATE)
    date_to = forms.DateField(label=_("Until"), required=False, widget=DATE)
    unit = forms.ChoiceField(label=_("Unit"), required=False)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", _("All units I may see"))] + [
            (u.code, u.name) for u in units
        ]

    def clean(self):
        data = super().clean()
        first, last = data.get("date_from"), data.get("date_to")
        if first or last:
            try:
                data["range"] = range_period(first or last, last or timezone.localdate())
            except PeriodError as exc:
                raise forms.ValidationError(str(exc)) from None
        return data

    def chosen_period(self) -> Period:
        self.is_valid()  # the valid fields are used even if another one is not
        data = getattr(self, "cleaned_data", {})
        return data.get("range") or preset_period(data.get("period") or "12m")


class ReportForm(forms.Form):
    period = forms.CharField(
        label=_("Period"),
        max_length=10,
        help_text=_("A month (2026-11), a quarter (2026-Q4) or a year (2026)."),
    )
    format = forms.ChoiceField(label=_("Format"), choices=[("pdf", "PDF"), ("xlsx", "XLSX")])
    unit = forms.ChoiceField(label=_("Unit"), required=False)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", _("All units I may see"))] + [
            (u.code, u.name) for u in units
        ]

    def clean_period(self) -> Period:
        try:
            return parse_period(self.cleaned_data["period"])
        except PeriodError as exc:
            raise forms.ValidationError(str(exc)) from None


class TransparencyForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"), required=False)

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        today = today or timezone.localdate()
        year, quarter = today.year, (today.month - 1) // 3 + 1
        choices = [(str(year), _("%(y)d (so far)") % {"y": year})]
        quarters = []
        for back in range(4):
            q, y = quarter - back, year
            while q < 1:
                q, y = q + 4, y - 1
            quarters.append(f"{y}-Q{q}")
        choices += [(code, parse_period(code).label) for code in quarters]
        choices += [(str(y), str(y)) for y in (year - 1, year - 2)]
        self.default = str(year)
        raw = str(self.data.get("period", "")).strip()
        if raw and raw not in dict(choices):
            try:  # any period may be linked to, e.g. from an oversight body's letter
                choices.append((raw, parse_period(raw).label))
            except PeriodError:
                pass
        self.fields["period"].choices = choices

    def chosen_period(self) -> Period:
        data = self.cleaned_data if self.is_valid() else {}
        return parse_period(data.get("period") or self.default)


class WindowForm(forms.Form):
    days = forms.TypedChoiceField(
        label=_("Decisions of the last"),
        coerce=int,
        required=False,
        initial=90,
        choices=[(30, _("30 days")), (90, _("90 days")), (365, _("365 days")), (0, _("all time"))],
    )


class AcknowledgeForm(forms.Form):
    note = forms.CharField(
        label=_("What was found and done"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
