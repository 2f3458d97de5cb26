"""The client address behind rate limits, lockouts and the audit log cannot be chosen by a client.

X-Forwarded-For is believed only from the proxies named in PANTAU_TRUSTED_PROXIES, and then read
from the right: the nearest address that is not a trusted proxy is the client's (what a client
writes to the left is never reached). Requests come through the real test server stack.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse

from pantau.audit.models import AuditEntry
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOOKUP = "/api/v1/complaints/PGD-0000-NOPE"
LOOKUP_LIMIT = 30  # per address in ten minutes (pantau.api.v1.complaint_follow)


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, 0, 10, tzinfo=dt.UTC), tick=False):
        yield
    cache.clear()


def lookups(client, count: int, *, peer: str, forwarded) -> list[int]:
    return [
        client.get(LOOKUP, REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=forwarded(i)).status_code
        for i in range(count)
    ]


@pytest.mark.parametrize("trusted", [[], ["10.0.0.2"]])
def test_a_spoofed_header_from_an_untrusted_peer_does_not_change_the_key(client, settings, trusted):
    settings.PANTAU_TRUST_PROXY = True  # the switch of earlier versions: it no longer opens this
    settings.PANTAU_TRUSTED_PROXIES = trusted
    answers = lookups(
        client, LOOKUP_LIMIT + 1, peer="198.51.100.9", forwarded=lambda i: f"203.0.113.{i}"
    )
    assert answers == [404] * LOOKUP_LIMIT + [429]


def test_behind_a_trusted_proxy_the_address_it_saw_is_the_key(client, settings):
    settings.PANTAU_TRUSTED_PROXIES = ["10.0.0.2"]
    # The attacker writes a fresh address each time; the proxy appends the one it saw.
    answers = lookups(
        client,
        LOOKUP_LIMIT + 1,
        peer="10.0.0.2",
        forwarded=lambda i: f"203.0.113.{i}, 198.51.100.9",
    )
    assert answers == [404] * LOOKUP_LIMIT + [429]
    # Another client behind the same proxy has its own count.
    other = client.get(LOOKUP, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.10")
    assert other.status_code == 404


def test_a_chain_of_trusted_proxies_named_by_network(client, settings):
    settings.PANTAU_TRUSTED_PROXIES = ["10.0.0.0/24", "2001:db8::/32"]
    answers = lookups(
        client,
        LOOKUP_LIMIT + 1,
        peer="10.0.0.3",
        forwarded=lambda i: f"203.0.113.{i}, 198.51.100.9, 2001:db8::7, 10.0.0.2",
    )
    assert answers == [404] * LOOKUP_LIMIT + [429]
    other = client.get(
        LOOKUP, REMOTE_ADDR="10.0.0.3", HTTP_X_FORWARDED_FOR="198.51.100.10, 10.0.0.2"
    )
    assert other.status_code == 404


def test_a_spoofed_header_is_not_the_address_in_the_audit_log_or_the_lockout(
    client, users, settings
):
    settings.PANTAU_TRUST_PROXY = True  # the switch of earlier versions: it no longer opens this
    settings.PANTAU_TRUSTED_PROXIES = ["10.0.0.2"]
    for i in range(settings.AXES_FAILURE_LIMIT + 1):
        client.post(
            reverse("login"),
            {"username": "inspector", "password": "wrong"},
            REMOTE_ADDR="198.51.100.9",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{i}",
        )
    failures = AuditEntry.objects.filter(action="auth.login_failed")
    assert failures.exists()
    assert set(failures.values_list("ip_address", flat=True)) == {"198.51.100.9"}
    locked = client.post(
        reverse("login"),
        {"username": "inspector", "password": PASSWORD},
        REMOTE_ADDR="198.51.100.9",
        HTTP_X_FORWARDED_FOR="203.0.113.200",
    )
    assert locked.status_code == 429 and "_auth_user_id" not in client.session


def _settings_error(**env) -> str:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PANTAU_TRUST")}
    environment.update(PANTAU_SECRET_KEY="x" * 50, DJANGO_SETTINGS_MODULE="pantau.settings", **env)
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    return done.stderr.strip().splitlines()[-1]


def test_a_bad_proxy_entry_is_named_at_start():
    error = _settings_error(PANTAU_TRUSTED_PROXIES="10.0.0.2, 10.0.0.0/33")
    assert "PANTAU_TRUSTED_PROXIES" in error and "10.0.0.0/33" in error


def test_the_old_trust_everyone_switch_is_refused_with_directions():
    error = _settings_error(PANTAU_TRUST_PROXY="1")
    assert "PANTAU_TRUSTED_PROXIES" in error
