"""Where `diplo show` gets its records and texts: articles it extracts now, or saved lines of `diplo extract`.

Either way one ArticleView per article (per saved line), in input order; an article that cannot be
drawn (unreadable, failed, a saved line that is not a record, a source file gone or changed) is a
view with ``problem`` set, never an exception. The record drawn is the output line as JSON, exactly
what `diplo extract` writes for it.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import replace
from itertools import chain
from typing import TYPE_CHECKING, Any, BinaryIO

import orjson

from diplo_cli.errors import InputError
from diplo_cli.io.paths import STDIN, Input, default_glob, is_url, list_files
from diplo_cli.io.sources import (
    ReadOptions,
    input_paths,
    parse_country,
    parse_iso_date,
    read_articles,
    read_text_article,
)
from diplo_cli.view.model import ArticleView, NotARecord, Unfit, header, view_of

if TYPE_CHECKING:
    from diplo_cli.extract.people.officials import OfficeHolders
    from diplo_cli.run.pipeline import Extractor

BATCH = 8  # articles per parse: `show` is for reading a few articles, so the first comes soon


def extracted(paths: list[str], *, jsonl: bool = False, glob: str | None = None, date: str | None = None,
              encoding: str = "utf-8", home_country: str | None = None,
              model: str | None = None, officials: OfficeHolders | None = None) -> Iterator[ArticleView]:
    """Extract the articles as `diplo extract` would (same reading options) and view each output record.

    Bad options, paths that do not exist and a missing model raise UsageError here, before anything is read.
    """
    from diplo_cli.run.nlp import DEFAULT_MODEL
    from diplo_cli.run.pipeline import Extractor

    paths = input_paths(paths, encoding, "give articles (files, folders, -), or --from FILE, or pipe text in "
                                         "(see diplo show --help)")
    read = ReadOptions(encoding, parse_iso_date(date) if date else None, jsonl,
                       parse_country(home_country) if home_country is not None else None)
    listing = list_files(paths, glob or default_glob(jsonl))
    passed_over = [replace(header({"source": where}), problem=note) for where, note in listing.notes]
    return chain(passed_over, _extracted(listing.inputs, read, Extractor(model or DEFAULT_MODEL,
                                                                           officials=officials)))


def _extracted(files: list[Input], read: ReadOptions, extractor: Extractor) -> Iterator[ArticleView]:
    from diplo_cli.io.serialize import to_line
    from diplo_cli.run.pipeline import batched

    for batch in batched(read_articles(files, read), BATCH):
        for result in extractor.results(batch):
            record = orjson.loads(to_line(result))  # the line as written, so the view is of the output itself
            if result.failed:
                yield replace(header(record), problem=result.errors[-1])
                continue
            yield _drawn(record, result.article.text, result.article.source)


def saved(path: str, encoding: str = "utf-8") -> Iterator[ArticleView]:
    """View each line of a `diplo extract` output file ("-": stdin) over its source file, read again.

    Raises InputError at once when the file itself cannot be opened.
    """
    label = "<stdin>" if path == STDIN else path
    if path == STDIN:
        stream: BinaryIO = sys.stdin.buffer
    else:
        try:
            stream = open(path, "rb")  # noqa: SIM115 - closed in _saved_lines
        except OSError as e:
            raise InputError(f"--from {path}: {e.strerror or e}") from None
    return _saved_lines(stream, label, path != STDIN, encoding)


def _saved_lines(stream: BinaryIO, label: str, close: bool, encoding: str) -> Iterator[ArticleView]:
    with stream if close else contextlib.nullcontext(stream):
        for lineno, raw in enumerate(stream, start=1):
            if raw.strip():
                yield _saved_line(raw, f"{label}:{lineno}", encoding)


def _saved_line(raw: bytes, where: str, encoding: str) -> ArticleView:
    try:
        record = orjson.loads(raw)
    except orjson.JSONDecodeError as e:
        return ArticleView(where, where, None, problem=f"not a JSON line ({e.args[0].split(':')[0]})")
    head = header(record, where)
    if not isinstance(record, dict):
        return replace(head, problem=f"JSON line is a {type(record).__name__}, not a diplo extract record")
    source = record.get("source")
    text, problem = source_text(source, encoding)
    if text is None:
        return replace(head, problem=problem)
    view = _drawn(record, text, where)
    if view.problem and view.problem.startswith("the text does not fit"):
        view = replace(view, problem=f"{view.problem} (was {source} changed after diplo extract ran?)")
    return view


def _drawn(record: dict[str, Any], text: str, where: str) -> ArticleView:
    try:
        return view_of(record, text)
    except NotARecord as e:
        return replace(header(record, where), problem=str(e))
    except Unfit as e:
        return replace(header(record, where), problem=f"the text does not fit the record: {e}")


# ---------------------------------------------------------------- the text a record was made from

_JSONL_SOURCE = re.compile(r"(.+):(\d+)")  # "feed.jsonl:3": line 3 of a JSON-lines input


def source_text(source: Any, encoding: str) -> tuple[str | None, str | None]:
    """(the text a saved record's offsets index, None), or (None, why it cannot be had).

    ``source`` is as `diplo extract` wrote it: a path as given (read from the current folder), or
    FILE:LINE for a record of a JSON-lines input; text read from stdin was not kept.
    """
    if not isinstance(source, str) or not source:
        return None, "the record has no source to read its text from"
    if source == STDIN or source.startswith("<stdin>:"):
        return None, "the article was read from stdin and its text was not kept: run diplo show on the article itself"
    if is_url(source) or os.path.lexists(source):
        article = read_text_article(source, ReadOptions(encoding))
        return (None, f"cannot show: {article.error}") if article.error else (article.text, None)
    m = _JSONL_SOURCE.fullmatch(source)
    if m and os.path.isfile(m.group(1)):
        return _record_text(m.group(1), int(m.group(2)))
    return None, (f"source file not found: {source} (a record names its file as given to diplo extract: "
                  "run diplo show in the same folder)")


def _record_text(path: str, lineno: int) -> tuple[str | None, str | None]:
    """The "text" of line ``lineno`` of a JSON-lines input file."""
    try:
        with open(path, "rb") as f:
            raw = next((line for n, line in enumerate(f, start=1) if n == lineno), None)
    except OSError as e:
        return None, f"cannot read {path}: {e.strerror or e}"
    if raw is None:
        return None, f"{path} has no line {lineno} any more"
    try:
        record = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None, f"line {lineno} of {path} is not JSON any more"
    text = record.get("text") if isinstance(record, dict) else None
    if not isinstance(text, str):
        return None, f"line {lineno} of {path} has no 'text'"
    return text.removeprefix("\ufeff"), None
