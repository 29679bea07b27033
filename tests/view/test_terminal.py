"""The terminal view: spans in brackets in plain text, styles in colour; tables; nothing unsafe sent."""

from __future__ import annotations

import io
import re

from pages import golden_records
from rich.console import Console

from diplo_cli.view.model import view_of
from diplo_cli.view.terminal import printable, render

GOLDEN = {r["id"]: (r, t) for r, t in golden_records()}


def _printed(view, styled: bool) -> str:
    out = io.StringIO()
    Console(file=out, width=100, force_terminal=styled, color_system="truecolor" if styled else None,
            highlight=False).print(render(view, styled), soft_wrap=not styled)
    return out.getvalue()


def test_plain_text_brackets_each_span_with_its_tag():
    record, text = GOLDEN["official_visit"]
    shown = _printed(view_of(record, text), styled=False)
    assert "\x1b" not in shown
    assert "[m1 Portuguese President [p1 Helena Vasconcelos] on Tuesday" in shown
    assert '"[q:p1 Portugal and Chile' in shown and "[p1 Vasconcelos] [cue said] after the talks." in shown
    assert "date 2025-05-14 Portuguese" not in shown  # the dateline is in the heading, not the text
    for heading in ("People", "Meetings", "Priorities", "Belém Palace", "planned"):
        assert heading in shown


def test_styled_text_colours_each_speaker_and_keeps_the_words():
    record, text = GOLDEN["official_visit"]
    shown = _printed(view_of(record, text), styled=True)
    assert "\x1b[" in shown and "[p1 " not in shown
    # p1 and p2 each in their own colour (rich may give 24-bit or nearest standard codes)
    p1, p2 = (re.search(rf"\x1b\[([0-9;]+)m{name}", shown).group(1) for name in ("Helena", "Tomás"))
    assert p1 != p2


def test_control_characters_never_reach_the_terminal():
    assert printable("a\x1b[31mb\r\nc\x07") == "a\u241b[31mb\nc\u2407"
