"""One test per example and counter-example in every rule file (patterns/<lang>/<type>.toml)."""

import pytest

from factx import rulecheck

CASES = [
    pytest.param(type_, book, rule, case,
                 id=f"{rule.id}:{'ex' if hasattr(case, 'match') else 'counter'}:{case.text[:40]}",
                 marks=[pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else [])
    for type_, book in rulecheck.books()
    for rule, case in rulecheck.cases(book)
]


@pytest.mark.parametrize("type_, book, rule, case", CASES)
def test_rule_example(type_, book, rule, case):
    outcome = rulecheck.check(type_, book, rule, case)
    passed = outcome.status in ("pass", "xpass")
    assert passed, f"{outcome.file}:{outcome.line} {rule.id}\n  text: {case.text!r}\n  expected: {outcome.expected}\n  got: {outcome.got}"


def test_every_rule_has_examples():
    for _, book in rulecheck.books():
        for rule in book.rules:
            if rule.veto:
                assert rule.counter_examples, f"veto rule {rule.id} has no counter-examples"
            else:
                assert rule.examples, f"{rule.id} has no examples"


