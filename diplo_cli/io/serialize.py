"""ArticleResult → one JSON line. The output contract (../shared/SCHEMA.md) lives here.

Keys are mapped explicitly, so renaming a Python attribute cannot change the public schema.
No ``default=``: an unknown type reaching orjson is a bug and raises. This module must not
import spaCy (``diplo schema`` uses it).

Schema (one object per input article; every key always present):

  key                        type              meaning
  schema_version             int               version of this contract (1)
  id                         string            file stem; for JSON-lines input, the record's own id
  source                     string            path as given, "-" for stdin, "<stdin>:LINE" / "FILE:LINE" for JSON lines
  date                       string|null       article date YYYY-MM-DD (dateline, record date, or --date)
  people[]                   array             every person the article presents as acting
  people[].id                string            "p1", "p2", ... (referenced by meetings, quotes, priorities)
  people[].name              string            fullest form used in the article
  people[].title             string|null       office as stated or implied, in full words
  people[].country           string|null       country the person represents
  people[].country_code      string|null       ISO 3166-1 alpha-2 code of that country
  people[].organization      string|null       international body or company the person speaks for
  people[].aliases           array[string]     other forms of the name used in the text
  people[].mentions          array[[int,int]]  character offsets [start, end) of every mention
  meetings[]                 array             meetings, visits, talks, calls and summits described
  meetings[].id              string            "m1", "m2", ...
  meetings[].kind            string            "in_person" | "call" | "summit"
  meetings[].status          string            "held" | "planned"
  meetings[].participants[]  array             {id, name, title, country} of each participant
  meetings[].host            string|null       person id of the host
  meetings[].location        string|null       place as stated
  meetings[].date            string|null       resolved ISO date
  meetings[].date_text       string|null       the words the date was resolved from
  meetings[].evidence        object            {text, start, end} of the sentence that states it
  quotes[]                   array             direct and reported speech
  quotes[].kind              string            "direct" | "indirect"
  quotes[].text              string            the words, without quotation marks
  quotes[].start, .end       int               offsets of the text
  quotes[].speaker           object|null       {id, name, mention: {text, start, end}}; id null for organisations
  quotes[].cue               object|null       {text, start, end} of the speech verb or phrase
  priorities[]               array             what an actor states as a priority, task, focus or commitment
  priorities[].holder        object            {id, name, type: "person" | "country" | "organization"}
  priorities[].text          string            the priority phrase
  priorities[].start, .end   int               offsets of the phrase
  priorities[].cue           object            {text, start, end} of the cue
  priorities[].source        string            "quote" | "reported"
  priorities[].quote         int|null          index into quotes when it came from one
  errors                     array[string]     problems met on this article (a failed article has empty lists)

All offsets index the article text as read, so text[start:end] is the span: a file decoded with
--encoding, one leading BOM (U+FEFF) removed, line ends kept as they are; for UTF-8 that is
open(path, encoding="utf-8-sig", newline="").read(). For a JSON-lines record, its "text" with a
leading U+FEFF removed. No span starts inside the dateline header. diplo normalises whitespace
before parsing (CRLF, hard-wrapped lines, runs of spaces; diplo_cli.text) and maps every span back,
so a span's "text" is still exactly text[start:end]: in a wrapped file a quote's text keeps the
file's line breaks ("Sergei\nLavrov"), while names (a person's "name", "aliases") are written as
read ("Sergei Lavrov"). Page-furniture lines (bylines, photo credits, share footers...) are read
by no stage.
"""

from __future__ import annotations

import re
from typing import Any

import orjson

from diplo_cli.records import ArticleResult, Holder, Meeting, Person, Priority, Quote, Speaker, TextSpan

SCHEMA_VERSION = 1
TOP_LEVEL_KEYS = ("schema_version", "id", "source", "date", "people", "meetings", "quotes", "priorities", "errors")


def schema_rows() -> list[tuple[str, str, str]]:
    """(key, type, meaning) rows of the Schema block above; the README table must equal them."""
    rows = []
    for line in (__doc__ or "").split("Schema (")[1].splitlines()[3:]:
        parts = re.split(r"\s{2,}", line.strip(), maxsplit=2)
        if len(parts) == 3:
            rows.append((parts[0], parts[1], parts[2]))
    return rows


def to_dict(result: ArticleResult) -> dict[str, Any]:
    """The output object of one article, keys in contract order."""
    people = {p.id: p for p in result.people}
    a = result.article
    return {
        "schema_version": SCHEMA_VERSION,
        "id": a.id,
        "source": a.source,
        "date": a.date,
        "people": [_person(p) for p in result.people],
        "meetings": [_meeting(m, people) for m in result.meetings],
        "quotes": [_quote(q) for q in result.quotes],
        "priorities": [_priority(p) for p in result.priorities],
        "errors": list(result.errors),
    }


def to_line(result: ArticleResult, pretty: bool = False) -> bytes:
    """One article as JSON bytes ending in a newline (indented over several lines if pretty)."""
    option = orjson.OPT_APPEND_NEWLINE | (orjson.OPT_INDENT_2 if pretty else 0)
    return orjson.dumps(to_dict(result), option=option)


def _span(s: TextSpan | None) -> dict[str, Any] | None:
    return None if s is None else {"text": s.text, "start": s.start, "end": s.end}


def _person(p: Person) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "title": p.title,
        "country": p.country,
        "country_code": p.country_code,
        "organization": p.organization,
        "aliases": list(p.aliases),
        "mentions": [[s, e] for s, e in p.mentions],
    }


def _participant(p: Person) -> dict[str, Any]:
    return {"id": p.id, "name": p.name, "title": p.title, "country": p.country}


def _meeting(m: Meeting, people: dict[str, Person]) -> dict[str, Any]:
    return {
        "id": m.id,
        "kind": m.kind,
        "status": m.status,
        "participants": [_participant(people[pid]) for pid in m.participants],
        "host": m.host,
        "location": m.location,
        "date": m.date,
        "date_text": m.date_text,
        "evidence": _span(m.evidence),
    }


def _speaker(s: Speaker | None) -> dict[str, Any] | None:
    return None if s is None else {"id": s.id, "name": s.name, "mention": _span(s.mention)}


def _quote(q: Quote) -> dict[str, Any]:
    return {
        "kind": q.kind,
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "speaker": _speaker(q.speaker),
        "cue": _span(q.cue),
    }


def _holder(h: Holder) -> dict[str, Any]:
    return {"id": h.id, "name": h.name, "type": h.type}


def _priority(p: Priority) -> dict[str, Any]:
    return {
        "holder": _holder(p.holder),
        "text": p.text,
        "start": p.start,
        "end": p.end,
        "cue": _span(p.cue),
        "source": p.source,
        "quote": p.quote,
    }


# ---------------------------------------------------------------- JSON Schema (diplo schema)


def _obj(props: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"type": "object", "properties": props, "required": list(props), "additionalProperties": False, **extra}


_NULLABLE_STR = {"type": ["string", "null"]}
_OFFSET = {"type": "integer", "minimum": 0}
_SPAN = _obj({"text": {"type": "string"}, "start": _OFFSET, "end": _OFFSET})
_DATE = {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_PERSON_ID = {"type": "string", "pattern": r"^p\d+$"}


def json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of one output line."""
    person = _obj({
        "id": _PERSON_ID,
        "name": {"type": "string", "minLength": 1},
        "title": _NULLABLE_STR,
        "country": _NULLABLE_STR,
        "country_code": {"type": ["string", "null"], "pattern": "^[A-Z]{2}$"},
        "organization": _NULLABLE_STR,
        "aliases": {"type": "array", "items": {"type": "string"}},
        "mentions": {"type": "array", "items": {"type": "array", "items": _OFFSET, "minItems": 2, "maxItems": 2}},
    })
    participant = _obj({"id": _PERSON_ID, "name": {"type": "string"}, "title": _NULLABLE_STR, "country": _NULLABLE_STR})
    meeting = _obj({
        "id": {"type": "string", "pattern": r"^m\d+$"},
        "kind": {"enum": ["in_person", "call", "summit"]},
        "status": {"enum": ["held", "planned"]},
        "participants": {"type": "array", "items": participant},
        "host": {"type": ["string", "null"], "pattern": r"^p\d+$"},
        "location": _NULLABLE_STR,
        "date": _DATE,
        "date_text": _NULLABLE_STR,
        "evidence": _SPAN,
    })
    speaker = _obj({"id": {"type": ["string", "null"]}, "name": {"type": "string"}, "mention": _SPAN})
    quote = _obj({
        "kind": {"enum": ["direct", "indirect"]},
        "text": {"type": "string"},
        "start": _OFFSET,
        "end": _OFFSET,
        "speaker": {"anyOf": [{"type": "null"}, speaker]},
        "cue": {"anyOf": [{"type": "null"}, _SPAN]},
    })
    holder = _obj({"id": {"type": ["string", "null"]}, "name": {"type": "string"},
                   "type": {"enum": ["person", "country", "organization"]}})
    priority = _obj({
        "holder": holder,
        "text": {"type": "string"},
        "start": _OFFSET,
        "end": _OFFSET,
        "cue": _SPAN,
        "source": {"enum": ["quote", "reported"]},
        "quote": {"type": ["integer", "null"], "minimum": 0},
    })
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "diplo extract output line",
        "description": "One object per input article, written as one JSON line.",
        **_obj({
            "schema_version": {"const": SCHEMA_VERSION},
            "id": {"type": "string"},
            "source": {"type": "string"},
            "date": _DATE,
            "people": {"type": "array", "items": person},
            "meetings": {"type": "array", "items": meeting},
            "quotes": {"type": "array", "items": quote},
            "priorities": {"type": "array", "items": priority},
            "errors": {"type": "array", "items": {"type": "string"}},
        }),
    }
