"""Forms of the registry pages: list filters, account state change, file import."""

from django import forms
from django.utils.translation import gettext_lazy as _

from pantau.registry.models import Account, Grade, Unit


class EmployeeFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search name, NIP, position or handle"), required=False, max_length=200
    )
    unit = forms.ChoiceField(label=_("Unit"), required=False)
    grade = forms.ChoiceField(
        label=_("Grade"), required=False, choices=[("", _("All grades")), *Grade.choices]
    )
    active = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), ("1", _("Active")), ("0", _("Inactive"))],
    )
    platform = forms.ChoiceField(
        label=_("Platform"),
        required=False,
        choices=[("", _("All platforms")), *Account.Platform.choices],
    )
    account_state = forms.ChoiceField(
        label=_("Account verification"),
        required=False,
        choices=[("", _("All")), *Account.State.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", _("All units"))] + list(
            Unit.objects.order_by("name").values_list("code", "name")
        )


class AccountStateForm(forms.Form):
    state = forms.ChoiceField(label=_("New state"), choices=Account.State.choices)
    note = forms.CharField(label=_("Reason"), required=False, max_length=1000)


class RegistryImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What the file contains"),
        choices=[
            ("units", _("Units")),
            ("employees", _("Employees")),
            ("accounts", _("Social-media accounts")),
        ],
    )
    file = forms.FileField(label=_("CSV or XLSX file"))
    action = forms.ChoiceField(
        label=_("Action"),
        widget=forms.RadioSelect,
        initial="check",
        choices=[
            ("check", _("Check only (dry run)")),
            ("commit", _("Import (all rows or none)")),
        ],
    )
