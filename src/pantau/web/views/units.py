"""The unit tree with heads and staff counts."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from pantau.registry.selectors import unit_tree
from pantau.users.roles import VIEW_ALL_EMPLOYEES


@login_required
def unit_tree_view(request):
    if not request.user.has_role_perm(VIEW_ALL_EMPLOYEES):
        raise PermissionDenied
    return render(request, "registry/unit_tree.html", {"tree": unit_tree()})
