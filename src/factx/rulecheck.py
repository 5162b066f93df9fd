"""Running the examples and counter-examples kept beside each rule.

As in Duckling's corpus tests, "something fired" is never enough: an example passes
only when the whole extractor, run on the example's text against the file's
``ref_date``, yields exactly one fact of its type, with the expected text, from this
rule, with every stated attribute equal. An example's ``context`` is read before its text
(a date that "the following year" counts from); facts inside the context are not checked.
A counter-example passes when the extractor yields nothing of that type. ``xfail`` marks a known gap: it is reported, and turns
into a failure (``xpass``) once it starts passing. The test suite and
``factx rules check`` both use this module.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from . import cache, parallel, pipeline, rulebook
from .errors import FactxError, PatternError
from .extractors import REGISTRY
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
    for type_, module, lang in _rule_files(extra_dirs):
        yield type_, rulebook.load(lang, module.stem, module.spec, tuple(extra_dirs))


def _rule_files(extra_dirs: tuple[str, ...]):
    """(type, FactType, language) for every rule file, built-in or the user's."""
    roots = [rulebook.builtin_dir(), *map(Path, extra_dirs)]
    for type_, module in REGISTRY.items():
        for lang in sorted({p.parent.name for root in roots for p in root.glob(f"*/{module.stem}.toml")}):
            yield type_, module, lang


def cases(book: Rulebook) -> Iterator[tuple[Rule, Example | CounterExample]]:
    for rule in book.rules:
        for e in (*rule.examples, *rule.counter_examples):
            yield rule, e


def check(type_: str, book: Rulebook, rule: Rule, case: Example | CounterExample,
          extra_dirs: tuple[str, ...] = ()) -> Outcome:
    context = getattr(case, "context", "")
    lead = f"{context} " if context else ""
    doc = pipeline.extract(lead + case.text, lang=book.lang, ref_date=book.ref_date, types=[type_],
                           patterns=extra_dirs)
    facts = [f for f in doc.facts if f.type == type_ and f.start >= len(lead)]
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


@dataclass(frozen=True)
class CheckRun:
    outcomes: tuple[Outcome, ...]
    errors: tuple[PatternError, ...]        # rule files that could not be loaded, then triggers that miss
    warnings: tuple[PatternError, ...] = ()  # user patterns that may backtrack without end
    broken: tuple[PatternError, ...] = ()    # the errors of files that could not be loaded: no command runs on them

    @property
    def ok(self) -> bool:
        return not self.errors and all(o.ok for o in self.outcomes)


def check_all(extra_dirs: tuple[str, ...] = (), lang: str | None = None, type_: str | None = None,
              jobs: int = 1) -> CheckRun:
    """Validate every rule file and run every example; a broken file never hides the others.

    Every book is loaded first: examples of a language whose rule files are broken are not
    run (extraction in that language needs them all), so each break is reported once. The
    books' examples run in ``jobs`` processes (0: every core).
    """
    loaded: list[tuple[str, Rulebook]] = []
    errors: list[PatternError] = []
    broken: set[str] = set()
    for t, module, file_lang in _rule_files(extra_dirs):
        try:
            loaded.append((t, rulebook.load(file_lang, module.stem, module.spec, tuple(extra_dirs))))
        except PatternError as e:
            errors.append(e)
            broken.add(file_lang)
    chosen = [(t, book) for t, book in loaded if book.lang not in broken
              and (lang is None or book.lang == lang) and (type_ is None or t == type_)]
    broken_files = tuple(errors)
    checked = _check_books([(t, book, tuple(extra_dirs)) for t, book in chosen], jobs)
    errors += [e for found, _ in checked for e in found]
    outcomes = [o for _, done in checked for o in done]
    warnings = [w for t, book in chosen for w in backtracking_warnings(book, t)] if extra_dirs else []
    return CheckRun(tuple(outcomes), tuple(errors), tuple(warnings), broken_files)


PARALLEL_FROM = 300     # examples: fewer run in this process, as starting workers costs more
_WORK: list[tuple] = []      # what forked workers are given to do, by index (set before the fork)


def _check_books(work: list[tuple[str, Rulebook, tuple[str, ...]]], jobs: int) -> list[tuple[list, list]]:
    """(anchor errors, outcomes) of each book, in order. Books go to forked workers, largest
    first, where there are many examples and cores: a worker inherits the loaded books, and
    each builds only the patterns of the books it is given."""
    size = [sum(len(r.examples) + len(r.counter_examples) for r in book.rules) for _, book, _ in work]
    workers = min(jobs or parallel.cores(), len(work))
    if workers < 2 or sum(size) < PARALLEL_FROM or not _can_fork():
        return [_check_book(*w) for w in work]
    order = sorted(range(len(work)), key=lambda i: -size[i])
    done = dict(zip(order, _forked(_check_nth, work, order, workers)))
    return [done[i] for i in range(len(work))]


def warm(extra_dirs: tuple[str, ...] = (), jobs: int = 1) -> int:
    """Compile every rule book into the disk cache, a book per worker process (0: every core);
    the number of books. A pack that does not load raises its PatternError, as ``load`` does."""
    files = [(t, lang, extra_dirs) for t, _, lang in _rule_files(extra_dirs)]
    workers = min(jobs or parallel.cores(), len(files))
    if workers > 1 and cache.enabled() and _can_fork():
        order = list(reversed(range(len(files))))          # officials and commitments first
        for error in _forked(_warm_nth, files, order, workers):
            if error is not None:
                raise error
    return sum(1 for _ in books(extra_dirs))


def _can_fork() -> bool:
    """Linux: a fork inherits the loaded books. (macOS lists fork but does not make it safe.)"""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _forked(function, work: list[tuple], order: list[int], workers: int) -> list:
    """``function(i)`` for each i of ``order``, in forked workers that read ``work`` from their
    copy of this process. Ctrl-C is the parent's: it ends the workers at once. A worker that
    dies (out of memory, killed) is a clear error, not a wait without end."""
    global _WORK
    _WORK = work
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_ignore_interrupts)
    try:
        return list(pool.map(function, order))
    except BrokenProcessPool:
        raise FactxError("a worker process of rules check/warm died (out of memory?); "
                         "run it again with --jobs 1") from None
    except BaseException:
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _WORK = []


def _warm_nth(i: int) -> PatternError | None:
    type_, lang, extra_dirs = _WORK[i]
    try:
        rulebook.load(lang, REGISTRY[type_].stem, REGISTRY[type_].spec, extra_dirs)
    except PatternError as e:
        return e
    return None


def _check_nth(i: int) -> tuple[list, list]:
    return _check_book(*_WORK[i])


def _check_book(type_: str, book: Rulebook, extra_dirs: tuple[str, ...]) -> tuple[list, list]:
    return anchor_errors(book), [check(type_, book, rule, case, extra_dirs) for rule, case in cases(book)]


def _ignore_interrupts() -> None:
    """Ctrl-C is the parent's to handle: it ends the pool (a worker would print a traceback)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def backtracking_warnings(book: Rulebook, type_: str) -> list[PatternError]:
    """A user rule's repeated groups that are ambiguous (see ``backtracking``). Built-in
    fragments it uses are read as atomic: their time is measured, the user's own is not."""
    from . import backtracking

    module = REGISTRY[type_]
    builtin = rulebook.load(book.lang, module.stem, module.spec).fragments
    trusted = frozenset(n for n, v in book.fragments.items() if builtin.get(n) == v)
    found = []
    for rule in book.rules:
        if rule.trusted:
            continue
        for name, part in rule.written.items():
            try:
                source = rulebook._expand(part, book.fragments, atomic=trusted)
            except (KeyError, RecursionError):
                continue
            found += [PatternError(rule.file, f"{name}: {w}", rule.id, rule.line)
                      for w in backtracking.warnings(source, book.lists)]
    return found


def anchor_errors(book: Rulebook) -> list[PatternError]:
    """Triggers found through the word index must match nowhere else: on every example text
    of the book, a scan of the text finds no hit the index misses (a trigger such as
    ``\\L<a>x|y`` opens with a list but also matches ``y`` alone)."""
    from . import matching

    texts = list(dict.fromkeys(case.text for rule in book.rules for case in (*rule.examples, *rule.counter_examples)))
    anchored = [matching.WordIndex(text).anchored(book) for text in texts]
    errors = []
    for t, trigger in enumerate(book.triggers):
        if trigger.anchors is None:
            continue
        for text, positions in zip(texts, anchored):
            tried = set(positions.get(t, ()))
            missed = [h for h in trigger.regex.finditer(text, overlapped=True) if h.start() not in tried]
            if missed:
                rule = book.rules[trigger.rules[0]]
                errors.append(PatternError(rule.file, f"the trigger matches {missed[0].group()!r} in {text!r} where no "
                                           "word starts with its list's first words (mid-word, or another branch): "
                                           "open it with the list alone, after \\b",
                                           rule.id, rule.line))
                break
    return errors
