"""Money: run ``patterns/<lang>/money.toml`` and turn each match into an exact amount.

A rule names its pieces: ``amount`` (written digits) or ``numeral`` (a number word or
words: "twenty-five", "ba mươi lăm"), ``decimals`` (the digits after a spoken comma:
"3 phẩy 5"), ``scale`` ("million", "tỷ"), an optional second ``amount_rest``/``scale_rest``
pair ("1 tỷ 200 triệu"), ``amount_end``/``scale_end`` (the top of a range, which only has to
be higher), the currency as ``sign`` ("US$"), ``code`` ("USD") or ``currency`` (a word:
"dollars", "đồng"), each read from its valued list in ``patterns/common/currencies.toml``
(``sign_end``, ``code_end``, ``currency_end`` on a range's top must name the same one), and
``approximate`` (a qualifier word before the figure, kept out of the fact's text).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Mapping

import regex

from .. import rulebook
from ..evaluate import overlap, same_amount
from ..facttype import FactType, Reading, Scoring
from ..matching import Candidate, Match
from ..normalize import numbers

TYPE = "money"
STEM = "money"
SPEC = rulebook.Spec(
    groups=frozenset({"amount", "numeral", "decimals", "scale", "amount_rest", "scale_rest", "amount_end",
                      "scale_end", "sign", "code", "currency", "sign_end", "code_end", "currency_end",
                      "approximate"}),
    required_any=frozenset({"sign", "code", "currency"}),
    example_keys=frozenset({"amount", "amount_max", "currency", "approximate"}),
)

_ISO = regex.compile(r"[A-Z]{3}")
_RANGE_SPAN = 100          # a lower bound read without the top's scale is at least this fraction of it


def candidates(book: rulebook.Rulebook, matches: list[Match], reading: Reading) -> list[Candidate]:
    """One candidate per match; one that makes no amount in a known currency is void."""
    out = []
    for order, m in enumerate(matches):
        c = Candidate(TYPE, m.rule.id, m.start, m.end, veto=m.rule.veto, order=order)
        if not m.rule.veto:
            try:
                c.attrs = value(m.parts, book.lang, book.values)
            except numbers.Invalid as e:
                # A malformed figure ("$3-2 billion", a 40-digit run) is no fact, and no piece
                # of it is one either: it settles like a match and is dropped afterwards.
                c.void, c.loud = str(e), isinstance(e, numbers.Inexact)
        out.append(c)
    return out


def value(parts: Mapping[str, Any], lang: str, words: Mapping[str, Mapping[str, Any]] = {}) -> dict[str, Any]:
    """The SPEC's money fields from one match's looked-up pieces; ``words`` are the rule file's
    valued lists, which spell out a number written in several words ("twenty-five")."""
    currency = next((parts[g] for g in ("currency", "code", "sign", "currency_end", "code_end", "sign_end")
                     if g in parts), None)
    if not isinstance(currency, str) or not _ISO.fullmatch(currency):
        raise numbers.Invalid(f"{currency!r} is not in the currency table")
    if any(parts.get(g, currency) != currency for g in ("currency_end", "code_end", "sign_end")):
        raise numbers.Invalid("the two ends of a range are in different currencies")
    number = parts.get("amount", parts.get("numeral"))
    said = {**words.get("digit", {}), **words.get("numeral", {})}
    if isinstance(number, str) and "amount" not in parts:
        number = numbers.spelled(number, said, words.get("multiplier", {}))
    if "decimals" in parts:
        number = numbers.with_decimals(number, parts["decimals"], said, lang)
    amount = numbers.scaled(number, parts.get("scale"), lang)
    if "amount_rest" in parts:
        rest = numbers.scaled(parts["amount_rest"], parts.get("scale_rest"), lang)
        if parts.get("scale") is None or rest >= numbers.to_decimal(parts["scale"], lang):
            raise numbers.Invalid("the second part of a compound amount must be below the first's scale")
        amount = numbers.EXACT.add(amount, rest)
    top = None
    if "amount_end" in parts:
        top = numbers.scaled(parts["amount_end"], parts.get("scale_end"), lang)
        if parts.get("scale") is None and parts.get("scale_end") is not None:
            # A bare lower bound shares the top's scale ("4 and 6 billion") unless that would
            # put it above the top: "$500,000 and $1 million" is complete as written, but only
            # within a factor of 100 of the top ("$3-2 billion" is a typo, not $3 to $2 billion).
            shared = numbers.scaled(number, parts["scale_end"], lang)
            if shared < top:
                amount = shared
            elif amount * _RANGE_SPAN < top:
                raise numbers.Invalid("a range's lower bound is neither of the top's scale nor near it")
        if top <= amount:
            raise numbers.Invalid("a range must run upwards")
    return {"amount": numbers.as_json(amount), "amount_max": None if top is None else numbers.as_json(top),
            "currency": currency, "approximate": bool(parts.get("approximate", False))}


def describe(attrs: Mapping[str, Any], people: Mapping[str, str] = {}) -> str:
    """``1,500,000,000 USD``, ``2,000,000,000-3,000,000,000 USD``; ``about`` when the text hedges it."""
    figure = f"{numbers.to_decimal(attrs['amount'], 'en'):,}"
    if attrs.get("amount_max") is not None:
        figure += f"-{numbers.to_decimal(attrs['amount_max'], 'en'):,}"
    return f"{'about ' if attrs.get('approximate') else ''}{figure} {attrs['currency']}"


def _gold_match(p: dict, g: dict) -> bool:
    return (overlap(p.get("text"), g["text"]) and same_amount(p.get("amount"), g["amount"])
            and str(p.get("currency", "")).upper() == g["currency"].upper())


def _attributes(p: dict, g: dict) -> list[tuple[str, bool]]:
    return [("approximate", bool(p.get("approximate")) == bool(g["approximate"]))] if "approximate" in g else []


FACT_TYPE = FactType(
    name=TYPE, stem=STEM, spec=SPEC, candidates=candidates,
    fields={"amount": "decimal", "amount_max": "decimal?", "currency": "text", "approximate": "bool"},
    main="amount",
    title="Money",
    describe=describe,
    scoring=Scoring("money", ("text", "amount", "currency"), _gold_match,
                    lambda p, g: overlap(p.get("text"), g["text"]), _attributes),
)
