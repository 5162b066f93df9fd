"""``factx report --format md``: the report as a short text for a terminal or an e-mail.

The overview, the people (the most reported first), the commitments that several articles
reported and what falls due, money totals and the top amounts: each list cut at ``LIMIT``
rows with a line saying how many more the HTML and JSON reports hold.
"""

from __future__ import annotations

from typing import IO

from ..normalize import periods
from ..render import count
from .corpus import Report

LIMIT = 15


def write(stream: IO[str], report: Report) -> None:
    stream.write(text(report))


def _cell(s: str) -> str:
    return " ".join(str(s).split()).replace("|", "\\|")


def _more(n: int, what: str) -> list[str]:
    return [f"… and {n - LIMIT} more {what} (--format html or json has them all)", ""] if n > LIMIT else [""]


def _amount(v, currency: str, high=None) -> str:
    f = (lambda x: f"{x:,}" if isinstance(x, int) else f"{x:,.2f}")
    return f"{f(v)}{'–' + f(high) if high is not None else ''} {currency}"


def _commitment(c: dict) -> str:
    due = f" (due {periods.words(c['due'])})" if c["due"] else ""
    src = ", ".join(f"{s['source'].rsplit('/', 1)[-1]} ({s['language']}, {s['document_date'] or 'undated'})"
                    for s in c["sources"])
    return f"- **{_cell(c['actor'])}** · {c['modality']} · {_cell(c['action'])}{due} — {src}"


def text(report: Report) -> str:
    t = report.totals
    docs = report.documents
    languages: dict[str, int] = {}
    for d in docs:
        languages[d["language"]] = languages.get(d["language"], 0) + 1
    dated = sorted(d["document_date"] for d in docs if d["document_date"])
    out = ["# factx report", "",
           f"{count(t['documents'], 'document')} "
           f"({', '.join(f'{n} {lang}' for lang, n in sorted(languages.items()))}), "
           f"dated {dated[0] + ' to ' + dated[-1] if dated else 'unknown'}; as of {report.as_of or 'unknown'}.",
           f"{count(t['people'], 'person', 'people')}, {count(t['commitment_rows'], 'commitment')}, "
           f"{count(len(report.money['top']), 'top amount')}, {count(len(report.timeline), 'timeline point')}.", "",
           f"## People ({len(report.people)})", "",
           "| person | key | roles | country | docs | mentions |", "|---|---|---|---|---:|---:|"]
    for p in report.people[:LIMIT]:
        other = [n for ns in p["names"].values() for n in ns if n != p["name"]]
        roles = "; ".join(sorted({(r["role"] or r["title"] or "").replace("_", " ") for r in p["roles"]}))
        out.append(f"| {_cell(p['name'])}{' / ' + _cell(', '.join(other)) if other else ''} | {p['key']} | "
                   f"{_cell(roles)} | {', '.join(p['countries'])} | {p['documents']} | {p['mentions']} |")
    out += _more(len(report.people), "people")
    several = [c for c in report.commitments if len({s["document"] for s in c["sources"]}) > 1]
    out += [f"## Commitments ({len(report.commitments)}; {len(several)} reported by several articles)", ""]
    shown = (several + [c for c in report.commitments if c not in several])[:LIMIT]
    out += [_commitment(c) for c in shown]
    out += _more(len(report.commitments), "commitments")
    for title, ids in ((f"Due within {report.due_within} months", report.due_soon),
                       ("Overdue, with no later report", report.overdue)):
        out += [f"## {title} ({len(ids)})", ""]
        out += [_commitment(report.commitment(i)) for i in ids[:LIMIT]] or ["none"]
        out += _more(len(ids), "commitments")
    out += ["## Money (each figure once per document)", "", "| currency | year | total | figures | approximate | docs |",
            "|---|---|---:|---:|---:|---:|"]
    for r in report.money["by_currency"]:
        out.append(f"| **{r['currency']}** | all | **{_amount(r['amount'], r['currency'], r['amount_high'])}** | "
                   f"{r['figures']} | {r['approximate']} | {r['documents']} |")
    for r in report.money["totals"]:
        out.append(f"| {r['currency']} | {r['year'] or 'undated'} | {_amount(r['amount'], r['currency'], r['amount_high'])}"
                   f" | {r['figures']} | {r['approximate']} | {r['documents']} |")
    out += ["", "Top amounts:", ""]
    out += [f"- {_amount(m['amount'], m['currency'], m['amount_high'])}{' (approximate)' if m['approximate'] else ''}"
            f" — “{_cell(m['sentence'])}”" for m in report.money["top"]] or ["none"]
    out.append("")
    return "\n".join(out)
