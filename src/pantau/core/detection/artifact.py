"""Save and load the model artifact: plain numpy arrays plus a JSON manifest, checksummed.

Layout of an artifact directory::

    manifest.json   version, head names, thresholds, normaliser dictionaries, lexicons,
                    training summary, ``files`` (sha256 of each array file) and
                    ``manifest_sha256`` (sha256 of the manifest's canonical JSON without that key)
    model.npz       W, b, a, c, idf, word_vocab, char_vocab (UTF-8 bytes, newline-separated)

Loading never unpickles (``allow_pickle=False``) and refuses any checksum mismatch with
`ArtifactError`. The shipped artifact lives in ``pantau/artifacts/detection``.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from pantau.core.detection.features import Featurizer
from pantau.core.detection.models import LinearHeads
from pantau.core.manifests import read_verified, write_sealed

FORMAT = "pantau-detection/1"
MODEL_FILE = "model.npz"
MANIFEST_FILE = "manifest.json"


class ArtifactError(Exception):
    """The artifact is missing, malformed or fails its checksum."""


def default_artifact_dir() -> Path:
    """Directory of the artifact shipped inside the package."""
    import pantau.artifacts

    return Path(pantau.artifacts.__file__).resolve().parent / "detection"


@dataclass
class Artifact:
    """Everything the engine needs, as loaded from disk."""

    manifest: dict[str, Any]
    featurizer: Featurizer
    heads: LinearHeads

    @property
    def version(self) -> str:
        return str(self.manifest["version"])


def _pack_terms(terms: list[str]) -> np.ndarray:
    for t in terms:
        if "\n" in t:
            raise ValueError(f"vocabulary term contains a newline: {t!r}")
    return np.frombuffer("\n".join(terms).encode("utf-8"), dtype=np.uint8)


def _unpack_terms(arr: np.ndarray) -> list[str]:
    raw = arr.tobytes().decode("utf-8")
    return raw.split("\n") if raw else []


def _write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """A compressed .npz with fixed timestamps, so the same arrays give the same bytes."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, arr in arrays.items():
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(arr), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, buf.getvalue())


def save_artifact(
    directory: Path, manifest: dict[str, Any], featurizer: Featurizer, heads: LinearHeads
) -> Path:
    """Write the arrays and the checksummed manifest; returns the manifest path."""
    directory.mkdir(parents=True, exist_ok=True)
    model_path = directory / MODEL_FILE
    _write_npz(
        model_path,
        {
            "W": heads.W.astype(np.float16),
            "b": heads.b,
            "a": heads.a,
            "c": heads.c,
            "idf": featurizer.idf.astype(np.float32),
            "word_vocab": _pack_terms(featurizer.word_terms),
            "char_vocab": _pack_terms(featurizer.char_terms),
        },
    )
    manifest = {**manifest, "heads": list(heads.names)}
    return write_sealed(directory / MANIFEST_FILE, manifest, model_path, FORMAT)


def load_artifact(directory: Path | None = None) -> Artifact:
    """Load and verify an artifact directory (default: the shipped one)."""
    directory = Path(directory) if directory is not None else default_artifact_dir()
    manifest, model_path = read_verified(
        directory,
        manifest_file=MANIFEST_FILE,
        data_file=MODEL_FILE,
        fmt=FORMAT,
        error=ArtifactError,
        missing="no model artifact",
    )
    try:
        with np.load(model_path, allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
        names = tuple(manifest["heads"])
        heads = LinearHeads(names, arrays["W"], arrays["b"], arrays["a"], arrays["c"])
        lex = manifest.get("lexicons", {})
        featurizer = Featurizer(
            _unpack_terms(arrays["word_vocab"]),
            _unpack_terms(arrays["char_vocab"]),
            arrays["idf"],
            lexicon_abusive=lex.get("abusive", ()),
            lexicon_group=lex.get("group", ()),
        )
    except (KeyError, ValueError) as exc:
        raise ArtifactError(f"malformed artifact {directory}: {exc}") from exc
    if heads.W.shape[0] != featurizer.n_features:
        raise ArtifactError("weights and vocabulary sizes differ")
    return Artifact(manifest, featurizer, heads)
