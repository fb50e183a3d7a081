"""Writing a file so that an interruption leaves either the old content or the new, never half of
it.

A plain `open(path, "w")` truncates first: an exception mid-write leaves an empty file and a
`kill -9` a truncated one. Writing a temporary file in the same folder (same file system, so the
rename is atomic), flushing it to disk, then renaming it over the original avoids both.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

NEW_FILE_MODE = 0o644


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (the folder entry is what changed)."""
    # some file systems refuse to open folders; the data is safe anyway
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` (UTF-8) atomically; the temporary file is removed on any
    failure."""
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else NEW_FILE_MODE
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _fsync_folder(path.parent)
