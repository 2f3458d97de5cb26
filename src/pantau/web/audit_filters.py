"""The audit log's filters (person, case, local date range, event, text), shared by the page and
its CSV/XLSX export so both select the same entries."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pantau.audit.models import AuditEntry
from pantau.web.audit_display import event_label


class AuditFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    person = forms.ModelChoiceField(
        label=_("Person"), required=False, queryset=get_user_model().objects.none()
    )
    case = forms.IntegerField(label=_("Case number"), required=False, min_value=1)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    event = forms.ChoiceField(label=_("Event"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        users = get_user_model().objects.order_by("first_name", "last_name", "username")
        self.fields["person"].queryset = users
        self.fields["person"].label_from_instance = lambda u: u.get_full_name() or u.username
        actions = AuditEntry.objects.order_by("action").values_list("action", flat=True).distinct()
        choices = sorted(((a, event_label(a)) for a in actions), key=lambda c: c[1].lower())
        self.fields["event"].choices = [("", _("All events")), *choices]

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end date is before the start date."))
        return data


def filtered_entries(form: AuditFilterForm):
    """The entries the form's filters select; none when the filters are invalid."""
    qs = AuditEntry.objects.all()
    if not form.is_valid():
        return qs.none() if form.is_bound and form.data else qs
    data = form.cleaned_data
    if data["q"]:
        q = data["q"]
        qs = qs.filter(
            Q(action__icontains=q) | Q(actor_repr__icontains=q) | Q(object_repr__icontains=q)
        )
    if data["person"]:
        qs = qs.filter(actor_id=data["person"].pk)
    if data["case"]:
        qs = qs.filter(object_type="cases.case", object_id=str(data["case"]))
    # __date compares in the configured zone (USE_TZ), so a day is a local day.
    if data["date_from"]:
        qs = qs.filter(created_at__date__gte=data["date_from"])
    if data["date_to"]:
        qs = qs.filter(created_at__date__lte=data["date_to"])
    if data["event"]:
        qs = qs.filter(action=data["event"])
    return qs
