"""An ArticleView → rich renderables for the terminal: the text with its spans, then the tables.

Styled (colour terminal): people bold in their own colour, quotes in their speaker's colour,
cues bold italic, meeting sentences underlined, priorities reversed. Plain (``--no-color``, or
output that is not a terminal): the same text with each span in brackets, ``[p1 Helena
Vasconcelos]``, ``[q:p1 ...]`` (a quote by p1), ``[cue said]``, ``[m1 ...]``, ``[pr:p1 ...]``.
Returns renderables; the caller prints (and pages) them.
"""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.style import Style
from rich.table import Table
from rich.text import Text

from diplo_cli.view.model import ArticleView, Mark
from diplo_cli.view.nest import events, nest

NEUTRAL = "#7f7f7f"
LEGEND = (("person", "p1", "a person"), ("quote", "q:p1", "a quote by p1"), ("cue", "cue", "its cue"),
          ("meeting", "m1", "a meeting's sentence"), ("priority", "pr:p1", "a priority of p1"))


def render(view: ArticleView, styled: bool) -> RenderableType:
    """Everything shown for one article, as one renderable."""
    title = Text("━━ " if styled else "=== ", style="cyan" if styled else "")
    title.append(" · ".join(x for x in (view.id, view.source, view.date) if x), style="bold" if styled else "")
    parts: list[RenderableType] = [Rule(style="cyan"), title] if styled else [title]
    if view.problem:
        parts.append(Text(f"not shown: {view.problem}", style="bold red" if styled else ""))
    for error in view.errors:
        if error != view.problem:
            parts.append(Text(f"error: {error}", style="yellow" if styled else ""))
    if view.problem:
        return Group(*parts)
    parts += [legend(styled), Text(), body(view, styled), Text()]
    parts += [t for t in (_people(view, styled), _meetings(view, styled), _priorities(view, styled)) if t]
    return Group(*parts)


def legend(styled: bool) -> Text:
    """One line saying how each kind of span looks."""
    line = Text()
    line.append("key: ", style="dim" if styled else "")
    for kind, label, words in LEGEND:
        mark = Mark(kind, 0, 0, label=label, colour=NEUTRAL if kind != "meeting" else None)
        if styled:
            line.append(words, style=_style(mark))
        else:
            line.append(f"[{label} {words}]")
        line.append("  ")
    line.rstrip()
    return line


def body(view: ArticleView, styled: bool) -> Text:
    """The article text after its dateline, each span styled or bracketed."""
    text, start, end = view.text, view.body_start, len(view.text)
    out = Text()
    styles: list[Style] = []
    for event, s, e, piece in events(nest(view.marks, start, end), start, end):
        if event == "text":
            out.append(printable(text[s:e]), style=Style.combine(styles) if styles else "")
        elif piece is None:
            continue
        elif styled:
            if event == "open":
                styles.append(_style(piece.mark))
            else:
                styles.pop()
        else:
            out.append(f"[{piece.mark.label} " if event == "open" else "]")
    out.rstrip()
    return out


def printable(s: str) -> str:
    """Text safe to send to a terminal: carriage returns dropped, other control characters shown as symbols."""
    return s.translate(_CONTROLS)


_CONTROLS = {c: (None if c == 13 else 0x2400 + c) for c in range(32) if c not in (9, 10)} | {
    0x7F: 0x2421, **{c: 0xFFFD for c in range(0x80, 0xA0)}}


def _style(mark: Mark) -> Style:
    colour = mark.colour or NEUTRAL
    if mark.kind == "meeting":
        return Style(underline=True)
    if mark.kind == "quote":
        return Style(color=colour, italic=mark.colour is None)
    if mark.kind == "priority":
        return Style(reverse=True)
    if mark.kind == "cue":
        return Style(bold=True, italic=True)
    return Style(bold=True, color=colour)


# ---------------------------------------------------------------- tables


def _table(title: str, columns: tuple[str, ...], styled: bool) -> Table:
    table = Table(title=Text(title), title_justify="left", box=box.SIMPLE_HEAD if styled else box.ASCII,
                  header_style="bold" if styled else "", title_style="bold" if styled else "", pad_edge=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    return table


def _people(view: ArticleView, styled: bool) -> Table | None:
    if not view.people:
        return None
    table = _table("People", ("id", "name", "title", "country", "mentions"), styled)
    for p in view.people:
        style = Style(bold=True, color=p.colour) if styled else ""
        table.add_row(Text(p.id, style=style), Text(p.name, style=style), Text(p.title or ""),
                      Text(p.country or ""), Text(str(p.mentions)))
    return table


def _meetings(view: ArticleView, styled: bool) -> Table | None:
    if not view.meetings:
        return None
    table = _table("Meetings", ("id", "kind", "status", "who", "where", "when"), styled)
    for m in view.meetings:
        table.add_row(Text(m.id), Text(m.kind), Text(m.status), Text(", ".join(m.who)), Text(m.where or ""),
                      Text(m.when or ""))
    return table


def _priorities(view: ArticleView, styled: bool) -> Table | None:
    if not view.priorities:
        return None
    table = _table("Priorities", ("holder", "phrase", "cue", "source"), styled)
    for p in view.priorities:
        style = Style(bold=True, color=p.colour) if styled and p.colour else ""
        holder = p.holder + (f" ({p.holder_id})" if p.holder_id else f" ({p.kind})")
        table.add_row(Text(holder, style=style), Text(printable(p.phrase)), Text(p.cue or ""), Text(p.source))
    return table
