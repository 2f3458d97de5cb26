"""Checksummed artifacts: a JSON manifest that hashes itself and the one data file beside it.

Used by the detection model and the hoax-style model, so both are refused the same way when a
file was changed, and neither is ever unpickled.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any


def sha256_file(path: Path) -> str:
    """SHA-256 (hex) of a file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def manifest_digest(manifest: dict[str, Any]) -> str:
    """SHA-256 of the manifest's canonical JSON, without its own ``manifest_sha256`` key."""
    body = {k: v for k, v in manifest.items() if k != "manifest_sha256"}
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def write_sealed(path: Path, manifest: dict[str, Any], data_path: Path, fmt: str) -> Path:
    """Write the manifest with its format, the data file's checksum and its own checksum."""
    sealed = {**manifest, "format": fmt, "files": {data_path.name: sha256_file(data_path)}}
    sealed["manifest_sha256"] = manifest_digest(sealed)
    path.write_text(json.dumps(sealed, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return path


def read_verified(
    directory: Path,
    *,
    manifest_file: str,
    data_file: str,
    fmt: str,
    error: type[Exception],
    missing: str,
) -> tuple[dict[str, Any], Path]:
    """(manifest, data path) after checking both checksums; ``error`` names what is wrong."""
    manifest_path = directory / manifest_file
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise error(f"{missing} at {directory}") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise error(f"unreadable manifest {manifest_path}: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != fmt:
        raise error(f"{manifest_path} is not a {fmt} manifest")
    if manifest.get("manifest_sha256") != manifest_digest(manifest):
        raise error(f"checksum mismatch in {manifest_path}")
    data_path = directory / data_file
    if not data_path.exists():
        raise error(f"missing {data_path}")
    if (manifest.get("files") or {}).get(data_file) != sha256_file(data_path):
        raise error(f"checksum mismatch for {data_path}")
    return manifest, data_path
