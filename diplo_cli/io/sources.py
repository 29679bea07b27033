"""Turn the inputs (files, "-", URLs, JSON-lines) into Article records, in order.

Owns decoding, the dateline header and every way an input can be unreadable: a bad input
becomes an Article with ``error`` set (so it still gets its output line), never an exception.
Which files the PATH arguments name is io/paths.py.
"""

from __future__ import annotations

import codecs
import contextlib
import dataclasses
import datetime as dt
import functools
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

import orjson

from diplo_cli.errors import UsageError
from diplo_cli.io.paths import NAME_NOT_UTF8, STDIN, Input, display_path, file_id, filesystem, is_url, os_reason
from diplo_cli.records import Article

if TYPE_CHECKING:
    from diplo_cli.extract.countries import Country

# " date 2024-03-04 " at the very start of the text (leading space optional); in the corpus the
# body follows on the same line (" date 2021-10-25 The President congratulated ...").
DATELINE = re.compile(r"\A[ \t]?date[ \t]+(\d{4}-\d{2}-\d{2})(?=\s|\Z)[ \t]*")
WIDE_ENCODINGS = ("utf-16", "utf_16", "utf-32", "utf_32", "utf16", "utf32")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    encoding: str = "utf-8"
    default_date: str | None = None  # --date: for inputs without a dateline
    jsonl: bool = False
    home_country: str | None = None  # --home-country: ISO code of the country the articles are written from
    max_chars: int | None = None  # --max-chars: read no more of an article than this (with a warning)


def input_paths(paths: list[str], encoding: str, hint: str) -> list[str]:
    """The PATH arguments of a command, or stdin ("-") when none are given and it is a pipe.

    Raises UsageError for no input at all (``hint`` says what to give), stdin named twice, or an
    unknown ``encoding``."""
    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            raise UsageError(f"no input: {hint}")
        paths = [STDIN]
    if paths.count(STDIN) > 1:
        raise UsageError("stdin (-) can be read only once")
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise UsageError(f"unknown encoding {encoding!r}") from None
    return paths


def parse_iso_date(value: str) -> str:
    """Validate a YYYY-MM-DD date string; raise UsageError naming the bad value."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise UsageError(f"invalid date {value!r}: expected a real date as YYYY-MM-DD, e.g. 2024-03-04")


def split_dateline(text: str) -> tuple[str | None, int, str | None]:
    """Return (date, body_start, warning) for a text that may open with a dateline header."""
    m = DATELINE.match(text)
    if not m:
        return None, 0, None
    try:
        return dt.date.fromisoformat(m.group(1)).isoformat(), m.end(), None
    except ValueError:
        return None, m.end(), f"dateline has an impossible date {m.group(1)!r}; date left null"


def decode(data: bytes, encoding: str) -> str:
    """Bytes → text without a BOM, or raise ValueError naming the problem and its byte offset."""
    nul = data.find(b"\x00")
    if nul >= 0 and not encoding.lower().startswith(WIDE_ENCODINGS):
        wide = _wide_encoding(data)
        hint = f"; it looks like {wide} text: use --encoding {wide.lower()}" if wide else ""
        raise ValueError(f"binary file, not text (NUL byte at byte {nul}){hint}")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        name = codecs.lookup(encoding).name.upper()
        raise ValueError(f"not valid {name} text at byte {e.start} (use --encoding to read another encoding)") from None
    return text[1:] if text.startswith("\ufeff") else text


def _wide_encoding(data: bytes) -> str | None:
    """The wide encoding whose NUL bytes these are (its BOM, or every other byte of mostly ASCII
    text NUL), so a user who is told "binary" also learns which --encoding to give."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "UTF-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    head = data[:4000]
    even, odd = head[0::2], head[1::2]
    if len(head) >= 8 and odd.count(0) >= 0.9 * (len(head) // 2):  # "H\0e\0l\0"
        return "UTF-16-LE"
    if len(head) >= 8 and even.count(0) >= 0.9 * (len(head) // 2):
        return "UTF-16-BE"
    return None


def make_article(id: str, source: str, text: str, date: str | None = None, default_date: str | None = None,
                 home_country: str | None = None, max_chars: int | None = None) -> Article:
    """Build an Article from decoded text: dateline, date precedence, empty check, length cap.

    Date precedence: an explicit record date, then the dateline, then --date.
    """
    cut_warning = None
    if max_chars is not None and len(text) > max_chars:
        text, cut_warning = cut_text(text, max_chars)
    line_date, body_start, warning = split_dateline(text)
    warnings = tuple(w for w in (warning, cut_warning) if w)
    date = date or line_date or default_date
    error = None if text[body_start:].strip() else "empty article (no text)"
    return Article(id, source, text, date, body_start, error, warnings, home_country)


def cut_text(text: str, max_chars: int) -> tuple[str, str]:
    """The start of an over-long text (--max-chars) and the warning that says so. The cut falls at
    the last paragraph break within the limit, else the last line break or space, when that keeps
    at least half of it; offsets into the file stay true, since only the end is left out."""
    window = text[:max_chars]
    cut = max(window.rfind("\n\n"), window.rfind("\r\n\r\n"))
    if cut < max_chars // 2:
        cut = max(window.rfind("\n"), window.rfind(" "))
    if cut < max_chars // 2:
        cut = max_chars
    return text[:cut], (f"text cut at {cut:,} of {len(text):,} characters (--max-chars {max_chars:,}): "
                        "the rest was not read")


def parse_country(value: str) -> str:
    """An ISO 3166-1 code (alpha-2 or alpha-3, any case) or a country name or demonym in any case
    ("RU", "rus", "russia") → the alpha-2 code; UsageError if unknown."""
    from diplo_cli.extract.countries import countries

    index = countries()
    words = value.strip()
    code = words.upper()
    if code in index.by_code:
        return code
    found = index.lookup(words) or _casefolded_forms().get(words.casefold())
    if found is not None:
        return found.code
    if len(code) == 3 and code.isalpha():
        import pycountry

        alpha3 = pycountry.countries.get(alpha_3=code)
        if alpha3 is not None and alpha3.alpha_2 in index.by_code:
            return str(alpha3.alpha_2)
    raise UsageError(f"unknown country {value!r}: give an ISO 3166-1 code such as RU, UA or RUS, or a country name")


@functools.cache
def _casefolded_forms() -> dict[str, Country]:
    from diplo_cli.extract.countries import countries

    forms: dict[str, Country] = {}
    for form, country in countries().by_form.items():
        forms.setdefault(form.casefold(), country)
    return forms


def failed_article(id: str, source: str, reason: str, date: str | None = None) -> Article:
    return Article(id=id, source=source, text="", date=date, error=reason)


# ---------------------------------------------------------------- reading


def read_articles(
    files: list[Input], opts: ReadOptions, skip: Callable[[str], bool] = lambda _id: False
) -> Iterator[Article]:
    """Yield one Article per input article, lazily, in input order.

    ``skip(id)`` lets --resume pass over articles already done without reading them again
    (plain files are skipped before they are opened).
    """
    for path in files:
        if isinstance(path, Article):  # an entry that could not be listed: its failed line
            if not skip(path.id):
                yield path
        elif opts.jsonl:
            yield from _jsonl_articles(path, opts, skip)
        elif not skip(file_id(path)):
            yield read_text_article(path, opts)


def read_text_article(path: str, opts: ReadOptions) -> Article:
    """One text file (or "-", or a URL) as an Article; a file that cannot be read fails alone."""
    id, source = file_id(path), display_path(path)
    try:
        data = _read_bytes(path)
        text = decode(data, opts.encoding)
    except (OSError, ValueError, UsageError) as e:  # UsageError: a worker without the URL backend
        return failed_article(id, source, _reason(e), opts.default_date)
    article = make_article(id, source, text, None, opts.default_date, opts.home_country, opts.max_chars)
    if source != path:
        article = dataclasses.replace(article, warnings=(NAME_NOT_UTF8, *article.warnings))
    return article


def _read_bytes(path: str) -> bytes:
    if path == STDIN:
        return sys.stdin.buffer.read()
    with _open_binary(path) as f:
        return f.read()


def _open_binary(path: str) -> BinaryIO:
    """A local file, or a URL through fsspec."""
    if is_url(path):
        fs, where = filesystem(path)
        return fs.open(where, "rb")
    return open(path, "rb")  # noqa: SIM115 - the caller closes it


def _reason(e: Exception) -> str:
    return f"cannot read: {os_reason(e)}" if isinstance(e, OSError) else str(e)


def _jsonl_articles(path: str, opts: ReadOptions, skip: Callable[[str], bool]) -> Iterator[Article]:
    """One Article per non-blank line of a JSON-lines file: {"text": ..., "id"?, "date"?, "source"?}."""
    label = "<stdin>" if path == STDIN else display_path(path)
    stem = file_id(path)
    try:
        stream: BinaryIO = sys.stdin.buffer if path == STDIN else _open_binary(path)
    except (OSError, UsageError) as e:
        yield failed_article(stem, label, _reason(e), opts.default_date)
        return
    with stream if path != STDIN else contextlib.nullcontext(stream):
        for lineno, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            article = _jsonl_record(raw, f"{label}:{lineno}", f"{stem}:{lineno}", opts)
            if not skip(article.id):
                yield article


def _jsonl_record(raw: bytes, where: str, fallback_id: str, opts: ReadOptions) -> Article:
    try:
        rec = orjson.loads(raw)
    except orjson.JSONDecodeError as e:
        return failed_article(fallback_id, where, f"not a JSON line ({e.args[0].split(':')[0]})", opts.default_date)
    if not isinstance(rec, dict):
        reason = f"JSON line is {_json_type(rec)}, not an object"
        return failed_article(fallback_id, where, reason, opts.default_date)
    rid = rec.get("id")
    ok_id = isinstance(rid, str) or (isinstance(rid, int) and not isinstance(rid, bool))  # true is no id
    id = str(rid) if ok_id and str(rid) else fallback_id
    warnings = () if ok_id or rid is None else (f"record 'id' is {_json_type(rid)}, not a string or an integer; "
                                                f"the line's id {fallback_id!r} is used",)
    source = rec["source"] if isinstance(rec.get("source"), str) else where
    date = rec.get("date")
    if date is not None:
        try:
            if not isinstance(date, str):
                raise UsageError("not a string")
            date = parse_iso_date(date)
        except UsageError:
            return failed_article(id, source, f"record 'date' is not YYYY-MM-DD: {_json(date)}", opts.default_date)
    if "text" not in rec:
        return failed_article(id, source, "record has no 'text' field", date or opts.default_date)
    text = rec["text"]
    if not isinstance(text, str):
        return failed_article(id, source, f"record 'text' is {_json_type(text)}, not a string",
                              date or opts.default_date)
    if text.startswith("\ufeff"):
        text = text[1:]
    home = rec.get("home_country", opts.home_country)
    if home is not None:
        try:
            home = parse_country(home) if isinstance(home, str) else None
        except UsageError:
            home = None
        if home is None:
            return failed_article(id, source, "record 'home_country' is not a known country: "
                                  f"{_json(rec['home_country'])}", date or opts.default_date)
    article = make_article(id, source, text, date, opts.default_date, home, opts.max_chars)
    return dataclasses.replace(article, warnings=(*warnings, *article.warnings)) if warnings else article


def _json_type(value: object) -> str:
    """A JSON value's type as JSON names it: "null", "a boolean", "a number", "an array", ..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"


def _json(value: object) -> str:
    """A value as it was written in the JSON line (true, 5, "soon")."""
    return orjson.dumps(value).decode()
