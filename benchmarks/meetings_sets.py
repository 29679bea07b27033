"""Meeting detection against the shared reference sets other than the dev gold.

- press-headline-silver: over the corpus articles whose official headline names a call, meeting or
  summit, how often diplo finds a meeting, and whether the kind and status of the meeting it lists
  first agree with the headline ("in_person_or_video" accepts in_person or call: the Kremlin titles
  videoconferences as meetings). Silver labels: a coarse check, not gold.
- plover-gsr: recall of the 11 CONSULT sentences (meeting, visit, phone call), and how many of the
  311 other event sentences (agreements, threats, protests) wrongly get a meeting.
- rams-contact: recall of the contact.discussion.* and contact.negotiate.* events (meetings, talks,
  calls and letters): a meeting whose evidence sentence holds the event's trigger.

usage: python benchmarks/meetings_sets.py [../shared] [--limit N]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from diplo_cli import extract_articles


def headline_silver(shared: Path, limit: int | None) -> None:
    labels = [json.loads(line) for line in (shared / "gold/press-headline-silver/labels.jsonl").open()]
    labels = [r for r in labels if (shared / "corpus" / r["set"] / f"{r['id']}.txt").exists()][:limit]
    items = [(r["id"], (shared / "corpus" / r["set"] / f"{r['id']}.txt").read_text(encoding="utf-8")) for r in labels]
    tally: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    for label, result in zip(labels, extract_articles(items), strict=True):
        tally["articles"] += 1
        if not result.meetings:
            confusion[(label["kind"], "none")] += 1
            continue
        tally["found"] += 1
        first = result.meetings[0]
        want = {"in_person_or_video": {"in_person", "call"}, "call": {"call"}, "summit": {"summit"}}[label["kind"]]
        tally["kind_ok"] += first.kind in want
        tally["status_ok"] += first.status == label["status"]
        confusion[(label["kind"], first.kind)] += 1
    n, found = tally["articles"], tally["found"]
    print(f"press-headline-silver: {n} articles")
    print(f"  meeting found        {found}/{n} = {found / n:.3f}")
    print(f"  kind agrees (found)  {tally['kind_ok']}/{found} = {tally['kind_ok'] / max(found, 1):.3f}")
    print(f"  status agrees        {tally['status_ok']}/{found} = {tally['status_ok'] / max(found, 1):.3f}")
    pairs = ", ".join(f"{a}→{b} {c}" for (a, b), c in sorted(confusion.items()))
    print("  headline kind → first meeting kind: " + pairs)


def plover(shared: Path) -> None:
    records = [r for r in json.loads((shared / "gold/plover-gsr/PLOVER_GSR_CAMEO.json").read_text())
               if r.get("event") != "DOCUMENT" and r.get("text")]
    items = [(r["id"], r["text"]) for r in records]
    hit = Counter()
    for r, result in zip(records, extract_articles(items, date=None), strict=True):
        group = "consult" if r["event"] == "CONSULT" else "other"
        hit[group, "n"] += 1
        hit[group, "meeting"] += bool(result.meetings)
    print(f"plover-gsr: CONSULT recall {hit['consult', 'meeting']}/{hit['consult', 'n']}; "
          f"other events with a meeting {hit['other', 'meeting']}/{hit['other', 'n']}")


def rams(shared: Path) -> None:
    events = [json.loads(line) for line in (shared / "gold/rams-contact/contact_events.jsonl").open()]
    events = [e for e in events if e["event_type"].startswith(("contact.discussion.", "contact.negotiate."))]
    items = [(f"{e['doc_key']}-{i}", e["text"]) for i, e in enumerate(events)]
    found = 0
    for e, result in zip(events, extract_articles(items), strict=True):
        start, end = e["trigger"]["chars"]
        found += any(m.evidence.start <= start and end <= m.evidence.end for m in result.meetings)
    print(f"rams-contact: discussion/negotiate events with a meeting on the trigger's sentence {found}/{len(events)}"
          f" = {found / len(events):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--limit", type=int, default=None, help="at most N headline-silver articles")
    args = parser.parse_args()
    shared = Path(args.shared)
    plover(shared)
    rams(shared)
    headline_silver(shared, args.limit)


if __name__ == "__main__":
    main()
