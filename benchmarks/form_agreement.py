"""Does an article give the same answer however it was saved? Agreement over corpus articles.

Each article is written again in altered forms: hard-wrapped at 72 columns (as email, markdown and
terminal copies are: ``textwrap`` without breaking words or at hyphens; the dateline header kept),
Windows line ends (CRLF), and two spaces after every sentence end (``--forms`` can add ``wrap80`` and
others: ``wrapN``). ``diplo extract`` runs on all of them at once; per form the script reports the
share of articles whose people, meetings, quotes (text and speaker) and priorities are the same as
the original's (offsets left out: they differ by design), and how many spans of the form's output
do not index its file (a span's text exactly the file's characters, the offset contract of SCHEMA.md;
a person's mentions match the name up to whitespace).

usage:
  python benchmarks/form_agreement.py [--corpus DIR] [--n 60] [--seed 18] [--forms wrap72,crlf,spaces] [--show 5]
  python benchmarks/form_agreement.py --list FILE     # the articles named in FILE (one path a line) instead
  python benchmarks/form_agreement.py --keep DIR      # keep the forms and outputs (DIR/<form>/, DIR/<form>.jsonl)
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))
from offsets_check import spans  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DATELINE = re.compile(r"\s*date \d{4}-\d{2}-\d{2} ")
SENTENCE_END = re.compile(r"([.!?][\"”’]?) (?=\S)")
KINDS = ("people", "meetings", "quotes", "priorities")
OFFSET_KEYS = {"start", "end", "mentions"}


def wrapped(text: str, width: int) -> str:
    """Every line hard-wrapped at ``width`` columns; the dateline header kept as it is."""
    m = DATELINE.match(text)
    header = m.group() if m else ""
    lines = text[len(header):].split("\n")
    out = []
    for i, line in enumerate(lines):
        indent = header if i == 0 else ""
        if not line.strip():
            out.append(indent + line)
            continue
        out.append(textwrap.fill(line, width, initial_indent=indent, break_long_words=False,
                                 break_on_hyphens=False))
    return "\n".join(out)


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def spaces(text: str) -> str:
    """Two spaces after every sentence end."""
    return SENTENCE_END.sub(r"\1  ", text)


def form(name: str) -> Callable[[str], str]:
    if name.startswith("wrap"):
        width = int(name[4:])
        return lambda text: wrapped(text, width)
    return {"crlf": crlf, "spaces": spaces}[name]


def without_offsets(value: Any) -> Any:
    """A record part with its offsets left out and its texts' whitespace made one space: offsets
    differ between forms by design, and a span's text is the file's characters, so a quote in a
    wrapped file keeps the file's line breaks."""
    if isinstance(value, dict):
        return {k: without_offsets(v) for k, v in value.items() if k not in OFFSET_KEYS}
    if isinstance(value, list):
        return [without_offsets(v) for v in value]
    if isinstance(value, str):
        return " ".join(value.split())
    return value


def quote_key(q: dict) -> tuple[str, str | None]:
    return " ".join(q["text"].split()), q["speaker"]["name"] if q["speaker"] else None


def same(a: dict, b: dict, kind: str) -> bool:
    if kind == "quotes":
        return [quote_key(q) for q in a["quotes"]] == [quote_key(q) for q in b["quotes"]]
    return bool(without_offsets(a[kind]) == without_offsets(b[kind]))


def wrong_spans(rec: dict, text: str) -> list[str]:
    """Spans whose text is not exactly the file's characters at their offsets (a person's mention:
    not the name or an alias up to whitespace)."""
    bad = []
    for kind, start, end, expect in spans(rec):
        got = text[start:end]
        if kind == "people.mentions":
            got, expect = "".join(got.split()), tuple("".join(e.split()) for e in expect)
        if not 0 <= start <= end <= len(text) or got not in expect:
            bad.append(f"{kind} [{start}:{end}] {text[start:end]!r} != {expect[0]!r}")
    return bad


def sample(corpus: Path, n: int, seed: int) -> list[Path]:
    files = sorted(corpus.rglob("*.txt"))
    return sorted(random.Random(seed).sample(files, min(n, len(files))))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--n", type=int, default=60, help="articles to sample (default 60)")
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--forms", default="wrap72,crlf,spaces")
    ap.add_argument("--show", type=int, default=5, help="print at most N differing articles per form")
    ap.add_argument("--list", type=Path, help="a file naming the articles, one path a line (instead of a sample)")
    ap.add_argument("--keep", type=Path, help="write the forms and their outputs into this folder")
    args = ap.parse_args()
    names = args.forms.split(",")
    if args.list:
        originals = [Path(line) for line in args.list.read_text().split() if line]
    else:
        originals = sample(args.corpus, args.n, args.seed)
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = str(args.keep) if args.keep else tmp_dir
        paths: dict[tuple[str, int], Path] = {}
        for i, src in enumerate(originals):
            text = src.read_text(encoding="utf-8-sig")
            for name in ["original", *names]:
                p = Path(tmp) / name / f"{i:04d}_{src.name}"
                p.parent.mkdir(parents=True, exist_ok=True)
                p.write_bytes((text if name == "original" else form(name)(text)).encode())
                paths[name, i] = p
        order = list(paths)
        run = subprocess.run([sys.executable, "-m", "diplo_cli", "extract", "-q", *map(str, paths.values())],
                             capture_output=True, check=False)
        lines = run.stdout.splitlines()
        records = dict(zip(order, map(orjson.loads, lines), strict=True))
        if args.keep:
            for name in ["original", *names]:
                (args.keep / f"{name}.jsonl").write_bytes(b"".join(line + b"\n" for key, line in zip(order, lines,
                                                                  strict=True) if key[0] == name))
        texts = {key: p.read_bytes().decode("utf-8-sig") for key, p in paths.items()}
    print(f"articles {len(originals)} from {args.list or args.corpus}")
    print(f"  {'form':10} " + " ".join(f"{k:>10}" for k in (*KINDS, "all")) + f" {'wrong spans':>12}")
    bad_orig = sum(len(wrong_spans(records['original', i], texts['original', i])) for i in range(len(originals)))
    print(f"  {'original':10} " + " ".join(f"{'-':>10}" for _ in (*KINDS, "all")) + f" {bad_orig:>12}")
    for name in names:
        agree = {k: 0 for k in (*KINDS, "all")}
        wrong = 0
        shown = 0
        for i, src in enumerate(originals):
            a, b = records["original", i], records[name, i]
            ok = {k: same(a, b, k) for k in KINDS}
            for k, v in ok.items():
                agree[k] += v
            agree["all"] += all(ok.values())
            bad = wrong_spans(b, texts[name, i])
            wrong += len(bad)
            if (not all(ok.values()) or bad) and shown < args.show:
                shown += 1
                print(f"    {name}: {src} differs in {[k for k, v in ok.items() if not v]}; {bad[:2]}")
        n = len(originals)
        print(f"  {name:10} " + " ".join(f"{agree[k] / n:10.3f}" for k in (*KINDS, "all")) + f" {wrong:>12}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
