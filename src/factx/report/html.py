"""The report as one self-contained page: inline CSS, a few lines of JS, nothing fetched.

``ReportPage`` streams: each document, as it is added, is rendered as ``extract --format html``
renders it (``htmlview``) into a spool file on disk, and only its facts stay in memory
(``Corpus``). ``close`` writes the page: the overview, people, commitments, what falls due,
money and the timeline, then the spooled documents. Every row links to the highlighted fact
in its document (``#dN-fI``), and the timeline, drawn by the page itself as an SVG from the
points it carries as JSON, links each point there too; a list of the same points follows it
for screen readers. Articles render lazily (``content-visibility: auto``), so a page of a
thousand documents opens fast.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from html import escape
from typing import IO, Any

from .. import htmlview
from ..facts import Document
from ..normalize import periods
from ..render import count, run_summary
from .corpus import Corpus, Report

CSS = """
.top{flex-wrap:wrap;row-gap:.3rem}
.top nav{display:flex;flex-wrap:wrap;gap:.2rem .9rem;font-size:.92rem}
.top nav a{color:#1f4f8a;text-decoration:none;white-space:nowrap}
.top nav a:hover{text-decoration:underline}
.top nav b{font-weight:600;color:#555b66;margin-left:.2em}
section.part{background:#fff;border:1px solid #dde0e5;border-radius:8px;margin:0 0 1.5rem;padding:1rem 1.5rem;
 scroll-margin-top:4.5rem}
section.part>h2{font-size:1.25rem;margin:.2rem 0 .4rem}
section.part h3{font-size:1.02rem;margin:1.1rem 0 .3rem}
.lede{color:#555b66;margin:0 0 .8rem;font-size:.92rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:.7rem;margin:.3rem 0}
.card{border:1px solid #e3e6ea;border-radius:6px;padding:.5rem .8rem;background:#fafbfc}
.card b{display:block;font-size:1.35rem;line-height:1.25;overflow-wrap:anywhere}
.card span{color:#555b66;font-size:.85rem}
table.rows{border-collapse:collapse;width:100%;font-size:.9rem}
table.commitments{table-layout:fixed}
table.commitments col.m{width:7.5rem}table.commitments col.d{width:10rem}table.commitments col.a{width:36%}
table.rows th{text-align:left;font-weight:600;color:#555b66;border-bottom:2px solid #dde0e5;padding:.35rem .5rem;
 white-space:nowrap}
table.rows td{border-bottom:1px solid #eceef1;padding:.45rem .5rem;vertical-align:top}
table.rows tr:target td,table.rows tr:hover td{background:#f5f9ff}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.key{font:.78rem ui-monospace,"DejaVu Sans Mono",monospace;color:#6b717c}
.other{color:#555b66}
.pill{display:inline-block;border-radius:999px;padding:0 .55em;font-size:.78rem;font-weight:600;
 background:var(--bg,#eef0f3);color:var(--c,#333);border:1px solid var(--c,#ccd)}
.m-pledge{--c:#1b6b3a;--bg:#e2f3e8}.m-plan{--c:#1f5fa0;--bg:#e1edf9}.m-proposal{--c:#8a5a00;--bg:#fbefd6}
.m-agreement{--c:#7a3f8f;--bg:#f1e3f6}.m-readiness{--c:#2a7f8c;--bg:#ddf1f3}
.lang{font:600 .7rem ui-monospace,monospace;text-transform:uppercase;background:#eef0f3;border-radius:3px;
 padding:0 .3em;color:#3a3f47}
ul.src{list-style:none;margin:0;padding:0}
ul.src li{margin:0 0 .35rem}
ul.src q{display:block;color:#3a3f47;font-size:.85rem;quotes:none;border-left:3px solid #dde0e5;padding-left:.5rem}
a{color:#1f4f8a}
.due{white-space:nowrap}
.few{color:#777}
.approx{color:#8a5a00;font-weight:600}
#timeline .chart{position:relative;width:100%;min-height:8rem;overflow:hidden}
#timeline svg{display:block;width:100%;height:auto;font:11px "DejaVu Sans",system-ui,sans-serif}
#timeline svg a:hover circle,#timeline svg a:focus circle,#timeline svg a:hover rect{stroke:#111;stroke-width:2}
.tl-legend{display:flex;gap:1rem;font-size:.85rem;color:#555b66;margin:.2rem 0 .4rem}
.tl-legend i{display:inline-block;width:.75em;height:.75em;border-radius:50%;margin-right:.3em;vertical-align:-.05em}
ol.tl{font-size:.88rem;padding-left:1.2rem;max-height:32rem;overflow:auto}
ol.tl li{margin:0 0 .3rem}
details>summary{cursor:pointer;color:#1f4f8a;margin:.4rem 0}
main>article{content-visibility:auto;contain-intrinsic-size:auto 900px}
section.part h3+table.rows,#people table.rows,#timeline details{content-visibility:auto;contain-intrinsic-size:auto 600px}
mark:target{outline:3px solid #d6336c;outline-offset:2px;animation:flash 1.6s ease-out 2}
@keyframes flash{50%{background:#ffe066}}
@media (max-width:45rem){
 main{padding:.6rem}
 section.part{padding:.8rem .9rem}
 .top{padding:.5rem .8rem;position:static}
 table.rows,table.rows tbody,table.rows tr,table.rows td{display:block;width:100%}
 table.rows thead{display:none}
 table.rows tr{border:1px solid #e3e6ea;border-radius:6px;margin:0 0 .6rem;padding:.3rem .2rem}
 table.rows td{border:0;padding:.2rem .5rem}
 table.rows td[data-label]::before{content:attr(data-label);display:block;font-size:.72rem;font-weight:600;
  text-transform:uppercase;letter-spacing:.04em;color:#6b717c}
 td.num{text-align:left}
 table.rows td.small{display:inline-block;width:auto;min-width:5.5rem;vertical-align:top}
 .cards{grid-template-columns:1fr 1fr;gap:.5rem}
 .card b{font-size:1.1rem}
 table.commitments col{width:auto!important}
 article{padding:.8rem}
}
"""

# The timeline: drawn from #tl-data on load and again when the width changes.
JS = r"""
(function(){
const NS='http://www.w3.org/2000/svg',YEAR=365.25;
function el(tag,attrs,parent){const e=document.createElementNS(NS,tag);
 for(const k in attrs)e.setAttribute(k,attrs[k]);if(parent)parent.appendChild(e);return e;}
function day(s){const [y,m,d]=s.split('-').map(Number);return Date.UTC(y,m-1,d)/864e5;}
function draw(){
 const box=document.getElementById('tl-chart'),src=document.getElementById('tl-data');
 if(!box||!src)return;const pts=JSON.parse(src.textContent);box.textContent='';
 if(!pts.length){box.textContent='No dated facts.';return;}
 const W=Math.max(300,box.clientWidth),lanes=[['date','Dates mentioned','#1f6fb2'],['commitment','Commitments due','#a3428a']];
 for(const p of pts){p.b=day(p.begin);p.e=day(p.end);}
 // The axis covers the bulk of the points: the earliest and latest tenth are kept only when
 // close; the others sit at the edge, counted ("12 earlier"), still linked.
 const bs=pts.map(p=>p.b).sort((a,b)=>a-b),es=pts.map(p=>p.e).sort((a,b)=>a-b),n=pts.length;
 let lo=bs[0],hi=es[n-1];const q0=bs[Math.floor(n*.1)],q1=es[Math.ceil(n*.9)-1];
 if(q0-lo>5*YEAR)lo=q0-YEAR;if(hi-q1>5*YEAR)hi=q1+YEAR;
 const pad=Math.max(20,(hi-lo)*0.02);lo-=pad;hi+=pad;
 const L=10,R=10,x=v=>L+(Math.min(Math.max(v,lo),hi)-lo)/(hi-lo)*(W-L-R),ROW=9,MAXROWS=W<600?10:14;
 let y=24;const svg=el('svg',{role:'img','aria-label':'Timeline of dated facts and commitments; the list below gives the same points'});
 const g=el('g',{},svg),marks=el('g',{},svg);
 const early=pts.filter(p=>p.e<lo).length,late=pts.filter(p=>p.b>hi).length;
 for(const [kind,title,colour] of lanes){
  const mine=pts.filter(p=>p.kind===kind);if(!mine.length)continue;
  el('text',{x:L,y:y+10,fill:'#3a3f47','font-weight':600},g).textContent=title+' ('+mine.length+')';
  const top=y+16,ends=[];let rows=1;
  for(const p of mine){const x0=x(p.b),x1=Math.max(x(p.e),x0);let r=ends.findIndex(e=>e<x0-7);
   if(r<0){r=ends.length<MAXROWS?ends.length:ends.indexOf(Math.min(...ends));}ends[r]=x1;rows=Math.max(rows,r+1);
   const cy=top+7+r*ROW,a=el('a',{href:'#'+p.fact,'data-fact':p.fact,'data-kind':kind},marks);
   el('title',{},a).textContent=p.value+' · '+p.label+' — '+p.sentence;
   if(x1-x0>6)el('rect',{x:x0,y:cy-3,width:x1-x0,height:6,rx:3,fill:colour,'fill-opacity':.5,stroke:colour},a);
   else el('circle',{cx:(x0+x1)/2,cy:cy,r:3.6,fill:colour,'fill-opacity':.85,stroke:'#fff','stroke-width':.8},a);}
  const h=rows*ROW+12;el('rect',{x:L,y:top,width:W-L-R,height:h,fill:'#f4f6f8',rx:4},g);y=top+h+8;}
 const first=new Date(lo*864e5).getUTCFullYear(),last=new Date(hi*864e5).getUTCFullYear();
 const step=Math.max(1,Math.ceil((last-first+1)/Math.max(2,Math.floor((W-L-R)/64))));
 for(let yr=first;yr<=last+1;yr++){const v=Date.UTC(yr,0,1)/864e5;if(v<=lo||v>=hi||(yr-first)%step)continue;const xx=x(v);
  el('line',{x1:xx,x2:xx,y1:14,y2:y-4,stroke:'#b9c0ca','stroke-dasharray':'2 3'},g);
  el('text',{x:xx+3,y:11,fill:'#555b66'},g).textContent=yr;}
 if(early)el('text',{x:L,y:y+8,fill:'#6b717c'},g).textContent='◂ '+early+' earlier';
 if(late)el('text',{x:W-R,y:y+8,fill:'#6b717c','text-anchor':'end'},g).textContent=late+' later ▸';
 if(box.dataset.asOf){const v=day(box.dataset.asOf);if(v>lo&&v<hi){const xx=x(v);
  el('line',{x1:xx,x2:xx,y1:14,y2:y-4,stroke:'#d6336c','stroke-width':1.5},g);
  el('text',{x:xx-3,y:11,fill:'#d6336c','text-anchor':'end','font-weight':600},g).textContent='as of';}}
 if(early||late)y+=14;
 svg.setAttribute('viewBox','0 0 '+W+' '+y);svg.setAttribute('width',W);svg.setAttribute('height',y);box.appendChild(svg);}
let last=0;
document.addEventListener('DOMContentLoaded',draw);
addEventListener('resize',()=>{const w=document.getElementById('tl-chart')?.clientWidth;if(w&&Math.abs(w-last)>40){last=w;draw();}});
})();
"""

_ID = re.compile(r' id="(d\d+-f\d+)"')


class _Spool:
    """Where the documents go while the corpus is read: a temporary file. A fact's highlight
    split in two by an overlap keeps its id on the first piece only."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile("w+", encoding="utf-8")

    def write(self, text: str) -> None:
        seen: set[str] = set()

        def once(m: re.Match) -> str:
            if m.group(1) in seen:
                return ""
            seen.add(m.group(1))
            return m.group(0)

        self.file.write(_ID.sub(once, text))

    def flush(self) -> None:
        pass


class _Documents(htmlview.HtmlWriter):
    """``extract --format html``'s articles without its page, each fact's highlight with the id
    the report links to (``dN-fI``)."""

    def __init__(self, stream: Any):
        super().__init__(stream, page=False)

    def fact_attributes(self, index: int) -> str:
        return f' id="d{self.documents}-f{index}"'


class ReportPage:
    """``add`` each document, then ``close``: the page goes to ``stream``."""

    def __init__(self, stream: IO[str], title: str = "factx report"):
        self.stream, self.title = stream, title
        self.corpus = Corpus()
        self.spool = _Spool()
        self.articles = _Documents(self.spool)

    def add(self, doc: Document) -> None:
        self.corpus.add(doc)
        self.articles.write(doc)

    def close(self, as_of=None, due_within: int = 6) -> Report:
        report = self.corpus.report(as_of=as_of, due_within=due_within)
        write_page(self.stream, report, self.spool.file, self.title)
        self.spool.file.close()
        return report


def write_page(stream: IO[str], report: Report, documents: IO[str] | None = None, title: str = "factx report") -> None:
    """The whole page of ``report``; ``documents``: the spooled articles, read from its start."""
    colours = htmlview.colours(len(htmlview.REGISTRY))
    parts = [("overview", "Overview", None), ("people", "People", len(report.people)),
             ("commitments", "Commitments", len(report.commitments)),
             ("due", "Due", len(report.due_soon) + len(report.overdue)),
             ("money", "Money", len(report.money["by_currency"])), ("timeline", "Timeline", len(report.timeline)),
             ("documents", "Documents", len(report.documents))]
    nav = "".join(f'<a href="#{k}">{t}{f"<b>{n}</b>" if n is not None else ""}</a>' for k, t, n in parts)
    w = stream.write
    w(f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
      f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
      f'<style>{htmlview.CSS}{colours}{CSS}</style>\n<script>{htmlview.JS}{JS}</script>\n</head>\n<body>\n'
      f'<header class="top"><h1>{escape(title)}</h1><nav aria-label="parts of the report">{nav}</nav></header>\n'
      f'<main>\n')
    w(_overview(report))
    w(_people(report))
    w(_commitments(report))
    w(_due(report))
    w(_money(report))
    w(_timeline(report))
    w('<section class="part" id="documents"><h2>Documents</h2>'
      f'<p class="lede">{len(report.documents)} documents, each with its facts highlighted; every link above '
      'leads to a highlight here.</p></section>\n')
    if documents is not None:
        documents.seek(0)
        shutil.copyfileobj(documents, stream)
    w(f'</main>\n<footer>{escape(_summary(report))}</footer>\n</body>\n</html>\n')
    stream.flush()


def _summary(report: Report) -> str:
    t = report.totals
    from ..extractors import REGISTRY

    facts = run_summary(t["documents"], {name: t.get(name, 0) for name in REGISTRY})
    return f"{facts}; {count(t['people'], 'person', 'people')}, {count(t['commitment_rows'], 'commitment row')}"


def _overview(report: Report) -> str:
    docs = report.documents
    languages = {}
    for d in docs:
        languages[d["language"]] = languages.get(d["language"], 0) + 1
    dated = sorted(d["document_date"] for d in docs if d["document_date"])
    span = f"{dated[0]} – {dated[-1]}" if dated else "no dates"
    several = sum(1 for c in report.commitments if len({s["document"] for s in c["sources"]}) > 1)
    money = " · ".join(_short(c["amount"], c["currency"]) for c in report.money["by_currency"][:3]) or "none"
    cards = [(len(docs), ("document" if len(docs) == 1 else "documents") + " · "
              + ", ".join(f"{n} {lang}" for lang, n in sorted(languages.items()))),
             (span, "document dates"), (len(report.people), "people"),
             (len(report.commitments), f"commitments · {several} reported by several articles"),
             (len(report.due_soon), f"due within {report.due_within} months of {report.as_of or '—'}"),
             (len(report.overdue), "overdue"), (money, "money announced (each figure once per document)")]
    body = "".join(f'<div class="card"><b>{escape(str(v))}</b><span>{escape(k)}</span></div>' for v, k in cards)
    return f'<section class="part" id="overview"><h2>Overview</h2><div class="cards">{body}</div></section>\n'


def _lang(code: str) -> str:
    return f'<span class="lang">{escape(code)}</span>'


def _link(ref: str, text: str, title: str = "") -> str:
    t = f' title="{escape(title)}"' if title else ""
    return f'<a href="#{escape(ref)}"{t}>{escape(text)}</a>'


def _people(report: Report) -> str:
    rows = []
    for p in report.people:
        names = [f'<b>{escape(p["name"])}</b>']
        names += [f'<div class="other">{_lang(lang)} {escape(n)}</div>' for lang, ns in p["names"].items()
                  for n in ns if n != p["name"]]
        if p["aliases"]:
            names.append(f'<div class="other">also: {escape(", ".join(p["aliases"]))}</div>')
        if p["ambiguous_with"]:
            names.append(f'<div class="other">could be: {escape(", ".join(p["ambiguous_with"]))}</div>')
        roles = "".join(f'<div>{escape((r["role"] or "").replace("_", " "))}'
                        f'{" — " + escape(r["title"]) if r["title"] else ""}'
                        f' <span class="other">({escape(", ".join(r["dates"]) or "undated")})</span></div>'
                        for r in p["roles"]) or '<span class="few">—</span>'
        sources = "".join(f'<li>{_link(s["fact"], s["name"], s["sentence"])} {_lang(s["language"])} '
                          f'<span class="other">{escape(s["document_date"] or "undated")}</span></li>'
                          for s in p["sources"])
        rows.append(f'<tr id="person-{escape(p["key"].replace(" ", "-"))}" data-key="{escape(p["key"])}">'
                    f'<td data-label="Person">{"".join(names)}<div class="key">{escape(p["key"])}</div></td>'
                    f'<td data-label="Roles and titles (reported)">{roles}</td>'
                    f'<td class="small" data-label="Country">{escape(", ".join(p["countries"]) or "—")}</td>'
                    f'<td data-label="Organisations">{escape("; ".join(p["organizations"]) or "—")}</td>'
                    f'<td class="num small" data-label="Documents">{p["documents"]}</td>'
                    f'<td class="num small" data-label="Mentions">{p["mentions"]}</td>'
                    f'<td data-label="Sentences"><ul class="src">{sources}</ul></td></tr>')
    head = ('<tr><th>Person</th><th>Roles and titles (reported)</th><th>Country</th><th>Organisations</th>'
            '<th class="num">Docs</th><th class="num">Mentions</th><th>Sentences</th></tr>')
    return (f'<section class="part" id="people"><h2>People</h2><p class="lede">One row per person across documents '
            f'and languages (one key for “Nguyễn Văn Được” and “Nguyen Van Duoc”); a short name joins the one '
            f'full name it can be.</p><table class="rows people"><thead>{head}</thead><tbody>{"".join(rows)}'
            f'</tbody></table></section>\n')


def _due_text(c: dict) -> str:
    if not c["due"]:
        return '<span class="few">—</span>'
    return (f'<span class="due">{escape(periods.words(c["due"]))}</span>'
            f'<div class="key">{escape(c["due_begin"] or "?")} … {escape(c["due_end"] or "?")}</div>')


SHOWN_SOURCES = 3         # a row shows this many sources; the others wait in a closed <details>


def _sources(c: dict) -> str:
    items = _source_items(c["sources"])
    if len(items) <= SHOWN_SOURCES + 1:
        return "".join(items)
    more = "".join(items[SHOWN_SOURCES:])
    return (f'{"".join(items[:SHOWN_SOURCES])}<li><details><summary>{len(items) - SHOWN_SOURCES} more sources'
            f'</summary><ul class="src">{more}</ul></details></li>')


def _source_items(sources: list[dict]) -> list[str]:
    return [f'<li>{_link(s["fact"], s["source"].rsplit("/", 1)[-1])} {_lang(s["language"])} '
                   f'<span class="other">{escape(s["document_date"] or "undated")} · {escape(s["trigger"])}</span>'
                   f'<q>{escape(" ".join(s["sentence"].split()))}</q></li>' for s in sources]


def _commitment_rows(commitments: list[dict]) -> str:
    return "".join(
        f'<tr id="{c["id"]}" data-sources="{len(c["sources"])}">'
        f'<td data-label="Modality"><span class="pill m-{escape(c["modality"])}">{escape(c["modality"])}</span></td>'
        f'<td data-label="Action">{escape(c["action"])}'
        f'{"".join(" " + _lang(x) for x in c["languages"]) if len(c["languages"]) > 1 else ""}</td>'
        f'<td data-label="Due">{_due_text(c)}</td>'
        f'<td data-label="Sources ({len(c["sources"])})"><ul class="src">{_sources(c)}</ul></td></tr>'
        for c in commitments)


_COMMITMENT_HEAD = ('<colgroup><col class="m"><col class="a"><col class="d"><col></colgroup><thead><tr><th>Modality</th><th>Action</th><th>Due</th><th>Sources</th></tr></thead>')


def _commitments(report: Report) -> str:
    groups: dict[tuple, list[dict]] = {}
    for c in report.commitments:
        groups.setdefault((c["actor_kind"], c["actor_key"] or c["actor"]), []).append(c)
    body = []
    for (kind, _), cs in groups.items():
        who = escape(cs[0]["actor"])
        body.append(f'<h3>{who} <span class="other">· {"person" if kind == "person" else "party"} · '
                    f'{len(cs)}</span></h3><table class="rows commitments">{_COMMITMENT_HEAD}'
                    f'<tbody>{_commitment_rows(cs)}</tbody></table>')
    several = sum(1 for c in report.commitments if len({s["document"] for s in c["sources"]}) > 1)
    return (f'<section class="part" id="commitments"><h2>Commitments</h2><p class="lede">{len(report.commitments)} '
            f'commitments by actor; {several} reported by more than one article (in either language) are one row '
            f'with all their sources.</p>{"".join(body)}</section>\n')


def _due(report: Report) -> str:
    def table(ids: list[str], empty: str) -> str:
        if not ids:
            return f'<p class="few">{escape(empty)}</p>'
        cs = [report.commitment(i) for i in ids]
        rows = "".join(
            f'<tr><td data-label="Due">{_due_text(c)}</td><td data-label="Actor">{escape(c["actor"])}</td>'
            f'<td data-label="Commitment"><span class="pill m-{escape(c["modality"])}">{escape(c["modality"])}</span> '
            f'<a href="#{c["id"]}">{escape(c["action"])}</a></td>'
            f'<td data-label="Last reported">{escape(c["last_reported"] or "—")}</td></tr>' for c in cs)
        return ('<table class="rows"><thead><tr><th>Due</th><th>Actor</th><th>Commitment</th><th>Last reported</th>'
                f'</tr></thead><tbody>{rows}</tbody></table>')

    as_of = escape(report.as_of or "no document date")
    return (f'<section class="part" id="due"><h2>Due soon and overdue</h2><p class="lede">As of {as_of} '
            f'(the latest document date unless --as-of is given).</p>'
            f'<h3>Due within {report.due_within} months</h3>'
            f'{table(report.due_soon, "Nothing falls due in that window.")}'
            f'<h3>Overdue, with no later report</h3>{table(report.overdue, "Nothing is overdue.")}</section>\n')


def _amount(amount: int | float, currency: str, high: int | float | None = None) -> str:
    def one(v: int | float) -> str:
        return f"{v:,}" if isinstance(v, int) else f"{v:,.2f}"

    return f"{one(amount)}{'–' + one(high) if high is not None else ''} {currency}"


def _short(amount: int | float, currency: str) -> str:
    """``1.5 trillion USD``: a total at a glance (the table below has every digit)."""
    for size, word in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
        if amount >= size:
            return f"{amount / size:,.{1 if amount < 100 * size else 0}f} {word} {currency}".replace(".0 ", " ")
    return _amount(amount, currency)


def _money(report: Report) -> str:
    m = report.money
    if not m["totals"]:
        return '<section class="part" id="money"><h2>Money</h2><p class="few">No amounts.</p></section>\n'

    def approx(n: int) -> str:
        return f' <span class="approx" title="{n} approximate">≈{n}</span>' if n else ""

    def row(t: dict, every_year: bool) -> str:
        """A totals row: a currency in one year, or (bold) across all years."""
        bold = (lambda x: f"<b>{x}</b>") if every_year else (lambda x: x)
        year, css = ("all", ' class="all"') if every_year else (escape(t["year"] or ""), "")
        return (f'<tr{css} data-currency="{escape(t["currency"])}" '
                f'data-year="{year}"><td data-label="Currency">{bold(escape(t["currency"]))}</td>'
                f'<td data-label="Year">{bold("all years" if every_year else escape(t["year"] or "undated"))}</td>'
                f'<td class="num" data-label="Total">'
                f'{bold(escape(_amount(t["amount"], t["currency"], t["amount_high"])))}</td>'
                f'<td class="num" data-label="Figures">{t["figures"]}{approx(t["approximate"])}</td>'
                f'<td class="num" data-label="Documents">{t["documents"]}</td></tr>')

    rows = "".join(row(t, False) for t in m["totals"])
    all_rows = "".join(row(t, True) for t in m["by_currency"])
    top = "".join(
        f'<tr><td class="num" data-label="Amount">{escape(_amount(t["amount"], t["currency"], t["amount_high"]))}'
        f'{" <span class=approx>≈</span>" if t["approximate"] else ""}</td>'
        f'<td data-label="As written">{_link(t["fact"], t["text"])} <span class="other">'
        f'{escape(t["document_date"] or "undated")}</span></td>'
        f'<td data-label="Sentence">{escape(" ".join(t["sentence"].split()))}</td></tr>' for t in m["top"])
    return (f'<section class="part" id="money"><h2>Money</h2><p class="lede">Totals by currency and year of the '
            f'document; a figure a document repeats (headline and body) counts once; a range is summed as a range; '
            f'≈ counts approximate figures (“around”, “hơn”), summed as written.</p>'
            f'<table class="rows money-totals"><thead><tr><th>Currency</th><th>Year</th><th class="num">Total</th>'
            f'<th class="num">Figures</th><th class="num">Docs</th></tr></thead><tbody>{all_rows}{rows}</tbody></table>'
            f'<h3>Top amounts</h3><table class="rows money-top"><thead><tr><th class="num">Amount</th>'
            f'<th>As written</th><th>Sentence</th></tr></thead><tbody>{top}</tbody></table></section>\n')


def _timeline(report: Report) -> str:
    data = [{k: p[k] for k in ("kind", "begin", "end", "value", "label", "fact", "sentence")}
            for p in report.timeline]
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    items = "".join(
        f'<li data-kind="{p["kind"]}"><b>{escape(periods.words(p["value"]) if p["value"] else p["begin"])}</b> '
        f'{"commitment due: " if p["kind"] == "commitment" else ""}{_link(p["fact"], p["label"])} '
        f'<span class="other">— {escape(" ".join(p["sentence"].split()))}</span></li>' for p in report.timeline)
    return (f'<section class="part" id="timeline"><h2>Timeline</h2><p class="lede">Every dated fact (each value once '
            f'per document) and every commitment at its due; a point links to its sentence.</p>'
            f'<div class="tl-legend" aria-hidden="true"><span><i style="background:#1f6fb2"></i>dates mentioned'
            f'</span><span><i style="background:#a3428a"></i>commitments due</span></div>'
            f'<div class="chart" id="tl-chart" data-as-of="{escape(report.as_of or "")}"></div><script type="application/json" id="tl-data">{payload}</script>'
            f'<details><summary>The same as a list ({len(report.timeline)} points)</summary><ol class="tl">{items}'
            f'</ol></details></section>\n')
