"""What the PATH arguments name: the files to read, in order, and the entries passed over.

Folders are walked without recursion, entering each folder once; a folder that cannot be listed
becomes a failed Article (its own output line), and names that are no regular file are passed
over with a note. Owns how a path is shown (file names that are not UTF-8) and an input's id.
Paths that do not exist at all are a usage error, raised before anything is read.
"""

from __future__ import annotations

import fnmatch
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from diplo_cli.errors import InputError, UsageError
from diplo_cli.io.output import same_file
from diplo_cli.records import Article

STDIN = "-"
Input = str | Article  # a path to read, or the failed Article of an entry that cannot be listed


@dataclass(frozen=True, slots=True)
class Listing:
    """What the PATH arguments expand to: the inputs in order, and the entries passed over."""

    inputs: list[Input]
    notes: list[tuple[str, str]]  # (path, why it was passed over), for stderr


def default_glob(jsonl: bool) -> str:
    """Which names to take from folders when --glob is not given."""
    return "*.jsonl" if jsonl else "*.txt"


def list_files(paths: list[str], glob: str, output: str | None = None) -> Listing:
    """Expand the PATH arguments into the inputs to read, in order; "-" stays as is.

    Folders are walked in sorted order, skipping hidden files and folders, keeping names that
    match ``glob`` (in any case). A folder that cannot be listed is an input of its own (its
    failed Article); files that are not regular files (a FIFO called a.txt) and folders seen
    before (a symlink loop) are passed over with a note. Raises InputError for a path that does
    not exist, a folder with no match, or "-" when stdin is closed. The ``output`` file (-o) is
    never an input: named as one it is a usage error (the run would overwrite what it reads);
    found in a folder it is passed over.
    """
    missing = [p for p in paths if p != STDIN and not is_url(p) and not os.path.lexists(p)]
    if missing:
        raise InputError(f"no such file or directory: {', '.join(map(display_path, missing))}")
    if STDIN in paths and sys.stdin is None:
        raise InputError("stdin is closed: nothing to read from - (pipe text in, or name files)")
    if output is not None:
        clash = next((p for p in paths if p != STDIN and not is_url(p) and not os.path.isdir(p)
                      and same_file(p, output)), None)
        if clash is not None:
            raise UsageError(f"-o {output} is also an input ({clash}): write the output to another file")
    inputs: list[Input] = []
    notes: list[tuple[str, str]] = []
    for p in paths:
        if is_url(p):
            inputs.extend(_walk_url(p, glob))
            continue
        if p == STDIN or not os.path.isdir(p):
            inputs.append(p)
            continue
        found = list(_walk(p, glob, output, notes))
        if not found:
            raise InputError(f"{display_path(p)}: no files matching {glob!r} in this folder (see --glob)")
        inputs.extend(found)
    return Listing(inputs, notes)


def _walk(top: str, glob: str, output: str | None, notes: list[tuple[str, str]]) -> Iterator[Input]:
    """The files under ``top`` in sorted order, depth first, without recursion (folders may nest
    thousands deep) and entering each folder once (a symlink back to a parent is a loop)."""
    seen: set[tuple[int, int]] = set()
    stack: list[Iterator[os.DirEntry[str]]] = []

    def enter(folder: str) -> Article | None:
        try:
            st = os.stat(folder)
            if (st.st_dev, st.st_ino) in seen:
                notes.append((display_path(folder), "folder already read (a symlink loop?); passed over"))
                return None
            seen.add((st.st_dev, st.st_ino))
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            return Article(file_id(folder), display_path(folder), "", error=f"cannot read folder: {os_reason(e)}")
        stack.append(iter(entries))
        return None

    if (failure := enter(top)) is not None:
        yield failure
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif entry.name.startswith("."):
            continue
        elif _is_dir(entry):
            if (failure := enter(entry.path)) is not None:
                yield failure
        elif _matches(entry.name, glob) and not (output is not None and same_file(entry.path, output)):
            kind = _special_kind(entry.path)
            if kind is None:
                yield entry.path
            else:
                notes.append((display_path(entry.path), f"not a regular file ({kind}); passed over"))


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows symlinks
    except OSError:
        return False


def _matches(name: str, glob: str) -> bool:
    """--glob in any case: '*.txt' takes A.TXT."""
    return fnmatch.fnmatchcase(name.casefold(), glob.casefold())


def _special_kind(path: str) -> str | None:
    """What a matching name that is no regular file is (reading a FIFO would wait for ever); None
    for a regular file, and for one that cannot be looked at (reading it fails on its own line)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a file"


def display_path(path: str) -> str:
    """A path as a string JSON can hold: bytes of a file name that are not UTF-8 (kept by Python
    as lone surrogates) are shown as \\xNN."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return path


NAME_NOT_UTF8 = "file name is not valid UTF-8: its other bytes are shown as \\xNN in 'id' and 'source'"


def is_url(path: str) -> bool:
    """"s3://bucket/news/", "gs://...", "file:///data/": read through fsspec."""
    return "://" in path


def filesystem(url: str) -> tuple[Any, str]:
    try:
        import fsspec
    except ImportError:
        raise UsageError(f"{url}: reading URLs needs fsspec and its backend (pip install fsspec s3fs, "
                         "or the dask extra)") from None
    try:
        return fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as e:
        raise UsageError(f"{url}: {e}") from None


def _walk_url(url: str, glob: str) -> list[str]:
    """The files under a URL (a folder: recursively, sorted, no hidden names, matching glob)."""
    fs, root = filesystem(url)
    try:
        if not fs.isdir(root):
            if not fs.exists(root):
                raise InputError(f"no such file or directory: {url}")
            return [url]
        found = sorted(p for p in fs.find(root) if not any(part.startswith(".") for part in
                                                             p[len(root.rstrip("/")):].split("/"))
                       and _matches(p.rsplit("/", 1)[-1], glob))
    except OSError as e:
        raise InputError(f"{url}: {e}") from None
    if not found:
        raise InputError(f"{url}: no files matching {glob!r} in this folder (see --glob)")
    return [fs.unstrip_protocol(p) for p in found]


def file_id(path: Input) -> str:
    """The id of an input: its file stem (display-safe), "stdin" for "-"."""
    if isinstance(path, Article):
        return path.id
    return "stdin" if path == STDIN else display_path(Path(path).stem)


def os_reason(e: OSError) -> str:
    if isinstance(e, PermissionError):
        return "permission denied"
    if isinstance(e, IsADirectoryError):
        return "is a directory"
    return str(e.strerror or e)
