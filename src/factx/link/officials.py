"""Officials: one fact per person, from the mentions the rules found.

Full names are grouped by key; short names ("Chairman Duoc", "ông Được") join the person
named in full nearest before them; the names are searched again where no rule found them
("Y. Tukumov", "Lam"); title-only references ("the Ambassador", "Đại sứ") go to the person
with that role. ``link`` returns the people too: commitments resolve their actors to them.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

import regex

from ..facts import Fact
from ..facttype import Linking
from ..gazetteer import word_spans
from ..matching import Candidate
from ..nlp import Sentences
from ..normalize import names
from ..text import TextView
from .spans import Span, mapped, original, sentence


@dataclass
class Person:
    """Everything that refers to one person, in view coordinates.

    What is read off the mentions (name, spans, roles, country) is kept until a mention is
    added: a person repeated a thousand times in a long document is asked about at every
    mention, and recounting them each time made linking quadratic.
    """

    named: list[Candidate] = field(default_factory=list)   # rule matches carrying the name
    refs: list[Candidate] = field(default_factory=list)    # title-only references resolved here
    repeats: list[tuple[Span, bool]] = field(default_factory=list)   # (span, full name?) found by search
    _known: dict = field(default_factory=dict, repr=False, compare=False)

    def add(self, *named: Candidate) -> None:
        self.named.extend(named)
        self._known.clear()

    def add_ref(self, ref: Candidate) -> None:
        self.refs.append(ref)
        self._known.clear()

    def add_repeat(self, span: Span, full: bool) -> None:
        self.repeats.append((span, full))
        self._known.clear()

    def _once(self, what: str, compute):
        if what not in self._known:
            self._known[what] = compute()
        return self._known[what]

    def full_names(self) -> list[tuple[Span, str]]:
        def compute():
            ruled = [(c.attrs["name_span"], c.attrs["name"]) for c in self.named if names.is_full(c.attrs["name"])]
            return sorted(ruled + [(s, "") for s, full in self.repeats if full])
        return self._once("full_names", compute)

    def name_span(self) -> Span:
        spans = [s for s, _ in self.full_names()] or [c.attrs["name_span"] for c in self.named]
        return min(spans)

    def name(self) -> str:
        """The full name as first written by a rule (a short form when it is all there is)."""
        def compute():
            ruled = [n for _, n in self.full_names() if n] or [c.attrs["name"] for c in self.named]
            return ruled[0]
        return self._once("name", compute)

    def key(self) -> str:
        """The key of the name first written (an alias's key when the name is in the alias table)."""
        def compute():
            name = self.name()
            return next((c.attrs["key"] for c in self.named if c.attrs["name"] == name), names.key(name))
        return self._once("key", compute)

    def spans(self) -> list[Span]:
        return [c.attrs["span"] for c in (*self.named, *self.refs)] + [s for s, _ in self.repeats]

    def last_start_before(self, position: int) -> int | None:
        """Where the last mention starting before ``position`` starts, if any."""
        starts = self._once("starts", lambda: sorted(s for s, _ in self.spans()))
        i = bisect_left(starts, position)
        return starts[i - 1] if i else None

    def defining(self) -> Candidate | None:
        """The first named mention with a title: it gives role, title and organisation."""
        return self._once("defining", lambda: next(
            (c for c in sorted(self.named, key=lambda c: c.start) if c.attrs["role"]), None))

    def transliterated(self) -> bool:
        """A foreign name, which news spells in more than one way and may repeat by its first word;
        a Vietnamese one (a family name's hint) is spelled one way: "Thang" is not "Thanh"."""
        return self._once("transliterated", lambda: not any(c.attrs["country_hint"] == "VN" for c in self.named))

    def roles(self) -> set[str]:
        return self._once("roles", lambda: {c.attrs["role"] for c in self.named if c.attrs["role"]})

    def peers(self) -> set[int]:
        """The references this person was introduced as the counterpart of (by id)."""
        return self._once("peers", lambda: {id(c.attrs["peer"]) for c in self.named if c.attrs.get("peer")})

    def country(self, with_refs: bool = False) -> str | None:
        """The country the defining title states, else another title's, else (optionally) a
        reference's ("the Kazakh PM"), else the hint of a Vietnamese family name."""
        def compute():
            defining = self.defining()
            ordered = sorted(self.named, key=lambda c: (c is not defining, c.start))
            stated = [c.attrs["country"] for c in ordered] + [c.attrs["country"] for c in self.refs if with_refs]
            hints = [c.attrs["country_hint"] for c in ordered]
            return next((x for x in stated + hints if x), None)
        return self._once(("country", with_refs), compute)


def link(candidates: list[Candidate], linking: Linking) -> list[Fact]:
    """One fact per person. The people, each with every span that refers to them, are left in
    ``linking.found["official"]`` for the commitments' actors."""
    view, sentences = linking.view, linking.sentences
    ordered = sorted(candidates, key=lambda c: (c.start, c.end))
    _counterparts(ordered)
    people = _people([c for c in ordered if c.attrs.get("name")])
    _add_repeats(people, view.text, [(c.start, c.end) for c in ordered])
    _resolve_references([c for c in ordered if not c.attrs.get("name")], people)
    people = [p for p in people if p.defining() is not None]
    implied = _implied_country(people)
    linking.found["official"] = people
    return [f for p in people
            if (f := mapped(linking.warnings, p.defining(), _official_fact, p, view, sentences, implied))]


def _implied_country(people: list[Person]) -> str | None:
    """The country of a title that names none, implied by the article: when every foreign official
    whose country is known is of one country (an article on one partner), an official with a
    foreign name and no country is of it too ("Deputy Government Spokesperson X" in a story on the
    Thai Prime Minister's visit); with no such official, when the article names one foreign country
    only ("Thống đốc Pavel Dvořák" in a story on the Czech Republic). Never for an official of a
    body of many countries ("UN")."""
    foreign = {c for p in people if (c := p.country(with_refs=True)) and c != "VN"}
    if not foreign:
        foreign = set(next((c.attrs["named_countries"]() for p in people for c in p.named
                            if "named_countries" in c.attrs), ()))
    return foreign.pop() if len(foreign) == 1 else None


def _people(named: list[Candidate]) -> list[Person]:
    """Full names grouped by key, spelling variants together ("Tokayev"/"Tokaev"), a name cut short
    with the one it was cut from ("Castillo Ruiz"); short names ("Chairman Duoc", "ông Được",
    "President Tokaev", "President Fuentes") joined to them."""
    people: dict[str, Person] = {}
    for c in named:
        if names.is_full(c.attrs["name"]):
            key = next((k for k, p in people.items() if not c.attrs["country_hint"] and p.transliterated()
                        and names.same_person(k, c.attrs["key"])), c.attrs["key"])
            people.setdefault(key, Person()).add(c)
    for key in list(people):              # "ông Castillo Ruiz" after "Miguel Ángel Castillo Ruiz"
        whole = [k for k in people if k != key and names.part_of(key, k)]
        if len(whole) == 1:
            people[whole[0]].add(*people.pop(key).named)
    by_last: dict[str, list[Person]] = {}
    for p in people.values():
        by_last.setdefault(names.last_key(p.name()), []).append(p)
    for c in named:
        if names.is_full(c.attrs["name"]):
            continue
        last = names.last_key(c.attrs["name"])
        owner = _nearest(c.start, by_last.get(last) or [p for k, ps in by_last.items() if names.similar(k, last)
                                                        for p in ps if p.transliterated()]
                         or _by_word(people.values(), last))
        if owner is None and c.attrs["role"]:            # "President Putin", never named in full
            if c.attrs["key"] not in people:
                people[c.attrs["key"]] = Person()
                by_last.setdefault(names.last_key(c.attrs["name"]), []).append(people[c.attrs["key"]])
            owner = people[c.attrs["key"]]
        if owner is not None:
            owner.add(c)
    return sorted(people.values(), key=lambda p: min(p.spans()))


def _by_word(people, word: str) -> list[Person]:
    """The one foreign person whose name holds ``word``: Indonesian and Thai news repeats a name by
    its first word ("President Prabowo", "Ms Paetongtarn"), Spanish news by the first of two family
    names ("Tổng thống Fuentes" of "Camila Fuentes Araya"); a Vietnamese name never."""
    fits = [p for p in people if p.transliterated() and word in {names.key(w) for w in names.tokens(p.name())}]
    return fits if len(fits) == 1 else []


def _nearest(position: int, people: list[Person]) -> Person | None:
    """The person mentioned last before ``position``; failing that, the only candidate."""
    before = [(start, i) for i, p in enumerate(people) if (start := p.last_start_before(position)) is not None]
    if before:
        return people[max(before)[1]]
    return people[0] if len(people) == 1 else None


def _add_repeats(people: list[Person], text: str, taken: list[Span]) -> None:
    """Find the names again where no rule did: full names as written, then "Y. Tukumov", "Lam",
    then the last word spelled another way ("Tokaev" for Tokayev)."""
    owners: dict[str, list[Person]] = {}
    for p in people:
        for form in (*{n for _, n in p.full_names() if n}, *names.short_forms(p.name())):
            owners.setdefault(form, []).append(p)
    lasts = [(names.last_key(p.name()), p) for p in people if p.name().isascii() and p.transliterated()]
    for word in set(_WORD.findall(text)) - set(owners):
        fits = [p for last, p in lasts if names.similar(last, names.key(word))]
        if len(fits) == 1:
            owners[word] = fits
    taken = sorted(taken)
    starts = [s for s, _ in taken]
    for form in sorted(owners, key=len, reverse=True):
        full = names.is_full(form)
        for span in word_spans(text, form):
            i = bisect_left(starts, span[1])
            if _glued(text, span) or (i and taken[i - 1][1] > span[0]):
                continue
            owner = _nearest(span[0], [p for p in owners[form] if p.named])
            if owner is not None:
                owner.add_repeat(span, full)
                starts.insert(i, span[0])
                taken.insert(i, span)


_WORD = regex.compile(r"(?<![\p{L}\p{M}])\p{Lu}\p{Ll}{4,}(?![\p{L}\p{M}])")


_CAPITAL_BEFORE = regex.compile(r"(?:\p{Lu}[\p{L}\p{M}]*|\b\p{Lu}{1,3}\.)[ \t]*$")
_CAPITAL_AFTER = regex.compile(r"^(?:[ \t]+|-)\p{Lu}")


def _glued(text: str, span: Span) -> bool:
    """Part of a longer capitalised phrase ("Ho Chi Minh City", "TP. Hồ Chí Minh"), so not the person."""
    before = text[max(0, span[0] - 40):span[0]]
    return bool(_CAPITAL_BEFORE.search(before) or _CAPITAL_AFTER.match(text[span[1]:span[1] + 3]))


def _resolve_references(refs: list[Candidate], people: list[Person]) -> None:
    """A title-only reference means the nearest person before it with that role (and no other
    country), or the only such person in the document, never the counterpart it introduced;
    else it is dropped."""
    for ref in refs:
        fits = [p for p in people if ref.attrs["role"] in p.roles()
                and (not ref.attrs["country"] or p.country() in (None, ref.attrs["country"]))
                and id(ref) not in p.peers()]
        owner = _nearest(ref.start, fits)
        if owner is not None:
            owner.add_ref(ref)


def _counterparts(ordered: list[Candidate]) -> None:
    """"his Lao counterpart X", "người đồng cấp Lào X": X holds the office of the title written
    last before ("Foreign Minister Son", "the Thai Prime Minister"), whose counterpart X is; with
    no title before, X is no official."""
    for i, c in enumerate(ordered):
        if c.attrs.get("counterpart") and not c.attrs["role"]:
            peer = next((d for d in reversed(ordered[:i]) if d.attrs.get("role") and d.end <= c.start), None)
            if peer is not None:
                c.attrs["role"], c.attrs["peer"] = peer.attrs["role"], peer


def _official_fact(p: Person, view: TextView, sentences: Sentences, implied: str | None = None) -> Fact:
    span = p.name_span()
    start, end, text = original(view, span)
    defining = p.defining()
    organization = defining.attrs["organization"] or next(
        (c.attrs["organization"] for c in p.named if c.attrs["organization"]), None)
    first = min((*p.named, *p.refs), key=lambda c: c.attrs["span"])
    attrs = {
        "name": p.name(), "key": p.key(),
        "title": defining.attrs["title"], "role": defining.attrs["role"],
        "organization": organization, "country": p.country(with_refs=True) or _implied(p, implied),
        "mentions": _mentions(p, view),
    }
    return Fact("official", text, start, end, sentence(view, sentences, span), first.rule_id, attrs)


def _implied(p: Person, implied: str | None) -> str | None:
    """The article's partner country for a foreign-named official of no body of many countries."""
    if any(c.attrs.get("international") or c.attrs.get("country_hint") is not None for c in p.named):
        return None
    return implied


def _mentions(p: Person, view: TextView) -> list[dict]:
    out = []
    for span in sorted(set(p.spans())):
        start, end, text = original(view, span)
        out.append({"text": text, "start": start, "end": end})
    return out
