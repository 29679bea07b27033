"""Time and peak memory of one long article, at several lengths, measured in one run.

Each article is one dateline followed by the bodies of corpus readouts joined with blank lines
(sorted by file name, repeated if the corpus runs out), cut at a paragraph break near the target
length: a digest, a transcript or a pasted collection, as users feed them. Every length runs in
a fresh process (so the peak RSS is that article's alone, the model included) that loads the
model, then times the parse and the stages of that one article (``Extractor.outcomes``); a
2,000-character article is run the same way first, and its CPU time is subtracted from the others'
(it is the fixed cost: the first call's warm-up), so that time per character compares lengths.

Prints a markdown table: characters, wall and CPU seconds, CPU microseconds per character (CPU
time, so that other work on a shared machine does not skew the ratios), ratio of that to the
smallest length's, peak RSS; and checks the targets of issue 20 (time per character at the largest
length within 1.5x of the smallest, peak RSS below 1.5 GB), exiting 1 if one is missed.

usage: python benchmarks/long_article.py [--sizes 50000,200000,1000000,5000000] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from diplo_cli.io.sources import split_dateline

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "kremlin-en-2021-2022"
DEFAULT_SIZES = "50000,200000,1000000,5000000"
WARM = 2_000
MAX_RATIO = 1.5
MAX_RSS_MB = 1536

# Run in a fresh interpreter: load the model, process one tiny article (warm-up), then the file.
PROBE = """
import json, resource, sys, time
from pathlib import Path
from diplo_cli.io.sources import make_article
from diplo_cli.run.pipeline import Extractor
ex = Extractor()
ex.outcomes([make_article("warm", "warm", " date 2022-01-01 The President met the Prime Minister.")])
text = Path(sys.argv[1]).read_text(encoding="utf-8")
article = make_article("long", sys.argv[1], text)
start, cpu = time.perf_counter(), time.process_time()
[out] = ex.outcomes([article])
secs, cpu = time.perf_counter() - start, time.process_time() - cpu
line = json.loads(out.line)
print(json.dumps({"secs": secs, "cpu": cpu, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "people": len(line["people"]), "quotes": len(line["quotes"]),
                  "meetings": len(line["meetings"]), "priorities": len(line["priorities"]),
                  "errors": line["errors"]}))
"""


def bodies(corpus: Path) -> list[str]:
    """The corpus articles' bodies (the dateline line cut off), in file-name order."""
    out = []
    for f in sorted(corpus.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        body = text[split_dateline(text)[1]:].strip()
        if body:
            out.append(body)
    return out


def long_text(parts: list[str], size: int) -> str:
    """A dateline and as many bodies as reach ``size`` characters, cut after a paragraph break."""
    chunks = [" date 2022-03-01 "]
    length = len(chunks[0])
    k = 0
    while length < size:
        body = parts[k % len(parts)] + "\n\n"
        chunks.append(body)
        length += len(body)
        k += 1
    text = "".join(chunks)
    cut = text.rfind("\n\n", 0, size)
    return text[:cut + 2] if cut > size // 2 else text[:size]


def measure(path: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"probe failed on {path.name}:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="comma-separated lengths in characters")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    parts = bodies(args.corpus)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in [WARM, *sizes]:
            path = Path(tmp) / f"long-{size}.txt"
            text = long_text(parts, size)
            path.write_text(text, encoding="utf-8")
            rows.append((len(text), measure(path)))
            path.unlink()
    (_, warm), rows = rows[0], rows[1:]

    def per_char(r: dict, n: int) -> float:  # µs of CPU per character, the fixed cost taken off
        return max(r["cpu"] - warm["cpu"], 1e-9) / n * 1e6

    base = per_char(rows[0][1], rows[0][0])
    print(f"one article of joined {args.corpus.name} bodies; fixed cost ({WARM:,} chars) "
          f"{warm['cpu']:.2f} s CPU")
    print("| characters | wall s | CPU s | CPU µs per character | ratio to smallest | peak RSS | people | quotes |")
    print("|---|---|---|---|---|---|---|---|")
    for n, r in rows:
        per = per_char(r, n)
        print(f"| {n:,} | {r['secs']:.1f} | {r['cpu']:.1f} | {per:.1f} | {per / base:.2f} | {r['rss_mb']:.0f} MB "
              f"| {r['people']} | {r['quotes']} |")
        if r["errors"]:
            print(f"  errors: {r['errors']}")
    largest_ratio = per_char(rows[-1][1], rows[-1][0]) / base
    peak = max(r["rss_mb"] for _, r in rows)
    ok = largest_ratio <= MAX_RATIO and peak < MAX_RSS_MB
    print(f"CPU time per character, largest / smallest: {largest_ratio:.2f} (target <= {MAX_RATIO}); "
          f"peak RSS {peak:.0f} MB (target < {MAX_RSS_MB} MB): {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
