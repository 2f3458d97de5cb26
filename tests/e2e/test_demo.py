"""`pantau demo` brings up a server with demo data and one working login per role."""

from __future__ import annotations

import http.cookiejar
import re
import urllib.parse
import urllib.request

import pytest

ROLES = {
    "admin": "Administrator",
    "inspektur": "Inspektur",
    "kepala": "Kepala Inspektorat",
    "ppk": "Pejabat Pembina Kepegawaian (PPK)",
    "atasan": "Atasan langsung",
    "pegawai": "Pegawai",
    "auditor": "Auditor",
}
PASSWORD = "pantau-demo-2026"


def _login(base: str, username: str) -> tuple[urllib.request.OpenerDirector, str]:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/masuk/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode(
        {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token}
    ).encode()
    request = urllib.request.Request(
        f"{base}/masuk/", data=data, headers={"Referer": f"{base}/masuk/"}
    )
    response = opener.open(request)
    return opener, response.read().decode()


@pytest.mark.slow
def test_demo_serves_the_login_page_and_every_role_can_log_in(demo_server):
    base, process = demo_server
    with urllib.request.urlopen(f"{base}/masuk/") as response:
        html = response.read().decode()
    assert response.status == 200
    assert 'name="username"' in html and 'lang="id"' in html
    for username, role_label in ROLES.items():
        _opener, home = _login(base, username)
        assert "Keluar" in home, f"{username} could not log in"
        assert f"Anda masuk sebagai {role_label}." in home


@pytest.mark.slow
def test_demo_prints_the_logins(demo_server):
    base, process = demo_server
    process.terminate()
    output = process.communicate(timeout=10)[0]
    for username in ROLES:
        assert re.search(rf"\b{username}\b\s+{PASSWORD}", output), output


@pytest.mark.slow
def test_the_demo_data_folder_is_private(demo_server, tmp_path):
    import stat

    base, process = demo_server
    _login(base, "admin")  # the server has written to the database (WAL files exist now)
    data_dir = tmp_path / "var"
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    files = [p for p in data_dir.iterdir() if p.is_file()]
    assert {"pantau.sqlite3", "demo_secret_key"} <= {p.name for p in files}
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
