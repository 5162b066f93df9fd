"""Commitments: who is committed, to what, by when, and whether it is news.

The extractor found each trigger, the actor as written (or none, when the sentence
elides it), where the action starts and the clause boundary after it. Here:

- the action ends at that boundary, the sentence's end, or the next commitment;
- the actor is a person's key when the actor's words are a mention of an official
  (the officials' own linking has already tied "the Ambassador" and "Lam" to a person);
  a group ("the two prime ministers") stays the group, never one of them; an actor that names
  a country's leader by role ("the Lao leader") is the official of that country and role; a
  name no rule tied to anyone ("Ông Andrés Vidal") the one official whose name ends so; a
  personal pronoun means the person last committed or first mentioned in this or the three
  sentences before; "we"/"I" inside a quotation mean the official it is attributed to;
  "they" the group that last committed nearby; an elided subject the actor before it in the
  sentence; a sentence with no subject ("Several documents were signed") the parties that last
  committed in the paragraph, else the two people named together before it; parties joined by
  "and" that are each one person their keys joined ("x and y"). Anything else is the party's
  text ("Kazakhstan", "both sides");
- ``due`` is the first date inside the action that ends after the document date (a signing
  "on Tuesday" is when it happened, not a deadline), else one before the trigger ("In 2026,
  ... will sign");
- a commitment whose clause, or the phrase opening its sentence, has a fully written date more
  than a month before the document ("signed a memorandum in 2011", "In 2011, ..."), not one a
  figure is compared with ("up from $4 billion in 2021"), is background, not news, and is left out; so is the
  same commitment repeated (a headline and its first line).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

import regex

from ..facts import Fact
from ..facttype import Linking
from ..matching import Candidate
from ..nlp import Sentences
from ..normalize import names, periods
from ..text import TextView
from .officials import Person
from .spans import Span, mapped, original, sentence

LOOKBACK = 3                                  # sentences a pronoun may reach back
BACKGROUND = timedelta(days=31)               # a date this long before the document is history
NOT_AHEAD = timedelta(days=-1)                # a due date lies after the document date
_CLOSING_QUOTE = regex.compile(r"[”\"»]")
_ATTRIBUTION = 80                             # how far after a quotation its speaker is named
_TRAILING = regex.compile(r"[\s,;:.!?…–—-]+$")
_OPENER = 40                                  # how long a sentence's opening phrase ("In 2011,") may be
_BREAK = 12                                   # the longest clause break (", whereas ")
_LEAD = 15                                    # how far into it its date starts ("Back in 2019,")
_COMPARED = 40                                # how far a compared date stands after "up from", "so với"
_CLAUSE_BREAK = regex.compile(r"[,;:]")


@dataclass(frozen=True)
class _Actor:
    value: str | None
    person: Person | None


def link(cands: list[Candidate], linking: Linking) -> list[Fact]:
    """Every commitment with its action, actor (one of the people officials linked) and due
    date (one of the date candidates). Each lookup goes by position (bisection over sorted
    starts), so a document's time stays linear in its length."""
    view, sentences, ref, warnings = linking.view, linking.sentences, linking.ref, linking.warnings
    text = view.text
    mentions = _Mentions(linking.found.get("official", []))
    by_start = sorted(linking.candidates.get("date", []), key=lambda d: d.start)
    dated = _ByStart(by_start, [d.start for d in by_start])
    ordered = sorted(cands, key=lambda c: c.start)
    done = _Done()
    facts, seen = [], set()
    reached = 0                                       # where the actions linked so far end
    for i, c in enumerate(ordered):
        sent = sentences.around(c.start, c.end)
        action = _action(c, ordered, i, sent, text)
        actor = _actor(c, sent, done, mentions, sentences, text)
        done.add(c, actor)
        inside = [d for d in dated.starting(action[0], action[1]) if d.end <= action[1]]
        clause = _clause_start(c, sent)
        timed = [d for d in dated.starting(sent[0], sent[1]) if d.end <= sent[1]
                 and (d.start >= clause or (d.start - sent[0] <= _LEAD and d.end <= _opener_end(c, sent, text)))]
        # a day or month without its year ("tháng 9", "May 6") is read nearest, maybe backwards: it
        # does not date the sentence; "in 2011" and "last year" do
        dating = [d for d in timed if not (d.attrs.get("relative") and d.attrs.get("granularity") in ("day", "month"))]
        if ref and any(_before(d, ref, BACKGROUND) for d in dating if not _compared(d, c.attrs["comparisons"], text)):
            continue
        # the date the action holds, else one before the trigger, after any commitment before it,
        # still ahead ("Trong năm 2026, dự kiến sẽ ký")
        opening = [d for d in dating if max(reached, sent[0]) <= d.start and d.end <= c.start and _ahead(d, ref)]
        reached = max(reached, action[1])
        due = next((d.attrs["value"] for d in (*inside, *opening) if not (ref and _before(d, ref, NOT_AHEAD))), None)
        said = (actor.value, c.attrs["modality"], names.key(text[slice(*action)]))
        if said in seen:
            continue
        seen.add(said)
        fact = mapped(warnings, c, _fact, c, view, sentences, actor, action, due)
        if fact is not None:
            facts.append(fact)
    return facts


class _ByStart:
    """Items kept in order of their start, looked up by a range of starts (bisection), so each
    commitment looks at its own neighbourhood and a long document stays linear."""

    def __init__(self, items: list, starts: list[int]):
        self.items, self.starts = items, starts

    def starting(self, lo: int, hi: int) -> list:
        """Those starting in [lo, hi)."""
        return self.items[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]


class _Done(_ByStart):
    """The commitments linked so far, with their actors; they come in text order."""

    def __init__(self):
        super().__init__([], [])

    def add(self, c: Candidate, actor: _Actor) -> None:
        self.items.append((c, actor))
        self.starts.append(c.start)


class _Mentions(_ByStart):
    """Every span that refers to a person."""

    def __init__(self, people: list[Person]):
        items = sorted(((span, p) for p in people for span in p.spans()), key=lambda m: m[0])
        super().__init__(items, [s for (s, _), _ in items])
        self.longest = max((e - s for (s, e), _ in items), default=0)

    def overlapping(self, span: Span) -> list[tuple[Span, Person]]:
        return [m for m in self.starting(span[0] - self.longest, span[1]) if m[0][1] > span[0]]


def _action(c: Candidate, ordered: list[Candidate], i: int, sent: Span, text: str) -> Span:
    start, stop = c.attrs["action_span"]
    nexts = []
    for j in range(i + 1, len(ordered)):
        n = ordered[j]
        if n.start >= sent[1]:
            break
        nexts.append(n.attrs["actor_span"][0] if n.attrs["actor_span"] and n.attrs["actor_span"][0] >= start
                     else n.start)
    end = min(stop, sent[1], *nexts)
    end = max(start, end)
    trimmed = _TRAILING.sub("", text[start:end])
    lead = len(trimmed) - len(trimmed.lstrip())
    return start + lead, start + len(trimmed)


def _actor(c: Candidate, sent: Span, done: _Done, mentions: _Mentions, sentences: Sentences,
           text: str) -> _Actor:
    span, pronoun = c.attrs["actor_span"], c.attrs["actor_ref"]
    if span is None and pronoun == "parties":                # "Several documents were signed."
        return _parties(c, done, mentions, sentences, text)
    if span is None:                                         # "... and supported the idea"
        before = done.starting(sent[0], c.start)
        if before:
            return before[-1][1]
        pronoun = "person"
    if pronoun is None and c.attrs.get("actor_group"):       # "the two prime ministers": never one of them
        return _Actor(text[span[0]:span[1]], None)
    if pronoun is None:
        meant = list({id(p): p for _, p in mentions.overlapping(span)}.values())
        # "X and his counterpart Y", "the Thai leader and Prime Minister Y" are two parties; "Minister
        # of Industry and Trade X" is one person
        named_at = min((s for s, e in meant[0].spans() if s < span[1] and span[0] < e), default=span[0]) if meant else 0
        joined = len(meant) != 1 or any(not any(s <= js and je <= e for s, e in meant[0].spans())
                                        and (js > named_at or not _in_title(meant[0], js, named_at, text))
                                        for js, je in c.attrs["actor_joins"])
        if len(meant) == 1 and not joined:
            return _Actor(meant[0].key(), meant[0])
        both = _joined_people(c, span, mentions) if len(meant) > 1 else None
        if both:
            return _Actor(both, None)
        found = (_leader(c, mentions) or _by_name(c, mentions)) if not meant else None
        return _Actor(found.key(), found) if found else _Actor(text[span[0]:span[1]], None)
    written = _Actor(text[span[0]:span[1]], None) if span else _Actor(None, None)
    if pronoun == "speaker":
        person = _speaker(c.end, mentions, text) or _salient(c.start, done, mentions, sentences)
    elif pronoun == "group":
        here = _index(sentences, c.start)
        first = sentences.spans[here - 2][0] if here > 2 else 0
        nearby = [a for d, a in done.starting(first, c.start + 1) if a.person is None and a.value
                  and _index(sentences, d.start) >= here - 2]
        return nearby[-1] if nearby else written
    else:
        person = _salient(c.start, done, mentions, sentences)
    return _Actor(person.key(), person) if person else written


def _in_title(p: Person, position: int, named_at: int, text: str) -> bool:
    """The position lies inside the person's title written just before the name ("Minister of
    Industry and Trade X")."""
    defining = p.defining()
    title = defining.attrs.get("title") if defining else None
    if not title:
        return False
    start = text.rfind(title, max(0, named_at - len(title) - 40), named_at)
    return 0 <= start <= position < start + len(title)


def _leader(c: Candidate, mentions: _Mentions) -> Person | None:
    """The official a leader-by-role actor means ("the Lao leader", "Chủ tịch Trung Quốc"): of
    those of that country (when written) holding one of its roles, the one mentioned last before
    it, else the only one."""
    if not c.attrs.get("actor_leader"):
        return None
    country, roles = c.attrs["actor_leader"]
    fits = {id(p): p for _, p in mentions.items
            if p.roles() & roles and (country is None or p.country(with_refs=True) == country)}
    before = [(s, p) for (s, _), p in mentions.items if id(p) in fits and s < c.start]
    if before:
        return before[-1][1]
    return next(iter(fits.values())) if len(fits) == 1 else None


def _by_name(c: Candidate, mentions: _Mentions) -> Person | None:
    """The one official whose key ends or begins with the name the actor writes ("Ông Andrés
    Vidal" -> "andres vidal", "Sheikh Jassim" -> "jassim bin abdulaziz al thani"), else None."""
    name = c.attrs.get("actor_name")
    if not name:
        return None
    fits = {id(p): p for _, p in mentions.items
            if p.key() == name or p.key().endswith(" " + name) or p.key().startswith(name + " ")}
    return next(iter(fits.values())) if len(fits) == 1 else None


def _joined_people(c: Candidate, span: Span, mentions: _Mentions) -> str | None:
    """"X and his counterpart Y": the keys joined with "and" when each part the conjunctions
    leave names one person, else None (a title holding "and", a party that is no person)."""
    cuts = [span[0], *(p for j in c.attrs["actor_joins"] for p in j), span[1]]
    keys = []
    for s, e in zip(cuts[::2], cuts[1::2]):
        people = list({id(p): p for _, p in mentions.overlapping((s, e))}.values())
        if len(people) != 1 or people[0].key() in keys:
            return None
        keys.append(people[0].key())
    return " and ".join(keys) if len(keys) > 1 else None


def _parties(c: Candidate, done: _Done, mentions: _Mentions, sentences: Sentences, text: str) -> _Actor:
    """Who signed when the sentence names no one: the parties (not one person) that last
    committed in the paragraph, else the two people the last sentence before it that names two
    ("A and B held talks"), else none."""
    paragraph = text.rfind("\n", 0, c.start) + 1
    groups = [a for _, a in done.starting(paragraph, c.start) if a.person is None and a.value]
    if groups:
        return groups[-1]
    for i in range(_index(sentences, c.start), -1, -1):
        s, e = sentences.spans[i] if sentences.spans else (0, c.start)
        if e <= paragraph:
            break
        people = list({id(p): p for _, p in mentions.starting(max(s, paragraph), min(e, c.start))}.values())
        if len(people) >= 2:
            return _Actor(f"{people[0].key()} and {people[1].key()}", None)
    return _Actor(None, None)


def _salient(position: int, done: _Done, mentions: _Mentions, sentences: Sentences) -> Person | None:
    """The person a "he" means: who last committed in this sentence or the ones before,
    else who was mentioned first in it (the subject, in news prose)."""
    here = _index(sentences, position)
    for i in range(here, max(here - LOOKBACK, 0) - 1, -1):
        s, e = sentences.spans[i] if sentences.spans else (0, position)
        e = min(e, position)
        committed = [a.person for _, a in done.starting(s, e) if a.person]
        if committed:
            return committed[-1]
        named = [p for _, p in mentions.starting(s, e)]
        if named:
            return named[0]
    return None


def _speaker(position: int, mentions: _Mentions, text: str) -> Person | None:
    """Who "we" means inside a quotation: the official named just after it closes, in its
    paragraph (after '" she said.' the next paragraph's first name is someone else)."""
    paragraph_end = text.find("\n", position)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    close = _CLOSING_QUOTE.search(text, position, paragraph_end)
    if close is None:
        return None
    return next((p for _, p in mentions.starting(close.end(), min(close.end() + _ATTRIBUTION + 1, paragraph_end))),
                None)


def _index(sentences: Sentences, position: int) -> int:
    return max(bisect_right(sentences.spans, (position, float("inf"))) - 1, 0)


def _clause_start(c: Candidate, sent: Span) -> int:
    """Where the trigger's clause starts: after the last clause break before it in the sentence
    (", and", "; ", ", và"), else the sentence's start."""
    breaks = c.attrs["breaks"]                   # sorted: the last one not after the trigger
    i = bisect_right(breaks, c.start)
    return breaks[i - 1] if i and breaks[i - 1] >= sent[0] else sent[0]


def _opener_end(c: Candidate, sent: Span, text: str) -> int:
    """The end of the phrase opening the sentence before its first comma ("In 2011,", "Năm
    2019,"): its time is the whole sentence's; not a first clause (", and ...", ", và ...")."""
    comma = text.find(",", sent[0], min(sent[1], sent[0] + _OPENER))
    breaks = c.attrs["breaks"]
    following = breaks[bisect_left(breaks, comma)] if comma >= 0 and bisect_left(breaks, comma) < len(breaks) else None
    if comma < 0 or (following is not None and following - comma <= _BREAK):     # the comma opens ", and ..."
        return sent[0]
    return comma


def _compared(d: Candidate, comparisons: list[Span], text: str) -> bool:
    """The date is what a figure is compared with ("up from $4 billion in 2021"): a comparison
    ends shortly before it, in the same clause, so it is not the time of the sentence."""
    i = bisect_right(comparisons, (d.start, d.start))
    return any(d.start - e <= _COMPARED and not _CLAUSE_BREAK.search(text, e, d.start)
               for _, e in comparisons[max(i - 2, 0):i] if e <= d.start)


def _ahead(d: Candidate, ref: date | None) -> bool:
    """The date is not over on the document date, and does not begin on it: a document dated
    "2011" only is linked from 1 January 2011, so "In 2011, ... signed" there tells nothing."""
    return ref is not None and not _before(d, ref, NOT_AHEAD) and periods.begin_of(d.attrs["value"]) != ref


def _before(d: Candidate, ref: date, margin: timedelta) -> bool:
    """The date ended more than ``margin`` before the document date."""
    end = periods.end_of(d.attrs["value"])
    if end is None:
        return False
    try:
        return end < ref - margin
    except OverflowError:               # a document dated in the first days of year 1
        return False


def _fact(c: Candidate, view: TextView, sentences: Sentences, actor: _Actor, action: Span,
          due: str | None) -> Fact:
    start, end, text = original(view, (c.start, c.end))
    attrs = {
        "trigger": text,
        "modality": c.attrs["modality"],
        "actor": actor.value,
        "actor_text": original(view, c.attrs["actor_span"])[2] if c.attrs["actor_span"] else None,
        "action": original(view, action)[2],
        "due": due,
        **periods.days(due, "due"),
    }
    return Fact("commitment", text, start, end, sentence(view, sentences, (c.start, c.end)), c.rule_id, attrs)
