"""The options several commands share, defined once so each is spelt, checked and refused alike.

Languages are those with a ``patterns/<code>/language.toml``, built in or in the run's
``--patterns`` packs (read first: that option is eager), and fact types those in the
extractor ``REGISTRY``, both checked when the command runs, so a language or type added
there is accepted everywhere at once. A wrong value is refused with the closest right one
(``--types dates``: did you mean 'date'?), before any rule is compiled.
"""

from __future__ import annotations

from datetime import date

import click

from . import language, packs
from .cli_errors import CliError
from .errors import PatternError, closest
from .extractors import REGISTRY


def unknown(option: str, what: str, value: str, choices) -> CliError:
    """``--lang: unknown language 'vn'; did you mean 'vi'?`` and the choices as a hint."""
    close = closest(value, choices)
    guess = f"; did you mean {close!r}?" if close else ""
    return CliError(f"{option}: unknown {what} {value!r}{guess}", hint=f"choose from {', '.join(choices)}")


class OneOf(click.Choice):
    """click's Choice (its help and completion) with factx's refusal; ``current`` gives the
    choices when the command runs (a pack's language, a type registered after import)."""

    def __init__(self, choices, what: str, current=None):
        super().__init__(choices)
        self.what, self.current = what, current

    def convert(self, value, param, ctx):
        choices = tuple(self.current(ctx)) if self.current else tuple(self.choices)
        if value in choices:
            return value
        raise unknown(max(param.opts, key=len) if param else self.what, self.what, value, choices)


def _languages(ctx, auto: bool) -> tuple[str, ...]:
    """The languages with rules, the run's packs included."""
    packs_given = (ctx.params.get("patterns") or ()) if ctx else ()
    return (("auto",) if auto else ()) + tuple(language.available(packs_given))


class TypeList(click.ParamType):
    """``date,money``: a comma-separated list of registered fact types."""

    name = "LIST"

    def convert(self, value, param, ctx):
        wanted = list(dict.fromkeys(t.strip() for t in value.split(",") if t.strip()))
        if not wanted:
            raise CliError(f"--types {value!r}: no fact type given", hint=f"choose from {', '.join(REGISTRY)}")
        for t in wanted:
            if t not in REGISTRY:
                raise unknown("--types", "fact type", t, list(REGISTRY))
        return wanted


def iso_date(ctx, param, value):
    """A ``YYYY-MM-DD`` option's callback: the date, or one line naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        option = max(param.opts, key=len)
        raise CliError(f"{option}: {value!r} is not a date in YYYY-MM-DD form",
                       hint=f"for example {option} 2025-12-16") from None


def _glob(ctx, param, value):
    from .sources import check_glob

    check_glob(value)
    return value


def _patterns(ctx, param, values):
    for folder in values:
        try:
            packs.check(folder)
        except PatternError as e:
            raise CliError(f"--patterns {e}", hint=f"{packs.layout()}; examples/user-pack/ is one") from None
    return values


def lang_option(auto: bool = True, help: str | None = None):
    """``--lang``; ``auto`` (detect per document) where there is a document to detect."""
    choices = (("auto",) if auto else ()) + tuple(language.available())
    return click.option("--lang", type=OneOf(choices, "language", lambda ctx: _languages(ctx, auto)),
                        default="auto" if auto else None,
                        show_default=auto,
                        help=help or ("Language of the inputs; auto detects it per document." if auto
                                      else "Only this language."))


types_option = click.option(
    "--types", type=TypeList(), metavar="LIST",
    help=f"Comma-separated fact types ({','.join(REGISTRY)}). Default: all.")

type_option = click.option(
    "--type", "type_", type=OneOf(tuple(REGISTRY), "fact type", lambda ctx: REGISTRY), help="Only this fact type.")

ref_date_option = click.option(
    "--ref-date", callback=iso_date, metavar="YYYY-MM-DD",
    help="Document date for resolving relative dates (overrides headers and inference).")

glob_option = click.option(
    "--glob", "pattern", default="*.txt", show_default=True, callback=_glob,
    help="Which files to read inside folders (recursive).")

patterns_option = click.option(
    "--patterns", "patterns", multiple=True, callback=_patterns, metavar="DIR", is_eager=True,
    help="A folder of your own rule files (same layout as patterns/), layered over the built-in ones. Repeatable.")


jobs_option = click.option(
    "-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True, metavar="N",
    help="Extract in N worker processes (0: one per core); the output is the same, in the same order.")


def _input_format(ctx, param, value):
    return None if value in (None, "auto") else value


def _field(ctx, param, value):
    from .records import field_problem

    problem = None if value is None else field_problem(value)
    if problem:
        raise CliError(f"{max(param.opts, key=len)}: {problem}", hint="for example --text-field body or meta.body")
    return value


def input_options(command):
    """``--input-format`` and the field options of record files (JSON Lines, CSV, Parquet),
    gathered by ``make_input`` into the one ``records.Input`` the library takes."""
    options = [
        click.option("--input-format", type=click.Choice(["auto", "text", "jsonl", "csv", "tsv", "parquet"]),
                     default="auto", show_default=True, callback=_input_format,
                     help="How to read every input; auto goes by extension (.jsonl/.ndjson, .csv, .tsv, "
                          ".parquet, each maybe .gz/.bz2/.xz/.zst; anything else is text)."),
        click.option("--text-field", default="text", show_default=True, metavar="FIELD", callback=_field,
                     help="Record files: the field holding the article; a dotted path reaches into nested JSON."),
        click.option("--id-field", metavar="FIELD", callback=_field,
                     help="Record files: the field naming each document (its source). Default: FILE:LINE."),
        click.option("--date-field", metavar="FIELD", callback=_field,
                     help="Record files: each document's date (ISO date or date-time, epoch seconds); "
                          "--ref-date is the fallback."),
        click.option("--lang-field", metavar="FIELD", callback=_field,
                     help="Record files: each document's language code (en, vi, en-US); --lang is the fallback."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def make_input(input_format, text_field, id_field, date_field, lang_field):
    """The options above as the library's ``records.Input``."""
    from .records import Input

    return Input(input_format, text_field, id_field, date_field, lang_field)


def corpus_options(command):
    """What every command that reads a corpus takes (``extract``, ``eval``, ``report``): the
    language, the document date, which files, how records read, worker processes, rule packs."""
    for option in reversed((lang_option(), ref_date_option, glob_option, input_options, jobs_option, patterns_option)):
        command = option(command)
    return command
