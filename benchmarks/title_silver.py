"""A silver check of meetings on the White House, State Department and New Zealand releases: their
titles say who met whom and how ("Readout of President Biden's Call with President Macron of France",
"Secretary Blinken's Meeting with Guyanese President Ali", "PM meets China Premier Li Keqiang").

For every release whose title names a call or a meeting with someone, does diplo give a meeting of that
kind (call, or in person / summit) with the people the title names after "with" / "meets"? Titles that
name nobody ("Call with Members of Congress") are checked on the kind alone. A title is silver, not
gold: read the disagreements before trusting the figure.

usage: python benchmarks/title_silver.py [--shared ../shared] [--per-folder 150] [--pred OUT.jsonl] [--show 30]
  --pred reads an existing `diplo extract` output of the same files instead of running diplo.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import tempfile
from pathlib import Path

FOLDERS = ("whitehouse-2021-2025", "state-dept-2021-2022", "nz-beehive-1996-2026")
HEADER = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s*")
CALL = re.compile(r"\b(call|phone|telephone|video ?conference|virtual meeting|speaks? with)\b", re.I)
MEETING = re.compile(r"\b(meeting|meets?|met|talks|bilateral)\b", re.I)
# the people a title names: the words after "with" / "meets" (not "PM to visit ... for talks")
OTHER = re.compile(r"\b(?:with|meets?|met)\s+(.*)$", re.I)
NOT_NAMES = {
    "President", "Prime", "Minister", "Secretary", "Foreign", "Deputy", "Vice", "General", "State", "Affairs",
    "Chancellor", "King", "Queen", "Crown", "Prince", "Princess", "Emir", "Sheikh", "Premier", "Counterpart",
    "Counterparts", "Leader", "Leaders", "Ministers", "Ambassador", "Special", "Envoy", "Representative", "Chair",
    "Chairman", "National", "Security", "Advisor", "Adviser", "Defence", "Defense", "Trade", "Finance", "His",
    "Her", "Majesty", "Highness", "The", "Of", "And", "Readout", "Call", "Meeting", "Meets", "Met", "With", "New",
    "Zealand", "United", "States", "Republic", "Kingdom", "Senior", "Officials", "Officer", "Council", "Under",
    "Assistant", "Director", "Commissioner", "High", "Mr", "Ms", "Dr", "Hon", "Joint", "Statement", "Ministry",
    "Government", "Governor", "Mayor", "Speaker", "Members", "Congress", "Delegation", "Executive", "Chief",
    "Head", "Office", "Department", "Cabinet", "Minister’s", "Secretary’s", "President’s", "Parliament",
    "Advisors", "Advisers", "Secretariat", "Families", "Hostages", "Held", "Representatives", "Nations", "Mission",
    "Personnel", "Activists", "Workers", "Staff", "President-Elect", "Prime-Minister", "Personal", "Secretary-General",
    "Union", "European", "Economy", "Admiral", "Group", "Civil", "Church", "Mayors", "MFA", "Progressive",
    "Following", "Test", "Democratic", "Administration", "Pro-Democracy", "Frontline", "Muslim",
    "Agency", "International", "Federal", "Before", "Their", "Green", "Labour", "Party", "Opposition", "Business",
    "Community", "Industry", "Committee", "Board", "Organisation", "Organization", "Forum", "Summit", "Conference",
}


def title_of(text: str) -> str:
    return HEADER.sub("", text.splitlines()[0] if text else "").strip()


def expected(title: str) -> tuple[str, list[str]] | None:
    """(kind, surnames) a title names, or None when it names no call or meeting with someone."""
    other = OTHER.search(title)
    if other is None:
        return None
    if CALL.search(title):
        kind = "call"
    elif MEETING.search(title):
        kind = "in_person"
    else:
        return None
    told = re.split(r"\s(?:on|to|about|for|in|at|regarding|ahead|during)\s", other.group(1))[0]
    words = [w.removesuffix("’s").removesuffix("'s") for w in re.findall(r"[A-Z][\w’'-]+", told)]
    keep = [True] * len(words)
    for i in range(len(words)):  # "North Korean", "Sri Lanka": a country of two words
        if i + 1 < len(words) and _country_word(f"{words[i]} {words[i + 1]}"):
            keep[i] = keep[i + 1] = False
        elif _country_word(words[i]):
            keep[i] = False
    return kind, [w for w, k in zip(words, keep, strict=True) if k and w not in NOT_NAMES and len(w) > 2]


def _country_word(word: str) -> bool:
    from diplo_cli.extract.countries import countries

    index = countries()
    return index.lookup(word) is not None or word in index.by_capital


def agrees(kind: str, names: list[str], meetings: list[dict]) -> bool:
    for m in meetings:
        if (m["kind"] == "call") != (kind == "call"):
            continue
        people = " ".join(p["name"] for p in m["participants"])
        if not names or any(n in people for n in names):
            return True
    return False


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--per-folder", type=int, default=150)
    ap.add_argument("--pred", type=Path)
    ap.add_argument("--show", type=int, default=30)
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args()
    chosen: list[Path] = []
    for folder in FOLDERS:
        files = sorted((args.shared / "corpus" / folder).glob("*.txt"))
        titled = [f for f in files if expected(title_of(f.read_text(encoding="utf-8")))]
        random.Random(args.seed).shuffle(titled)
        chosen += titled[:args.per_folder]
    if args.pred is None:
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as out:
            subprocess.run(["diplo", "extract", "-q", *map(str, chosen)], stdout=out, check=True)
        args.pred = Path(out.name)
    preds = {}
    for line in args.pred.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        preds[rec["id"]] = rec
    disagreements = []
    for folder in FOLDERS:
        n = ok = 0
        for f in chosen:
            if f.parent.name != folder or f.stem not in preds:
                continue
            title = title_of(f.read_text(encoding="utf-8"))
            want = expected(title)
            assert want is not None
            n += 1
            if agrees(*want, preds[f.stem]["meetings"]):
                ok += 1
            else:
                disagreements.append((folder, title, want, preds[f.stem]["meetings"]))
        print(f"{folder:24s} titles={n:4d} agree={ok:4d} ({ok / n if n else 0:.3f})")
    print(f"predictions: {args.pred}")
    for folder, title, (kind, names), meetings in disagreements[:: max(1, len(disagreements) // args.show)][:args.show]:
        got = "; ".join(f"{m['kind']} {[p['name'] for p in m['participants']]}" for m in meetings) or "no meeting"
        print(f"- [{folder.split('-')[0]}] {title[:90]} | want {kind} {names} | got {got[:150]}")


if __name__ == "__main__":
    main()
