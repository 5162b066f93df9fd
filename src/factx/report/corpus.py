"""The corpus pass: documents stream in, facts and their sentences stay, texts go.

``Corpus.add(doc)`` reads one Document and keeps what the report needs of it (a few fields
per fact and each sentence once per document); ``Corpus.report()`` then joins people across
documents and languages, groups commitments that are the same (``same``), sums money and
lays facts on a time line. Memory grows with the facts, never with the texts: a caller that
also wants the documents themselves (the HTML page) writes each one out as it comes.

Links: document ``n`` (1-based, in the order added) is ``doc-n``; its fact ``i`` (its index
in ``doc.facts``) is ``dn-fi``. The HTML page gives those ids to the document's article and to
the fact's highlight, so every row of the report points at the sentence it comes from.

**People across documents.** Inside a document the pipeline already joins a person's short,
title and pronoun mentions to their full name (one official fact per person, ``mentions``);
across documents and languages a person is their ``key`` ("Nguyễn Văn Được" and "Nguyen Van
Duoc" are ``nguyen van duoc``). A person known only by a short name in a document ("Chinh",
"Y. Tukumov": one word, or initials and a last word) joins the full-name person whose last
word is that word (and whose first words start with those initials) when exactly **one**
full-name person in the corpus fits and their countries do not contradict each other; with
two or more candidates ("Lam": To Lam and Tran Lam) or none, the short name stays a row of
its own, listing the candidates.
"""

from __future__ import annotations

import calendar
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable, NamedTuple

import regex

from ..errors import SourceError
from ..facts import Document
from ..normalize import names
from . import same

FORMAT = "factx-report/1"
TOP_AMOUNTS = 5                 # per currency


class _Doc(NamedTuple):
    number: int
    source: str
    language: str
    date: str | None
    counts: dict[str, int]


class _Person(NamedTuple):
    doc: int
    fact: int
    name: str
    key: str
    role: str | None
    title: str | None
    organization: str | None
    country: str | None
    mentions: int
    sentence: str
    language: str


class _Commitment(NamedTuple):
    doc: int
    fact: int
    trigger: str
    modality: str
    actor: str | None
    actor_text: str | None
    person: bool
    action: str
    due: str | None
    due_begin: str | None
    due_end: str | None
    sentence: str
    language: str
    amounts: tuple[tuple[str, str], ...]
    dates: tuple[str, ...]


class _Money(NamedTuple):
    doc: int
    fact: int
    amount: Decimal
    high: Decimal | None          # the upper bound of a range ("$2-3 billion"), else None
    currency: str
    approximate: bool
    text: str
    sentence: str


class _Date(NamedTuple):
    doc: int
    fact: int
    value: str
    begin: str
    end: str | None
    text: str
    sentence: str


@dataclass
class Report:
    """The report as data: every part a list of JSON-ready dicts (``to_dict`` is ``--format json``)."""

    as_of: str | None
    due_within: int
    documents: list[dict[str, Any]]
    people: list[dict[str, Any]]
    commitments: list[dict[str, Any]]
    due_soon: list[str]                   # commitment ids
    overdue: list[str]
    money: dict[str, Any]
    timeline: list[dict[str, Any]]
    totals: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"format": FORMAT, "as_of": self.as_of, "due_within_months": self.due_within,
                "totals": self.totals, "documents": self.documents, "people": self.people,
                "commitments": self.commitments, "due_soon": self.due_soon, "overdue": self.overdue,
                "money": self.money, "timeline": self.timeline}

    def commitment(self, cid: str) -> dict[str, Any]:
        return self._by_id()[cid]

    def _by_id(self) -> dict[str, dict[str, Any]]:
        if not hasattr(self, "_index"):
            self._index = {c["id"]: c for c in self.commitments}
        return self._index


class Corpus:
    """Add documents one by one (``add``), then ask for the ``report``."""

    def __init__(self) -> None:
        self.documents: list[_Doc] = []
        self.people: list[_Person] = []
        self.commitments: list[_Commitment] = []
        self.money: list[_Money] = []
        self.dates: list[_Date] = []

    def add(self, doc: Document) -> int:
        """Keep what the report needs of ``doc``; returns its number (``doc-n``)."""
        number = len(self.documents) + 1
        sentences: dict[str, str] = {}

        def kept(sentence: str) -> str:             # each sentence once per document
            return sentences.setdefault(sentence, sentence)

        counts: Counter = Counter(f.type for f in doc.facts)
        date_value = doc.document_date.value if doc.document_date else None
        self.documents.append(_Doc(number, doc.source, doc.language, date_value, dict(counts)))
        people = {f.attrs.get("key") for f in doc.facts if f.type == "official"}
        seen_money: set[tuple[Decimal, str]] = set()
        for i, f in enumerate(doc.facts):
            a = f.attrs
            if f.type == "official" and a.get("key"):
                self.people.append(_Person(number, i, a.get("name") or f.text, a["key"], a.get("role"), a.get("title"),
                                           a.get("organization"), a.get("country"), len(a.get("mentions") or ()) or 1,
                                           kept(f.sentence), doc.language))
            elif f.type == "commitment":
                action = a.get("action") or ""
                inside = [g for g in doc.facts if g.sentence == f.sentence and g.text and g.text in action]
                self.commitments.append(_Commitment(
                    number, i, a.get("trigger") or f.text, a.get("modality") or "", a.get("actor"), a.get("actor_text"),
                    a.get("actor") in people, action, a.get("due"), a.get("due_begin"), a.get("due_end"),
                    kept(f.sentence), doc.language,
                    tuple((str(_decimal(g.attrs["amount"])), g.attrs.get("currency") or "") for g in inside
                          if g.type == "money" and g.attrs.get("amount") is not None),
                    tuple(g.attrs["value"] for g in inside if g.type == "date" and g.attrs.get("value"))))
            elif f.type == "money" and a.get("amount") is not None and a.get("currency"):
                amount = _decimal(a["amount"])
                if (amount, a["currency"]) in seen_money:      # the headline and the body: counted once
                    continue
                seen_money.add((amount, a["currency"]))
                self.money.append(_Money(number, i, amount, _range_high(f.text, amount, doc.language)
                                         if a.get("approximate") else None,
                                         a["currency"], bool(a.get("approximate")), f.text, kept(f.sentence)))
            elif f.type == "date" and a.get("value_begin"):
                self.dates.append(_Date(number, i, a["value"], a["value_begin"], a.get("value_end"), f.text,
                                        kept(f.sentence)))
        return number

    def report(self, as_of: date | str | None = None, due_within: int = 6) -> Report:
        """The report: ``as_of`` (default: the latest document date) and ``due_within`` months
        decide which commitments are due soon or overdue."""
        docs = self.documents
        if as_of is None:         # a document date known to the month or year only is no day to count from
            as_of = max((d.date for d in docs if d.date and len(d.date) == 10), default=None)
        as_of = as_of.isoformat() if isinstance(as_of, date) else as_of
        alias, people = _people(self.people, docs)
        commitments = _commitments(self.commitments, alias, people, docs)
        soon, overdue = _due(commitments, as_of, due_within)
        totals = Counter()
        for d in docs:
            totals.update(d.counts)
        return Report(
            as_of=as_of, due_within=due_within,
            documents=[{"id": f"doc-{d.number}", "source": d.source, "language": d.language, "document_date": d.date,
                        "facts": d.counts} for d in docs],
            people=list(people.values()), commitments=commitments, due_soon=soon, overdue=overdue,
            money=_money(self.money, docs), timeline=_timeline(self.dates, commitments, docs),
            totals={"documents": len(docs), **{k: totals[k] for k in sorted(totals)},
                    "people": len(people), "commitment_rows": len(commitments)})


# -- people --------------------------------------------------------------------------------

def _people(records: list[_Person], docs: list[_Doc]) -> tuple[dict[str, str], dict[str, dict[str, Any]]]:
    """(short key -> full key it joins, people by key): one row per person."""
    by_key: dict[str, list[_Person]] = defaultdict(list)
    for r in records:
        by_key[r.key].append(r)
    full = {k for k, rs in by_key.items() if names.is_full(rs[0].name)}
    by_last: dict[str, list[str]] = defaultdict(list)
    for k in sorted(full):
        by_last[names.last_key(k)].append(k)
    alias: dict[str, str] = {}
    ambiguous: dict[str, list[str]] = {}
    for k in sorted(set(by_key) - full):
        fits = [c for c in by_last.get(names.last_key(k), ()) if _initials_fit(k, c)]
        countries = {r.country for r in by_key[k] if r.country}
        fits = [c for c in fits if not countries or not (cs := {r.country for r in by_key[c] if r.country})
                or countries & cs]
        if len(fits) == 1:
            alias[k] = fits[0]
        elif len(fits) > 1:
            ambiguous[k] = fits
    grouped: dict[str, list[_Person]] = defaultdict(list)
    for k, rs in by_key.items():
        grouped[alias.get(k, k)].extend(rs)
    dates = {d.number: d.date for d in docs}
    rows = {}
    for k, rs in grouped.items():
        rs.sort(key=lambda r: (r.doc, r.fact))
        written: dict[str, Counter] = defaultdict(Counter)
        for r in rs:
            if names.is_full(r.name) or k not in alias.values():
                written[r.language][r.name] += 1
        names_by_lang = {lang: [n for n, _ in c.most_common()] for lang, c in sorted(written.items())}
        display = (names_by_lang.get("en") or next(iter(names_by_lang.values()), [rs[0].name]))[0]
        roles: dict[tuple, dict[str, Any]] = {}
        for r in rs:
            if not (r.role or r.title):
                continue
            row = roles.setdefault((r.role, r.title), {"role": r.role, "title": r.title, "organization": r.organization,
                                                       "country": r.country, "dates": [], "documents": []})
            if dates[r.doc] and dates[r.doc] not in row["dates"]:
                row["dates"].append(dates[r.doc])
            if f"doc-{r.doc}" not in row["documents"]:
                row["documents"].append(f"doc-{r.doc}")
        rows[k] = {
            "key": k, "name": display, "names": names_by_lang,
            "aliases": sorted(a for a, full_key in alias.items() if full_key == k),
            "ambiguous_with": ambiguous.get(k, []),
            "roles": sorted(roles.values(), key=lambda x: (min(x["dates"], default="9999"), x["role"] or "")),
            "countries": [c for c, _ in Counter(r.country for r in rs if r.country).most_common()],
            "organizations": list(dict.fromkeys(r.organization for r in rs if r.organization)),
            "languages": sorted({r.language for r in rs}),
            "documents": len({r.doc for r in rs}), "mentions": sum(r.mentions for r in rs),
            "sources": [{"document": f"doc-{r.doc}", "fact": f"d{r.doc}-f{r.fact}", "name": r.name,
                         "language": r.language, "document_date": dates[r.doc], "sentence": r.sentence} for r in rs],
        }
    ordered = sorted(rows.values(), key=lambda p: (-p["documents"], -p["mentions"], p["key"]))
    return alias, {p["key"]: p for p in ordered}


def _initials_fit(short: str, full: str) -> bool:
    """``y. tukumov`` fits ``yerkin tukumov``; a bare last word fits any full name ending in it."""
    initials = [w.rstrip(".") for w in short.split()[:-1]]
    firsts = full.split()[:-1]
    return len(initials) <= len(firsts) and all(f.startswith(i) for i, f in zip(initials, firsts))


# -- commitments ---------------------------------------------------------------------------

def _commitments(records: list[_Commitment], alias: dict[str, str], people: dict[str, dict],
                 docs: list[_Doc]) -> list[dict[str, Any]]:
    """One row per commitment, its sources every article that reported it (``same.same``)."""
    pledges = [same.pledge(actor=alias.get(r.actor, r.actor) if r.person else r.actor, person=r.person,
                           modality=r.modality, action=r.action, language=r.language, due_begin=r.due_begin,
                           due_end=r.due_end, amounts=r.amounts, dates=r.dates) for r in records]
    parent = list(range(len(records)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, p in enumerate(pledges):
        if p.actor:
            blocks[(p.person, p.actor)].append(i)
    for members in blocks.values():
        exact: dict[tuple, int] = {}              # the same words again: no need to ask the judge
        distinct = []
        for i in members:
            r = records[i]
            sig = (r.modality, " ".join(r.action.casefold().split()), r.due)
            if sig in exact:
                parent[root(i)] = root(exact[sig])
            else:
                exact[sig] = i
                distinct.append(i)
        for n, i in enumerate(distinct):
            for j in distinct[n + 1:]:
                if records[i].doc != records[j].doc and root(i) != root(j) and same.same(pledges[i], pledges[j]):
                    parent[root(j)] = root(i)
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(records)):
        clusters[root(i)].append(i)
    dates = {d.number: d.date for d in docs}
    sources_of = {d.number: d.source for d in docs}
    rows = []
    for members in clusters.values():
        members.sort(key=lambda i: (dates[records[i].doc] or "", records[i].doc, records[i].fact))
        rs = [records[i] for i in members]
        first = rs[0]
        key = pledges[members[0]].actor
        if first.person:
            who = alias.get(first.actor, first.actor)
            actor = people.get(who, {}).get("name") or who
        else:
            actor = Counter(r.actor or r.actor_text or "?" for r in rs).most_common(1)[0][0]
        dated = [r for r in rs if r.due_begin]
        narrow = min(dated, key=lambda r: (r.due_end or "9999") + "|" + r.due_begin) if dated else None
        modalities = Counter(r.modality for r in rs)
        rows.append({
            "actor": actor, "actor_key": key or None, "actor_kind": "person" if first.person else "party",
            "modality": modalities.most_common(1)[0][0], "modalities": sorted(modalities),
            "action": first.action,
            "due": narrow.due if narrow else None, "due_begin": narrow.due_begin if narrow else None,
            "due_end": narrow.due_end if narrow else None,
            "languages": sorted({r.language for r in rs}),
            "first_reported": dates[first.doc], "last_reported": max((dates[r.doc] or "" for r in rs), default="") or None,
            "sources": [{"document": f"doc-{r.doc}", "fact": f"d{r.doc}-f{r.fact}", "source": sources_of[r.doc],
                         "language": r.language, "document_date": dates[r.doc], "trigger": r.trigger,
                         "modality": r.modality, "actor_text": r.actor_text, "action": r.action, "due": r.due,
                         "sentence": r.sentence} for r in rs],
        })
    rows.sort(key=lambda c: (c["actor_kind"] != "person", c["actor"].casefold(), c["due_begin"] or "9999",
                             c["sources"][0]["fact"]))
    for n, row in enumerate(rows, 1):
        row["id"] = f"c{n}"
        row.update({k: row.pop(k) for k in list(row) if k != "id"})   # the id first
    return rows


def _due(commitments: list[dict], as_of: str | None, months: int) -> tuple[list[str], list[str]]:
    """(due soon: the due ends within ``months`` of ``as_of``; overdue: the due ended before
    ``as_of`` and no source reported it after that end)."""
    if as_of is None:
        return [], []
    limit = _add_months(date.fromisoformat(as_of), months).isoformat()
    dated = sorted((c for c in commitments if c["due_end"]), key=lambda c: (c["due_end"], c["id"]))
    soon = [c["id"] for c in dated if as_of <= c["due_end"] <= limit]
    overdue = [c["id"] for c in dated if c["due_end"] < as_of and (c["last_reported"] or "") <= c["due_end"]]
    return soon, overdue


def _add_months(day: date, months: int) -> date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# -- money ---------------------------------------------------------------------------------

def _money(records: list[_Money], docs: list[_Doc]) -> dict[str, Any]:
    """Totals by currency and document year (each figure once per document), and the top
    amounts per currency with their sentences."""
    dates = {d.number: d.date for d in docs}
    by_year: dict[tuple[str, str], dict[str, Any]] = {}
    by_currency: dict[str, dict[str, Any]] = {}
    for r in records:
        year = (dates[r.doc] or "")[:4] or None
        for t in (by_year.setdefault((r.currency, year or "~"), _sum(r.currency, year)),
                  by_currency.setdefault(r.currency, _sum(r.currency, None))):
            t["low"] += r.amount
            t["high"] += r.high if r.high is not None else r.amount
            t["figures"] += 1
            t["documents"].add(r.doc)
            t["approximate"] += r.approximate
            t["ranges"] += r.high is not None

    def row(t: dict[str, Any], year: bool) -> dict[str, Any]:
        return {"currency": t["currency"], **({"year": t["year"]} if year else {}), "amount": _number(t["low"]),
                "amount_high": _number(t["high"]) if t["ranges"] else None, "figures": t["figures"],
                "documents": len(t["documents"]), "approximate": t["approximate"], "ranges": t["ranges"]}

    rows = [row(by_year[k], True) for k in sorted(by_year)]
    currencies = [row(by_currency[k], False) for k in sorted(by_currency)]
    top = []
    for currency in sorted({r.currency for r in records}):
        best = sorted((r for r in records if r.currency == currency), key=lambda r: (-r.amount, r.doc, r.fact))
        top.extend({"currency": currency, "amount": _number(r.amount),
                    "amount_high": _number(r.high) if r.high is not None else None, "approximate": r.approximate,
                    "text": r.text, "document": f"doc-{r.doc}", "fact": f"d{r.doc}-f{r.fact}",
                    "document_date": dates[r.doc], "sentence": r.sentence} for r in best[:TOP_AMOUNTS])
    return {"totals": rows, "by_currency": currencies, "top": top}


def _sum(currency: str, year: str | None) -> dict[str, Any]:
    return {"currency": currency, "year": year, "low": Decimal(0), "high": Decimal(0), "figures": 0,
            "documents": set(), "approximate": 0, "ranges": 0}


def _decimal(value: Any) -> Decimal:
    try:
        return value if isinstance(value, Decimal) else Decimal(repr(value) if isinstance(value, float) else str(value))
    except InvalidOperation:
        return Decimal(0)


def _number(value: Decimal) -> int | float:
    """A JSON number: an int when whole (exact at any size), else the shortest float."""
    return int(value) if value == value.to_integral_value() else float(value)


_RANGE = regex.compile(r"(\d[\d.,]*)\s*(?:-|–|—|to|đến|tới)\s*(\d[\d.,]*)")


def _range_high(text: str, amount: Decimal, language: str) -> Decimal | None:
    """The upper bound of a range written ``$2-3 billion`` / ``2-3 tỷ USD`` (the fact's amount
    is its lower bound): the amount scaled by the two figures' ratio; None when not a range."""
    m = _RANGE.search(text)
    if not m:
        return None
    low, high = (_figure(g, language) for g in m.groups())
    if not low or not high or high <= low:
        return None
    return amount * high / low


def _figure(written: str, language: str) -> Decimal | None:
    thousands, decimal = (".", ",") if language == "vi" else (",", ".")
    try:
        return Decimal(written.strip(".,").replace(thousands, "").replace(decimal, "."))
    except InvalidOperation:
        return None


# -- timeline ------------------------------------------------------------------------------

def _timeline(records: list[_Date], commitments: list[dict], docs: list[_Doc]) -> list[dict[str, Any]]:
    """Dated facts (each value once per document) and commitments at their due, by time."""
    dates = {d.number: d.date for d in docs}
    points, seen = [], set()
    for r in records:
        if (r.doc, r.value) in seen:
            continue
        seen.add((r.doc, r.value))
        points.append({"kind": "date", "begin": r.begin, "end": r.end or r.begin, "value": r.value, "label": r.text,
                       "document": f"doc-{r.doc}", "fact": f"d{r.doc}-f{r.fact}", "document_date": dates[r.doc],
                       "sentence": r.sentence})
    for c in commitments:
        if c["due_begin"]:
            s = next((s for s in c["sources"] if s["due"] == c["due"]), c["sources"][0])
            points.append({"kind": "commitment", "begin": c["due_begin"], "end": c["due_end"] or c["due_begin"],
                           "value": c["due"], "label": f"{c['actor']} → {c['modality']} → {c['action']}",
                           "commitment": c["id"], "document": s["document"], "fact": s["fact"],
                           "document_date": s["document_date"], "sentence": s["sentence"]})
    points.sort(key=lambda p: (p["begin"], p["end"], p["kind"], p["fact"]))
    return points


def build(documents: Iterable[Document | SourceError], *, as_of: date | str | None = None,
          due_within: int = 6) -> Report:
    """The report of ``documents`` (a stream: each is read once and let go). The SourceErrors
    ``factx.extract_paths`` yields for inputs it could not read are passed over, so its stream
    can be given as it is."""
    corpus = Corpus()
    for doc in documents:
        if not isinstance(doc, SourceError):
            corpus.add(doc)
    return corpus.report(as_of=as_of, due_within=due_within)
