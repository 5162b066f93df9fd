"""Written numbers -> exact decimal values, by the conventions of each language.

English writes ``1,250,000.5``; Vietnamese writes ``1.250.000,5`` (each language's
``language.toml`` says which): ``1,5`` is one and
a half, ``1.500`` fifteen hundred. The arithmetic is ``Decimal`` throughout, so
"610.9 million" is exactly 610900000 and never 610899999.99. Scale words
("million", "tỷ", "nghìn tỷ") and number words ("half a", "hai") are data: their
values come from the rule file's valued lists, and reach this module already looked up.
"""

from __future__ import annotations

from decimal import Context, Decimal
from typing import Mapping, Union

import regex

from ..language import get

Number = Union[int, float]

_DIGITS = regex.compile(r"\d+(?:\.\d+)*")          # separators read as "." first
MAX_DIGITS = 21          # no amount in the news is written with more (10^21 is a thousand billion billion)
EXACT = Context(prec=80)   # wide enough that no product or sum of such amounts is ever rounded


class Invalid(ValueError):
    """The pieces do not make a number (badly grouped digits, a range that runs backwards)."""


class Inexact(Invalid):
    """A real amount that JSON output cannot carry exactly: left out, but said, never rounded."""


def parse(text: str, lang: str) -> Decimal:
    """A written number as an exact Decimal, read by ``lang``'s conventions.

    A separator that occurs more than once, or before the other kind, groups thousands.
    A lone separator is read as the language writes it, except that a thousands
    separator not followed by exactly three digits can only be a decimal point
    (Vietnamese "1.5", English "1,5").
    """
    language = get(lang)
    thousands, decimal = language.thousands, language.decimal
    seps = [c for c in text if c in (thousands, decimal)]
    if not _DIGITS.fullmatch("".join("." if c in seps else c for c in text)):
        raise Invalid(f"not a written number: {text!r}")
    if sum(c.isdigit() for c in text) > MAX_DIGITS:
        raise Invalid(f"more than {MAX_DIGITS} digits: a code or a run of digits, not an amount")
    if len(set(seps)) == 2:
        decimal = seps[-1]
        thousands = language.thousands if decimal == language.decimal else language.decimal
        if seps.count(decimal) > 1:
            raise Invalid(f"two decimal separators in {text!r}")
    elif len(seps) > 1:
        thousands, decimal = seps[0], ""
    elif seps and seps[0] == thousands and len(text) - text.index(thousands) - 1 != 3:
        thousands, decimal = decimal, thousands
    whole, _, fraction = text.partition(decimal) if decimal else (text, "", "")
    if thousands in whole:
        groups = whole.split(thousands)
        if len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:]):
            raise Invalid(f"badly grouped digits in {text!r}")
        whole = "".join(groups)
    return Decimal(f"{whole}.{fraction}" if fraction else whole)


def to_decimal(piece: object, lang: str) -> Decimal:
    """A looked-up group value as a Decimal: an int or float from a list, or written digits."""
    if isinstance(piece, bool):
        raise Invalid(f"not a number: {piece!r}")
    if isinstance(piece, int):
        return Decimal(piece)
    if isinstance(piece, float):
        return Decimal(repr(piece))         # 0.5 from a list is exactly 0.5
    return parse(str(piece), lang)


def scaled(number: object, scale: object | None, lang: str) -> Decimal:
    """``number`` times its scale word's value ("610.9" and "million" -> 610900000)."""
    value = to_decimal(number, lang)
    return EXACT.multiply(value, to_decimal(scale, lang)) if scale is not None else value


def spelled(text: str, words: Mapping[str, object], multipliers: Mapping[str, object]) -> Decimal:
    """A number written in words ("twenty-five", "two hundred fifty", "ba mươi lăm").

    Each word adds its value, or multiplies the last one added ("hundred", "mươi"): "ba mươi
    lăm" is 3, then 30, then 35. A word may only be added below the place of the one before
    it (twenty five, never "five twenty", "năm ba"), so a run of two numbers is never summed.
    Words the lists do not hold ("and", "lẻ") only join.
    """
    total = last = None
    for word in regex.split(r"[\s-]+", text.casefold()):
        if word in multipliers and last is not None:
            factor = to_decimal(multipliers[word], "en")
            if last >= factor:
                raise Invalid(f"{word!r} cannot multiply {last} in {text!r}")
            total, last = total - last + last * factor, last * factor
        elif word in words:
            value = to_decimal(words[word], "en")
            if last is not None:
                place = Decimal(10) ** (len(str(int(last))) - 1)
                if last % place or value >= place:
                    raise Invalid(f"{text!r} is two numbers, not one")
            total, last = (total or 0) + value, value
        elif total is None or word in multipliers:
            raise Invalid(f"not a number word: {word!r} in {text!r}")
    if total is None:
        raise Invalid(f"no number in {text!r}")
    return total


def with_decimals(number: object, decimals: object, words: Mapping[str, object], lang: str) -> Decimal:
    """A whole number and the digits said after a spoken decimal comma: "3 phẩy 25" (digits),
    "ba phẩy hai lăm" (one word a digit, as Vietnamese reads them)."""
    text = str(decimals)
    if text.isdigit():
        digits = text
    else:
        said = [words.get(w) for w in text.casefold().split()]
        if not all(isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 9 for d in said):
            raise Invalid(f"not the decimals of a number: {decimals!r}")
        digits = "".join(map(str, said))
    whole = number if isinstance(number, Decimal) else to_decimal(number, lang)
    if whole != whole.to_integral_value() or len(digits) > 6:
        raise Invalid(f"{number!r} and {decimals!r} are not one decimal number")
    return Decimal(f"{int(whole)}.{digits}")


def as_json(value: Decimal) -> Number:
    """An int when whole, else the float that prints as the same decimal digits."""
    if value == value.to_integral_value():
        return int(value)
    out = float(value)
    if Decimal(repr(out)) != value:
        raise Inexact(f"{value.normalize():f} has more digits than a JSON number keeps exactly")
    return out
