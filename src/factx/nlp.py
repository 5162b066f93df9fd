"""Sentences from a blank spaCy pipeline: the only module that imports spaCy.

spaCy is imported on first use (it costs ~1 s), its tokenizer is built once per
process, and ``xx`` is used for both languages: ``spacy.blank("vi")`` needs pyvi and
splits on whitespace only. Our own boundary rule over spaCy's tokens replaces the
sentencizer, which would split after "Mr." and "TP."; it also ends a sentence at a
line break, since headlines and captions carry no full stop.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .rulebook import builtin_dir

CHUNK_CHARS = 100_000          # text is fed to spaCy in chunks of whole lines
LONGEST_WORD = 200             # a run without spaces is cut for the tokenizer every this many characters
# spaCy keeps every new word in its vocabulary for the life of the pipeline, half a kilobyte
# each: gigabytes over a year of news. Past this many, the next text gets a new pipeline (a
# memory zone per text would free them too, but costs a third of all throughput).
MAX_WORDS_KNOWN = 200_000
_LONG_RUN = re.compile(r"\S{%d,}" % (LONGEST_WORD + 1))
# Full stops of scripts that put spaces between words: Latin, Cyrillic, Devanagari (danda), Arabic,
# Urdu. Chinese, Japanese and Thai do not, and would need a splitter of their own.
_TERMINALS = {".", "!", "?", "…", "...", "?!", "!?", "।", "॥", "؟", "۔"}
_CLOSERS = {"”", "\"", "’", "'", ")", "»", "]"}


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    with open(builtin_dir() / "common" / "abbreviations.toml", "rb") as f:
        return frozenset(tomllib.load(f)["abbreviations"])


@lru_cache(maxsize=1)
def _tokenizer():
    """A blank spaCy pipeline (for its tokenizer), and the token attributes ``_starts`` reads:
    start, length, space after?, is space?"""
    import spacy
    from spacy.attrs import IDX, IS_SPACE, LENGTH, SPACY

    nlp = spacy.blank("xx")
    nlp.max_length = 2 * CHUNK_CHARS
    # A new word's lexeme is given every attribute spaCy knows (shape, norm, like_num...) the
    # first time it is seen: a third of tokenizing time, and ``is_space`` is all we read.
    nlp.vocab.lex_attr_getters = {IS_SPACE: nlp.vocab.lex_attr_getters[IS_SPACE]}
    return nlp, [IDX, LENGTH, SPACY, IS_SPACE]


def _starts(chunk: str, tokens: list[list[int]], cased: bool) -> list[int]:
    """Indices of the tokens that open a sentence, in one linear pass. In a script with case, a
    lowercase word after a stop goes on the sentence; without case, a stop always ends it.

    ``tokens`` are spaCy's as rows of (start, length, space after?, is space?): reading them
    from an array costs a tenth of making a ``Token`` object for each. Computed here rather
    than by setting ``Token.is_sent_start``, which re-checks the whole doc on each assignment
    and made long articles quadratic.
    """
    abbreviations = _abbreviations()
    starts: list[int] = [0]
    pending = ""                 # "stop" after . ! ?, "line" after a line break
    for i, (at, length, _, space) in enumerate(tokens):
        text = chunk[at:at + length]
        if pending and not space and text not in _CLOSERS:
            # After a stop, a lowercase word goes on the sentence ("said Y. Tukumov. he" is rare,
            # "U.S. officials" and "e.g. the" are not); a line break always ends it.
            if pending == "line" or not (cased and text[:1].islower()):
                starts.append(i)
            pending = ""
        if space and "\n" in text:
            pending = "line"
        elif text in _TERMINALS or (text.endswith(".") and text[:-1] in _TERMINALS):
            glued_abbrev = False
            if text == "." and i:
                p_at, p_len, p_spaced, _ = tokens[i - 1]
                prev = chunk[p_at:p_at + p_len]
                glued_abbrev = not p_spaced and (prev in abbreviations or (len(prev) == 1 and prev.isupper()))
            if not glued_abbrev:
                pending = pending or "stop"
    return starts


@dataclass(frozen=True)
class Sentences:
    """Sentence spans over a text (whitespace-trimmed), looked up by offset."""

    spans: tuple[tuple[int, int], ...]

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The span of the sentence that holds ``start`` (extended if the fact crosses it)."""
        i = max(bisect_right(self.spans, (start, float("inf"))) - 1, 0)
        s, e = self.spans[i] if self.spans else (start, end)
        while e < end and i + 1 < len(self.spans):
            i += 1
            e = self.spans[i][1]
        return min(s, start), max(e, end)


def sentences(text: str, cased: bool = True) -> Sentences:
    """Split ``text`` into sentences; offsets are into ``text``. The one definition of a sentence
    in factx: the document date, "the same period" and every fact's sentence use it."""
    spans: list[tuple[int, int]] = []
    nlp, columns = _tokenizer()
    for offset, chunk in _chunks(text):
        tokenized = _cut_long_runs(chunk)
        tokens = nlp.tokenizer(tokenized).to_array(columns).tolist()
        bounds = [tokens[i][0] for i in _starts(tokenized, tokens, cased)] + [len(chunk)] if tokens else [0, len(chunk)]
        for s, e in zip(bounds, bounds[1:]):
            while s < e and chunk[s].isspace():
                s += 1
            while e > s and chunk[e - 1].isspace():
                e -= 1
            if e > s:
                spans.append((offset + s, offset + e))
    if len(nlp.vocab.strings) > MAX_WORDS_KNOWN:
        _tokenizer.cache_clear()
    return Sentences(tuple(spans))


def _cut_long_runs(chunk: str) -> str:
    """The chunk with a space every LONGEST_WORD characters of a run that has none.

    spaCy's tokenizer peels prefixes and suffixes off a run one at a time, which is
    quadratic in the run's length: 16 KB of "$" took a minute. No word is that long; a
    space in place of one character keeps every offset where it was.
    """
    if not _LONG_RUN.search(chunk):
        return chunk
    chars = list(chunk)
    for m in _LONG_RUN.finditer(chunk):
        for i in range(m.start() + LONGEST_WORD, m.end(), LONGEST_WORD):
            chars[i] = " "
    return "".join(chars)


def _chunks(text: str):
    """Whole lines up to CHUNK_CHARS at a time; an overlong line is cut at a space."""
    start, n = 0, len(text)
    while start < n:
        end = min(start + CHUNK_CHARS, n)
        if end < n:
            cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        yield start, text[start:end]
        start = end
