"""Word lists written into a pattern as tries, so a list costs one character test per letter.

The ``regex`` module compiles ``\\L<place>`` into a flat alternation of every entry and tries
them one after another: 3-4 µs at each position for a list of 300 countries, at every word a
name or title grammar reads. The same list as a trie (``P(?:a(?:kistan|nama)|eru)``...) fails
or succeeds in well under a microsecond.

The trie matches exactly what the list did, in the same order: at a given place the entries that
match form a chain (each a prefix of the next, or a suffix when the pattern reads leftwards) and
both try them longest first, so backtracking sees the same alternatives in the same order.
Two things decide how a trie is written: the direction the engine reads at that point (a
look-behind and a ``(?r)`` pattern read leftwards, so their trie is one of suffixes), and whether
the place is case-insensitive (letters ``regex`` matches alike share a path). A pattern with
flags or constructs this module does not follow (a global ``(?i)``, ``(?-i:...)``, verbose mode,
fuzzy matching...), or a case-insensitive list whose letters overlap without being alike
("I" and "i": each matches a letter the other does not), keeps its lists as they are.
"""

from __future__ import annotations

import copyreg
from functools import lru_cache
from typing import Any, Iterator

import regex

_END = ""
_SCOPED_FLAGS = regex.compile(r"\(\?([ims]+):")     # (?i: (?m: (?s: ... : case only if it has i
_LOOK = regex.compile(r"\(\?(<=|<!|=|!)")
_BRACED = set("pPNxu")                               # escapes that may take {...}
_FUZZY = regex.compile(r"\{[^}]*[eisd][^}]*\}")        # {e<=1}, {i}, {1<=s<=2}: fuzzy matching
_PLAIN_OPEN = regex.compile(r"\((?:\?(?::|>|\||P<\w+>|<\w+>|P=\w+|(?=\()))?")   # "(?(" is "(?" then a group


def with_tries(source: str, lists: dict[str, tuple[str, ...]]) -> str | None:
    """``source`` with every ``\\L<name>`` written as a trie of ``lists[name]``; None if the
    pattern uses a flag or construct this does not follow (it is then compiled as it is)."""
    reverse = source.startswith("(?r)")
    out: list[str] = []
    stack: list[tuple[bool, bool]] = []          # (case-insensitive, reads leftwards) per open group
    ci, rev = False, reverse
    i, n = (4 if reverse else 0), len(source)
    out.append(source[:i])
    while i < n:
        c = source[i]
        if c == "\\":
            if source.startswith("\\L<", i):
                end = source.find(">", i)
                name = source[i + 3:end]
                if end < 0 or name not in lists:
                    return None
                written = trie(lists[name], ci, rev)
                if written is None:
                    return None
                out.append(written)
                i = end + 1
                continue
            j = i + 2
            if source[i + 1:i + 2] in _BRACED and source.startswith("{", j):     # \p{Latin}, \N{...}
                j = source.find("}", j) + 1 or n
            out.append(source[i:j])
            i = j
            continue
        if c == "{" and _FUZZY.match(source, i):
            return None                          # a fuzzy constraint: errors inside a list are its own
        if c == "[":
            j = class_end(source, i)
            out.append(source[i:j])
            i = j
            continue
        if c == "(":
            flags, look = _SCOPED_FLAGS.match(source, i), _LOOK.match(source, i)
            if flags:
                stack.append((ci, rev))
                ci = ci or "i" in flags.group(1)
                token = flags.group()
            elif look:
                stack.append((ci, rev))
                rev = look.group(1).startswith("<")
                token = look.group()
            else:
                plain = _PLAIN_OPEN.match(source, i)
                if source.startswith("(?", i) and plain.end() == i + 1:
                    return None                  # a flag or group kind not followed here
                stack.append((ci, rev))
                token = plain.group()
            out.append(token)
            i += len(token)
            continue
        if c == ")":
            if not stack:
                return None
            ci, rev = stack.pop()
        out.append(c)
        i += 1
    return "".join(out)


def class_end(source: str, i: int) -> int:
    """The index after the character class opening at ``i``: as ``regex`` reads its default
    version, where a ``[`` inside a class is a character and a ``]`` right after ``[`` or ``[^``
    is one too."""
    j, n = i + 1, len(source)
    j += source.startswith("^", j)
    j += source.startswith("]", j)
    while j < n and source[j] != "]":
        j += 2 if source[j] == "\\" else 1
    return j + 1


def labelled(pattern: regex.Pattern, source: str) -> regex.Pattern:
    """``pattern`` with ``source`` (the lists by name) as its text: what it shows and what is
    pickled with its code, instead of the tries written out, which would make a cached book
    half as large again and as slow to load. If ``regex`` ever pickles patterns otherwise, the
    pattern stays as it is."""
    try:
        rebuild, data = copyreg.dispatch_table[type(pattern)](pattern)
        return rebuild(source, *data[1:])
    except (KeyError, TypeError, ValueError):
        return pattern


@lru_cache(maxsize=1024)
def trie(entries: tuple[str, ...], ignore_case: bool, leftwards: bool) -> str | None:
    """The entries as one regex: a trie of prefixes, or of suffixes when read leftwards. Under
    case-insensitivity, letters share a branch when ``regex`` matches the same letters for
    them ("P" and "p"); None when two branches would match one letter without being the same
    ("I" matches "ı", "i" matches "İ"), as the list's order could then differ."""
    root: dict = {}
    for entry in entries:
        node = root
        for ch in (reversed(entry) if leftwards else entry):
            key = _case_set(ch) if ignore_case else ch
            child = node.get(key)
            if child is None:
                child = node[key] = {_CHAR: ch}
            node = child
        node[_END] = True
    if ignore_case and _overlapping(root):
        return None
    return f"(?:{_emit(root, leftwards)})"


_CHAR = 0           # a node's letter as written (its key may be the letter's case set)


@lru_cache(maxsize=None)
def _case_set(ch: str) -> frozenset[str]:
    """The letters ``(?i)ch`` matches, as ``regex`` decides (simple case folding, with its own
    dotted and dotless i), found among the letters case mappings connect to ``ch``."""
    matcher = regex.compile("(?i)" + regex.escape(ch))
    found, todo = set(), [ch]
    while todo:
        x = todo.pop()
        if x in found:
            continue
        found.add(x)
        for y in (x.lower(), x.upper(), x.casefold(), *_related().get(x, ())):
            if len(y) == 1 and y not in found:
                todo.append(y)
    return frozenset(x for x in found if matcher.fullmatch(x))


@lru_cache(maxsize=1)
def _related() -> dict[str, tuple[str, ...]]:
    """Letter -> the letters whose lower, upper or casefolded form it is (the way back from
    "s" to "ſ", from "k" to the Kelvin sign), over the planes where scripts have case."""
    back: dict[str, list[str]] = {}
    for code in range(0x20000):
        x = chr(code)
        for y in {x.lower(), x.upper(), x.casefold()} - {x}:
            if len(y) == 1:
                back.setdefault(y, []).append(x)
    return {k: tuple(v) for k, v in back.items()}


def _overlapping(node: dict) -> bool:
    keys = [k for k in node if isinstance(k, frozenset)]
    if any(a & b for n, a in enumerate(keys) for b in keys[n + 1:]):
        return True
    return any(_overlapping(node[k]) for k in keys)


def _emit(node: dict, leftwards: bool) -> str:
    parts = [(_emit(child, True) + regex.escape(child[_CHAR])) if leftwards
             else (regex.escape(child[_CHAR]) + _emit(child, False))
             for _, child in sorted(_children(node), key=lambda kv: kv[1][_CHAR])]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if _END in node else body


def _children(node: dict) -> Iterator[tuple[Any, dict]]:
    return ((k, v) for k, v in node.items() if k != _END and k != _CHAR)
