"""The employee's own pages: the self-check of a draft post (nothing of it is stored)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from pantau.cases.forms import SelfCheckForm
from pantau.cases.models import Case


@never_cache
@login_required
def self_check(request):
    """Run the engine on a draft; the text and the result are shown, never saved or logged."""
    form = SelfCheckForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        from pantau.monitoring.scanning import get_engine

        result = get_engine().classify(form.cleaned_data["text"])
    return render(request, "cases/self_check.html", {"form": form, "result": result})


@login_required
def my_case(request):
    """Shortcut for employees: their open case, else their latest one."""
    from django.shortcuts import redirect

    if request.user.employee_id is None:
        return redirect("home")
    mine = Case.objects.filter(employee_id=request.user.employee_id)
    case = mine.exclude(state="closed").first() or mine.order_by("-opened_at").first()
    if case is None:
        return render(request, "cases/no_case.html")
    return redirect("case_detail", case_id=case.pk)
