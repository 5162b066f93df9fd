"""What factx returns: Documents holding Facts, serialised in exactly the SPEC's shape."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Fact:
    """One fact: ``text == document.text[start:end]``, its ``sentence``, the ``rule`` that found
    it, and its type's fields in ``attrs`` (``factx schema`` lists them per type)."""

    type: str                   # date | money | official | commitment (or a registered type)
    text: str
    start: int                  # Python str offsets into the document's text, half-open
    end: int
    sentence: str
    rule: str                   # the rule id, e.g. en.dates.day_month_year
    attrs: dict[str, Any] = field(default_factory=dict)   # value, amount, key, modality, ...

    @property
    def value(self) -> Any:
        """The fact's main value: a date's TIMEX ``value`` ("2026-H2"), a money fact's
        ``amount`` (an int or float, exact), an official's ``key``, a commitment's ``action``."""
        from .extractors import REGISTRY

        return self.attrs.get(REGISTRY[self.type].main)

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "text": self.text, "start": self.start, "end": self.end,
                "sentence": self.sentence, "rule": self.rule, **self.attrs}


@dataclass(frozen=True)
class DocumentDate:
    value: str
    origin: str           # option | header | inferred

    def to_dict(self) -> dict[str, str]:
        return {"value": self.value, "origin": self.origin}


@dataclass(frozen=True)
class Document:
    source: str
    language: str
    language_confidence: float
    document_date: DocumentDate | None
    facts: tuple[Fact, ...]
    text: str = field(repr=False, default="")                    # the decoded input; not serialised
    warnings: tuple[str, ...] = ()                               # for the CLI to show on stderr

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "language": self.language,
            "language_confidence": self.language_confidence,
            "document_date": self.document_date.to_dict() if self.document_date else None,
            "facts": [f.to_dict() for f in self.facts],
        }
