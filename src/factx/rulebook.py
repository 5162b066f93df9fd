"""Rule files: load, layer, validate and compile ``patterns/<lang>/<type>.toml``.

A rule file holds named ``[lists]`` (``\\L<name>`` in a pattern), named ``[fragments]``
(``{name}``) and ``[[rule]]`` entries. A rule names its parts: the ``trigger`` the engine
looks for, and what must stand ``before`` it or ``after`` it. Rules that share a trigger
share one scan of the text, and a ``before`` context is compiled once for every rule that
uses it, so no rule carries a copy of a word list. Everything is checked when loaded; a
problem is raised as a ``PatternError`` naming the file, line and rule id. The format is
documented in ``patterns/README.md``; ``cache`` keeps compiled books on disk.
"""

from __future__ import annotations

import logging
import math
import time
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import regex

from . import cache, listtrie
from .errors import PatternError
from .lazypattern import LazyPattern

_log = logging.getLogger("factx")
_FRAGMENT_REF = regex.compile(r"(?<!\\[pPN])\{([A-Za-z_]\w*)\}")
_LIST_REF = regex.compile(r"\\L<(\w+)>")
# A trigger that opens with lists is found through the document's word index, not a scan of
# the text. Recognised form: optional \b, group openers, ``\L<a>`` or ``\L<a>|\L<b>`` (each
# maybe in ``(?i:...)``), then every opened group closed and no quantifier after them.
_ITEM = r"(?:\(\?i:\\L<\w+>\)|\\L<\w+>)"
_LEADING_LISTS = regex.compile(
    rf"(?:\\b)?(?P<open>(?:\(\?P<\w+>|\(\?:|\(\?i:)*+)(?P<items>{_ITEM}(?:\|{_ITEM})*+)(?P<close>\)*+)(?![?*{{|+])")
_LIST_GROUP = regex.compile(rf"\(\?P<(\w+)>({_ITEM}(?:\|{_ITEM})*)\)")    # (?P<g>\L<a>|\L<b>): g reads a, b
_FORM = regex.compile(r"[a-z0-9_]+")
_GROUP_NAME = regex.compile(r"\(\?P<(\w+)>")
WORD = regex.compile(r"[\p{L}\p{M}]+|\p{N}+")    # letters or digits: "FY2026" is "FY" and "2026"
_TOP_KEYS = {"ref_date", "include", "lists", "fragments", "rule"}
_SHARED_KEYS = {"lists", "fragments"}       # all a shared file (patterns/common/...) may hold
MAX_DEFAULT = 9999        # the widest offset a rule's default may set (relyear = -1 is "last year")
_RULE_KEYS = {"id", "trigger", "before", "after", "examples", "counter_examples", "veto", "defaults"}
_EXAMPLE_KEYS = {"text", "match", "xfail", "context"}
BEFORE_WINDOW = 400                         # characters a ``before`` context may reach back
AFTER_WINDOW = 1000                         # characters a trigger and its ``after`` may reach forward
LONGEST_ANCHOR = 40                         # a list whose first words run longer is scanned for, not indexed
MAX_LIST_CHARS = 8_000_000                  # list characters a book may compile (entries x patterns naming them)


def builtin_dir() -> Path:
    """The rules shipped with factx: inside the installed package, else the source tree."""
    return _builtin_dir()


@lru_cache(maxsize=1)
def _builtin_dir() -> Path:
    packaged = Path(__file__).parent / "patterns"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "patterns"


@dataclass(frozen=True)
class Example:
    text: str
    match: str
    expect: dict[str, Any]      # attribute -> expected value, e.g. {"value": "2026-H2"}
    xfail: str | None
    line: int | None
    context: str = ""           # read before the text, its facts not checked: "In 2007 ..." for "the following year"


@dataclass(frozen=True)
class CounterExample:
    text: str
    xfail: str | None
    line: int | None


@dataclass(frozen=True)
class Rule:
    id: str
    file: str
    line: int | None
    trigger: str                # each part with its fragments expanded
    before: str | None
    after: str | None
    written: dict[str, str]     # the parts as written in the file (for ``factx rules show``)
    twice: frozenset[str]       # groups named more than once inside one part (they span their captures)
    trusted: bool               # built in (tested to run in linear time), not from a user's pack
    forward: Any                # trigger + after, compiled: matched where the trigger stands
    behind: Any                 # before, compiled in reverse: must end where the trigger starts
    veto: bool                  # a veto rule yields nothing and suppresses what it overlaps
    defaults: dict[str, Any]    # values for groups the text leaves implicit ("6 tháng đầu năm": this year)
    examples: tuple[Example, ...]
    counter_examples: tuple[CounterExample, ...]


@dataclass(frozen=True)
class Trigger:
    """One search of the text, shared by every rule whose trigger is the same pattern.

    A trigger that opens with a list is tried only where a word that can begin one of the
    list's entries stands (``anchors``, casefolded); any other is a scan of the whole text.
    """

    regex: Any
    rules: tuple[int, ...]      # indices into Rulebook.rules, in rule order
    anchors: frozenset[str] | None = None
    trusted: bool = True        # every rule sharing it is built in


@dataclass(frozen=True)
class Rulebook:
    lang: str
    type: str                   # the file stem: dates, money, officials, commitments
    ref_date: str | None
    rules: tuple[Rule, ...]
    triggers: tuple[Trigger, ...] = ()
    values: dict[str, dict[str, Any]] = field(default_factory=dict)   # valued lists, casefolded
    readers: dict[str, tuple[str, ...]] = field(default_factory=dict)  # group -> valued lists it reads
    patterns: dict[str, LazyPattern] = field(default_factory=dict)    # the fragments the Spec names, compiled
    fragments: dict[str, str] = field(default_factory=dict)           # as written, for ``rules show``
    lists: dict[str, Any] = field(default_factory=dict)               # every list, as merged from the layers
    anchored: dict[str, tuple[int, ...]] = field(default_factory=dict)  # anchor word -> triggers it opens

    def lookup(self, group: str, text: str) -> Any:
        """The value of a matched group: a number as int, a valued list's entry, else the text.

        A group reads the valued list it wraps (``(?P<modality>\\L<to_verb>)``), else the list
        named like it: ``month`` and ``month_end`` read the list ``month``.
        """
        if text.isdigit() and len(text) <= 18:
            return int(text)
        key = folded(text)
        for name in self.readers.get(group, ()) or (group.split("_", 1)[0],):
            table = self.values.get(name)
            if table is not None and key in table:
                return table[key]
        return text


def folded(text: str) -> str:
    """The form a valued list is keyed by: casefolded, runs of spaces made one ("Prime  Minister"
    reads the entry "prime minister")."""
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class Spec:
    """What an extractor needs of its rule file: group names it understands and extra rule keys."""

    groups: frozenset[str]
    required_any: frozenset[str]
    rule_keys: frozenset[str] = frozenset()
    example_keys: frozenset[str] = frozenset()
    fragments: frozenset[str] = frozenset()    # fragments the extractor uses as patterns of their own


def load(lang: str, stem: str, spec: Spec, extra_dirs: tuple[str, ...] = ()) -> Rulebook:
    """Load the built-in rule file for (lang, stem), layered with user rule folders.

    Compiled books are kept in memory per process and on disk between processes (``cache``).
    """
    roots = (builtin_dir(), *(Path(d) for d in extra_dirs))
    return _load_cached(lang, stem, spec, roots, _fingerprint(lang, stem, roots))


RECHECK = 1.0       # seconds: the built-in files are stat'ed once a second, not once per document
_CHECKED: dict[tuple, tuple[float, tuple]] = {}


def files_read(lang: str, stem: str, roots: tuple[Path, ...]) -> list[Path]:
    """Every file a book may read: the rule file of each layer and every shared file."""
    return [f for r in roots for f in (r / lang / f"{stem}.toml", *sorted((r / "common").glob("*.toml")))]


def _fingerprint(lang: str, stem: str, roots: tuple[Path, ...]) -> tuple:
    """Size and mtime of every file a book may read, so an edited rule file is read again.

    A user's folders are checked on every call; the built-in rules, which only a developer
    edits, at most once a second (a run over many documents would otherwise stat them all
    for each document).
    """
    now = time.monotonic()
    checked = _CHECKED.get((lang, stem, roots[0]))
    if checked is None or now - checked[0] > RECHECK:
        checked = (now, _stats(files_read(lang, stem, roots[:1])))
        _CHECKED[(lang, stem, roots[0])] = checked
    return checked[1] + _stats(files_read(lang, stem, roots[1:]))


def _stats(files: list[Path]) -> tuple:
    return tuple((str(f), s.st_mtime_ns, s.st_size) for f in files if (s := _stat(f)))


def _stat(path: Path):
    try:
        return path.stat()
    except OSError:
        return None


@lru_cache(maxsize=64)
def _load_cached(lang: str, stem: str, spec: Spec, roots: tuple[Path, ...], _fingerprint: tuple) -> Rulebook:
    files = files_read(lang, stem, roots)
    key = cache.key(lang, stem, _spec_text(spec), files)
    book = cache.get(key)
    if book is None:
        _log.info("compiling the %s %s rules (the first run after an install or a rule edit; "
                  "kept for later runs)", lang, stem)
        book = compile_book(lang, stem, spec, roots)
        if cache.key(lang, stem, _spec_text(spec), files) == key:     # not edited while compiling
            cache.put(key, book)
    return book


def _spec_text(spec: Spec) -> str:
    """The Spec as stable text (a frozenset's repr changes order from process to process)."""
    return repr({k: sorted(v) for k, v in vars(spec).items()})


def compile_book(lang: str, stem: str, spec: Spec, roots: tuple[Path, ...]) -> Rulebook:
    """Read, layer and compile one book from its files (what the cache saves a process from).

    Patterns unchanged since the book's last cached versions are taken from them, not
    compiled: after an edit to one rule, only that rule's patterns are.
    """
    _remember_patterns(cache.recent(lang, stem))
    files = [f for f in (d / lang / f"{stem}.toml" for d in roots) if f.is_file()]
    ref_date: str | None = None
    lists: dict[str, Any] = {}
    fragments: dict[str, str] = {}
    raw_rules: dict[str, tuple[dict, str, str]] = {}     # id -> (rule table, file, file text)
    origins: dict[str, str] = {}                          # list -> the last file that extended it
    included: set[str] = set()
    for path in files:
        data, text = _read_toml(path)
        unknown = set(data) - _TOP_KEYS
        if unknown:
            raise PatternError(str(path), f"unknown top-level key(s): {', '.join(sorted(unknown))}")
        ref_date = data.get("ref_date", ref_date)
        for shared in _included(data, path, roots, included):
            _merge_shared(shared, lists, fragments, origins)
        _merge_shared((data, path), lists, fragments, origins)
        seen: set[str] = set()
        rules_ = data.get("rule", [])
        if not isinstance(rules_, list):
            raise PatternError(str(path), "rules are written [[rule]] (an array of tables), not [rule]")
        for table in rules_:
            rid = table.get("id")
            if not isinstance(rid, str):
                raise PatternError(str(path), "a [[rule]] has no string id")
            if rid in seen:
                raise PatternError(str(path), "duplicate rule id", rid, _line_of(text, rid))
            seen.add(rid)
            raw_rules[rid] = (table, str(path), text)       # a user rule replaces a built-in one
    _check_size(raw_rules, lists, fragments, origins, f"{lang}/{stem}", spec.fragments)
    rules = tuple(_compile_rule(t, f, txt, lang, stem, spec, lists, fragments)
                  for t, f, txt in raw_rules.values())
    values = {name: {folded(k): v for k, v in entries.items()}
              for name, entries in lists.items() if isinstance(entries, dict)}
    readers: dict[str, list[str]] = {}
    for rule in rules:
        for part in (rule.before, rule.trigger, rule.after):
            for group, body in _LIST_GROUP.findall(part or ""):
                for name in _LIST_REF.findall(body):
                    if name in values and name not in readers.setdefault(group, []):
                        readers[group].append(name)
    patterns = {name: _compile_fragment(name, fragments, lists, files[-1] if files else stem)
                for name in spec.fragments if name in fragments}
    triggers = _triggers(rules, lists)
    anchored: dict[str, list[int]] = {}
    for t, trigger in enumerate(triggers):
        for word in trigger.anchors or ():
            anchored.setdefault(word, []).append(t)
    return Rulebook(lang, stem, ref_date, rules, triggers, values, {g: tuple(n) for g, n in readers.items()},
                    patterns, fragments, lists, {w: tuple(ts) for w, ts in anchored.items()})


def _check_size(raw_rules: dict[str, tuple[dict, str, str]], lists: dict[str, Any], fragments: dict[str, str],
                origins: dict[str, str], book: str, own: frozenset[str]) -> None:
    """Refuse, before compiling, a book whose lists would take minutes and gigabytes to compile.

    ``regex`` writes a list into every pattern that names it, so the cost is each list's
    characters times the patterns it is written into. The built-in books compile at most
    1.2M characters; MAX_LIST_CHARS leaves room for long user lists named in a few rules.
    """
    sources: set[str] = set()
    for name in own & set(fragments):                      # fragments the extractor runs itself
        try:
            sources.add(_expand("{" + name + "}", fragments))
        except (KeyError, RecursionError):
            pass
    for table, _, _ in raw_rules.values():
        try:
            trigger, before, after = (_expand(joined(table[k]), fragments) if isinstance(table.get(k), str) else ""
                                      for k in ("trigger", "before", "after"))
        except (KeyError, RecursionError):
            continue                                        # reported with its rule when compiled
        sources.update(p for p in (trigger + after, before, trigger) if p)
    uses = Counter(name for source in sources for name in _LIST_REF.findall(source) if name in lists)
    cost = {name: n * sum(map(len, _forms(lists[name]))) for name, n in uses.items()}
    if sum(cost.values()) > MAX_LIST_CHARS:
        name = max(cost, key=cost.get)
        raise PatternError(origins.get(name, book), f"list '{name}' ({len(lists[name]):,} entries) is written into "
                           f"{uses[name]} patterns of {book}: {sum(cost.values()) / 1e6:.0f}M list characters to "
                           f"compile, over the limit of {MAX_LIST_CHARS / 1e6:.0f}M (minutes, gigabytes); put a long "
                           "list in a list of its own, named by few rules")


def _triggers(rules: tuple[Rule, ...], lists: dict[str, Any]) -> tuple[Trigger, ...]:
    """Rules grouped by their trigger: one scan per distinct trigger, overlapping hits kept."""
    groups: dict[str, list[int]] = {}
    for i, rule in enumerate(rules):
        groups.setdefault(rule.trigger, []).append(i)
    return tuple(Trigger(_compiled(_ungrouped(source), _used(source, lists)), tuple(idx), _anchors(source, lists),
                         all(rules[i].trusted for i in idx))
                 for source, idx in groups.items())


def _anchors(source: str, lists: dict[str, Any]) -> frozenset[str] | None:
    """The casefolded first words of the list a trigger opens with, if every entry has one."""
    lead = _LEADING_LISTS.match(source)
    if lead is None or lead.group("open").count("(") != len(lead.group("close")) or _has_top_branch(source):
        return None
    words = set()
    for entry in (e for name in _LIST_REF.findall(lead.group("items")) for e in _forms(lists[name])):
        first = WORD.match(entry)
        if first is None or len(first.group()) > LONGEST_ANCHOR:
            return None
        words.add(first.group().casefold())
    return frozenset(words)


def _ungrouped(source: str) -> str:
    """A trigger's scan needs no captures: named groups become plain ones (unless it refers back)."""
    if "(?P=" in source or "\\g<" in source:
        return source
    return regex.sub(r"\(\?P<\w+>", "(?:", source)


def _has_top_branch(source: str) -> bool:
    """Whether the pattern has a ``|`` outside every group (``\\L<a>x|y``): then not every match
    opens with the list, and the trigger must be a scan."""
    return any(c == "|" and depth == 0 for _, c, depth in structure(source))


def structure(source: str) -> Iterator[tuple[int, str, int]]:
    """The grouping characters of a pattern, as (index, "(" | ")" | "|", depth), escapes and
    character classes skipped; an opening parenthesis carries the depth it opens."""
    depth, i, n = 0, 0, len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":                        # a class: skip past its closing bracket
            i = listtrie.class_end(source, i)
            continue
        if c in "()|":
            depth += c == "("
            yield i, c, depth
            depth -= c == ")"
        i += 1


def _used(source: str, lists: dict[str, Any]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((n, tuple(_forms(lists[n]))) for n in sorted(set(_LIST_REF.findall(source))))


def _compile_fragment(name: str, fragments: dict[str, str], lists: dict[str, Any], file: Path | str) -> LazyPattern:
    """A fragment the extractor itself runs (e.g. where a commitment's action ends)."""
    try:
        source = _expand("{" + name + "}", fragments)
        used = set(_LIST_REF.findall(source))
        if used - set(lists):
            raise PatternError(str(file), f"fragment {name!r}: unknown list(s): {', '.join(sorted(used - set(lists)))}")
        return _compiled(source, _used(source, lists))
    except (KeyError, RecursionError, regex.error) as e:
        raise PatternError(str(file), f"fragment {name!r} does not compile: {e}") from None


def _read_toml(path: Path) -> tuple[dict, str]:
    try:
        text = path.read_text(encoding="utf-8")
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as e:
        line = regex.search(r"line (\d+)", str(e))
        raise PatternError(str(path), f"malformed TOML: {e}", line=int(line.group(1)) if line else None) from None
    except (OSError, UnicodeDecodeError) as e:
        raise PatternError(str(path), f"cannot read: {e}") from None


def _included(data: dict, path: Path, roots: tuple[Path, ...], done: set[str]):
    """The shared files named by ``include`` (paths under the patterns folder), from every layer.

    ``include = ["common/currencies.toml"]`` reads that file in the built-in rules and in each
    user folder that has one, so a user pack can add a currency without copying the table.
    """
    names = data.get("include", [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise PatternError(str(path), "include must be an array of paths such as \"common/currencies.toml\"")
    for name in names:
        if not regex.fullmatch(r"common/[\w.-]+\.toml", name):
            raise PatternError(str(path), f"include {name!r}: shared files live in common/ (\"common/x.toml\")")
        if name in done:
            continue
        done.add(name)
        found = [r / name for r in roots if (r / name).is_file()]
        if not found:
            raise PatternError(str(path), f"included file {name!r} not found in any patterns folder")
        for shared in found:
            content, _ = _read_toml(shared)
            unknown = set(content) - _SHARED_KEYS
            if unknown:
                raise PatternError(str(shared), f"a shared file holds only [lists] and [fragments], not {', '.join(sorted(unknown))}")
            yield content, shared


def _merge_shared(source: tuple[dict, Path], lists: dict[str, Any], fragments: dict[str, str],
                  origins: dict[str, str]) -> None:
    data, path = source
    table = data.get("lists", {})
    if not isinstance(table, dict):
        raise PatternError(str(path), "[lists] must map names to arrays or tables")
    for name, entries in table.items():
        lists[name] = _merge_list(lists.get(name), entries, str(path), name)
        origins[name] = str(path)
    fragments.update(_check_fragments(data.get("fragments", {}), str(path)))


def _merge_list(old: Any, new: Any, file: str, name: str) -> Any:
    """Lists extend across layers: user entries are added to the built-in ones."""
    ok_list = isinstance(new, list) and all(isinstance(x, str) and x for x in new)
    ok_table = isinstance(new, dict) and all(isinstance(v, (bool, int, float, str)) for v in new.values())
    if not (ok_list or ok_table):
        raise PatternError(file, f"list '{name}' must be an array of strings or a table of form = value")
    odd = [k for k, v in (new.items() if ok_table else ()) if isinstance(v, float) and not math.isfinite(v)]
    if odd:
        raise PatternError(file, f"list '{name}': the value of {odd[0]!r} must be a finite number")
    if old is None:
        return new
    if isinstance(old, dict) != isinstance(new, dict):
        raise PatternError(file, f"list '{name}' changes kind between layers (array vs table)")
    return {**old, **new} if isinstance(new, dict) else old + [x for x in new if x not in old]


def _check_fragments(fragments: Any, file: str) -> dict[str, str]:
    if not isinstance(fragments, dict) or not all(isinstance(v, str) for v in fragments.values()):
        raise PatternError(file, "[fragments] must map names to pattern strings")
    return {name: joined(v) for name, v in fragments.items()}


def joined(pattern: str) -> str:
    """A pattern written over several lines: each line break and the indentation after it go.

    Long alternations stay readable (one branch per line) and no pattern line runs long.
    """
    if "\n" not in pattern:
        return pattern
    return regex.sub(r"\n[ \t]*", "", "\n" + pattern.strip("\n"))


def references(pattern: str) -> tuple[list[str], list[str]]:
    """The fragments (``{name}``) and lists (``\\L<name>``) a pattern names itself, in order."""
    return (list(dict.fromkeys(_FRAGMENT_REF.findall(pattern))), list(dict.fromkeys(_LIST_REF.findall(pattern))))


def _expand(pattern: str, fragments: dict[str, str], stack: tuple[str, ...] = (),
            atomic: frozenset[str] = frozenset()) -> str:
    """``pattern`` with each ``{fragment}`` replaced by its group; those named in ``atomic`` as
    atomic groups (how ``rules check`` reads a user rule: built-in fragments are trusted)."""
    def sub(m: regex.Match) -> str:
        name = m.group(1)
        if name not in fragments:
            raise KeyError(name)
        if name in stack:
            raise RecursionError(" -> ".join((*stack, name)))
        return ("(?>" if name in atomic else "(?:") + _expand(fragments[name], fragments, (*stack, name), atomic) + ")"

    return _FRAGMENT_REF.sub(sub, pattern)


def _compile_rule(table: dict, file: str, text: str, lang: str, stem: str, spec: Spec,
                  lists: dict[str, Any], fragments: dict[str, str]) -> Rule:
    rid = table["id"]
    line = _line_of(text, rid)

    def fail(problem: str) -> PatternError:
        return PatternError(file, problem, rid, line)

    if not regex.fullmatch(rf"{regex.escape(lang)}\.{regex.escape(stem)}\.{_FORM.pattern}", rid):
        raise fail(f"rule id must look like '{lang}.{stem}.<form>' (lowercase, digits, _)")
    if "pattern" in table:
        raise fail("'pattern' is now 'trigger' (with optional 'before' and 'after'); "
                   "`factx rules migrate FOLDER` rewrites a pack in the new format")
    unknown = set(table) - _RULE_KEYS - spec.rule_keys
    if unknown:
        raise fail(f"unknown key(s): {', '.join(sorted(unknown))}")
    parts: dict[str, str | None] = {}
    written: dict[str, str] = {}
    for key in ("before", "trigger", "after"):
        value = table.get(key)
        if value is None:
            parts[key] = None
            continue
        if not isinstance(value, str) or not value.strip():
            raise fail(f"{key} must be a non-empty pattern string")
        written[key] = joined(value)
        try:
            parts[key] = _expand(written[key], fragments)
        except KeyError as e:
            raise fail(f"unknown fragment {{{e.args[0]}}} (in {key})") from None
        except RecursionError as e:
            raise fail(f"fragment cycle: {e} (in {key})") from None
    if parts["trigger"] is None:
        raise fail("missing trigger")
    used = set(_LIST_REF.findall("".join(p for p in parts.values() if p)))
    missing = used - set(lists)
    if missing:
        raise fail(f"unknown list(s): {', '.join(sorted(missing))}")
    trigger, before, after = parts["trigger"], parts["before"], parts["after"]
    try:
        forward = _compiled(trigger + (after or ""), _used(trigger + (after or ""), lists))
        behind = _compiled(f"(?r)(?:{before})", _used(before, lists)) if before else None
        _compiled(_ungrouped(trigger), _used(trigger, lists))
    except regex.error as e:
        raise fail(f"pattern does not compile: {e}") from None
    veto = table.get("veto", False)
    if not isinstance(veto, bool):
        raise fail("veto must be true or false")
    groups = set(forward.groupindex) | set(behind.groupindex if behind else ())
    strange = groups - spec.groups
    if strange:
        raise fail(f"unknown group(s) {', '.join(sorted(strange))}; known: {', '.join(sorted(spec.groups))}")
    defaults = table.get("defaults", {})
    if not isinstance(defaults, dict) or set(defaults) - spec.groups:
        raise fail(f"defaults must be a table of known groups ({', '.join(sorted(spec.groups))})")
    for name, v in defaults.items():
        # A default is a word, a flag or an offset ("this year" is relyear = 0): never a value
        # that would carry a date past the calendar or a number no list would give.
        if not isinstance(v, (str, bool, int)) or (type(v) is int and abs(v) > MAX_DEFAULT):
            raise fail(f"defaults: {name} = {v!r} must be a word, true/false or a whole number "
                       f"from -{MAX_DEFAULT} to {MAX_DEFAULT}")
    if not veto and spec.required_any and not (groups | set(defaults)) & spec.required_any:
        raise fail(f"pattern needs one of the groups (or a default for it): {', '.join(sorted(spec.required_any))}")
    examples = tuple(_example(e, text, spec, fail) for e in _array(table, "examples", fail))
    counters = tuple(_counter(c, text, fail) for c in _array(table, "counter_examples", fail))
    twice = frozenset(name for part in (trigger + (after or ""), before or "")
                      for name, count in Counter(_GROUP_NAME.findall(part)).items() if count > 1)
    trusted = Path(file).resolve().is_relative_to(builtin_dir().resolve())
    return Rule(rid, file, line, trigger, before, after, written, twice, trusted, forward, behind, veto, defaults,
                examples, counters)


def _array(table: dict, key: str, fail) -> list:
    value = table.get(key, [])
    if not isinstance(value, list):
        raise fail(f"{key} must be an array")
    return value


_REUSABLE: dict[str, LazyPattern] = {}     # pattern key -> a pattern compiled earlier, from the cache
MAX_REUSABLE = 5000


def _remember_patterns(books: list[Any]) -> None:
    if len(_REUSABLE) > MAX_REUSABLE:
        _REUSABLE.clear()
    for book in books:
        if not isinstance(book, Rulebook):
            continue
        found = [*(t.regex for t in book.triggers), *book.patterns.values(),
                 *(p for r in book.rules for p in (r.forward, r.behind) if p is not None)]
        _REUSABLE.update((p.key, p) for p in found if isinstance(p, LazyPattern) and p.key)


@lru_cache(maxsize=4096)
def _compiled(source: str, lists: tuple[tuple[str, tuple[str, ...]], ...]) -> LazyPattern:
    """One compiled pattern per distinct source and lists: a ``before`` context or a trigger
    shared by many rules is compiled once, and a user's pack layered over the built-in rules
    recompiles only what changed. Lists are written in as tries (``listtrie``): several times
    faster to match than the alternation ``regex`` makes of a list, and the same matches."""
    key = cache.pattern_key(source, lists)
    reused = _REUSABLE.get(key)
    if reused is not None:
        return reused
    tried = listtrie.with_tries(source, dict(lists))
    if tried is None:
        return LazyPattern(regex.compile(source, **{name: list(forms) for name, forms in lists}), key=key)
    return LazyPattern(listtrie.labelled(regex.compile(tried), source), key=key)


def _forms(entries: Any) -> list[str]:
    return list(entries) if isinstance(entries, dict) else entries


def _example(e: Any, text: str, spec: Spec, fail) -> Example:
    if not isinstance(e, dict) or not isinstance(e.get("text"), str):
        raise fail("every example needs a text")
    unknown = set(e) - _EXAMPLE_KEYS - spec.example_keys
    if unknown:
        raise fail(f"example {e['text']!r}: unknown key(s) {', '.join(sorted(unknown))}")
    match = e.get("match", e["text"])
    if match not in e["text"]:
        raise fail(f"example {e['text']!r}: match {match!r} is not in its text")
    if not isinstance(e.get("context", ""), str):
        raise fail(f"example {e['text']!r}: context must be a string")
    # TOML has no null: the string "null" expects an empty attribute (a commitment without due).
    expect = {k: (None if v == "null" else v) for k, v in e.items() if k not in _EXAMPLE_KEYS}
    return Example(e["text"], match, expect, e.get("xfail"), _line_of(text, e["text"]), e.get("context", ""))


def _counter(c: Any, text: str, fail) -> CounterExample:
    if isinstance(c, str):
        return CounterExample(c, None, _line_of(text, c))
    if isinstance(c, dict) and isinstance(c.get("text"), str) and set(c) <= {"text", "xfail"}:
        return CounterExample(c["text"], c.get("xfail"), _line_of(text, c["text"]))
    raise fail("a counter-example is a string or { text, xfail }")


def _line_of(text: str, needle: str) -> int | None:
    """The 1-based line where ``needle`` first appears as a TOML string, for messages."""
    for quote in ('"', "'"):
        at = text.find(f"{quote}{needle}{quote}")
        if at >= 0:
            return text.count("\n", 0, at) + 1
    return None
