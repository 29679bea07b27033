"""Text normalisation before parsing: the article as saved (CRLF, hard-wrapped, extra spaces, page
furniture, run-together sentences) → the text spaCy reads, plus an offset map back to the file.

offsets owns the map (normalised index → raw index) and its edits; normalise applies the rules in
order; furniture finds page-furniture lines from patterns/furniture.jsonl.
"""

from diplo_cli.text.normalise import normalise
from diplo_cli.text.offsets import OFFSETS_KEY, RawOffsets

__all__ = ["OFFSETS_KEY", "RawOffsets", "normalise"]
