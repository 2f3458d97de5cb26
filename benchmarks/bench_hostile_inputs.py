"""Benchmark: hostile inputs against every import and upload path; peak memory stays under 1 GB.

Generates, in a temporary directory, the files of issue 12 item 9 and feeds each to the real
command or server, in its own process, printing that process's peak resident memory (``ru_maxrss``
from ``wait4`` for a command; ``VmHWM`` from /proc for the server) and whether it stayed under
1 GB:

- a JSON Lines file whose second line is one 300 MB line (`pantau import --format jsonl`);
- an XLSX zip bomb: a 0.3 MB workbook whose sheet expands to 300 MB (`pantau import --format
  xlsx` and `pantau registry import employees`);
- a zip of small members (each under 1 MB, about 1000:1) expanding to 300 MB (`pantau import`);
- a 400 MB screenshot upload to the public complaint API of `pantau serve`: with the default
  request-size limit (refused by the server before reading it) and with the limit raised to
  1 GB (Django streams it to a temporary file; Pantau refuses it by its size without reading it).

    .venv/bin/python benchmarks/bench_hostile_inputs.py            # about a minute, 1.3 GB of disk
    .venv/bin/python benchmarks/bench_hostile_inputs.py --scale 0.1
"""

from __future__ import annotations

import argparse
import io
import os
import socket
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

LIMIT_MB = 1024
MB = 1024 * 1024


def run(args: list[str], env: dict, workdir: Path) -> tuple[int, float, str]:
    """Run a pantau command; (exit status, peak RSS in MB of that very process, stderr tail)."""
    err_path = workdir / "stderr.txt"
    with open(err_path, "wb") as err, open(os.devnull, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "pantau.cli", *args], env=env, stdout=out, stderr=err
        )
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    tail = err_path.read_text(errors="replace").strip().splitlines()[-1:] or [""]
    return process.returncode, usage.ru_maxrss / 1024, tail[0][:160]


def report(name: str, status: int | str, peak_mb: float, note: str) -> bool:
    ok = peak_mb < LIMIT_MB
    verdict = "OK  " if ok else "OVER"
    print(f"{verdict} {name:<44} peak {peak_mb:7.0f} MB  (status {status}) {note}", flush=True)
    return ok


def long_line_jsonl(path: Path, size: int) -> None:
    good = b'{"id": "1", "platform": "x", "handle": "andi_x", "text": "baris baik"}\n'
    with path.open("wb") as out:
        out.write(good)
        out.write(b'{"id": "2", "platform": "x", "handle": "andi_x", "text": "')
        block = b"a" * MB
        for _ in range(size // MB):
            out.write(block)
        out.write(b'"}\n')
        out.write(good.replace(b'"1"', b'"3"'))


def xlsx_bomb(path: Path, size: int) -> None:
    """A valid workbook whose first sheet holds one inline-string cell of ``size`` bytes."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["id", "text"])
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                target.writestr(info, source.read(info))
                continue
            sheet = zipfile.ZipInfo(info.filename)
            sheet.compress_type = zipfile.ZIP_DEFLATED
            with target.open(sheet, "w", force_zip64=True) as out:
                out.write(
                    b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                    b'openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
                    b'<c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr">'
                    b'<is><t>text</t></is></c></row><row r="2"><c r="B2" t="inlineStr"><is><t>'
                )
                block = b"a" * MB
                for _ in range(size // MB):
                    out.write(block)
                out.write(b"</t></is></c></row></sheetData></worksheet>")


def small_member_bomb(path: Path, size: int) -> None:
    member = b"\n" * (MB - 1)  # under 1 MB: not ratio-checked before issue 12
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("posts/a.jsonl", b'{"id": "1", "handle": "andi_x", "text": "baik"}\n')
        for i in range(size // MB):
            archive.writestr(f"posts/part{i}.jsonl", member)


def serve_and_upload(env: dict, size: int, limit_mb: int | None) -> tuple[int, float, float]:
    """Start `pantau serve`, send a ``size`` screenshot; (HTTP status, VmHWM before, after)."""
    env = dict(env)
    if limit_mb is not None:
        env["PANTAU_MAX_REQUEST_MB"] = str(limit_mb)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "pantau.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("the server did not start") from None
                time.sleep(0.2)
        before = hwm(server.pid)
        boundary = "pantau-bench-boundary"
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="category"\r\n\r\nhoax\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="reason"\r\n\r\nhoaks\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="screenshot"; '
            f'filename="besar.png"\r\nContent-Type: image/png\r\n\r\n'
        ).encode()
        tail = f"\r\n--{boundary}--\r\n".encode()
        length = len(head) + size + len(tail)
        with socket.create_connection(("127.0.0.1", port), timeout=300) as sock:
            sock.sendall(
                f"POST /api/v1/complaints HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
                f"Content-Length: {length}\r\n\r\n".encode()
                + head
            )
            try:
                block = b"\x89PNG" + b"\0" * (MB - 4)
                for _ in range(size // MB):
                    sock.sendall(block)
                sock.sendall(tail)
            except OSError:
                pass  # refused before the end: the server closed the connection
            answer = b""
            while chunk := sock.recv(65536):
                answer += chunk
        status = int(answer.split(b" ", 2)[1]) if answer else 0
        return status, before, hwm(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)


def hwm(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="size factor (1 = the issue's)")
    options = parser.parse_args()
    big = int(300 * MB * options.scale)
    upload = int(400 * MB * options.scale)
    results = []
    with tempfile.TemporaryDirectory(prefix="pantau-hostile-") as folder:
        work = Path(folder)
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "PANTAU_BROKER_URL"}
        }
        env.update(
            PANTAU_DATA_DIR=str(work / "var"),
            PANTAU_SECRET_KEY="bench-hostile-inputs-secret",
            PANTAU_SCAN_IN_BACKGROUND="0",
        )
        status, _peak, note = run(["migrate"], env, work)
        assert status == 0, note
        print(f"load average before: {os.getloadavg()}", flush=True)

        path = work / "baris-panjang.jsonl"
        long_line_jsonl(path, big)
        args = ["import", "--format", "jsonl", str(path), "--no-scan"]
        status, peak, note = run(args, env, work)
        results.append(report(f"jsonl, one {big // MB} MB line", status, peak, note))
        path.unlink()

        path = work / "bom.xlsx"
        xlsx_bomb(path, big)
        size = path.stat().st_size / MB
        status, peak, note = run(["import", "--format", "xlsx", str(path), "--no-scan"], env, work)
        results.append(report(f"xlsx bomb ({size:.2f} MB → {big // MB} MB)", status, peak, note))
        status, peak, note = run(["registry", "import", "employees", str(path)], env, work)
        results.append(report("xlsx bomb, registry import", status, peak, note))

        path = work / "bom-kecil.zip"
        small_member_bomb(path, big)
        size = path.stat().st_size / MB
        args = ["import", "--format", "jsonl", str(path), "--no-scan"]
        status, peak, note = run(args, env, work)
        results.append(
            report(f"zip of small members ({size:.2f} MB → {big // MB} MB)", status, peak, note)
        )

        for limit in (None, 1024):
            status, before, after = serve_and_upload(env, upload, limit)
            label = "default limit" if limit is None else f"limit raised to {limit} MB"
            name = f"complaint upload {upload // MB} MB, {label}"
            results.append(report(name, status, after, f"(server at start {before:.0f} MB)"))
        print(f"load average after: {os.getloadavg()}", flush=True)
    print("all under 1 GB" if all(results) else "SOME OVER 1 GB")
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
