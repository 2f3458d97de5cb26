"""`pantau classify`, `evaluate` and `train`: line-for-line output, errors per line, no Django."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pantau.cli import main

SRC = str(Path(__file__).resolve().parents[2] / "src")


def run_cli(args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess:
    # A parser with only the detection commands, so the check covers exactly this module.
    code = (
        "import sys\n"
        "from pantau.cli.base import CliError, Parser\n"
        "from pantau.cli import detection\n"
        "p = Parser(prog='pantau'); sub = p.add_subparsers(dest='command', parser_class=Parser)\n"
        "detection.register(sub); args = p.parse_args(sys.argv[1:])\n"
        "try:\n    rc = args.func(args)\n"
        "except CliError as exc:\n    sys.stderr.write(f'pantau: error: {exc}\\n'); rc = exc.status\n"
        "assert 'django' not in sys.modules, 'detection commands must not import Django'\n"
        "sys.exit(rc)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        input=stdin,
        capture_output=True,
        timeout=300,
        env={"PYTHONPATH": SRC, "PATH": "/usr/bin:/bin"},
    )


MIXED = [
    b'{"id": 1, "text": "dasar g o b l o k lu"}',
    b"",
    b"{not json",
    b'{"id": "bad-utf8", "text": "caf\xe9 \xff"}',
    b"[1, 2, 3]",
    b'{"id": "no-text"}',
    b'{"id": 7, "text": "Selamat pagi warga Balikpapan"}',
    json.dumps({"id": "big", "text": "jalan rusak lagi " * 62_000}).encode(),  # > 1 MB
    b'{"id": "last", "text": "4nj1ng"}',
]


def check_mixed(stdout: bytes) -> None:
    lines = stdout.decode("utf-8").splitlines()
    assert len(lines) == len(MIXED)
    out = [json.loads(line) for line in lines]
    assert [o.get("id") for o in out] == [1, None, None, None, None, "no-text", 7, "big", "last"]
    assert "scores" in out[0] and "error" not in out[0]
    assert out[1]["error"] == "empty line"
    assert "invalid JSON" in out[2]["error"]
    assert "UTF-8" in out[3]["error"]
    assert "not a JSON object" in out[4]["error"]
    assert "text" in out[5]["error"]
    assert out[6]["flags"] == [] and "scores" in out[7] and "scores" in out[8]


def test_classify_file_never_drops_or_reorders(tmp_path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join(MIXED) + b"\n")
    proc = run_cli(["classify", "--input", str(path), "--batch-size", "3"])
    assert proc.returncode == 0, proc.stderr
    check_mixed(proc.stdout)


def test_classify_stdin_with_two_workers() -> None:
    proc = run_cli(["classify", "--workers", "2", "--batch-size", "2"], stdin=b"\n".join(MIXED))
    assert proc.returncode == 0, proc.stderr
    check_mixed(proc.stdout)


def test_classify_missing_file_is_one_line_error(capsys) -> None:
    assert main(["classify", "--input", "/nonexistent/x.jsonl"]) == 2
    err = capsys.readouterr().err
    assert "input file not found" in err and err.count("\n") == 1


def test_evaluate_small_labelled_file(tmp_path, capsys) -> None:
    path = tmp_path / "gold.jsonl"
    rows = [
        {
            "id": 1,
            "text": "dasar g0bl0k b4ngs4t lu",
            "hate_speech": 1,
            "abusive": 1,
            "radicalism": 0,
        },
        {
            "id": 2,
            "text": "Selamat pagi, pelayanan dibuka jam 8",
            "hate_speech": 0,
            "abusive": 0,
            "radicalism": 0,
        },
        {
            "id": 3,
            "text": "Jalan rusak belum diperbaiki pemkot",
            "hate_speech": 0,
            "abusive": 0,
            "radicalism": 0,
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n\n")
    assert main(["evaluate", "--input", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["posts"] == 3 and report["skipped_lines"] == 1
    ab = report["labels"]["abusive"]
    assert ab["tp"] == 1 and ab["fp"] == 0 and ab["recall"] == 1.0
    assert set(report["labels"]) == {"hate_speech", "abusive", "radicalism"}
    assert main(["evaluate", "--input", str(path)]) == 0
    text = capsys.readouterr().out
    assert "precision" in text and "abusive" in text


def test_evaluate_without_labels_is_an_error(tmp_path, capsys) -> None:
    path = tmp_path / "nolabels.jsonl"
    path.write_text('{"id": 1, "text": "halo"}\n')
    assert main(["evaluate", "--input", str(path)]) == 2
    assert "no 0/1 label fields" in capsys.readouterr().err


def _write_csv(path: Path, header: list[str], rows: list[list]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)


@pytest.mark.slow
def test_train_on_a_tiny_data_directory(tmp_path) -> None:
    data = tmp_path / "data"
    bad = [
        "dasar goblok kau",
        "anjing lu bangsat",
        "tolol banget kamu",
        "kafir laknat usir",
        "babi kau",
    ]
    good = [
        "selamat pagi semua",
        "jalan rusak lagi",
        "rapat di kantor",
        "harga cabai naik",
        "hujan deras",
    ]
    header = ["Tweet", "HS", "Abusive", "HS_Individual", "HS_Group", "HS_Religion", "HS_Race",
              "HS_Physical", "HS_Gender", "HS_Other", "HS_Weak", "HS_Moderate", "HS_Strong"]  # fmt: skip
    rows = []
    for i in range(6):
        rows += [[f"{t} {i}", 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0] for t in bad]
        rows += [[f"{t} {i}", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] for t in good]
    _write_csv(data / "ibrohim2019" / "train.csv", header, rows)
    _write_csv(
        data / "ibrohim2018_abusive" / "train.csv",
        ["Label", "Tweet"],
        [[3, "monyet kau"], [1, "apa kabar"]],
    )
    net = [[f"tegakkan khilafah bunuh thogut {i}", "twitter", 0, 0, 1, 0] for i in range(12)]
    net += [[f"nonton bola bareng teman {i}", "twitter", 0, 0, 0, 0] for i in range(24)]
    _write_csv(data / "netifier2018" / "train.csv",
               ["original_text", "source", "pornografi", "sara", "radikalisme", "pencemaran_nama_baik"], net)  # fmt: skip
    out = tmp_path / "artifact"
    proc = run_cli(
        ["train", "--data", str(data), "--out", str(out), "--quick", "--version", "2026.12.1"]
    )
    assert proc.returncode == 0, proc.stderr
    assert (out / "manifest.json").exists() and (out / "model.npz").exists()
    assert json.loads((out / "manifest.json").read_text())["version"] == "2026.12.1"
    assert "saved pantau-id-2026.12.1" in proc.stdout.decode()
    inp = tmp_path / "in.jsonl"
    inp.write_text('{"id": "x", "text": "dasar goblok kau"}\n')
    proc = run_cli(["classify", "--input", str(inp), "--artifact", str(out)])
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["id"] == "x"


def test_train_rejects_wrong_directory(tmp_path) -> None:
    proc = run_cli(["train", "--data", str(tmp_path)])
    assert proc.returncode == 2
    assert b"does not look like the data directory" in proc.stderr


@pytest.mark.parametrize("version", ["../x", "", "a b", "x" * 41])
def test_train_refuses_a_version_that_cannot_name_a_model(tmp_path, version) -> None:
    data = tmp_path / "data"
    _write_csv(data / "ibrohim2019" / "train.csv", ["Tweet", "HS"], [["x", 0]])
    proc = run_cli(["train", "--data", str(data), "--version", version])
    assert proc.returncode == 2
    assert b"--version" in proc.stderr and b"letters, digits" in proc.stderr


def test_a_model_retrained_with_reviews_gets_its_own_version(tmp_path) -> None:
    from pantau.cli.detection import model_version
    from pantau.core.detection.training import VERSION

    reviews = tmp_path / "reviews.jsonl"
    reviews.write_text('{"text": "x", "abusive": 1}\n')
    other = tmp_path / "other.jsonl"
    other.write_text('{"text": "y", "abusive": 0}\n')
    assert model_version(None, None) == VERSION
    retrained = model_version(None, reviews)
    assert retrained.startswith(VERSION + "-r") and len(retrained) == len(VERSION) + 10
    assert retrained == model_version(None, reviews)  # the same decisions, the same version
    assert model_version(None, other) != retrained
    assert model_version("2027.1.0", reviews) == "2027.1.0"
