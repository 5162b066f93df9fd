"""Running the examples and counter-examples kept beside each rule.

As in Duckling's corpus tests, "something fired" is never enough: an example passes
only when the whole extractor, run on the example's text against the file's
``ref_date``, yields exactly one fact of its type, with the expected text, from this
rule, with every stated attribute equal. A counter-example passes when the extractor
yields nothing of that type. ``xfail`` marks a known gap: it is reported, and turns
into a failure (``xpass``) once it starts passing. The test suite and
``factx rules check`` both use this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from . import pipeline, rulebook
from .extract import REGISTRY
from .rulebook import CounterExample, Example, Rule, Rulebook


@dataclass(frozen=True)
class Outcome:
    rule_id: str
    file: str
    line: int | None
    kind: str            # example | counter_example
    text: str
    expected: str
    got: str
    status: str          # pass | fail | xfail | xpass

    @property
    def ok(self) -> bool:
        return self.status in ("pass", "xfail")


def books(extra_dirs: tuple[str, ...] = ()) -> Iterator[tuple[str, Rulebook]]:
    """Every rulebook that exists, per registered fact type and language, as (type, book)."""
    roots = [rulebook.builtin_dir(), *extra_dirs]
    for type_, module in REGISTRY.items():
        langs = sorted({p.parent.name for root in roots for p in Path(root).glob(f"*/{module.STEM}.toml")})
        for lang in langs:
            yield type_, rulebook.load(lang, module.STEM, module.SPEC, tuple(extra_dirs))


def cases(book: Rulebook) -> Iterator[tuple[Rule, Example | CounterExample]]:
    for rule in book.rules:
        for e in (*rule.examples, *rule.counter_examples):
            yield rule, e


def check(type_: str, book: Rulebook, rule: Rule, case: Example | CounterExample,
          extra_dirs: tuple[str, ...] = ()) -> Outcome:
    doc = pipeline.extract(case.text, lang=book.lang, ref_date=book.ref_date, types=[type_],
                           patterns=extra_dirs)
    facts = [f for f in doc.facts if f.type == type_]
    got = "; ".join(f"{f.text!r} {_shown(f.attrs)} [{f.rule}]" for f in facts) or "nothing"
    if isinstance(case, Example):
        expected = f"{case.match!r} {_shown(case.expect)} [{rule.id}]"
        passed = (len(facts) == 1 and facts[0].text == case.match and facts[0].rule == rule.id
                  and all(facts[0].attrs.get(k) == v for k, v in case.expect.items()))
        kind = "example"
    else:
        expected, passed, kind = "nothing", not facts, "counter_example"
    if case.xfail:
        status = "xpass" if passed else "xfail"
    else:
        status = "pass" if passed else "fail"
    return Outcome(rule.id, rule.file, case.line or rule.line, kind, case.text, expected, got, status)


def _shown(attrs: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v!r}" for k, v in attrs.items())
