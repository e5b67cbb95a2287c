"""Write the finished site: into a temporary folder first, swapped into place only when complete.

A failed build never gets here, so the previous site stays untouched; an interrupted write leaves
the previous site untouched too. Only a folder that Око made itself (with its marker) is replaced.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

MARKER = ".oko-site"
MARKER_TEXT = b"This folder is written by oko (build.py build); it is replaced on every build.\n"


class OutputFolderError(Exception):
    """The output folder is one we must not replace (not ours, or it holds the project)."""


def check_output_folder(out_dir: Path, project_root: Path) -> None:
    """Refuse to replace the project itself, a parent of it, or a folder Око did not make."""
    out = out_dir.resolve()
    root = project_root.resolve()
    if out == root or out in root.parents or root / "content" == out or (root / "content") in out.parents:
        raise OutputFolderError(f"папка «{out_dir}» содержит проект или его содержимое: выберите другую")
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).is_file())):
        raise OutputFolderError(
            f"папка «{out_dir}» уже существует и создана не Око: она не будет заменена. "
            "Укажите пустую или новую папку (--out)"
        )


def write_site(files: dict[str, bytes], out_dir: Path, post: Callable[[Path], None] | None = None) -> None:
    """Write every file under a temporary sibling folder, run `post` on it (the search index), then swap."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = out_dir.parent / f".{out_dir.name}.tmp-{os.getpid()}"
    retired = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for relative, data in sorted(files.items()):
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        (staging / MARKER).write_bytes(MARKER_TEXT)
        if post is not None:
            post(staging)
        if out_dir.exists():
            os.replace(out_dir, retired)
        os.replace(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(retired, ignore_errors=True)
