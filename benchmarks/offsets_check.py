"""The offset contract over real articles: every span's text is ``raw_text[start:end]``.

A span's text is exactly the file's characters, whatever the file's whitespace. A person's
mentions carry no text and are checked against the person's name and aliases, which are written
as diplo read them: in a wrapped or CRLF file a mention's characters may differ from the name in
whitespace only ("Sergei\nLavrov"); such mentions are counted apart ("whitespace"), not as wrong.

``raw_text`` is the input file as diplo reads it, worked out here independently of diplo:
``open(path, encoding="utf-8-sig", newline="").read()`` (decoded, one leading BOM removed, line
ends kept). Checked spans: people mentions (against the name or an alias), quotes (text, speaker
mention, cue), priorities (text, cue) and meeting evidence. A span that fails is printed with the
article; the counts are per kind of span.

usage:
  diplo extract -j2 ../shared/corpus/ -o /tmp/corpus.jsonl      # about 20-30 minutes on 2 cores
  python benchmarks/offsets_check.py /tmp/corpus.jsonl [--show 20]
  python benchmarks/offsets_check.py --run ../shared/corpus/kremlin-en-2021-2022 [--limit 200]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson


def spans(rec: dict[str, Any]) -> Iterator[tuple[str, int, int, tuple[str, ...]]]:
    """(kind, start, end, texts the span may equal) for every span of one output line."""
    for p in rec["people"]:
        for start, end in p["mentions"]:
            yield "people.mentions", start, end, (p["name"], *p["aliases"])
    for m in rec["meetings"]:
        ev = m["evidence"]
        yield "meetings.evidence", ev["start"], ev["end"], (ev["text"],)
    for q in rec["quotes"]:
        yield "quotes", q["start"], q["end"], (q["text"],)
        if q["speaker"] is not None:
            s = q["speaker"]["mention"]
            yield "quotes.speaker.mention", s["start"], s["end"], (s["text"],)
        if q["cue"] is not None:
            yield "quotes.cue", q["cue"]["start"], q["cue"]["end"], (q["cue"]["text"],)
    for p in rec["priorities"]:
        yield "priorities", p["start"], p["end"], (p["text"],)
        yield "priorities.cue", p["cue"]["start"], p["cue"]["end"], (p["cue"]["text"],)


def raw_text(source: str) -> str:
    with open(source, encoding="utf-8-sig", newline="") as f:
        return f.read()


def same_but_whitespace(got: str, expect: tuple[str, ...]) -> bool:
    """``got`` differs from one of ``expect`` in whitespace only ("Sergei\\nLavrov", "said.  Then")."""
    key = "".join(got.split())
    return any("".join(e.split()) == key for e in expect)


def check(lines: Iterator[bytes], show: int) -> int:
    total: Counter[str] = Counter()
    bad: Counter[str] = Counter()
    spaced: Counter[str] = Counter()
    articles = bad_articles = failed = 0
    for line in lines:
        rec = orjson.loads(line)
        articles += 1
        if not (rec["people"] or rec["meetings"] or rec["quotes"] or rec["priorities"]) and rec["errors"]:
            failed += 1
            continue
        text = raw_text(rec["source"])
        wrong = False
        for kind, start, end, expect in spans(rec):
            total[kind] += 1
            got = text[start:end]
            inside = 0 <= start <= end <= len(text)
            if inside and kind == "people.mentions" and got not in expect and same_but_whitespace(got, expect):
                spaced[kind] += 1
                continue
            if got not in expect or not inside:
                bad[kind] += 1
                wrong = True
                if show > 0:
                    show -= 1
                    print(f"  {rec['source']} {kind} [{start}:{end}] file {got!r} != {expect[0]!r}")
        bad_articles += wrong
    print(f"articles {articles} (failed, not checked: {failed}); articles with a wrong span: {bad_articles}")
    print(f"  {'span':24} {'checked':>9} {'wrong':>7} {'whitespace':>11}")
    for kind in sorted(total):
        print(f"  {kind:24} {total[kind]:9} {bad[kind]:7} {spaced[kind]:11}")
    print(f"  {'all':24} {sum(total.values()):9} {sum(bad.values()):7} {sum(spaced.values()):11}")
    return 1 if bad else 0


def run(folder: Path, limit: int | None) -> list[bytes]:
    files = sorted(str(p) for p in folder.rglob("*.txt"))[:limit]
    cmd = [sys.executable, "-m", "diplo_cli", "extract", "-q", *files]
    return subprocess.run(cmd, capture_output=True, check=False).stdout.splitlines()


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("output", nargs="?", type=Path, help="a saved `diplo extract` output (JSON lines)")
    ap.add_argument("--run", type=Path, help="run diplo on this folder's *.txt instead of reading a saved output")
    ap.add_argument("--limit", type=int, default=None, help="with --run: the first N files only")
    ap.add_argument("--show", type=int, default=20, help="print at most N wrong spans")
    args = ap.parse_args()
    if (args.output is None) == (args.run is None):
        ap.error("give a saved output file or --run FOLDER")
    lines = run(args.run, args.limit) if args.run else args.output.read_bytes().splitlines()
    sys.exit(check(iter(lines), args.show))
