"""Audit log and access log pages (auditors, the inspectorate head and admins).

The audit log reads in words: events by name, people by name, times in the configured zone
(see ``pantau.web.audit_display``), filtered by person, case, date range and event, with the
filters kept in the URL so a view can be bookmarked or sent on.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pantau.audit.models import AccessLog, AuditEntry
from pantau.audit.services import audit_verify
from pantau.users.permissions import role_perm_required
from pantau.users.roles import VIEW_AUDIT
from pantau.web.audit_display import Renderer, event_label


def _search(qs, request, fields):
    q = request.GET.get("q", "").strip()
    if q:
        cond = Q()
        for f in fields:
            cond |= Q(**{f"{f}__icontains": q})
        qs = qs.filter(cond)
    return qs, q


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


def _filtered(form: AuditFilterForm):
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


@role_perm_required(VIEW_AUDIT)
def audit_log(request):
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("verify", None)
    form = AuditFilterForm(params or None)
    page = Paginator(_filtered(form), 50).get_page(request.GET.get("page"))
    verify = audit_verify() if request.GET.get("verify") else None
    return render(
        request,
        "audit/audit_log.html",
        {
            "page": page,
            "rows": Renderer(page.object_list).rows(),
            "form": form,
            "verify": verify,
            "query": params.urlencode(),
            "zone": timezone.localtime().tzname(),
        },
    )


@role_perm_required(VIEW_AUDIT)
def access_log(request):
    qs, q = _search(AccessLog.objects.all(), request, ["user_repr", "object_repr", "object_id"])
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "audit/access_log.html", {"page": page, "q": q})
