"""Meetings on the dev gold set, per source: F1 and kind / status / location / date accuracy on matched
meetings, which `dev-eval --by-source` does not split. Uses the shared scorer's own matching.

usage: python benchmarks/meetings_dev.py <shared>/gold/dev PREDICTIONS.jsonl [--list]
  PREDICTIONS is the file `<shared>/tools/dev-eval` names; --list prints every miss, false meeting
  and wrong field with its evidence sentence.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

FIELDS = ("kind", "status", "location", "date")


def main(gold_dir: Path, pred_path: Path, listing: bool) -> None:
    sys.path.insert(0, str(gold_dir.parent.parent / "tools"))
    import score  # the shared scorer: same matching, same location rule

    preds = {}
    for line in pred_path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        preds[rec["id"]] = rec
    tally: dict[str, dict[str, list[int]]] = {}
    for f in sorted(gold_dir.glob("*.json")):
        gold = json.loads(f.read_text(encoding="utf-8"))
        group = score.source_group(gold).split("-")[0]
        t = tally.setdefault(group, {k: [0, 0] for k in ("meetings", *FIELDS)})
        t.setdefault("pred", [0, 0])
        pms = [m for m in preds.get(gold["id"], {}).get("meetings") or [] if m.get("participants")]
        gms = [m for m in gold.get("meetings") or [] if m.get("participants")]
        pairs = score.greedy_match(pms, gms, score.meeting_sim, 0.34)
        t["meetings"][0] += len(pairs)
        t["meetings"][1] += len(gms)
        t["pred"][0] += len(pms)
        lines = []
        for i, j in pairs:
            pm, gm = pms[i], gms[j]
            for k in FIELDS:
                if not gm.get(k):
                    continue
                t[k][1] += 1
                got = pm.get(k)
                if k == "location":
                    ok = bool(got) and (score.name_match(got, gm[k]) or bool(
                        set(score.norm_tokens(gm[k])) & set(score.norm_tokens(got)) - {"the", "of", "city"}))
                else:
                    ok = got == gm[k]
                t[k][0] += ok
                if not ok:
                    lines.append(f"  {k}: got {got!r}, gold {gm[k]!r} | {pm['evidence']['text'][:160]!r}")
        matched_p, matched_g = {i for i, _ in pairs}, {j for _, j in pairs}
        lines += [f"  false: {[p['name'] for p in m['participants']]} {m['kind']} {m['status']}"
                  for i, m in enumerate(pms) if i not in matched_p]
        lines += [f"  missed: {m['participants']} {m.get('kind')} {m.get('status')}"
                  for j, m in enumerate(gms) if j not in matched_g]
        if listing and lines:
            print(gold["id"], gold.get("date"), *lines, sep="\n")
    for group, t in tally.items():
        tp, gold_n, pred_n = t["meetings"][0], t["meetings"][1], t["pred"][0]
        p = tp / pred_n if pred_n else 1.0
        r = tp / gold_n if gold_n else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{group:10s} meetings F1={f1:.3f} (matched {tp}, predicted {pred_n}, gold {gold_n}) "
              + " ".join(f"{k}={t[k][0]}/{t[k][1]}" for k in FIELDS))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    main(Path(args[0]), Path(args[1]), "--list" in sys.argv)
