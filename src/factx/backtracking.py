"""Patterns that can backtrack without end, found before they run on a real document.

A user's rule runs under the per-document time budget, so a catastrophic pattern costs one
document, not the run; ``rules check`` still warns about it so the author fixes the rule.

Backtracking explodes when a repeated group is ambiguous: the same text can be split into its
repetitions in more than one way, so a failing match tries them all. ``(?:a|a)+`` (two
branches take the same ``a``), ``(\\w+\\s?)+`` and ``(?:a|aa)+`` (one repetition or two take
the same ``aa``). This module asks the regex engine itself: for every group repeated without
bound, it tries the group on every short string over the characters the group names and
flags one that some string matches in two ways. ``(?:,\\d+)*`` is never ambiguous (each
repetition starts at a comma), and a possessive repeat (``++``) or an atomic group
(``(?>...)``) gives nothing back, so neither is flagged. It is a reading over short strings,
not a proof.
"""

from __future__ import annotations

from itertools import product

import regex

from .rulebook import _used, structure

_LONGEST = 4                                   # the longest probe string
_ALWAYS = "aA1 ,.-"                            # a letter each case, a digit, a space, punctuation
_LITERAL = regex.compile(r"(?<!\\)[\p{L}\p{N}.,;:'’&/-]")


def warnings(source: str, lists: dict | None = None) -> list[str]:
    """One line per ambiguous repeated group of ``source``, quoting the group."""
    found = []
    opens: list[int] = []
    for i, c, _ in structure(source):
        if c == "(":
            opens.append(i)
        elif c == ")" and opens:
            start = opens.pop()
            if not _repeats_unbounded(source, i + 1):
                continue
            inner = source[start + 1:i]
            if inner.startswith(("?>", "?=", "?!", "?<=", "?<!")):
                continue
            problem = _ambiguity(_body(inner), lists or {})
            if problem:
                group = source[start:i + 2]
                shown = group if len(group) <= 60 else group[:57] + "..."
                found.append(f"{shown}: {problem}; a failing match may backtrack without end "
                             "(make the branches exclusive, the inner repeat possessive, ++ or *+, "
                             "or the group atomic, (?>...))")
    return found


def _repeats_unbounded(source: str, at: int) -> bool:
    """Whether an unbounded quantifier that gives back (not possessive) follows ``at``."""
    if source.startswith(("*", "+"), at):
        end = at + 1
    elif source.startswith("{", at):
        close = source.find("}", at)
        if close < 0 or not source[at + 1:close].endswith(","):
            return False
        end = close + 1
    else:
        return False
    return not source.startswith("+", end)


def _body(inner: str) -> str:
    """A group's pattern without its opening: ``?:``, ``?P<name>``, ``?i:``."""
    if inner.startswith(("?P<", "?<")):
        return inner[inner.index(">") + 1:]
    if inner.startswith("?"):
        colon = inner.find(":")
        return inner[colon + 1:] if colon >= 0 else inner
    return inner


def _ambiguity(body: str, lists: dict) -> str | None:
    """How some short string matches ``body`` in two ways, or None (``lists`` as in a book)."""
    try:
        kwargs = {name: list(forms) for name, forms in _used(body, lists)}
    except KeyError:
        return None                            # a list the pattern names but no file defines
    cuts = [i for i, c, depth in structure(body) if c == "|" and depth == 0]
    branches = [body[a + 1:b] for a, b in zip([-1, *cuts], [*cuts, len(body)])]
    try:
        one = regex.compile(f"(?:{body})", **kwargs)
        more = regex.compile(f"(?:{body}){{2,}}", **kwargs)
        each = [regex.compile(f"(?:{b})", **kwargs) for b in branches] if cuts else []
    except (regex.error, TypeError, ValueError):
        return None                            # a back-reference or a fragment: not judged alone
    alphabet = sorted(set(_ALWAYS) | set(_LITERAL.findall(body)))[:10]
    for n in range(1, _LONGEST + 1):
        for chars in product(alphabet, repeat=n):
            s = "".join(chars)
            if not one.fullmatch(s):
                continue
            if sum(1 for b in each if b.fullmatch(s)) > 1:
                return f"two branches match {s!r}"
            if more.fullmatch(s):
                return f"{s!r} is one repetition and also several"
    return None
