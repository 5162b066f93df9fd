"""factx facts as spaCy spans, for people who already work with spaCy Docs.

Two ways in: ``to_spacy(document)`` for a Document factx has made, and the ``"factx"``
pipeline component (``nlp.add_pipe("factx")``) for a spaCy pipeline of one's own; both fill a
Doc through ``annotate``, so their spans are the same.

What a Doc carries:

- ``doc.spans["factx"]``: one span per fact, in the Document's order, labelled with the fact type;
- ``span._.factx``: that span's Fact (None on any other span);
- ``doc._.factx_document``: the Document (language, document date, facts; None before factx ran);
- ``doc._.factx_data``: the storage behind the two getters.

The storage is the Document's JSON-ready dict rather than the objects, so ``Doc.to_bytes``,
pickling and ``DocBin(store_user_data=True)`` keep the facts; and it sits on the Doc, not the
Span, because a Span extension's default is one value shared by every span. Each span finds
its fact by its ``id_`` (``factx:<index>``), not by its offsets: two facts of one type inside
one token expand to the same offsets, and would otherwise share a fact.
"""

from functools import lru_cache
from typing import List, Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .errors import FactxError
from .facts import Document, DocumentDate, Fact

SPANS_KEY = "factx"
_ID = "factx:"
_FACT_FIELDS = ("type", "text", "start", "end", "sentence", "rule")


def to_spacy(document: Document, nlp: Optional[Language] = None) -> Doc:
    """``document.text`` as a spaCy Doc holding the document's facts.

    ``nlp`` runs on the text first, so a trained pipeline's tags and entities sit beside the
    facts; without one, a blank ``xx`` pipeline tokenises, as factx itself does.
    """
    return annotate((nlp or _blank())(document.text), document)


def annotate(doc: Doc, document: Document) -> Doc:
    """Put the facts of ``document``, made from ``doc.text``, on ``doc``.

    A span is expanded to whole tokens: a fact may start or end inside a token ("May 2026"
    in "May 2026-style"), and strict alignment would drop it.
    """
    spans = []
    for i, fact in enumerate(document.facts):
        span = doc.char_span(fact.start, fact.end, label=fact.type, alignment_mode="expand",
                             span_id=f"{_ID}{i}")
        if span is None:
            raise FactxError(f"the {fact.type} fact {fact.text!r} at {fact.start}-{fact.end} "
                             "covers no token; was the Doc made from the Document's text?")
        spans.append(span)
    doc.spans[SPANS_KEY] = spans
    doc._.factx_data = {"document": document.to_dict(), "warnings": list(document.warnings)}
    return doc


class FactxComponent:
    """Runs ``factx.extract`` on ``doc.text`` and annotates the Doc.

    The engine is imported here, not at the top: spaCy imports every ``spacy_factories``
    entry point each time it builds a pipeline, so this module stays light for spaCy users who
    never add factx.
    """

    def __init__(self, ref_date: Optional[str], lang: Optional[str], types: Optional[List[str]],
                 patterns: List[str]):
        from .pipeline import extract

        self.extract = extract
        self.options = {"ref_date": ref_date, "lang": lang, "types": types, "patterns": patterns}
        extract("", **self.options)     # a bad option fails when the pipeline is built, not on its first text

    def __call__(self, doc: Doc) -> Doc:
        return annotate(doc, self.extract(doc.text, **self.options))


@Language.factory("factx", default_config={"ref_date": None, "lang": None, "types": None, "patterns": []})
def make_component(nlp: Language, name: str, ref_date: Optional[str], lang: Optional[str],
                   types: Optional[List[str]], patterns: List[str]) -> FactxComponent:
    """The ``"factx"`` factory; the ``spacy_factories`` entry point names it, so
    ``nlp.add_pipe("factx")`` works without importing factx first."""
    return FactxComponent(ref_date, lang, types, patterns)


@lru_cache(maxsize=1)
def _blank() -> Language:
    nlp = spacy.blank("xx")
    nlp.max_length = 10 ** 8      # only a tokenizer: the 1,000,000-character guard is for parsers' memory
    return nlp


def _document(doc: Doc) -> Optional[Document]:
    data = doc._.factx_data
    if data is None:
        return None
    d = data["document"]
    date = d["document_date"]
    return Document(d["source"], d["language"], d["language_confidence"],
                    DocumentDate(**date) if date else None, tuple(map(_fact, d["facts"])),
                    doc.text, tuple(data["warnings"]))


def _span_fact(span: Span) -> Optional[Fact]:
    data = span.doc._.factx_data
    key = span.id_ if span.id in span.doc.vocab.strings else ""     # another tool's id may be a bare hash
    if data is None or not key.startswith(_ID):
        return None
    return _fact(data["document"]["facts"][int(key[len(_ID):])])


def _fact(d: dict) -> Fact:
    return Fact(*(d[k] for k in _FACT_FIELDS), attrs={k: _lists(v) for k, v in d.items() if k not in _FACT_FIELDS})


def _lists(value):
    """``value`` with fresh lists: a loaded Doc's user data has its arrays as tuples (spaCy reads
    msgpack so), while a fact holds lists, as its JSON does; fresh ones also keep a caller's
    edits out of the stored facts."""
    if isinstance(value, (list, tuple)):
        return [_lists(v) for v in value]
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    return value


Doc.set_extension("factx_data", default=None, force=True)
Doc.set_extension("factx_document", getter=_document, force=True)
Span.set_extension("factx", getter=_span_fact, force=True)
