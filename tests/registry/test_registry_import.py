"""registry_import: good files commit, every bad row is listed with its row and field, all or none."""

from __future__ import annotations

import datetime as dt

import pytest

from pantau.audit.models import AuditEntry
from pantau.audit.services import audit_verify
from pantau.core.nip import make_nip
from pantau.registry.imports import RegistryImportError, registry_import
from pantau.registry.models import Account, Employee, Unit
from tests.conftest import write_csv, write_xlsx

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]

EMP_HEADER = [
    "nip",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "jabatan",
    "golongan",
    "kode_unit",
    "nip_atasan",
    "email",
    "aktif",
]
NEW1 = make_nip(dt.date(1991, 6, 1), 2016, 2, "F", 101)
NEW2 = make_nip(dt.date(1994, 10, 20), 2019, 4, "M", 102)
NEW3 = make_nip(dt.date(1987, 1, 15), 2011, 9, "F", 103)
UNKNOWN = make_nip(dt.date(1980, 5, 5), 2005, 5, "M", 999)


def spaced(nip: str) -> str:
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


def employee_rows(registry) -> list[list]:
    boss = registry.employees["e2"].nip
    return [
        EMP_HEADER,
        [
            spaced(NEW1),
            "Dewi Anggraini",
            "",
            "S.Kom.",
            "Pranata Komputer",
            "III/a",
            "BIDTI",
            boss,
            "dewi@teluksejahtera.go.id",
            "ya",
        ],
        [NEW2, "Andi Pratama", "", "", "Teknisi", "II/c", "BIDTI", NEW1, "", "aktif"],
        [NEW3, "Maria Goreti Bria", "Ns.", "S.Kep.", "Perawat", "III/b", "DINKES", "", "", "tidak"],
    ]


def write(tmp_path, fmt: str, name: str, rows: list[list]):
    path = tmp_path / f"{name}.{fmt}"
    return write_csv(path, rows) if fmt == "csv" else write_xlsx(path, rows)


def errors(report) -> list[tuple[int, str]]:
    return [(e.row, e.field) for e in report.errors]


# --- good files -----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_good_employee_file_is_checked_without_writing(tmp_path, registry, fmt):
    path = write(tmp_path, fmt, "pegawai", employee_rows(registry))
    before = Employee.objects.count()
    report = registry_import(kind="employees", path=path)
    assert report.ok and report.rows == 3
    assert not report.committed
    assert Employee.objects.count() == before


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_good_employee_file_commits_every_row(tmp_path, registry, users, fmt):
    path = write(tmp_path, fmt, "pegawai", employee_rows(registry))
    report = registry_import(kind="employees", path=path, dry_run=False, actor=users["admin"])
    assert report.committed and (report.created, report.updated) == (3, 0)
    dewi = Employee.objects.get(nip=NEW1)
    assert dewi.full_name == "Dewi Anggraini, S.Kom."
    assert dewi.unit.code == "BIDTI" and dewi.grade == "III/a"
    assert dewi.supervisor == registry.employees["e2"]
    assert Employee.objects.get(nip=NEW2).supervisor == dewi  # supervisor from the same file
    assert Employee.objects.get(nip=NEW3).active is False
    assert audit_verify().ok


def test_a_committed_import_is_audited_row_by_row(tmp_path, registry, users):
    path = write(tmp_path, "csv", "pegawai", employee_rows(registry))
    registry_import(kind="employees", path=path, dry_run=False, actor=users["admin"])
    created = AuditEntry.objects.filter(action="registry.employee.created")
    assert created.count() == 3
    assert all(e.actor_repr == "admin" and e.reason == "import" for e in created)
    summary = AuditEntry.objects.get(action="registry.import.employees")
    assert summary.after == {"rows": 3, "created": 3, "updated": 0}
    assert summary.object_repr == "pegawai.csv"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_reimport_updates_instead_of_duplicating(tmp_path, registry, fmt):
    rows = employee_rows(registry)
    registry_import(kind="employees", path=write(tmp_path, fmt, "a", rows), dry_run=False)
    count = Employee.objects.count()
    rows[1][1] = "Dewi Anggraini Putri"
    report = registry_import(kind="employees", path=write(tmp_path, fmt, "b", rows), dry_run=False)
    assert (report.created, report.updated) == (0, 3)
    assert Employee.objects.count() == count
    assert Employee.objects.get(nip=NEW1).name == "Dewi Anggraini Putri"
    change = AuditEntry.objects.get(action="registry.employee.updated")
    assert change.before == {"name": "Dewi Anggraini"}
    assert change.after == {"name": "Dewi Anggraini Putri"}


def test_a_semicolon_separated_csv_is_imported(tmp_path, registry):
    path = write_csv(tmp_path / "pegawai.csv", employee_rows(registry), delimiter=";")
    report = registry_import(kind="employees", path=path, dry_run=False)
    assert report.ok and report.created == 3
    assert Employee.objects.get(nip=NEW2).name == "Andi Pratama"


def test_indonesian_and_english_column_names_are_both_understood(tmp_path, registry):
    rows = [
        ["NIP", "Name", "Position", "Grade", "Unit", "Supervisor NIP", "E-mail", "Active"],
        [NEW1, "Dewi Anggraini", "Pranata Komputer", "III/a", "BIDTI", "", "", "yes"],
    ]
    report = registry_import(
        kind="employees", path=write_csv(tmp_path / "e.csv", rows), dry_run=False
    )
    assert report.ok, report.errors
    assert Employee.objects.get(nip=NEW1).position == "Pranata Komputer"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_good_unit_file_builds_the_tree(tmp_path, registry, fmt):
    rows = [
        ["kode", "nama", "jenis", "kode_induk"],
        ["DISHUB", "Dinas Perhubungan", "dinas", "SETDA"],
        ["SUBBAG", "Subbagian Umum", "bagian", "DISHUB"],
        ["DINKES", "Dinas Kesehatan Kota", "dinas", ""],  # existing: renamed
    ]
    report = registry_import(kind="units", path=write(tmp_path, fmt, "unit", rows), dry_run=False)
    assert report.ok and (report.created, report.updated) == (2, 1)
    assert Unit.objects.get(code="SUBBAG").parent.code == "DISHUB"
    assert Unit.objects.get(code="DISHUB").parent.code == "SETDA"
    assert Unit.objects.get(code="DINKES").name == "Dinas Kesehatan Kota"


def test_a_child_unit_may_come_before_its_parent_in_the_file(tmp_path, registry):
    # As for supervisors, the order of rows must not matter: the export itself lists units
    # by code, so a child (BIDTI) comes before its parent (DISKOMINFO).
    rows = [
        ["kode", "nama", "jenis", "kode_induk"],
        ["SUBBAG", "Subbagian Umum", "bagian", "DISHUB"],
        ["DISHUB", "Dinas Perhubungan", "dinas", "SETDA"],
    ]
    report = registry_import(kind="units", path=write_csv(tmp_path / "u.csv", rows), dry_run=False)
    assert report.ok, report.errors
    assert Unit.objects.get(code="SUBBAG").parent.code == "DISHUB"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_good_account_file_commits_and_reimport_updates(tmp_path, registry, fmt):
    e5, e7 = registry.employees["e5"].nip, registry.employees["e7"].nip
    rows = [
        ["nip", "platform", "handle", "url", "status"],
        [e5, "instagram", "@Made.Wirawan", "https://instagram.com/made.wirawan", ""],
        [spaced(e7), "TikTok", "ani_sehat", "", "verified"],
        [e5, "mastodon", "made@mastodon.social", "https://mastodon.social/@made", "declared"],
    ]
    before = Account.objects.count()
    report = registry_import(
        kind="accounts", path=write(tmp_path, fmt, "akun", rows), dry_run=False
    )
    assert report.ok and report.created == 3
    made = Account.objects.get(platform="instagram", handle_key="made.wirawan")
    assert made.handle == "Made.Wirawan" and made.state == "declared"
    assert made.employee == registry.employees["e5"]
    assert Account.objects.get(handle_key="ani_sehat").state == "verified"
    rows[1][2] = "made.wirawan"  # same account, other spelling
    report = registry_import(
        kind="accounts", path=write(tmp_path, fmt, "akun2", rows), dry_run=False
    )
    assert (report.created, report.updated) == (0, 3)
    assert Account.objects.count() == before + 3


# --- bad rows -------------------------------------------------------------------------------


def _emp(registry, **changes) -> list:
    values = {
        "nip": NEW2,
        "nama": "Andi Pratama",
        "gelar_depan": "",
        "gelar_belakang": "",
        "jabatan": "Teknisi",
        "golongan": "II/c",
        "kode_unit": "BIDTI",
        "nip_atasan": registry.employees["e2"].nip,
        "email": "andi@teluksejahtera.go.id",
        "aktif": "ya",
    }
    values.update(changes)
    return [values[c] for c in EMP_HEADER]


@pytest.mark.parametrize(
    ("changes", "field", "reason"),
    [
        ({"nip": "19910601201602210"}, "nip", "18 digits"),
        ({"nip": "199106012016132101"}, "nip", "TMT"),
        ({"nip": spaced(NEW1)}, "nip", f"duplicate NIP {NEW1} (first on row 2)"),
        ({"kode_unit": "DISHUB"}, "unit_code", "unknown unit DISHUB"),
        ({"kode_unit": ""}, "unit_code", "unknown unit"),
        ({"nip_atasan": UNKNOWN}, "supervisor_nip", f"unknown supervisor NIP {UNKNOWN}"),
        ({"nip_atasan": NEW2}, "supervisor_nip", "cannot supervise themselves"),
        ({"golongan": "V/a"}, "grade", "unknown grade V/a"),
        ({"email": "andi at pemkot"}, "email", "not an e-mail address"),
        ({"aktif": "mungkin"}, "active", "mungkin"),
        ({"nama": ""}, "name", "missing"),
    ],
)
def test_each_bad_employee_row_is_reported_with_row_and_field(
    tmp_path, registry, changes, field, reason
):
    rows = [
        EMP_HEADER,
        _emp(registry, nip=NEW1, nama="Dewi Anggraini"),
        _emp(registry, **changes),
        _emp(registry, nip=NEW3, nama="Maria Goreti Bria"),
    ]
    report = registry_import(kind="employees", path=write_csv(tmp_path / "p.csv", rows))
    assert errors(report) == [(3, field)]
    assert reason in report.errors[0].reason


def test_every_bad_row_of_a_file_is_listed_in_order(tmp_path, registry):
    rows = [
        EMP_HEADER,
        _emp(registry, nip=NEW1),
        _emp(registry, nip="123"),
        _emp(registry, nip=NEW2, kode_unit="XXX", golongan="V/z"),
        _emp(registry, nip=NEW1),
        _emp(registry, nip=NEW3, email="x"),
    ]
    report = registry_import(kind="employees", path=write_csv(tmp_path / "p.csv", rows))
    assert errors(report) == [(3, "nip"), (4, "grade"), (4, "unit_code"), (5, "nip"), (6, "email")]


@pytest.mark.parametrize(
    ("row", "field", "reason"),
    [
        (["e5", "friendster", "made", "", ""], "platform", "unknown platform friendster"),
        (["e5", "", "made", "", ""], "platform", "unknown platform"),
        (["e5", "instagram", "made wirawan", "", ""], "handle", "not a valid handle"),
        (["e5", "instagram", "", "", ""], "handle", "not a valid handle"),
        (
            ["e5", "instagram", "@Made.W", "", ""],
            "handle",
            "duplicate account @Made.W (first on row 2)",
        ),
        ([UNKNOWN, "instagram", "made.x", "", ""], "nip", f"unknown employee NIP {UNKNOWN}"),
        (["", "instagram", "made.x", "", ""], "nip", "unknown employee NIP"),
        (["e5", "instagram", "made.x", "", "banned"], "state", "unknown state banned"),
        (["e5", "instagram", "made.x", "instagram.com/made.x", ""], "url", "https://"),
        (["e5", "instagram", "made.x", "ftp://instagram.com/made.x", ""], "url", "https://"),
    ],
)
def test_each_bad_account_row_is_reported_with_row_and_field(
    tmp_path, registry, row, field, reason
):
    nip = registry.employees["e5"].nip
    row = [nip if c == "e5" else c for c in row]
    rows = [
        ["nip", "platform", "handle", "url", "status"],
        [nip, "instagram", "made.w", "https://instagram.com/made.w", ""],
        row,
        [nip, "x", "madew", "", "declared"],
    ]
    report = registry_import(kind="accounts", path=write_csv(tmp_path / "a.csv", rows))
    assert errors(report) == [(3, field)]
    assert reason in report.errors[0].reason


@pytest.mark.parametrize(
    ("row", "field", "reason"),
    [
        (["", "Tanpa Kode", "dinas", ""], "code", "missing"),
        (["DISHUB", "Dinas Perhubungan Lagi", "dinas", ""], "code", "duplicate unit code DISHUB"),
        (["DISPAR", "", "dinas", ""], "name", "missing"),
        (["DISPAR", "Dinas Pariwisata", "kementerian", ""], "kind", "unknown kind kementerian"),
        (["DISPAR", "Dinas Pariwisata", "dinas", "NOPE"], "parent_code", "unknown unit NOPE"),
        (["DISPAR", "Dinas Pariwisata", "dinas", "DISPAR"], "parent_code", ""),
    ],
    ids=["no code", "duplicate code", "no name", "unknown kind", "unknown parent", "own parent"],
)
def test_each_bad_unit_row_is_reported_with_row_and_field(tmp_path, registry, row, field, reason):
    rows = [
        ["kode", "nama", "jenis", "kode_induk"],
        ["DISHUB", "Dinas Perhubungan", "dinas", ""],
        row,
    ]
    report = registry_import(kind="units", path=write_csv(tmp_path / "u.csv", rows))
    assert errors(report) == [(3, field)]
    assert reason in report.errors[0].reason


def test_a_latin1_line_is_reported_as_bad_encoding_and_other_rows_are_fine(tmp_path, registry):
    rows = employee_rows(registry)
    path = tmp_path / "pegawai.csv"
    lines = [",".join(r) for r in rows]
    lines[2] = lines[2].replace("Andi Pratama", "André Pratama")
    data = "\n".join(lines[:2]).encode() + b"\n" + lines[2].encode("latin-1") + b"\n"
    data += lines[3].encode() + b"\n"
    path.write_bytes(data)
    report = registry_import(kind="employees", path=path, dry_run=False)
    assert errors(report) == [(3, "*")]
    assert "encoding" in report.errors[0].reason
    assert not report.committed
    assert not Employee.objects.filter(nip__in=[NEW1, NEW3]).exists()


@pytest.mark.parametrize("with_error", [False, True])
def test_an_xlsx_with_a_merged_title_row_keeps_true_row_numbers(tmp_path, registry, with_error):
    rows = employee_rows(registry)
    if with_error:
        rows[3][6] = "DISHUB"
    path = write_xlsx(tmp_path / "pegawai.xlsx", rows, title="DAFTAR PEGAWAI BIDANG TI 2025")
    report = registry_import(kind="employees", path=path, dry_run=False)
    if with_error:
        assert errors(report) == [(5, "unit_code")]  # title on 1, header on 2, data from 3
        assert not Employee.objects.filter(nip=NEW1).exists()
    else:
        assert report.ok and report.created == 3
        assert Employee.objects.get(nip=NEW3).name == "Maria Goreti Bria"


def test_a_nip_stored_as_a_number_in_xlsx_is_not_silently_changed(tmp_path, registry):
    # An 18-digit number does not fit a spreadsheet's floating point: 198503122010011004 is
    # stored as 1.98503122010011e+17. The import must refuse it, not read a different NIP.
    nip = make_nip(dt.date(1985, 3, 12), 2010, 1, "M", 4)
    rows = [EMP_HEADER[:7], [int(nip), "Dewi Anggraini", "", "", "Analis", "III/a", "BIDTI"]]
    report = registry_import(kind="employees", path=write_xlsx(tmp_path / "p.xlsx", rows))
    assert errors(report) == [(2, "nip")]
    assert not Employee.objects.exclude(
        nip__in=[e.nip for e in registry.employees.values()]
    ).exists()


# --- whole-file problems --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["kosong.csv", "kosong.xlsx"])
def test_an_empty_file_is_refused_naming_the_file(tmp_path, registry, name):
    path = tmp_path / name
    if name.endswith(".csv"):
        path.write_bytes(b"")
    else:
        write_xlsx(path, [[]])
    with pytest.raises(RegistryImportError, match=name):
        registry_import(kind="employees", path=path)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_header_only_file_is_refused_naming_the_file(tmp_path, registry, fmt):
    path = write(tmp_path, fmt, "header", [EMP_HEADER])
    with pytest.raises(RegistryImportError, match=rf"header\.{fmt}: .*no data rows"):
        registry_import(kind="employees", path=path)


def test_a_file_without_the_required_columns_is_refused(tmp_path, registry):
    path = write_csv(tmp_path / "salah.csv", [["nip", "nama"], [NEW1, "Dewi"]])
    with pytest.raises(RegistryImportError, match="salah.csv: header has no column for unit_code"):
        registry_import(kind="employees", path=path)


def test_a_missing_file_is_refused_naming_the_file(tmp_path, registry):
    with pytest.raises(RegistryImportError, match="tidak-ada.csv"):
        registry_import(kind="employees", path=tmp_path / "tidak-ada.csv")


def test_an_unknown_kind_is_refused(tmp_path, registry):
    with pytest.raises(RegistryImportError, match="unknown import kind"):
        registry_import(kind="posts", data=b"a,b\n", name="x.csv")


def test_uploaded_bytes_are_imported_under_their_name(registry):
    data = "\n".join(",".join(r) for r in employee_rows(registry)).encode()
    report = registry_import(kind="employees", data=data, name="unggahan.csv", dry_run=False)
    assert report.source == "unggahan.csv" and report.created == 3


# --- all or nothing -------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_file_with_one_bad_row_imports_nothing_even_when_committing(
    tmp_path, registry, users, fmt
):
    rows = employee_rows(registry)
    rows.append(_emp(registry, nip=make_nip(dt.date(1990, 1, 1), 2014, 1, "M", 104), golongan="X"))
    employees, accounts, entries = (
        Employee.objects.count(),
        Account.objects.count(),
        AuditEntry.objects.count(),
    )
    report = registry_import(
        kind="employees", path=write(tmp_path, fmt, "p", rows), dry_run=False, actor=users["admin"]
    )
    assert errors(report) == [(5, "grade")]
    assert not report.committed and report.created == 0
    assert Employee.objects.count() == employees
    assert Account.objects.count() == accounts
    assert AuditEntry.objects.count() == entries


def test_a_bad_account_row_keeps_the_good_ones_out_too(tmp_path, registry):
    nip = registry.employees["e5"].nip
    rows = [
        ["nip", "platform", "handle"],
        [nip, "instagram", "made.w"],
        [nip, "myspace", "made.w"],
    ]
    before = Account.objects.count()
    report = registry_import(
        kind="accounts", path=write_csv(tmp_path / "a.csv", rows), dry_run=False
    )
    assert errors(report) == [(3, "platform")]
    assert Account.objects.count() == before
