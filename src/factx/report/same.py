"""When two commitments are the same commitment: the judge behind one tracker row per pledge.

Two articles, in one language or in English and Vietnamese, report one pledge in different
words. ``same(a, b)`` says whether two commitments (each read once into a ``Pledge`` by
``pledge``) are one, by this rule, in this order:

1. **Same actor.** A person: the same key (after the corpus joins a surname-only person to
   the full name, see ``corpus``). A party: the same party key (``party_key``): "both sides",
   "the two sides", "hai bên" are one; a party written only with names of countries or
   places and subject words ("Kazakhstan", "Kazakh airlines", "các hãng hàng không
   Kazakhstan", "Việt Nam và Kazakhstan") is keyed by those countries, places and subjects,
   so it is the same in both languages; any other party by its folded words. A person and a
   party are never the same actor.
2. **Compatible modality.** The same modality, or pledge and plan (both say "will do"; a
   reporter's "plans to" is a translator's "cam kết"). A proposal is never an agreement.
3. **Compatible due.** Two dues must overlap (``due_begin``..``due_end``); a due on one side
   only does not separate them (an article may leave the date out).
4. **Same subject.** Each action's subjects come from a small bilingual lexicon (``CONCEPTS``:
   flights, railways, a consulate, a forum, trade, investment, tourism, finance, visas ...,
   written in English and in Vietnamese). When both actions name subjects and share none,
   they are different (a route and a consulate announced in one breath are two pledges).
5. **Evidence.** Then they are the same when the actions share enough that is not the
   wording: 2 points or more, at least one of them from a subject, an amount or a date. A
   shared amount (same figure and currency) counts 2; each shared subject 1; a date value
   written in both actions, or the two dues being both given and overlapping, 1 (once);
   named places other than the actor's own count 1 at most, whatever their number, and
   countries never (a corpus about two countries names them in every other action). In one
   language, content words overlapping by half or more (Jaccard >= 0.5) is enough on its own.

Every step is cheap and symmetric; ``verdict`` gives the reason for the answer. The corpus
only compares commitments of different documents: inside one document the pipeline has
already reported a repeated commitment once.
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, NamedTuple

import regex

from ..normalize.names import key as fold_name

COMPATIBLE = {frozenset({"pledge", "plan"})}
JACCARD = 0.5
ENOUGH = 2

# concept -> (English stems, matched at a word start; Vietnamese phrases, matched as whole words)
CONCEPTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "flights": (("flight", "air route", "air link", "direct route", "routes", "route ", "airline", "aviation",
                 "air connect", "carrier"),
                ("đường bay", "chuyến bay", "hãng hàng không", "hàng không", "bay thẳng", "hãng bay")),
    "railways": (("railway", "rail ", "rails ", "train ", "trains "), ("đường sắt", "tàu hỏa")),
    "consulate": (("consulate", "consul"), ("lãnh sự",)),
    "embassy": (("embass",), ("đại sứ quán",)),
    "forum": (("forum", "conference", "business networking", "expo ", "exhibition", "fair ", "fairs ", "summit", "seminar",
               "round table", "roundtable"),
              ("diễn đàn", "hội nghị", "hội chợ", "triển lãm", "tọa đàm", "toạ đàm", "hội thảo", "kết nối kinh doanh")),
    "trade": (("trade", "export", "import", "goods", "turnover"),
              ("thương mại", "xuất khẩu", "nhập khẩu", "hàng hóa", "hàng hoá", "kim ngạch")),
    "investment": (("invest",), ("đầu tư",)),
    "tourism": (("touris", "visitor", "travel"), ("du lịch", "du khách")),
    "finance": (("financ", "bank"), ("tài chính", "ngân hàng")),
    "visa": (("visa",), ("thị thực", "visa")),
    "energy": (("energy", "oil ", "gas ", "power plant", "electricity"), ("năng lượng", "dầu khí", "điện năng", "nhà máy điện")),
    "agriculture": (("agricultur", "farm", "food "), ("nông nghiệp", "nông sản", "lương thực", "thực phẩm")),
    "education": (("educat", "universit", "student", "training", "scholarship"),
                  ("giáo dục", "đại học", "sinh viên", "đào tạo", "học bổng")),
    "logistics": (("logistic", "transport", "transit", "corridor", "port ", "ports ", "seaport"),
                  ("logistics", "vận tải", "trung chuyển", "hành lang", "cảng")),
    "technology": (("digital", "technolog", "artificial intelligence", "innovation", "sci-tech"),
                   ("chuyển đổi số", "kinh tế số", "công nghệ", "trí tuệ nhân tạo", "đổi mới sáng tạo")),
    "delegations": (("delegation", "visit", "high-level exchange", "exchanges of"), ("đoàn đại biểu", "trao đổi đoàn", "các đoàn", "chuyến thăm", "thăm")),
    "documents": (("memorand", "mou ", "mous ", "agreement", "treaty", "accord", "cooperation document", "protocol"),
                  ("bản ghi nhớ", "hiệp định", "thỏa thuận", "thoả thuận", "văn kiện", "nghị định thư")),
    "culture": (("cultur", "art ", "arts ", "film"), ("văn hóa", "văn hoá", "nghệ thuật", "điện ảnh")),
    "health": (("health", "medic", "hospital", "pharma"), ("y tế", "bệnh viện", "dược")),
    "security": (("defen", "security", "military"), ("quốc phòng", "an ninh", "quân sự")),
    "labour": (("labour", "labor", "worker", "employment"), ("lao động", "việc làm")),
    "environment": (("environment", "climate", "green ", "emission"), ("môi trường", "khí hậu", "xanh", "phát thải")),
    "mining": (("mining", "mineral", "uranium", "metal"), ("khoáng sản", "khai khoáng", "urani", "kim loại")),
}

# the party the two sides of a meeting are, however written
BOTH_SIDES = {"both sides", "the two sides", "two sides", "both countries", "the two countries", "two countries",
              "both", "both parties", "the two parties", "the two nations", "both nations", "hai ben", "hai nuoc",
              "hai phia", "ca hai ben", "hai quoc gia"}
PLACE_WORDS = regex.compile(r"^(?:thanh pho|tp\.?|tinh)\s*|\s*\b(?:city|province)$")
PLACE_ALIASES = {"hcm": "hochiminh", "hcmc": "hochiminh", "tphcm": "hochiminh", "saigon": "hochiminh",
                 "hochiminhcity": "hochiminh", "hanoicapital": "hanoi"}

STOP = frozenset("""a an the of to in on at for and or with by from into as its their his her this that these those
be is are was were will would shall should can could may might must also further more new both two other such
which who whose than then there about between among across over under via per each all any some further
continue continued continuing promote promoting enhance enhancing strengthen strengthening boost boosting
expand expanding develop developing implement implementing effectively cooperation cooperate relations ties
bilateral mutual partnership strategic comprehensive sides countries side country
và của các những cho với trong tại để được đã sẽ có là một hai này đó theo từ về như cũng nhằm việc sự
tiếp tục thúc đẩy tăng cường mở rộng phát triển hợp tác quan hệ song phương giữa bên nước""".split())


class Verdict(NamedTuple):
    same: bool
    why: str


@dataclass(frozen=True)
class Pledge:
    """What the judge reads of one commitment (``pledge`` builds it)."""

    actor: str                          # a person's key or a party key (``party_key``); "" unknown
    person: bool
    modality: str
    due_begin: str | None
    due_end: str | None
    language: str
    concepts: frozenset[str]
    entities: frozenset[str]            # "country:KZ", "place:hochiminh"
    actor_entities: frozenset[str]
    amounts: frozenset[tuple[str, str]]  # (amount as text, currency)
    dates: frozenset[str]               # TIMEX values written in the action
    words: frozenset[str]               # content words, folded


def pledge(*, actor: str | None, person: bool, modality: str, action: str, language: str,
           due_begin: str | None = None, due_end: str | None = None,
           amounts: Iterable[tuple[object, str]] = (), dates: Iterable[str] = ()) -> Pledge:
    """A commitment as the judge reads it. ``actor``: a person's (canonical) key when
    ``person``, else the party as written; ``amounts`` and ``dates``: the money and date
    values written inside the action (the corpus finds them among the document's facts)."""
    text = _norm(action)
    party_entities = frozenset() if person or not actor else frozenset(_entities(_norm(actor)))
    return Pledge(
        actor=(actor or "") if person else party_key(actor or ""),
        person=person, modality=modality, due_begin=due_begin, due_end=due_end, language=language,
        concepts=frozenset(_concepts(text)), entities=frozenset(_entities(text)),
        actor_entities=party_entities,
        amounts=frozenset((str(a), c) for a, c in amounts), dates=frozenset(dates),
        words=frozenset(_words(text)))


def same(a: Pledge, b: Pledge) -> bool:
    return verdict(a, b).same


def verdict(a: Pledge, b: Pledge) -> Verdict:
    """Whether ``a`` and ``b`` are one commitment, and why (the module's rule, step by step)."""
    if not a.actor or a.actor != b.actor or a.person != b.person:
        return Verdict(False, "different actors")
    if a.modality != b.modality and frozenset({a.modality, b.modality}) not in COMPATIBLE:
        return Verdict(False, f"{a.modality} vs {b.modality}")
    dated = a.due_begin is not None and b.due_begin is not None
    if dated and not _overlap(a, b):
        return Verdict(False, "dues do not overlap")
    if a.concepts and b.concepts and not a.concepts & b.concepts:
        return Verdict(False, "different subjects")
    if a.language == b.language and _jaccard(a.words, b.words) >= JACCARD:
        return Verdict(True, "same words")
    own = a.actor_entities | b.actor_entities
    shared = {
        "amounts": 2 * len(a.amounts & b.amounts),
        "subjects": len(a.concepts & b.concepts),
        "dates": min(1, len(a.dates & b.dates) + int(dated)),
        "places": min(1, len({e for e in (a.entities & b.entities) - own if e.startswith("place:")})),
    }
    points = sum(shared.values())
    why = ", ".join(f"{k} {v}" for k, v in shared.items() if v) or "nothing shared"
    return Verdict(points >= ENOUGH and points > shared["places"], why)


def party_key(actor: str) -> str:
    """A party's key: ``both sides`` for the two sides however written; the countries, places
    and subjects it names when it is made of nothing else (``"Kazakh airlines"`` and ``"các
    hãng hàng không Kazakhstan"`` -> ``"country:KZ+flights"``); else its folded words."""
    folded = fold_name(actor)
    if folded in BOTH_SIDES:
        return "both sides"
    text = _norm(actor)
    entities, concepts, rest = _entities(text), _concepts(text), text
    for pattern in _gazetteer().pattern, _concept_pattern():
        rest = pattern.sub(" ", rest)
    if (entities or concepts) and not [w for w in _words(rest)]:
        return "+".join(sorted(entities) + sorted(concepts))
    return folded.replace(" ", "")


def _overlap(a: Pledge, b: Pledge) -> bool:
    return (a.due_begin or "") <= (b.due_end or "9999") and (b.due_begin or "") <= (a.due_end or "9999")


def _jaccard(x: frozenset, y: frozenset) -> float:
    return len(x & y) / len(x | y) if x and y else 0.0


def _norm(text: str) -> str:
    """Casefolded NFC text, single-spaced, curly quotes straightened."""
    text = unicodedata.normalize("NFC", text).casefold().replace("\u2019", "'")
    return " ".join(text.split())


def _words(text: str) -> set[str]:
    return {fold_name(w) for w in regex.findall(r"[\p{L}\p{M}\p{N}]+", text) if w not in STOP and len(w) > 1}


def _concepts(text: str) -> set[str]:
    return {m.lastgroup for m in _concept_pattern().finditer(text)}


def _entities(text: str) -> set[str]:
    g = _gazetteer()
    return {g.table[m.group()] for m in g.pattern.finditer(text)}


@lru_cache(maxsize=1)
def _concept_pattern() -> regex.Pattern:
    """One named group per concept; the longest form wins where two start together (POSIX
    matching: ``visitors`` is tourism, ``visit`` delegations). English stems at a word start
    (``touris`` finds tourism, tourists; a form ending in a space is a whole word), Vietnamese
    phrases as whole words."""
    def form(f: str, english: bool) -> str:
        if english and not f.endswith(" "):
            return regex.escape(f) + r"[\p{L}]*"
        return regex.escape(f.strip()) + r"(?![\p{L}\p{M}])"

    groups = "|".join(f"(?P<{concept}>" + "|".join([form(f, True) for f in en] + [form(f, False) for f in vi]) + ")"
                      for concept, (en, vi) in CONCEPTS.items())
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{groups})", regex.POSIX)


class _Gazetteer(NamedTuple):
    table: dict[str, str]        # casefolded form -> "country:KZ" / "place:hochiminh"
    pattern: regex.Pattern


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    """Countries, demonyms and places from the shared rule lists (patterns/common), one key per
    country (its ISO code) and one per place (its folded name without the place word)."""
    from ..rulebook import builtin_dir

    table: dict[str, str] = {}
    common = builtin_dir() / "common"
    for file, lists in (("countries.toml", ("country", "demonym")), ("places.toml", ("place",))):
        data = tomllib.loads((common / file).read_text(encoding="utf-8"))["lists"]
        for name in lists:
            for form, code in data.get(name, {}).items():
                table.setdefault(_norm(form), f"country:{code}" if name != "place" else f"place:{_place(form)}")
    forms = sorted(table, key=len, reverse=True)
    pattern = regex.compile(r"(?<![\p{L}\p{M}\p{N}])(?:" + "|".join(map(regex.escape, forms)) + r")(?![\p{L}\p{M}\p{N}])")
    return _Gazetteer(table, pattern)


def _place(form: str) -> str:
    key = PLACE_WORDS.sub("", fold_name(form)).replace(" ", "").replace(".", "")
    return PLACE_ALIASES.get(key, key)
