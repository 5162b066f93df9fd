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
the place is case-insensitive (entries that differ only in case become one path). A pattern
with flags this module does not follow (a global ``(?i)``, ``(?-i:...)``, verbose mode...) keeps
its lists as they are.
"""

from __future__ import annotations

import copyreg
from functools import lru_cache
from typing import Iterator

import regex

_END = ""
_SCOPED_FLAGS = regex.compile(r"\(\?([ims]+):")     # (?i: (?m: (?s: ... : case only if it has i
_LOOK = regex.compile(r"\(\?(<=|<!|=|!)")
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
                end = source.index(">", i)
                name = source[i + 3:end]
                if name not in lists:
                    return None
                out.append(trie(lists[name], ci, rev))
                i = end + 1
                continue
            out.append(source[i:i + 2])
            i += 2
            continue
        if c == "[":
            j = _class_end(source, i)
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


def _class_end(source: str, i: int) -> int:
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
def trie(entries: tuple[str, ...], ignore_case: bool, leftwards: bool) -> str:
    """The entries as one regex: a trie of prefixes, or of suffixes when read leftwards."""
    root: dict = {}
    for entry in entries:
        node = root
        for ch in (reversed(entry) if leftwards else entry):
            node = node.setdefault(_key(ch) if ignore_case else ch, {})
        node[_END] = True
    body = _emit(root, leftwards)
    return f"(?:{body})"


def _key(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch


def _emit(node: dict, leftwards: bool) -> str:
    parts = [(_emit(child, True) + regex.escape(k)) if leftwards else (regex.escape(k) + _emit(child, False))
             for k, child in sorted(_children(node))]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if _END in node else body


def _children(node: dict) -> Iterator[tuple[str, dict]]:
    return ((k, v) for k, v in node.items() if k != _END)
