"""View decorators for role permissions; refusals are 403 for the logged-in, login for others."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


def role_perm_required(perm: str):
    """Require the logged-in user's role to hold ``perm``."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            if not request.user.has_role_perm(perm):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def roles_required(*roles: str):
    """Require one of the given roles."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            if request.user.role not in roles:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def is_own_record(user, employee_id: int | None) -> bool:
    """Whether a staff user would be looking at a record about themselves.

    Staff who are also on the employee list (an inspector, the head) may not open findings
    about themselves: the page and the API answer 404, as for any record they may not see."""
    return user.is_staff_role and employee_id is not None and user.employee_id == employee_id
