"""Commitments: run ``patterns/<lang>/commitments.toml``; every match is one trigger.

A rule says what it found by naming its groups:

- ``modality``: the trigger word(s), read through the trigger's valued list, one per
  class of trigger word ("pledged" -> pledge, "đề nghị" -> proposal), or set by ``defaults``;
- ``act``: the verb after a bare "will"/"sẽ", read through the ``act`` table (a scheduled
  act such as "visit" is a plan, "continue" a pledge): a bare "will" needs one;
- ``trigger``: the span reported as the trigger when it is not the ``modality`` group
  ("reached consensus", "will");
- ``actor``: the party as written before the trigger ("Chairman Nguyen Van Duoc", "He",
  "both sides"); left out when the sentence elides it ("... and supported the idea");
- ``action``: where the action starts, when not right after the trigger.

A rule whose sentence has no subject (a passive, "It is planned to") says so with
``defaults = { actor = "parties" }``: link then takes the parties of the paragraph.

The fragment ``group`` says which actors count parties without naming them ("the two prime
ministers", "Hai Bộ trưởng"): they stay the group, never one official a title in them names.
The fragment ``leader`` says which actors name a country's leader by role ("the Lao leader",
"Chủ tịch Trung Quốc"): link resolves them to that official when no rule tied them to one.

The fragment ``person_name`` says which actors are a name as written ("Ông Andrés Vidal"): link
ties them to the one official whose name ends so, when no rule tied them to anyone.

The fragment ``clause_break`` marks where a new clause starts inside a sentence (", and",
"; "): a date before it is another clause's time, not the commitment's.

The fragment ``comparison`` marks where a sentence compares with the past ("up from $4 billion
in 2021", "so với năm 2021"): link does not take a date right after it as the sentence's time.

The fragment ``conjunction`` marks actors that join parties ("Minister X and his counterpart
Y"): such an actor stays text even when one of them is an official. The valued list ``pronoun`` says what an actor pronoun stands for: ``person`` ("he",
"ông"), ``group`` ("they", "họ") or ``speaker`` ("we" inside a quotation).

The fact's span is the trigger, so two commitments in one sentence never overlap. Where
the action ends (the fragment ``action_end``), who a pronoun or title means, and which
date is the deadline are settled in ``link``, where the other facts are known.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Mapping

from .. import rulebook
from ..evaluate import fold, options, overlap
from ..facttype import FactType, Reading, Scoring
from ..link import commitments as linking
from ..matching import Candidate, Match
from ..normalize import names, periods

TYPE = "commitment"
STEM = "commitments"
MODALITIES = ("pledge", "plan", "proposal", "agreement", "readiness")
NEEDS = ("date", "official")          # link resolves the due date and the actor from these
MAX_ACTION = 1000                   # characters: no clause runs longer; link also cuts at the sentence
SPEC = rulebook.Spec(
    groups=frozenset({"modality", "act", "trigger", "actor", "action"}),
    required_any=frozenset({"modality", "act"}),
    example_keys=frozenset({"modality", "actor", "due", "action"}),
    fragments=frozenset({"action_end", "conjunction", "comparison", "clause_break", "leader", "group",
                         "person_name"}),
)


def candidates(book: rulebook.Rulebook, matches: list[Match], reading: Reading) -> list[Candidate]:
    """One candidate per trigger; its span is the trigger, its attrs what link needs."""
    text, rejected = reading.text, reading.rejected
    clause_end = book.patterns.get("action_end")
    joiner = book.patterns.get("conjunction")
    pronouns = book.values.get("pronoun", {})
    leader, group, named = book.patterns.get("leader"), book.patterns.get("group"), book.patterns.get("person_name")
    compare = book.patterns.get("comparison")
    comparisons = [k.span() for k in compare.finditer(text)] if compare else []    # one list, shared
    cut = book.patterns.get("clause_break")
    breaks = [k.end() for k in cut.finditer(text)] if cut else []
    out = []
    for order, m in enumerate(matches):
        if m.rule.veto:
            out.append(Candidate(TYPE, m.rule.id, m.start, m.end, veto=True, order=order))
            continue
        start, end = m.spans.get("trigger") or m.spans.get("modality") or m.spans["act"]
        c = Candidate(TYPE, m.rule.id, start, end, order=order)
        # the modality as matched, else the act's, else the rule's default ("confirmed he would attend")
        modality = m.parts["modality"] if "modality" in m.spans or "act" not in m.parts else m.parts["act"]
        if modality not in MODALITIES:
            rejected.append((c, f"{modality!r} is not a modality ({', '.join(MODALITIES)})"))
            continue
        actor = m.spans.get("actor")
        action_start = m.spans["action"][0] if "action" in m.spans else end
        limit = min(len(text), action_start + MAX_ACTION)
        stop = clause_end.search(text, action_start, limit) if clause_end else None
        if "action" in m.spans and m.spans["action"][1] <= start:      # told before its verb: "X, he suggested"
            stop = None
            limit = min(limit, m.spans["action"][1])
        c.attrs = {
            "modality": modality,
            "actor_span": actor,
            "actor_joins": [j.span() for j in joiner.finditer(text, *actor)] if joiner and actor else [],
            "actor_ref": (pronouns.get(rulebook.folded(text[slice(*actor)])) if actor
                          else m.rule.defaults.get("actor")),
            "action_span": (action_start, stop.start() if stop else limit),
            "comparisons": comparisons,
            "breaks": breaks,
            "actor_leader": _leader(book, leader, text, actor) if leader and actor else None,
            "actor_group": bool(group and actor and group.fullmatch(text, *actor)),
            "actor_name": _name(named, text, actor) if named and actor else None,
        }
        out.append(c)
    return out


def _leader(book: rulebook.Rulebook, leader, text: str, actor: tuple[int, int]) -> tuple | None:
    """(country code or None, roles) when the actor is a country's leader named by role ("the Lao
    leader", "Chủ tịch Trung Quốc"), read through the lists ``leader_role``, ``demonym``, ``country``."""
    m = leader.fullmatch(text, *actor)
    if m is None:
        return None
    roles = str(book.values.get("leader_role", {}).get(rulebook.folded(m["role"]), "")).split()
    country = None
    if m["country"]:
        key = rulebook.folded(m["country"])
        country = next((t[key] for t in (book.values.get("demonym", {}), book.values.get("country", {})) if key in t),
                       None)
    return (country, frozenset(roles)) if roles else None


def _name(named, text: str, actor: tuple[int, int]) -> str | None:
    """The key of the name an actor writes ("Ông Andrés Vidal" -> "andres vidal"), if it is one."""
    m = named.fullmatch(text, *actor)
    return names.key(m["name"]) if m else None


def describe(attrs: Mapping[str, Any], people: Mapping[str, str] = {}) -> str:
    """``actor → modality → action (due …)``, the actor as the text wrote it, with the person
    it stands for when the text wrote a pronoun or a title ("He (Kanat Tumysh)", "They (both sides)")."""
    key, written = attrs.get("actor"), attrs.get("actor_text")
    name = people.get(key, key) if key else None          # a person's name, or the party resolved ("both sides")
    if written and name and fold(name) not in fold(written):
        actor = f"{written} ({name})"
    else:
        actor = written or name or key or "?"
    due = f" (due {periods.words(attrs['due'])})" if attrs.get("due") else ""
    return f"{actor} → {attrs.get('modality')} → {attrs.get('action') or ''}{due}"


def _gold_match(p: dict, g: dict) -> bool:
    return fold(g["sentence"]) in fold(p.get("sentence")) and overlap(p.get("trigger") or p.get("text"), g["trigger"])


def _attributes(p: dict, g: dict) -> list[tuple[str, bool]]:
    out = [("modality", p.get("modality") in options(g["modality"]))]
    if "actor" in g:
        out.append(("actor", fold(p.get("actor")) in {fold(a) for a in options(g["actor"])}))
    if "due" in g:
        out.append(("due", p.get("due") in options(g["due"])))
    return out


FACT_TYPE = FactType(
    name=TYPE, stem=STEM, spec=SPEC, candidates=candidates,
    fields={"trigger": "text", "modality": "text", "actor": "text?", "actor_text": "text?", "action": "text",
            "due": "text?", "due_begin": "date?", "due_end": "date?"},
    main="action",
    title="Commitments",
    describe=describe,
    scoring=Scoring("commitments", ("sentence", "trigger"), _gold_match,
                    lambda p, g: _gold_match(p, g) or fold(g["sentence"]) in fold(p.get("sentence")), _attributes),
    link=linking.link,
    needs=NEEDS,
)
