"""Finding the entries of a long word list in a text without compiling it into a regex.

A regex alternation of a thousand country forms takes 0.1 s to compile in every new process
(the ``regex`` module builds it node by node) and is matched about as fast as a dictionary
lookup per word. Here the entries are indexed by their first word: a text is read one word
beginning at a time, and only the entries that start with that word are compared. Matching is
what the alternation did: case-insensitive, leftmost, the longest entry that ends at a word
boundary, hits never overlapping.
"""

from __future__ import annotations

from typing import Iterable, Iterator

import regex

_WORD_START = regex.compile(r"(?<![\p{L}\p{M}])\p{L}[\p{L}\p{M}]*")
_LETTER = regex.compile(r"[\p{L}\p{M}]")


class Gazetteer:
    """Entries indexed by their first word (or, for one that does not start with a letter,
    "'s-Hertogenbosch", its first character). With ``ignore_case`` the entries must be
    casefolded, and a text matches them in any case."""

    def __init__(self, entries: Iterable[str], ignore_case: bool = True):
        self._fold = str.casefold if ignore_case else str
        index: dict[str, list[str]] = {}
        for entry in entries:
            first = _WORD_START.match(entry)
            if entry:
                index.setdefault(first.group() if first else entry[0], []).append(entry)
        self._index = {w: sorted(set(es), key=len, reverse=True) for w, es in index.items()}
        odd = sorted({w for w in self._index if not _LETTER.match(w)})
        self._starts = _WORD_START if not odd else regex.compile(
            rf"{_WORD_START.pattern}|(?<![\p{{L}}\p{{M}}])[{''.join(map(regex.escape, odd))}]")

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        """The (start, end) of each entry found, left to right."""
        done = 0
        for word in self._starts.finditer(text):
            start = word.start()
            if start < done:
                continue
            for entry in self._index.get(self._fold(word.group()), ()):
                end = start + len(entry)
                if self._fold(text[start:end]) == entry and not (end < len(text) and _LETTER.match(text, end)):
                    yield start, end
                    done = end
                    break


def word_spans(text: str, word: str) -> Iterator[tuple[int, int]]:
    """Where ``word`` (any literal) stands in ``text`` as a whole word, left to right, never
    overlapping: what a compiled ``(?<!letter)word(?!letter)`` finds, without compiling one
    pattern per name."""
    at = text.find(word)
    while at >= 0 and word:
        end = at + len(word)
        if (at == 0 or not _LETTER.match(text, at - 1)) and not (end < len(text) and _LETTER.match(text, end)):
            yield at, end
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)
