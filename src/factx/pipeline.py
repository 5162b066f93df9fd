"""The one top-to-bottom sequence from text to facts.

read -> NFC view -> language -> rules (each book once) -> sentences -> document date
-> extractors -> link.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Iterator

from . import docdate, language, link, matching, nlp, packs, records, rulebook, sources
from .errors import FactxError, SourceError
from .extractors import REGISTRY
from .facts import Document
from .facttype import Reading
from .records import Record
from .matching import Candidate, settle
from .text import TextView, make_view


TIMEOUT = 30.0       # seconds one document may take by default; None: no limit


def extract(text: str, *, lang: str | None = None, ref_date: date | str | None = None,
            types: Iterable[str] | None = None, source: str = "-",
            patterns: Iterable[str] = (), timeout: float | None = TIMEOUT, ref_origin: str = "option") -> Document:
    """Extract every fact from one text.

    text       the article, a ``str`` (decode bytes first); any size, any Unicode form.
    lang       ``"en"``, ``"vi"``, a language a ``patterns`` pack adds, or None/``"auto"``
               to detect it; text in no language with rules gives ``language == "und"``.
    ref_date   the document date relative dates ("yesterday", "năm nay") resolve against:
               a ``datetime.date`` or ``"YYYY-MM-DD"``; None reads it from a header line or
               infers it from the text (``document.document_date.origin`` says which).
    types      fact types to keep, e.g. ``["date", "money"]``; None for all
               (``factx.extractors.REGISTRY`` lists them).
    source     the name the document carries (a path); ``"-"`` by default.
    patterns   folders of your own rule files layered over the built-in ones.
    timeout    seconds the document may take; None for no limit.
    ref_origin what ``ref_date`` is, for ``document_date.origin``: ``option`` (given by the
               user) or ``field`` (a record's date field).

    Returns a ``Document``: ``.facts`` (each ``Fact`` has ``type``, ``text``, ``start``,
    ``end``, ``sentence``, ``rule``, ``attrs`` and ``.value``), ``.language``,
    ``.document_date``, ``.warnings``; ``.to_dict()`` is the JSON shape (``factx schema``).
    Raises ``FactxError`` for a bad option (unknown type or language, a bad date, a text that
    is not a str), ``PatternError`` for a broken rule file or pack, ``SourceError`` (kind
    ``timeout``) when the document runs past ``timeout``.
    """
    return trace(text, lang=lang, ref_date=ref_date, types=types, source=source, patterns=patterns,
                 timeout=timeout, ref_origin=ref_origin).document


@dataclass(frozen=True)
class Trace:
    """A Document and what was considered on the way to it, for ``factx explain``."""

    document: Document
    view: TextView
    matched: tuple[Candidate, ...]                   # every candidate, kept or not, vetoes included
    dropped: tuple[tuple[Candidate, str], ...]       # (candidate, why it is not a fact)


def trace(text: str, *, lang: str | None = None, ref_date: date | str | None = None,
          types: Iterable[str] | None = None, source: str = "-", patterns: Iterable[str] = (),
          timeout: float | None = TIMEOUT, ref_origin: str = "option") -> Trace:
    """Run the pipeline on one text, keeping every candidate and the reason each dropped one went."""
    if not isinstance(text, str):
        hint = " (decode it first: data.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""
        raise FactxError(f"text must be a str, not {type(text).__name__}{hint}")
    wanted = _types(types)
    ref = _ref_date(ref_date)
    extra = tuple(str(p) for p in patterns)

    for folder in extra:                # a mistyped pack is an error, not a run without the user's rules
        packs.check(folder)
    view = make_view(text)
    languages = language.available(extra)
    if lang in (None, "auto"):
        lang, confidence = language.detect(view.text, languages)
    elif lang in languages:
        confidence = 1.0
    else:
        raise FactxError(f"unsupported language {lang!r}; use auto or one with rules: {', '.join(languages)}")
    if lang == "und":
        said = " or ".join(languages[c].name for c in languages)
        warnings = () if not text.strip() else (f"{source}: language is not {said}; no facts extracted",)
        return Trace(Document(source, "und", confidence, None, (), text, warnings), view, (), ())

    # Commitments are linked to dates and officials, so those run too when only commitments are wanted.
    needed = {n for t in wanted for n in (*REGISTRY[t].needs, t)}
    run = tuple(t for t in REGISTRY if t in needed)          # registry order: a type after its needs
    books = {t: rulebook.load(lang, REGISTRY[t].stem, REGISTRY[t].spec, extra) for t in run}
    if "date" not in books and ref is None:     # the document date is read from the date rules' matches
        books["date"] = rulebook.load(lang, REGISTRY["date"].stem, REGISTRY["date"].spec, extra)
    index = matching.WordIndex(view.text)
    budget = matching.Budget(timeout)
    try:
        matches = {t: list(matching.run(book, view.text, index, budget)) for t, book in books.items()}
    except TimeoutError:
        raise SourceError(source, f"extraction stopped after {timeout:g} s (--timeout-per-doc)",
                          kind="timeout") from None
    sentences = nlp.sentences(view.text, languages[lang].cased)
    document_date = docdate.determine(view, ref, matches.get("date"), sentences, ref_origin)
    ref_day = docdate.anchor(document_date)

    reading = Reading(view.text, ref_day, sentences)
    matched: list[Candidate] = []
    dropped = reading.rejected
    candidates = []
    for t in run:
        found = REGISTRY[t].candidates(books[t], matches[t], reading)
        kept, lost = settle(found)
        matched.extend(found)
        dropped.extend(lost)
        candidates.extend(kept)
    lost = [f"a {c.type} fact left out ({c.rule_id}, characters %d-%d): {why}" % view.to_original(c.start, c.end)
            for c, why in dropped if c.loud and why == c.void]
    facts = [f for f in link.to_facts([REGISTRY[t] for t in run], candidates, view, sentences,
                                      docdate.first_day(ref_day), lost)
             if f.type in wanted]
    document = Document(source, lang, confidence, document_date, tuple(facts), text,
                        tuple(f"{source}: {w}" for w in lost))
    return Trace(document, view, tuple(matched), tuple(dropped))


def extract_file(path: str | os.PathLike, **options) -> Document:
    """Extract from one file (``-`` for stdin): UTF-8, a BOM removed. ``max_bytes`` (default
    20 MB) bounds the size; the other options are ``extract``'s. Raises ``SourceError`` naming
    the file and the problem (binary, not UTF-8 with an iconv hint, too large, unreadable;
    ``.kind`` is ``missing`` for a path that does not exist) if it cannot be read."""
    max_bytes = options.pop("max_bytes", sources.MAX_BYTES)
    path = os.fspath(path)
    return extract(sources.read(path, max_bytes), source=path, **options)


def extract_record(record: Record, **options) -> Document:
    """Extract from one record: its own date (origin ``field``) and language, where it has
    them, go before the options' ``ref_date`` and ``lang``. A record's language without rules
    is data, not a mistaken option: that document is ``und``, with a warning, and the run goes on."""
    if record.date is not None:
        options = {**options, "ref_date": record.date, "ref_origin": "field"}
    if record.lang is not None:
        if record.lang not in language.available(tuple(str(p) for p in options.get("patterns", ()))):
            return Document(record.source, "und", 1.0, None, (), record.text,
                            (f"{record.source}: language {record.lang!r} (language field) has no rules; "
                             "no facts extracted",))
        options = {**options, "lang": record.lang}
    return extract(record.text, source=record.source, **options)


def extract_paths(paths: Iterable[str | os.PathLike] | str | os.PathLike, *, glob: str = "*.txt",
                  max_bytes: int = sources.MAX_BYTES, input: records.Input | None = None, jobs: int = 1,
                  **options) -> Iterator[Document | SourceError]:
    """Stream one Document (or one SourceError) per input document, in order.

    ``paths``: files, folders (walked recursively, sorted, reading files matching ``glob``)
    or ``"-"`` for stdin; one path or a list. A text file is one document; a record file
    (``.jsonl``, ``.ndjson``, ``.csv``, ``.tsv``, ``.parquet``, maybe ``.gz``/``.bz2``/``.xz``/
    ``.zst``) one per record, read as a stream. ``input``, a ``factx.Input``, says how: the
    format for every input and the text, id, date and language fields (``help(factx.Input)``).
    A record that cannot be an article is a SourceError of kind ``record`` naming ``FILE:LINE``.
    ``max_bytes`` bounds a text file's size and each record's; ``jobs`` worker processes
    extract (``0``: one per core; the same documents in the same order as ``1``, streamed,
    with a bounded number in flight); the other options are ``extract``'s (a record's own
    date and language go before ``ref_date`` and ``lang``).

    A document that fails in an unexpected way is that document's failure alone: it comes out
    as a SourceError of kind ``internal`` and the run goes on (a 200,000-article job must not
    die at its first odd article). Errors in the options or the rule files still stop the run.
    """
    if isinstance(paths, (str, os.PathLike)):       # one path, not the characters of one
        paths = [paths]
    items = records.read([os.fspath(p) for p in paths], glob, max_bytes, input)
    if jobs != 1:
        from . import parallel

        yield from parallel.extract(items, jobs, **options)
        return
    for item in items:
        yield extract_item(item, **options)


def extract_item(item: Record | SourceError, **options) -> Document | SourceError:
    """One item of a record stream, extracted; a failure on it is returned, not raised, so
    every engine (serial, ``--jobs``, Dask) reports the same documents the same way."""
    if isinstance(item, SourceError):
        return item
    try:
        return extract_record(item, **options)
    except SourceError as e:
        return e
    except FactxError:
        raise
    except Exception as e:          # a bug of ours, on this document only
        return SourceError(item.source, f"internal error: {type(e).__name__}: {e} (please report it, with the file)",
                           kind="internal")


def _types(types: Iterable[str] | None) -> tuple[str, ...]:
    if types is None:
        return tuple(REGISTRY)
    wanted = tuple(dict.fromkeys(types))
    for t in wanted:
        if t not in REGISTRY:
            raise FactxError(f"fact type {t!r} is not available (available: {', '.join(REGISTRY)})")
    return wanted


def _ref_date(ref_date: date | str | None) -> date | None:
    if ref_date is None or isinstance(ref_date, date):
        return ref_date
    if not isinstance(ref_date, str):
        raise FactxError(f"reference date must be a datetime.date or 'YYYY-MM-DD', not {type(ref_date).__name__}")
    try:
        return date.fromisoformat(ref_date)
    except ValueError:
        raise FactxError(f"reference date {ref_date!r} is not YYYY-MM-DD") from None
