"""ArticleViews → one self-contained HTML page: a section per article, its text with every span an element.

Each span is a ``<span data-kind="person|quote|cue|meeting|priority" data-start data-end>`` with the
ids it links (``data-person``, ``data-speaker``, ``data-meeting``, ``data-holder``, ``data-quote``,
``data-priority``; several ids are space-separated) and a ``title`` saying what it is (hover a quote:
its speaker). Spans nest as view/nest.py lays them out; a span cut by one it crosses carries
``data-part="1/2"``. Inline CSS, a few lines of inline JS (click a person: all their mentions light
up), no network and no other file; readable without JS. All text is escaped.
"""

from __future__ import annotations

import html
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from typing import TextIO

from diplo_cli import __version__
from diplo_cli.errors import UsageError
from diplo_cli.view.model import ArticleView, Mark
from diplo_cli.view.nest import Piece, events, nest

NEUTRAL = "#767676"
COLOURED = ("quote", "person", "cue", "priority")  # kinds drawn in their person's colour (--c)

CSS = """
:root{--c:#767676;color:#1d1d1f;background:#fff;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
body{max-width:1280px;margin:0 auto;padding:.5rem 1.5rem 2rem}
h1{font-size:1.25rem;margin:.6rem 0}h2{font-size:1.1rem;margin:0}
.legend span{margin-right:1em;white-space:nowrap}
section.article{border-top:2px solid #d8d8d8;padding:1rem 0}
.meta{color:#666;margin:.2rem 0 .8rem;font-size:.9rem}
.problem{color:#b00020;font-weight:600}.errors{color:#8a5a00}
.cols{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.5rem;align-items:start}
@media (max-width:820px){.cols{grid-template-columns:minmax(0,1fr)}}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font:1.05rem/1.75 Georgia,"Times New Roman",serif;margin:0}
[data-kind=meeting],.k-meeting{background:#e3edfd;-webkit-box-decoration-break:clone;box-decoration-break:clone}
[data-kind=priority],.k-priority{background:#fff0a0}
[data-kind=quote],.k-quote{color:var(--c)}
[data-kind=quote]:hover{outline:1px dashed var(--c);outline-offset:1px}
[data-kind=cue],.k-cue{font-style:italic;font-weight:600;color:var(--c)}
[data-kind=person],.k-person{font-weight:700;color:var(--c);border-bottom:2px solid var(--c);cursor:pointer}
[data-kind=person].focus,tr.focus{background:var(--c);color:#fff}
:target{outline:2px solid #ff8c00;outline-offset:2px}
table{border-collapse:collapse;width:100%;margin:0 0 1rem;font-size:.88rem}
caption{text-align:left;font-weight:700;padding:.2rem 0}
th,td{text-align:left;vertical-align:top;padding:.2rem .45rem;border-bottom:1px solid #e6e6e6}
th{background:#f5f5f7}td:first-child{white-space:nowrap}.meetings td:last-child{min-width:6.5em}
.swatch{display:inline-block;width:.75em;height:.75em;border-radius:50%;background:var(--c);margin-right:.35em}
"""

# Click a person (a mention or a row of People): light up all their mentions in that article; click again: off.
JS = """
document.addEventListener("click", function (e) {
  var p = e.target.closest("[data-person]"); if (!p) return;
  var s = p.closest("section"), id = p.getAttribute("data-person").split(" ")[0], on = s.dataset.focus !== id;
  s.dataset.focus = on ? id : "";
  s.querySelectorAll("[data-person]").forEach(function (x) {
    x.classList.toggle("focus", on && x.getAttribute("data-person").split(" ").indexOf(id) >= 0); });
});
"""

LEGEND = (("person", "a person (click: all mentions)"), ("quote", "a quote, in its speaker's colour (hover: who)"),
          ("cue", "speech or priority cue"), ("meeting", "a meeting's sentence"), ("priority", "a priority"))


def write_page(views: Iterable[ArticleView], target: str) -> int:
    """Write the page to ``target`` (a file, replaced whole at the end; "-": stdout); return the sections written.

    Raises UsageError when the file cannot be written (before any article is read).
    """
    if target == "-":
        return _write(views, sys.stdout)
    folder = os.path.dirname(os.path.abspath(target))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".diplo-show-", suffix=".html", dir=folder)
    except OSError as e:
        raise UsageError(f"cannot write {target}: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            count = _write(views, out)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as e:
        raise UsageError(f"cannot write {target}: {e.strerror or e}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return count


def _write(views: Iterable[ArticleView], out: TextIO) -> int:
    count = 0
    for chunk in page(views):
        out.write(chunk)
        count += chunk.startswith("<section")
    return count


def page(views: Iterable[ArticleView]) -> Iterator[str]:
    """The page in chunks: head, one section per view (as they come), the end."""
    yield ("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           f"<title>diplo show</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
           f"<header><h1>diplo show</h1><p class=\"legend\">{_legend()}</p></header>\n")
    n = 0
    for n, view in enumerate(views, start=1):
        yield section(view, f"a{n}")
    if n == 0:
        yield "<p>No articles.</p>\n"
    yield f"<footer class=\"meta\">diplo {esc(__version__)}</footer>\n<script>{JS}</script>\n</body>\n</html>\n"


def section(view: ArticleView, sid: str) -> str:
    """One article: heading, its text with the spans, and the tables beside it."""
    meta = " · ".join(esc(x) for x in (view.source, view.date) if x)
    if not view.problem:
        meta += (f" · {len(view.people)} people · {len(view.meetings)} meetings · {view.quotes} quotes"
                 f" · {len(view.priorities)} priorities")
    out = [f'<section class="article" id="{sid}" data-id="{esc(view.id)}" data-source="{esc(view.source)}">\n',
           f"<h2>{esc(view.id)}</h2>\n<p class=\"meta\">{meta}</p>\n"]
    if view.problem:
        out.append(f'<p class="problem">not shown: {esc(view.problem)}</p>\n')
    errors = [e for e in view.errors if e != view.problem]
    if errors:
        out.append('<ul class="errors">' + "".join(f"<li>{esc(e)}</li>" for e in errors) + "</ul>\n")
    if not view.problem:
        out += ['<div class="cols">\n<div class="text">', text(view, sid), "</div>\n<aside>\n",
                _people(view), _meetings(view, sid), _priorities(view, sid), "</aside>\n</div>\n"]
    out.append("</section>\n")
    return "".join(out)


def text(view: ArticleView, sid: str) -> str:
    """The article text after its dateline, escaped, with each span piece one element."""
    start, end = view.body_start, len(view.text)
    out = []
    for event, s, e, piece in events(nest(view.marks, start, end), start, end):
        if event == "text":
            out.append(esc(view.text[s:e]))
        elif event == "open" and piece is not None:
            out.append(_open(piece, sid))
        else:
            out.append("</span>")
    return "".join(out)


def esc(s: str) -> str:
    """Escaped for HTML text or an attribute; a carriage return as a reference, which the parser keeps."""
    return html.escape(s, quote=True).replace("\r", "&#13;")


def anchor(sid: str, kind: str, start: int, end: int) -> str:
    return f"{sid}-{kind}-{start}-{end}"


def _open(piece: Piece, sid: str) -> str:
    m = piece.mark
    attrs = [("data-kind", m.kind), ("data-start", str(m.start)), ("data-end", str(m.end))]
    attrs += [(f"data-{name}", value) for name, value in m.links]
    if piece.parts > 1:
        attrs.append(("data-part", f"{piece.part}/{piece.parts}"))
    if piece.part == 1:
        attrs.append(("id", anchor(sid, m.kind, m.start, m.end)))
    if m.note:
        attrs.append(("title", m.note))
    if m.kind in COLOURED:
        attrs.append(("style", f"--c:{_colour(m)}"))
    return "<span " + " ".join(f'{k}="{esc(v)}"' for k, v in attrs) + ">"


def _colour(m: Mark) -> str:
    return m.colour or NEUTRAL


def _legend() -> str:
    return "".join(f'<span class="k-{kind}">{esc(words)}</span>' for kind, words in LEGEND)


def _cells(*cells: str, tag: str = "td") -> str:
    return "".join(f"<{tag}>{c}</{tag}>" for c in cells)


def _people(view: ArticleView) -> str:
    if not view.people:
        return ""
    rows = "".join(f'<tr data-person="{esc(p.id)}" style="--c:{p.colour}" title="click: all mentions">'
                   + _cells(f'<span class="swatch"></span>{esc(p.id)}', esc(p.name), esc(p.title or ""),
                            esc(p.country or ""), str(p.mentions)) + "</tr>" for p in view.people)
    head = _cells("id", "name", "title", "country", "mentions", tag="th")
    return (f'<table class="people"><caption>People</caption><thead><tr>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table>\n")


def _meetings(view: ArticleView, sid: str) -> str:
    if not view.meetings:
        return ""
    rows = "".join(f'<tr data-meeting="{esc(m.id)}">' + _cells(
        f'<a href="#{anchor(sid, "meeting", *m.evidence)}">{esc(m.id)}</a>', esc(m.kind), esc(m.status),
        esc(", ".join(m.who)), esc(m.where or ""), esc(m.when or "")) + "</tr>" for m in view.meetings)
    head = _cells("id", "kind", "status", "who", "where", "when", tag="th")
    return (f'<table class="meetings"><caption>Meetings</caption><thead><tr>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table>\n")


def _priorities(view: ArticleView, sid: str) -> str:
    if not view.priorities:
        return ""
    rows = []
    for p in view.priorities:
        holder = esc(p.holder) + (f" ({esc(p.holder_id)})" if p.holder_id else f" ({esc(p.kind)})")
        style = f' style="--c:{p.colour}"' if p.colour else ""
        link = f'<a href="#{anchor(sid, "priority", *p.span)}">{esc(p.phrase)}</a>'
        attr = f' data-holder="{esc(p.holder_id)}"' if p.holder_id else ""
        rows.append(f"<tr{attr}{style}>" + _cells(f'<span class="swatch"></span>{holder}' if p.colour else holder,
                                                   link, esc(p.cue or ""), esc(p.source)) + "</tr>")
    head = _cells("holder", "phrase", "cue", "source", tag="th")
    return (f'<table class="priorities"><caption>Priorities</caption><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>\n")
