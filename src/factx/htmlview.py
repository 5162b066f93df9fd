"""``--format html``: one self-contained page (no network: inline CSS and a few lines of JS)
where a person reads each document with its facts highlighted where they were found.

Streamed like the JSON array: the page head at the start, one ``<article>`` per document,
the run's totals and the closing tags at ``close``, so a corpus never sits in memory.
"""

from __future__ import annotations

from html import escape
from typing import IO, NamedTuple

from .extractors import REGISTRY
from .facts import Document
from .render import counted, describe, people, run_summary

# (line, tint) per type in registry order: hues told apart by most colour-blind readers too,
# each dark enough for a 2px underline, its tint light enough for black text on it.
PALETTE = (("#1f6fb2", "#dcebf8"), ("#1b8a5a", "#d5f0e2"), ("#b86e00", "#fde9c4"), ("#a3428a", "#f6dcee"),
           ("#6b5bd2", "#e5e1fa"), ("#b8452a", "#f9ddd5"), ("#2a8c99", "#d6eff2"), ("#7a7a2a", "#eeeed2"))

CSS = """
*{box-sizing:border-box}
body{margin:0;background:#f4f5f7;color:#1d1f23;font:16px/1.5 "Noto Sans","DejaVu Sans",system-ui,sans-serif}
.top{position:sticky;top:0;z-index:2;display:flex;gap:1.5rem;align-items:center;padding:.6rem 1.5rem;
 background:#fff;border-bottom:1px solid #dde0e5}
.top h1{font-size:1.1rem;margin:0}
ul.legend,ul.summary{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;margin:0;padding:0}
.legend li,.summary li{background:var(--bg);border-bottom:2px solid var(--c);border-radius:4px;padding:0 .5em;
 font-size:.85rem}
.summary li.none{opacity:.45}
main{max-width:80rem;margin:0 auto;padding:1rem 1.5rem}
article{background:#fff;border:1px solid #dde0e5;border-radius:8px;margin:0 0 1.5rem;padding:1.2rem 1.5rem}
article h2{font-size:1.05rem;margin:0 0 .2rem;overflow-wrap:anywhere}
.meta{margin:0 0 .5rem;color:#555b66;font-size:.9rem}
.body{display:grid;grid-template-columns:minmax(0,42rem) minmax(16rem,1fr);gap:2rem;margin-top:1rem}
.text{white-space:pre-wrap;overflow-wrap:break-word;font:17px/1.85 "Noto Serif","DejaVu Serif",Georgia,serif}
mark{color:inherit;background:var(--bg);border-bottom:2px solid var(--c);border-radius:3px;padding:.1em 0;
 box-decoration-break:clone;-webkit-box-decoration-break:clone;cursor:help}
mark mark{padding:0 0 .35em;background-clip:content-box}
mark mark mark{padding-bottom:.6em}
mark.m{background:none;border-bottom:2px dashed var(--c)}
.hl{outline:2px solid var(--c);background:var(--bg)}
aside{font-size:.88rem}
ol.facts{list-style:none;margin:0;padding:0;position:sticky;top:4rem;max-height:calc(100vh - 5rem);overflow:auto}
ol.facts li{border-left:4px solid var(--c);padding:.25rem .5rem;margin:0 0 .35rem;cursor:pointer}
ol.facts li.hl{outline:none;background:var(--bg)}
.tag{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;color:var(--c);font-weight:600}
.hint{margin-left:auto;color:#6b717c;font-size:.8rem}
.said{font-style:italic;color:#555b66}
.value{display:block;color:#1d1f23}
.none-found{color:#777}
footer{max-width:80rem;margin:0 auto;padding:0 1.5rem 2rem;color:#555b66}
@media (max-width:60rem){.body{grid-template-columns:1fr}}
"""

# Hovering a fact lights it up in the text and in the list (a person's mentions too); a click
# on the list scrolls to it in the text. Delegated, so it works while the page still streams.
JS = """
function light(e,on){const el=e.target.closest('[data-i],[data-of]');if(!el)return;
 const i=el.dataset.i??el.dataset.of;
 el.closest('article').querySelectorAll(`[data-i="${i}"],[data-of="${i}"]`).forEach(x=>x.classList.toggle('hl',on));}
document.addEventListener('mouseover',e=>light(e,true));
document.addEventListener('mouseout',e=>light(e,false));
document.addEventListener('click',e=>{const li=e.target.closest('li[data-i]');if(!li)return;
 li.closest('article').querySelector(`mark[data-i="${li.dataset.i}"]`)?.scrollIntoView({block:'center'});});
"""


def colours(count: int) -> str:
    """The CSS of classes ``t0`` ... ``t{count-1}``: each fact type's line and tint, in registry order."""
    return "".join(f".t{n}{{--c:{PALETTE[n % len(PALETTE)][0]};--bg:{PALETTE[n % len(PALETTE)][1]}}}"
                   for n in range(count))


class Span(NamedTuple):
    start: int
    end: int
    rank: int          # 0 a fact, 1 a mention: over the same text, the fact's mark is outer
    tag: str           # the opening <mark ...>


def marked(text: str, spans: list[Span]) -> str:
    """``text`` escaped, each span inside its mark, marks properly nested however the spans
    overlap: the text is cut at every span's start and end, and each piece sits in the marks of
    all the spans that cover it, the one that starts first (then the longer) outermost. A span
    that crosses the end of an outer one goes on in a second mark with the same attributes."""
    order = {s: n for n, s in enumerate(sorted(spans, key=lambda s: (s.start, -s.end, s.rank)))}
    starting: dict[int, list[Span]] = {}
    for s in spans:
        starting.setdefault(s.start, []).append(s)
    cuts = sorted({0, len(text), *(min(max(p, 0), len(text)) for s in spans for p in (s.start, s.end))})
    out, opened, active = [], [], set()
    for a, b in zip(cuts, cuts[1:]):
        active = {s for s in active if s.end > a} | set(starting.get(a, ()))
        wanted = sorted(active, key=order.get)
        keep = 0
        while keep < min(len(opened), len(wanted)) and opened[keep] == wanted[keep]:
            keep += 1
        out.append("</mark>" * (len(opened) - keep))
        out.extend(s.tag for s in wanted[keep:])
        out.append(escape(text[a:b]))
        opened = wanted
    out.append("</mark>" * len(opened))
    return "".join(out)


class HtmlWriter:
    """The page, one ``<article>`` per document: its source, language, document date, facts per
    type, and its text with every fact a ``<mark>`` carrying ``data-type``, ``data-start``,
    ``data-end`` and its value in words (``title``), beside a list of its facts.

    ``page=False`` writes the articles alone (``close`` is then not for it), for a page of
    one's own around them, as ``factx report``'s; ``fact_attributes`` adds to a fact's mark."""

    def __init__(self, stream: IO[str], page: bool = True):
        self.stream, self.types = stream, list(REGISTRY.values())
        self.colour = {t.name: n for n, t in enumerate(self.types)}
        self.documents, self.counts = 0, {t.name: 0 for t in self.types}
        if not page:
            return
        legend = "".join(f'<li class="t{n}" data-legend="{escape(t.name)}">{escape(t.title)}</li>'
                         for n, t in enumerate(self.types))
        stream.write(f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
                     f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                     f'<title>factx</title>\n<style>{CSS}{colours(len(self.types))}\n</style>\n<script>{JS}</script>\n</head>\n'
                     f'<body>\n<header class="top"><h1>factx</h1><ul class="legend">{legend}</ul>'
                     f'<span class="hint">hover a fact for its value · dashed: another mention of a person</span>'
                     f'</header>\n<main>\n')

    def write(self, doc: Document) -> None:
        self.documents += 1
        counts = {t.name: 0 for t in self.types}
        for f in doc.facts:
            counts[f.type] += 1
            self.counts[f.type] += 1
        date = doc.document_date
        when = f"<b>{escape(date.value)}</b> ({escape(date.origin)})" if date else "<b>unknown</b>"
        summary = "".join(f'<li class="t{self.colour[t]}{"" if n else " none"}" data-count-of="{escape(t)}" '
                          f'data-count="{n}">{escape(counted(t, n))}</li>' for t, n in counts.items())
        lang = escape(doc.language or "")
        self.stream.write(
            f'<article id="doc-{self.documents}">\n<header><h2>{escape(doc.source)}</h2>\n'
            f'<p class="meta">language <b>{lang}</b> · document date {when}</p>\n'
            f'<ul class="summary">{summary}</ul></header>\n'
            f'<div class="body">\n<div class="text" lang="{lang}">{marked(doc.text, self.spans(doc))}</div>\n'
            f'<aside>{self._list(doc)}</aside>\n</div>\n</article>\n')
        self.stream.flush()

    def fact_attributes(self, index: int) -> str:
        """More attributes for the mark of the document's fact ``index`` (`` id="..."``); none here."""
        return ""

    def spans(self, doc: Document) -> list[Span]:
        """A mark per fact, and a dashed one per further mention of a person (``mentions``)."""
        names, spans = people(doc), []
        for i, f in enumerate(doc.facts):
            t, title = self.colour[f.type], escape(f"{f.type}: {describe(f, names)}")
            spans.append(Span(f.start, f.end, 0, f'<mark class="t{t}"{self.fact_attributes(i)} data-i="{i}" '
                                                 f'data-type="{escape(f.type)}" data-start="{f.start}" '
                                                 f'data-end="{f.end}" title="{title}">'))
            spans.extend(Span(m["start"], m["end"], 1, f'<mark class="m t{t}" data-of="{i}" title="{title}">')
                         for m in f.attrs.get("mentions") or () if (m["start"], m["end"]) != (f.start, f.end))
        return spans

    def _list(self, doc: Document) -> str:
        if not doc.facts:
            return '<p class="none-found">no facts</p>'
        names = people(doc)
        items = "".join(f'<li class="t{self.colour[f.type]}" data-i="{i}"><span class="tag">{escape(f.type)}'
                        f'</span> <span class="said">{escape(f.text)}</span>'
                        f'<span class="value">{escape(describe(f, names))}</span></li>'
                        for i, f in enumerate(doc.facts))
        return f'<ol class="facts">{items}</ol>'

    def close(self) -> None:
        total = run_summary(self.documents, self.counts)
        self.stream.write(f'</main>\n<footer>{escape(total)}</footer>\n</body>\n</html>\n')
        self.stream.flush()
