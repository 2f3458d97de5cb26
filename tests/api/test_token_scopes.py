"""Token scopes: `read` opens the read-only operations, `full` everything, `push` only the push.

Every scope is tried on every operation, with a user whose role may call it, so that a refusal
can come only from the scope. A refused write leaves no trace in the audit log.
"""

from __future__ import annotations

import pytest

from pantau.audit.models import AuditEntry
from pantau.users.services import api_token_create
from tests.api.conftest import PUBLIC, api_operations
from tests.api.test_api_second_factor import call

pytestmark = pytest.mark.django_db

READ = {"read", "full"}
# operation id: (scopes that may call it, the role that calls it, the answer it then gets).
# The case has just opened: the ladder refuses a response or an appeal at that stage (409),
# an answer that comes only after the token was accepted.
OPERATIONS = {
    "pantau_api_v1_push_posts": ({"push", "full"}, "inspector", 200),
    "pantau_api_cases_api_findings": (READ, "inspector", 200),
    "pantau_api_cases_api_finding": (READ, "inspector", 200),
    "pantau_api_cases_api_cases": (READ, "inspector", 200),
    "pantau_api_cases_api_case": (READ, "employee", 200),
    "pantau_api_cases_api_pattern": (READ, "inspector", 200),
    "pantau_api_cases_api_self_check": (READ, "employee", 200),
    "pantau_api_cases_api_decide": ({"full"}, "inspector", 200),
    "pantau_api_cases_api_case_action": ({"full"}, "inspector", 200),
    "pantau_api_cases_api_respond": ({"full"}, "employee", 409),
    "pantau_api_cases_api_appeal": ({"full"}, "employee", 409),
}


def test_every_operation_has_its_scopes_named_here(client):
    operations = {op for _m, _p, op in api_operations(client)} - PUBLIC
    assert operations == set(OPERATIONS)


@pytest.mark.parametrize("scope", ["push", "read", "full"])
@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_each_scope_on_each_operation(client, users, api_objects, operation, scope):
    allowed, role, answer = OPERATIONS[operation]
    (method, path) = next((m, p) for m, p, op in api_operations(client) if op == operation)
    _token, key = api_token_create(user=users[role], name="t", scope=scope)
    audited = AuditEntry.objects.count()
    response = call(
        client, method, path, operation, api_objects, HTTP_AUTHORIZATION=f"Bearer {key}"
    )
    if scope in allowed:
        assert response.status_code == answer, response.content
    else:
        assert response.status_code in (401, 403), response.content
        assert AuditEntry.objects.count() == audited
