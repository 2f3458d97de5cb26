"""`pantau registry import` and `pantau registry export`."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pantau.cli import main
from pantau.core.nip import make_nip
from pantau.registry.models import Employee
from tests.conftest import write_csv

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]

NEW = make_nip(dt.date(1991, 6, 1), 2016, 2, "F", 101)


def good_rows():
    return [["nip", "nama", "kode_unit", "golongan"], [NEW, "Dewi Anggraini", "BIDTI", "III/a"]]


def test_check_prints_every_bad_row_and_exits_1(tmp_path, registry, capsys):
    rows = [*good_rows(), ["123", "Budi", "BIDTI", ""], [NEW, "Dewi Lagi", "XXX", "III/z"]]
    path = write_csv(tmp_path / "pegawai.csv", rows)
    assert main(["registry", "import", "employees", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("pegawai.csv: row 3: nip: NIP must have 18 digits")
    assert out[1].startswith(f"pegawai.csv: row 4: nip: duplicate NIP {NEW} (first on row 2)")
    assert out[-1] == "2 problems in 3 rows; nothing imported"
    assert not Employee.objects.filter(nip=NEW).exists()


def test_check_of_a_good_file_writes_nothing(tmp_path, registry, capsys):
    path = write_csv(tmp_path / "pegawai.csv", good_rows())
    assert main(["registry", "import", "employees", str(path)]) == 0
    assert "1 rows are valid; run again with --commit" in capsys.readouterr().out
    assert not Employee.objects.filter(nip=NEW).exists()


def test_commit_imports_a_good_file(tmp_path, registry, capsys):
    path = write_csv(tmp_path / "pegawai.csv", good_rows())
    assert main(["registry", "import", "employees", str(path), "--commit"]) == 0
    assert "imported 1 rows: 1 new, 0 updated" in capsys.readouterr().out
    assert Employee.objects.get(nip=NEW).grade == "III/a"


def test_commit_of_a_bad_file_imports_nothing(tmp_path, registry, capsys):
    rows = [*good_rows(), [NEW, "Dewi Lagi", "BIDTI", ""]]
    path = write_csv(tmp_path / "pegawai.csv", rows)
    assert main(["registry", "import", "employees", str(path), "--commit"]) == 1
    assert "nothing imported" in capsys.readouterr().out
    assert not Employee.objects.filter(nip=NEW).exists()


def test_json_report_lists_row_field_and_reason(tmp_path, registry, capsys):
    rows = [["nip", "platform", "handle"], [registry.employees["e5"].nip, "myspace", "made"]]
    path = write_csv(tmp_path / "akun.csv", rows)
    assert main(["registry", "import", "accounts", str(path), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["committed"] is False and report["rows"] == 1
    assert [(e["row"], e["field"]) for e in report["errors"]] == [(2, "platform")]


def test_an_empty_file_is_one_line_naming_the_file(tmp_path, registry, capsys):
    path = tmp_path / "kosong.csv"
    path.write_bytes(b"")
    assert main(["registry", "import", "employees", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "kosong.csv: the file is empty" in err
    assert "Traceback" not in err


def test_a_missing_file_is_one_line(tmp_path, registry, capsys):
    assert main(["registry", "import", "units", str(tmp_path / "tidak-ada.csv")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "tidak-ada.csv: no such file" in err


def test_export_writes_a_workbook(tmp_path, registry, capsys):
    path = tmp_path / "ekspor.xlsx"
    assert main(["registry", "export", str(path)]) == 0
    assert path.read_bytes()[:4] == b"PK\x03\x04"
    assert f"wrote {path}" in capsys.readouterr().out
