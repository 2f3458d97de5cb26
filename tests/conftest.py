"""Shared fixtures: a small registry, one user per role and helpers to act as them.

The registry (function-scoped, built with the ORM in a few milliseconds):

    SETDA  Sekretariat Daerah              head: Hendra (e0)
      DISKOMINFO  Dinas Komunikasi ...     head: Ratna (e1)
        BIDTI  Bidang Teknologi Informasi  (no head)
    DINKES  Dinas Kesehatan                 head: Agus (e6)

Supervisor chain: e0 → e1 → e2 (the supervisor user) → e3, e4; e3 → e5. e2 heads no unit, so the
supervisor user sees e2 (self), e3, e4 and e5 — and nobody else. The employee user is e4.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pantau.core.nip import make_nip

PASSWORD = "Kopi-Tubruk-2024!"
ROLES = ["admin", "inspector", "head", "decider", "supervisor", "employee", "auditor"]

# (key, name, front, back, position, grade, unit, supervisor key, birth, tmt, sex, active)
# fmt: off
EMPLOYEES = [
    ("e0", "Hendra Wijaya", "Drs.", "M.Si.", "Sekretaris Daerah", "IV/d", "SETDA", None,
     dt.date(1968, 4, 12), (1994, 3), "M", True),
    ("e1", "Ratna Sari Dewi", "", "S.Kom., M.T.", "Kepala Dinas Kominfo", "IV/c", "DISKOMINFO",
     "e0", dt.date(1975, 9, 2), (2001, 1), "F", True),
    ("e2", "Yohanes Paulus Lamawuran", "", "S.T.", "Kepala Bidang TI", "IV/a", "BIDTI", "e1",
     dt.date(1980, 1, 30), (2006, 4), "M", True),
    ("e3", "Budi Santoso", "", "S.Kom.", "Pranata Komputer Ahli Muda", "III/c", "BIDTI", "e2",
     dt.date(1988, 7, 17), (2012, 2), "M", True),
    ("e4", "Siti Rahmawati", "", "A.Md.", "Pengelola Data", "II/d", "BIDTI", "e2",
     dt.date(1993, 11, 5), (2019, 3), "F", True),
    ("e5", "Made Wirawan", "", "", "Operator Jaringan", "II/b", "BIDTI", "e3",
     dt.date(1996, 2, 21), (2020, 6), "M", True),
    ("e6", "Agus Salim Nasution", "dr.", "M.Kes.", "Kepala Dinas Kesehatan", "IV/c", "DINKES",
     None, dt.date(1972, 5, 9), (1999, 12), "M", True),
    ("e7", "Ani Lestari", "", "S.K.M.", "Epidemiolog Ahli Pertama", "III/a", "DINKES", "e6",
     dt.date(1995, 8, 14), (2021, 1), "F", True),
    ("e8", "Fransiska Ndun", "", "S.Sos.", "Analis Kebijakan", "III/b", "DISKOMINFO", "e1",
     dt.date(1990, 12, 1), (2015, 7), "F", True),
    ("e9", "Rudi Hartono", "", "", "Pengemudi", "II/a", "DINKES", "e6",
     dt.date(1966, 3, 3), (1990, 3), "M", False),
]
# fmt: on

# (employee key, platform, handle, url, state)
ACCOUNTS = [
    ("e3", "instagram", "budi.santoso", "https://instagram.com/budi.santoso", "declared"),
    ("e3", "x", "budisan", "https://x.com/budisan", "verified"),
    ("e4", "tiktok", "siti_rahma", "", "declared"),
    ("e7", "instagram", "ani.lestari.skm", "https://instagram.com/ani.lestari.skm", "declared"),
    ("e8", "facebook", "fransiska.ndun", "", "declared"),
]


def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgres`` need PostgreSQL itself (overlapping transactions, row locks):
    on SQLite they are deselected, not skipped, and run in the suite's PostgreSQL pass."""
    if os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        return
    dropped = [item for item in items if item.get_closest_marker("postgres")]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [item for item in items if not item.get_closest_marker("postgres")]


def pytest_configure(config):
    """Whitenoise warns on every request when STATIC_ROOT is missing; the tests use finders."""
    from django.conf import settings

    if settings.configured:
        Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)


@pytest.fixture(autouse=True, scope="session")
def _audit_purge_allowed():
    """Django empties the tables between transactional tests; the audit triggers allow that here."""
    from pantau.audit.protection import set_purge_allowed

    set_purge_allowed(True, open_connections=False)
    yield
    set_purge_allowed(False, open_connections=False)


@pytest.fixture(autouse=True)
def _own_audit_checkpoints(settings, tmp_path):
    """Each test's database starts empty, so each test gets its own audit checkpoint file."""
    settings.PANTAU_AUDIT_CHECKPOINT_FILE = str(tmp_path / "audit-checkpoints.jsonl")


@dataclass
class Registry:
    units: dict = field(default_factory=dict)
    employees: dict = field(default_factory=dict)
    accounts: list = field(default_factory=list)


@pytest.fixture
def registry(db) -> Registry:
    from pantau.registry.models import Account, Employee, Unit

    reg = Registry()
    u = reg.units
    u["SETDA"] = Unit.objects.create(code="SETDA", name="Sekretariat Daerah", kind="sekretariat")
    u["DISKOMINFO"] = Unit.objects.create(
        code="DISKOMINFO", name="Dinas Komunikasi dan Informatika", kind="dinas", parent=u["SETDA"]
    )
    u["BIDTI"] = Unit.objects.create(
        code="BIDTI", name="Bidang Teknologi Informasi", kind="bagian", parent=u["DISKOMINFO"]
    )
    u["DINKES"] = Unit.objects.create(code="DINKES", name="Dinas Kesehatan", kind="dinas")
    for seq, row in enumerate(EMPLOYEES, start=1):
        key, name, front, back, position, grade, unit, sup, birth, tmt, sex, active = row
        reg.employees[key] = Employee.objects.create(
            nip=make_nip(birth, tmt[0], tmt[1], sex, seq),
            name=name,
            front_title=front,
            back_title=back,
            position=position,
            grade=grade,
            unit=u[unit],
            supervisor=reg.employees[sup] if sup else None,
            email=f"{key}@teluksejahtera.go.id",
            active=active,
        )
    for unit, head in (("SETDA", "e0"), ("DISKOMINFO", "e1"), ("DINKES", "e6")):
        u[unit].head = reg.employees[head]
        u[unit].save()
    for key, platform, handle, url, state in ACCOUNTS:
        reg.accounts.append(
            Account.objects.create(
                employee=reg.employees[key], platform=platform, handle=handle, url=url, state=state
            )
        )
    return reg


@pytest.fixture
def users(registry) -> dict:
    """One user per role, user name = role name, all with PASSWORD."""
    from pantau.users.services import user_create

    linked = {"supervisor": registry.employees["e2"], "employee": registry.employees["e4"]}
    return {
        role: user_create(
            username=role,
            password=PASSWORD,
            role=role,
            employee=linked.get(role),
            email=f"{role}@pantau.test",
            first_name=role.capitalize(),
            check_password=False,
        )
        for role in ROLES
    }


@pytest.fixture
def login_as(client, users):
    """``login_as("inspector")`` logs the test client in as that role and returns the client."""

    def _login(role: str | None):
        from django.conf import settings

        language = client.cookies.get(settings.LANGUAGE_COOKIE_NAME)
        client.logout()  # also clears the cookies: keep the language choice
        if language is not None:
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = language.value
        if role is not None:
            client.force_login(users[role])
        return client

    return _login


@pytest.fixture
def english(client):
    """Make the test client ask for English pages, for assertions on interface text."""
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def in_english():
    """Messages made outside a request (service errors, reports) in English, for assertions."""
    from django.utils import translation

    with translation.override("en"):
        yield


# --- files for import tests -----------------------------------------------------------------


def write_csv(path: Path, rows: list[list], *, delimiter: str = ",", encoding="utf-8") -> Path:
    text = "\n".join(delimiter.join(str(c) for c in row) for row in rows) + "\n"
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list], *, title: str | None = None) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    if title is not None:
        ws.append([title])
        width = max(len(r) for r in rows)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path
