"""Demo mode only when asked for; a production start refuses the demo's settings; `pantau check
--deploy` names each unsafe setting; the data folder and the SQLite files are private.

Every test runs the real `pantau` command in a subprocess with its own data folder.
"""

from __future__ import annotations

import os
import secrets
import stat
import subprocess
import sys
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[2] / "src")
STRONG_SECRET = secrets.token_urlsafe(50)
AUDIT_KEY = secrets.token_hex(32)


def pantau(
    args: list[str], data_dir: Path, timeout: int = 300, **env
) -> subprocess.CompletedProcess:
    base = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": SRC,
        "PANTAU_DATA_DIR": str(data_dir),
        "HOME": str(data_dir.parent),
    }
    base.update({k: v for k, v in env.items() if v is not None})
    return subprocess.run(
        [sys.executable, "-m", "pantau.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=base,
        cwd=str(data_dir.parent),
    )


def production(**extra) -> dict:
    return {"PANTAU_SECRET_KEY": STRONG_SECRET, "PANTAU_AUDIT_KEY": AUDIT_KEY, **extra}


def settings_of(data_dir: Path, **env) -> str:
    code = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'pantau.settings'\n"
        "from django.conf import settings\n"
        "print(settings.DEMO, settings.PANTAU_ENFORCE_TOTP)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": SRC, "PANTAU_DATA_DIR": str(data_dir), **env},
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


@pytest.fixture
def demo_folder(tmp_path) -> Path:
    """A data folder as `pantau demo` leaves it: its generated secret is there."""
    data_dir = tmp_path / "var"
    data_dir.mkdir()
    (data_dir / "demo_secret_key").write_text(secrets.token_urlsafe(50))
    return data_dir


def test_a_demo_folder_does_not_make_a_production_start_a_demo(demo_folder):
    assert settings_of(demo_folder, PANTAU_SECRET_KEY=STRONG_SECRET) == "False True"
    assert settings_of(demo_folder, PANTAU_DEMO="1") == "True False"


def test_without_a_secret_and_without_asking_for_the_demo_nothing_starts(demo_folder):
    result = pantau(["migrate"], demo_folder)
    assert result.returncode != 0
    assert "PANTAU_SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize(
    ("env", "check_id", "words"),
    [
        ({"PANTAU_DEMO": "1"}, "pantau.E001", "Demo mode is on"),
        ({"PANTAU_ENFORCE_TOTP": "0"}, "pantau.E002", "TOTP"),
        ({"PANTAU_DEBUG": "1"}, "pantau.E003", "Debug mode is on"),
        ({"PANTAU_SECRET_KEY": "django-insecure-change-me-please-0123456789-abcdefghijk"},
         "pantau.E004", "default or example value"),
    ],
)  # fmt: skip
def test_a_production_start_refuses_each_demo_setting(tmp_path, env, check_id, words):
    data_dir = tmp_path / "var"
    result = pantau(["serve", "--port", "1"], data_dir, **production(**env))
    assert result.returncode == 2
    assert "refusing a production start" in result.stderr
    assert check_id in result.stderr and words in result.stderr


def test_a_production_start_refuses_a_demo_data_folder(demo_folder):
    result = pantau(["serve", "--port", "1"], demo_folder, **production())
    assert result.returncode == 2 and "pantau.E007" in result.stderr


def test_check_deploy_names_every_unsafe_setting(demo_folder):
    pantau(["migrate"], demo_folder, PANTAU_DEMO="1")
    (demo_folder / "pantau.sqlite3").chmod(0o644)
    demo_folder.chmod(0o755)
    result = pantau(
        ["check", "--deploy"], demo_folder, PANTAU_DEMO="1", PANTAU_DEBUG="1",
        PANTAU_ALLOWED_HOSTS="localhost",
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for check_id in ("pantau.E001", "pantau.E002", "pantau.E003", "pantau.E004",
                     "pantau.E005", "pantau.E006", "pantau.E007"):  # fmt: skip
        assert check_id in output, check_id
    assert "pantau.sqlite3 has mode 0644" in output
    assert "has mode 0755 (wanted 0700)" in output


def test_check_deploy_is_quiet_about_pantau_for_a_safe_installation(tmp_path):
    data_dir = tmp_path / "var"
    assert pantau(["migrate"], data_dir, **production()).returncode == 0
    result = pantau(["check", "--deploy"], data_dir, **production())
    assert "pantau.E" not in result.stdout + result.stderr


def test_migrate_makes_the_data_folder_and_the_database_private(tmp_path):
    data_dir = tmp_path / "var"
    data_dir.mkdir(mode=0o755)
    data_dir.chmod(0o755)
    result = pantau(["migrate"], data_dir, **production())
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    files = [p for p in data_dir.iterdir() if p.is_file()]
    assert any(p.name == "pantau.sqlite3" for p in files)
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
