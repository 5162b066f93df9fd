"""Officials: run ``patterns/<lang>/officials.toml``; every match is one mention of a person.

A rule says what it found by naming its groups:

- ``name``: the person as written ("Nguyễn Văn Được", "Bektenov", "Y. Tukumov");
- ``role``: the title word(s), read through the file's ``role`` table ("Thủ tướng" -> prime_minister);
- ``title``: the whole title as written ("Chairman of the Ho Chi Minh City People's Committee");
- ``org``: the organisation as written, when the title names one;
- ``honorific``: "Mr.", "Dr.", "ông", "đồng chí";
- ``posting``: where an ambassador serves ("to Vietnam", "tại Việt Nam"), left out of the country;
- ``deputy``: "Deputy", "Phó" written apart from the title word ("Deputy Foreign Ministry
  Spokesperson"): the role is the deputy's, read through the list ``deputy_of``;
- ``cabinet``: a portfolio written in the title ("of Foreign Affairs"): a party title is then a
  cabinet post ("Secretary of Foreign Affairs" is a minister), read through the list ``cabinet_of``;
- ``homeland``: the country written after the name ("King Norodom Sihamoni of Cambodia"), read
  when the title names none;
- ``surname``: a Vietnamese family name, whose table value is a country hint (see common/names.toml);
  a name in the alias table (common/aliases.toml) takes its key and country hint from there instead;
- ``counterpart``: "counterpart", "người đồng cấp": the person holds the office of the one named
  before them, whose counterpart they are (linking gives them that role).

The country is the first country, demonym, place or body (the shared gazetteers) written in
the title, e.g. KZ in "Ambassador of Kazakhstan to Vietnam". A match with a name and no role is
a mention waiting to be linked (an honorific); a match with a role and no name is a title-only
reference ("the Ambassador"). Turning mentions into one fact per person is ``link``'s job.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any, Callable, Iterator, Mapping, NamedTuple

import regex

from .. import rulebook
from ..evaluate import fold, options, overlap
from ..facttype import FactType, Reading, Scoring
from ..gazetteer import Gazetteer
from ..link import officials as linking
from ..matching import Candidate, Match
from ..normalize import names

TYPE = "official"
STEM = "officials"
SPEC = rulebook.Spec(
    groups=frozenset({"name", "surname", "role", "title", "org", "honorific", "posting", "counterpart", "homeland",
                      "deputy", "cabinet"}),
    required_any=frozenset({"name", "role"}),
    example_keys=frozenset({"name", "key", "role", "country", "organization", "title"}),
)
GAZETTEERS = ("demonym", "country", "place", "body", "title_country")   # valued lists whose forms imply a country
_LEADING_ARTICLE = regex.compile(r"^(?i:the|a|an)\s+")


class Aliases(NamedTuple):
    """Another spelling of a leader's name -> the English one, which gives the key ("Lý Cường" ->
    "li qiang"); the English name -> the leader's country, which replaces the hint of a family
    name in either spelling (lists ``alias``, ``alias_country`` in common/aliases.toml; both keyed
    casefolded)."""

    names: Mapping[str, str]
    countries: Mapping[str, str]


def candidates(book: rulebook.Rulebook, matches: list[Match], reading: Reading) -> list[Candidate]:
    """One candidate per match; its span is the whole match, so overlapping rules settle as usual."""
    country_in = _country_finder(book)
    international = _international_finder(book)
    portfolios = book.values.get("portfolio_of", {})
    deputies = book.values.get("deputy_of", {})
    cabinet = book.values.get("cabinet_of", {})
    aliases = Aliases(book.values.get("alias", {}), book.values.get("alias_country", {}))
    find_countries = _countries_finder(book)

    @cache
    def named() -> frozenset[str]:
        """The foreign countries the text names: asked for only when no official states one
        (a scan of the whole text for every country form costs more than the rules)."""
        return frozenset(find_countries(reading.text)) - {"VN"}

    out = []
    for order, m in enumerate(matches):
        c = Candidate(TYPE, m.rule.id, m.start, m.end, veto=m.rule.veto, order=order)
        if not m.rule.veto:
            c.attrs = _mention(m, reading.text, country_in, portfolios, aliases)
            c.attrs["international"] = international(_group(m, reading.text, "title") or "")
            c.attrs["named_countries"] = named
            if "cabinet" in m.spans and c.attrs["role"]:
                c.attrs["role"] = cabinet.get(c.attrs["role"], c.attrs["role"])
            if "deputy" in m.spans and c.attrs["role"]:
                c.attrs["role"] = deputies.get(c.attrs["role"], c.attrs["role"])
        out.append(c)
    return out


def _mention(m: Match, text: str, country_in: Callable[[str], str | None],
             portfolios: Mapping[str, str], aliases: Aliases) -> dict[str, Any]:
    name = _group(m, text, "name")
    hint = m.parts.get("surname")
    alias = aliases.names.get(rulebook.folded(name)) if name else None
    if alias or name and rulebook.folded(name) in aliases.countries:
        hint = aliases.countries.get(rulebook.folded(alias or name), "")
    return {
        "name": name,
        "key": names.key(alias or name) if name else None,
        "role": m.parts.get("role"),
        "title": _group(m, text, "title"),
        "organization": _organization(m, text, portfolios),
        "country": country_in(_title_without_posting(m, text)) or country_in(_group(m, text, "homeland") or "")
        or country_in(_stack(m, text)),
        "country_hint": hint if isinstance(hint, str) and len(hint) == 2 else None,
        "counterpart": "counterpart" in m.spans,
        "span": _mention_span(m, text),
        "name_span": m.spans.get("name"),
    }


def _group(m: Match, text: str, group: str) -> str | None:
    if group not in m.spans:
        return None
    return text[slice(*m.spans[group])].strip() or None


def _organization(m: Match, text: str, portfolios: Mapping[str, str]) -> str | None:
    """The organisation written in the title, else the portfolio a title word names ("Foreign
    Minister" -> Foreign Affairs, from the list ``portfolio_of``)."""
    org = _group(m, text, "org")
    if org:
        return _LEADING_ARTICLE.sub("", org)
    role = _group(m, text, "role")
    return portfolios.get(rulebook.folded(role)) if role else None


def _title_without_posting(m: Match, text: str) -> str:
    if "title" not in m.spans:
        return ""
    start, end = m.spans["title"]
    if "posting" in m.spans:
        p_start, p_end = m.spans["posting"]
        return text[start:p_start] + " " + text[p_end:end]
    return text[start:end]


def _stack(m: Match, text: str) -> str:
    """The titles stacked after the one the role is read from, up to the name: their country is the
    person's when the first title states none ("Tổng Bí thư, Chủ tịch nước Lào X")."""
    if "name" not in m.spans or "title" not in m.spans or m.spans["title"][1] > m.spans["name"][0]:
        return ""
    end = m.spans["posting"][0] if "posting" in m.spans else m.spans["name"][0]
    return text[m.spans["title"][1]:end]


def _mention_span(m: Match, text: str) -> tuple[int, int]:
    """The words that refer to the person: the name, with an honorific or title word written
    right before it ("Chairman Nguyen Van Duoc", "ông Kanat Tumysh"); a reference is its match."""
    if "name" not in m.spans:
        return m.start, m.end
    start, end = m.spans["name"]
    for group in ("role", "honorific"):
        if group in m.spans and m.spans[group][1] <= start and not text[m.spans[group][1]:start].strip():
            start = m.spans[group][0]
    return start, end


_FINDERS: dict[tuple[int, str], tuple[rulebook.Rulebook, Callable[[str], Any]]] = {}


def _cached(book: rulebook.Rulebook,
            compile_: Callable[[rulebook.Rulebook], Callable[[str], Any]]) -> Callable[[str], Any]:
    """``compile_(book)``, made once per rulebook."""
    cached = _FINDERS.get((id(book), compile_.__name__))
    if cached is None or cached[0] is not book:
        cached = (book, compile_(book))
        _FINDERS[id(book), compile_.__name__] = cached
    return cached[1]


def _country_finder(book: rulebook.Rulebook) -> Callable[[str], str | None]:
    """A function giving the country of the first gazetteer form in a text (cached per rulebook)."""
    return _cached(book, _compile_finder)


def _international_finder(book: rulebook.Rulebook) -> Callable[[str], bool]:
    """A function telling whether a text names a body of many countries (list ``international``)."""
    return _cached(book, _compile_international)


def _compile_international(book: rulebook.Rulebook) -> Callable[[str], bool]:
    finder = Gazetteer(book.lists.get("international") or (), ignore_case=False)
    return lambda text: next(finder.finditer(text), None) is not None


def _countries_finder(book: rulebook.Rulebook) -> Callable[[str], set[str]]:
    """A function giving every country a text names (titles only one country uses left out)."""
    return _cached(book, _compile_countries)


def _compile_countries(book: rulebook.Rulebook) -> Callable[[str], set[str]]:
    hits = _cached(book, _gazetteer_hits)
    return lambda text: {code for code, fallback in hits(text) if not fallback}


def _compile_finder(book: rulebook.Rulebook) -> Callable[[str], str | None]:
    """Forms of the gazetteers, the last one (``title_country``: "Chủ tịch nước", "Secretary of
    Commerce") only a fallback: "Chủ tịch nước Lào" is Lao."""
    hits = _cached(book, _gazetteer_hits)

    def country_in(text: str) -> str | None:
        fallback = None
        for code, last in hits(text):
            if not last:
                return code
            fallback = fallback or code
        return fallback

    return country_in


def _gazetteer_hits(book: rulebook.Rulebook) -> Callable[[str], Iterator[tuple[str, bool]]]:
    """The gazetteer forms of a text, in order, as (country, fallback?): a thousand forms,
    indexed once per book for both finders above."""
    table: dict[str, tuple[str, bool, bool]] = {}   # casefolded form -> (code, capitalised, fallback)
    for name in GAZETTEERS:
        entries = book.lists.get(name)
        for form, code in (entries.items() if isinstance(entries, dict) else ()):
            table.setdefault(rulebook.folded(form), (code, form[:1].isupper(), name == GAZETTEERS[-1]))
    finder = Gazetteer(table)

    def hits(text: str) -> Iterator[tuple[str, bool]]:
        """Case is free but for the first letter: "Tư pháp" (justice) is not "Pháp" (France)."""
        for start, end in finder.finditer(text):
            code, capital, last = table.get(rulebook.folded(text[start:end]), ("", False, False))
            if code and text[start].isupper() == capital:
                yield code, last

    return hits


def describe(attrs: Mapping[str, Any], people: Mapping[str, str] = {}) -> str:
    """Name as written, then role, organisation and country: ``Nguyễn Văn Được · chairman ·
    Ho Chi Minh City People's Committee · VN``."""
    role = (attrs.get("role") or "").replace("_", " ")
    return " · ".join(str(x) for x in (attrs.get("name"), role, attrs.get("organization"), attrs.get("country")) if x)


def _gold_match(p: dict, g: dict) -> bool:
    return fold(p.get("key") or p.get("name") or p.get("text")) in {fold(k) for k in options(g["key"])}


def _detect(p: dict, g: dict) -> bool:
    names = [m.get("text") for m in p.get("mentions", [])] + [p.get("name"), p.get("text")]
    return any(overlap(n, k) for n in names if n for k in options(g["key"]))


def _attributes(p: dict, g: dict) -> list[tuple[str, bool]]:
    out = [("role", p.get("role") in options(g["role"]))] if "role" in g else []
    return out + ([("country", p.get("country") == g["country"])] if g.get("country") else [])


FACT_TYPE = FactType(
    name=TYPE, stem=STEM, spec=SPEC, candidates=candidates,
    fields={"name": "text", "key": "text", "title": "text?", "role": "text?", "organization": "text?",
            "country": "text?", "mentions": "mentions"},
    main="key",
    title="Officials",
    describe=describe,
    scoring=Scoring("officials", ("key",), _gold_match, _detect, _attributes),
    link=linking.link,
)
