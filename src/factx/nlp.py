"""Sentences from a blank spaCy pipeline: the only module that imports spaCy.

spaCy is imported on first use (it costs ~1 s), the pipeline is built once per
process, and ``xx`` is used for both languages: ``spacy.blank("vi")`` needs pyvi and
splits on whitespace only. Our own boundary component replaces the sentencizer,
which would split after "Mr." and "TP."; it also ends a sentence at a line break,
since headlines and captions carry no full stop.
"""

from __future__ import annotations

import tomllib
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .rulebook import builtin_dir

CHUNK_CHARS = 100_000          # text is fed to spaCy in chunks of whole lines
_TERMINALS = {".", "!", "?", "…", "...", "?!", "!?"}
_CLOSERS = {"”", "\"", "’", "'", ")", "»", "]"}


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    with open(builtin_dir() / "common" / "abbreviations.toml", "rb") as f:
        return frozenset(tomllib.load(f)["abbreviations"])


@lru_cache(maxsize=1)
def _pipeline():
    import spacy
    from spacy.language import Language

    if not Language.has_factory("factx_sentences"):
        Language.component("factx_sentences")(_mark_sentences)
    nlp = spacy.blank("xx")
    nlp.add_pipe("factx_sentences")
    nlp.max_length = 2 * CHUNK_CHARS
    return nlp


def _mark_sentences(doc):
    abbreviations = _abbreviations()
    for tok in doc:
        tok.is_sent_start = tok.i == 0
    start_next = False
    for i, tok in enumerate(doc):
        if start_next and not tok.is_space and tok.text not in _CLOSERS:
            tok.is_sent_start = True
            start_next = False
        if tok.is_space and "\n" in tok.text:
            start_next = True
        elif tok.text in _TERMINALS or (tok.text.endswith(".") and tok.text[:-1] in _TERMINALS):
            prev = doc[i - 1] if i else None
            glued_abbrev = (tok.text == "." and prev is not None and not prev.whitespace_
                            and (prev.text in abbreviations or (len(prev.text) == 1 and prev.text.isupper())))
            nxt = next((t for t in doc[i + 1:] if not t.is_space and t.text not in _CLOSERS), None)
            lowercase_next = nxt is not None and nxt.text[:1].islower()
            start_next = not glued_abbrev and not lowercase_next
    return doc


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


def sentences(text: str) -> Sentences:
    """Split ``text`` into sentences; offsets are into ``text``."""
    spans: list[tuple[int, int]] = []
    chunks = list(_chunks(text))
    for (offset, _), doc in zip(chunks, _pipeline().pipe(chunk for _, chunk in chunks)):
        for sent in doc.sents:
            s, e = sent.start_char, sent.end_char
            while s < e and text[offset + s].isspace():
                s += 1
            while e > s and text[offset + e - 1].isspace():
                e -= 1
            if e > s:
                spans.append((offset + s, offset + e))
    return Sentences(tuple(spans))


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
