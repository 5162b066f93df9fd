"""`factx rules list` and `factx rules check`: rule files in a terminal and in CI."""

from __future__ import annotations

import os
import sys
from xml.etree import ElementTree as ET

import click
from rich.markup import escape

from .cli_errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE, CliError
from .cli_options import lang_option, patterns_option, type_option
from .errors import closest


def console():
    """Stdout for tables: the terminal's width, or a wide fixed one when piped (no squeezed columns)."""
    from rich.console import Console

    return Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200)


def _where(file: str, line: int | None) -> str:
    path = os.path.relpath(file) if not os.path.relpath(file).startswith("..") else file
    return f"{path}:{line}" if line else path


@click.group()
def rules():
    """List and check extraction rules.

    \b
    Example:
      factx rules list --lang vi --type date
      factx rules check --patterns my-rules/ --format junit > rules.xml
    """


@rules.command("list")
@lang_option(auto=False)
@type_option
@patterns_option
def list_rules(lang, type_, patterns):
    """Every rule: its id, file and line, and how many examples it carries.

    \b
    Example:
      factx rules list --type date
    """
    from rich.table import Table

    from . import rulecheck

    table = Table("rule", "where", "examples", "counter", "kind")
    for t, book in rulecheck.books(tuple(patterns)):
        if (type_ and t != type_) or (lang and book.lang != lang):
            continue
        for rule in book.rules:
            table.add_row(rule.id, escape(_where(rule.file, rule.line)), str(len(rule.examples)),
                          str(len(rule.counter_examples)), "veto" if rule.veto else t)
    console().print(table)


@rules.command("check")
@lang_option(auto=False, help="Only this language's rule files.")
@type_option
@patterns_option
@click.option("--format", "fmt", type=click.Choice(["table", "junit", "github"]), default="table", show_default=True,
              help="table for people, junit (XML) or github (workflow annotations) for CI.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True, metavar="N",
              help="Processes running the examples, a rule file each at a time (0: every core).")
def check_rules(lang, type_, patterns, fmt, jobs):
    """Validate every rule file and run every example and counter-example.

    All failures are reported at once. Exit status 1 if an example failed; 2 if a rule file
    could not be loaded at all (each one is also an error line on stderr, as in every command).

    \b
    Example:
      factx rules check
      factx rules check --lang vi --type commitment
      factx rules check --patterns my-rules/ --format github
    """
    from . import rulecheck

    run = rulecheck.check_all(tuple(patterns), lang=lang, type_=type_, jobs=jobs)
    for e in run.broken:
        CliError(str(e)).show()
    if fmt == "junit":
        sys.stdout.write(_junit(run))
    elif fmt == "github":
        for line in _github(run):
            click.echo(line)
    else:
        _table(run)
    sys.exit(EXIT_USAGE if run.broken else EXIT_OK if run.ok else EXIT_FAILED)


def _counts(run) -> str:
    by = {s: sum(1 for o in run.outcomes if o.status == s) for s in ("pass", "fail", "xfail", "xpass")}
    failed = by["fail"] + by["xpass"] + len(run.errors)
    return f"{by['pass']} passed, {failed} failed, {by['xfail']} xfailed"


def _table(run) -> None:
    from rich.table import Table

    out = console()
    for e in run.errors:
        if e not in run.broken:          # those are error lines on stderr
            out.print(f"[red]broken rule[/] {escape(str(e))}", highlight=False)
    for w in run.warnings:
        out.print(f"[yellow]warning[/] {escape(str(w))}", highlight=False)
    bad = [o for o in run.outcomes if o.status in ("fail", "xpass")]
    if bad:
        table = Table("rule", "where", "example", "expected", "got", title="Failures", title_justify="left")
        table.columns[1].overflow = "fold"
        for o in bad:
            got = o.got if o.status == "fail" else f"passes, but marked xfail: {o.got}"
            table.add_row(*map(escape, (o.rule_id, _where(o.file, o.line), o.text, o.expected, got)))
        out.print(table)
    known = [o for o in run.outcomes if o.status == "xfail"]
    if known:
        table = Table("rule", "where", "example", "got", title="Known gaps (xfail)", title_justify="left")
        for o in known:
            table.add_row(*map(escape, (o.rule_id, _where(o.file, o.line), o.text, o.got)))
        out.print(table)
    out.print(_counts(run), highlight=False)


def _junit(run) -> str:
    suite = ET.Element("testsuite", name="factx rules", tests=str(len(run.outcomes) + len(run.errors)))
    failures = 0
    for e in run.errors:
        case = ET.SubElement(suite, "testcase", classname=e.file, name=e.rule_id or "load")
        ET.SubElement(case, "error", message=str(e))
        failures += 1
    for o in run.outcomes:
        case = ET.SubElement(suite, "testcase", classname=o.rule_id, name=f"{o.kind}: {o.text}",
                             file=_where(o.file, None), line=str(o.line or 0))
        if o.status in ("fail", "xpass"):
            failures += 1
            message = "unexpected pass of an xfail example" if o.status == "xpass" else "wrong extraction"
            ET.SubElement(case, "failure", message=message).text = f"expected: {o.expected}\ngot: {o.got}"
        elif o.status == "xfail":
            ET.SubElement(case, "skipped", message=f"xfail: {o.got}")
    suite.set("failures", str(failures))
    if run.warnings:
        ET.SubElement(suite, "system-err").text = "\n".join(f"warning: {w}" for w in run.warnings)
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def _github(run) -> list[str]:
    def esc(s: str) -> str:
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    lines = [f"::error file={_where(e.file, None)},line={e.line or 1},title={e.rule_id or 'rule file'}::{esc(e.problem)}"
             for e in run.errors]
    lines += [f"::warning file={_where(w.file, None)},line={w.line or 1},title={w.rule_id}::{esc(w.problem)}"
              for w in run.warnings]
    for o in run.outcomes:
        if o.status in ("fail", "xpass"):
            what = "xfail example now passes" if o.status == "xpass" else f"expected {o.expected}, got {o.got}"
            lines.append(f"::error file={_where(o.file, None)},line={o.line or 1},title={o.rule_id}::"
                         f"{esc(o.text)}: {esc(what)}")
    lines.append(_counts(run))
    return lines


@rules.command("migrate")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--check", is_flag=True, help="Only say which files need rewriting; exit 1 if any does.")
def migrate(folder, check):
    """Rewrite a rule pack written for factx 0.1 (one `pattern` per rule) in today's format.

    Every `*.toml` under FOLDER is rewritten in place: `pattern` becomes `trigger` (what it
    matches does not change), lists get one entry per line, long patterns one branch per line,
    examples become [[rule.examples]] tables, comments on their own lines kept. Each file is
    read back and must hold the same rules; one that cannot is refused. Files already in the
    format are left alone.

    \b
    Example:
      factx rules migrate my-rules/
      factx rules check --patterns my-rules/
    """
    from pathlib import Path

    from .migrate import migrate as rewrite

    changed = 0
    for path in sorted(Path(folder).rglob("*.toml")):
        try:
            old = path.read_text(encoding="utf-8")
            new, kept = rewrite(old)
        except (OSError, UnicodeDecodeError, ValueError, TypeError) as e:
            raise CliError(f"{path}: {e}") from None
        if new == old:
            continue
        changed += 1
        if check:
            click.echo(f"{path}: needs rewriting")
        else:
            path.write_text(new, encoding="utf-8")
            click.echo(f"{path}: rewritten" + ("" if kept else " (its layout was unusual: comments could not be kept)"))
    if not changed:
        click.echo("nothing to rewrite")
    sys.exit(1 if check and changed else 0)


@rules.command("warm")
@patterns_option
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True, metavar="N",
              help="Processes compiling, a rule file each at a time (0: every core).")
def warm(patterns, jobs):
    """Compile every rule file and keep the result in the on-disk cache.

    `make` runs it after installing, so a new user's first extraction does not pay for
    compiling; any later run rebuilds what an edit made stale, on its own.

    \b
    Example:
      factx rules warm
      factx rules warm --patterns my-rules/
    """
    from . import cache, rulecheck

    count = rulecheck.warm(tuple(patterns), jobs)
    where = cache.directory() if cache.enabled() else "nowhere (caching is off)"
    click.echo(f"{count} rule books compiled; cached in {where}")


@rules.command("show")
@click.argument("rule_id")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True,
              help="How many levels of fragments to open below the rule's own parts.")
@patterns_option
def show(rule_id, depth, patterns):
    """Print one rule: its parts as written, then the fragments and lists they use, one level at a time.

    \b
    Example:
      factx rules show en.commitments.to_infinitive
      factx rules show vi.officials.title_before_name --depth 3
    """
    from . import rulebook, rulecheck

    books = [b for _, b in rulecheck.books(tuple(patterns))]
    found = [(b, r) for b in books for r in b.rules if r.id == rule_id]
    if not found:
        close = closest(rule_id, [r.id for b in books for r in b.rules])
        raise CliError(f"{rule_id}: no such rule" + (f"; did you mean {close!r}?" if close else ""),
                       hint="`factx rules list` shows them all")
    book, rule = found[0]
    out = []
    out.append(f"{rule.id}  ({_where(rule.file, rule.line)})")
    out.append(f"  {len(rule.examples)} examples, {len(rule.counter_examples)} counter-examples"
               + (", veto" if rule.veto else "") + (f", defaults {rule.defaults}" if rule.defaults else ""))
    for key, text in rule.written.items():
        out.append(f"  {key:<8} {text}")
    size = len(rule.trigger) + len(rule.after or "")
    out.append(f"  expanded: trigger + after {size} characters, before {len(rule.before or '')}")
    shown: set[str] = set()
    level = [p for text in rule.written.values() for p in rulebook.references(text)[0]]
    lists = [n for text in rule.written.values() for n in rulebook.references(text)[1]]
    for n in range(depth):
        level = [f for f in dict.fromkeys(level) if f not in shown and f in book.fragments]
        if not level:
            break
        out.append(f"fragments, level {n + 1}:")
        following = []
        for name in level:
            shown.add(name)
            out.append(f"  {{{name}}} = {book.fragments[name]}")
            frags, used = rulebook.references(book.fragments[name])
            following += frags
            lists += used
        level = following
    if lists:
        out.append("lists:")
        for name in dict.fromkeys(lists):
            entries = book.lists.get(name, ())
            forms = list(entries)
            kind = "table" if isinstance(entries, dict) else "array"
            sample = ", ".join(f"{f} = {entries[f]}" if kind == "table" else f for f in forms[:6])
            out.append(f"  \\L<{name}>  {len(forms)} entries ({kind}): {sample}{', ...' if len(forms) > 6 else ''}")
    click.echo("\n".join(out))
