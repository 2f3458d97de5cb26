"""The public transparency page: no login, aggregates only, small counts suppressed."""

from __future__ import annotations

from django.shortcuts import render

from pantau.reports.forms import TransparencyForm
from pantau.reports.labels import CATEGORIES, LEVELS, STATUSES
from pantau.reports.transparency import transparency_figures


def transparency(request):
    form = TransparencyForm(request.GET or None)
    period = form.chosen_period()
    figures = transparency_figures(period)
    review = [(STATUSES[k], c) for k, c in figures["review"].items()]
    categories = [(CATEGORIES.get(k, k or "–"), c) for k, c in figures["category"].items()]
    levels = [(LEVELS[k], c) for k, c in figures["levels"].items()]
    precision = [
        {**row, "label": CATEGORIES.get(row["category"], "") if row["category"] else None}
        for row in figures["precision"]
    ]
    return render(
        request,
        "reports/transparency.html",
        {
            "form": form,
            "period": period,
            "f": figures,
            "review": review,
            "categories": categories,
            "levels": levels,
            "precision": precision,
        },
    )
