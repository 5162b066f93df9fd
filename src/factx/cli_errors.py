"""The one mapping from what went wrong to a message and an exit code, for every command.

Exit codes follow grep: 0 all done (with or without facts), 1 part of the work failed and
the rest was done (an input could not be read, an example of ``rules check`` or a bar of
``eval`` failed), 2 the run could not be done as asked (a bad option value, a missing path,
a broken rule pack, no input at all), 130 Ctrl-C.
Errors are one line, ``factx: error: <file or option>: <problem>``, and sometimes a
``  hint: ...`` line: the reader needs the thing to fix, not the whole usage text. Only an
error in the command's syntax (a missing argument, an unknown option) keeps click's
``Usage:`` banner, because there the usage line is the answer.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterable, Iterator

import click

from .errors import FactxError, PatternError, SourceError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPT = 0, 1, 2, 130
PATTERN_HINT = "`factx rules check --patterns DIR` lists every problem in a pack at once"
USAGE_KINDS = ("missing",)                          # a SourceError of these kinds is the caller's mistake: 2
LOUD_KINDS = ("missing", "internal", "timeout")     # shown as errors; the other kinds as warnings
DOCUMENT_KINDS = ("record", "internal", "timeout")  # one document skipped, not a whole file


class CliError(click.ClickException):
    """A one-line error, an optional hint, an exit code; click shows it and exits with the code."""

    def __init__(self, message: str, hint: str | None = None, exit_code: int = EXIT_USAGE):
        super().__init__(message)
        self.hint = hint
        self.exit_code = exit_code

    def show(self, file=None) -> None:
        click.echo(f"factx: error: {self.message}", err=True)
        if self.hint:
            click.echo(f"  hint: {self.hint}", err=True)


def from_library(error: FactxError) -> CliError:
    """The library's error as the CLI shows it: a pack or option problem is 2, an input 1."""
    if isinstance(error, SourceError):
        return CliError(str(error), exit_code=EXIT_USAGE if error.kind in USAGE_KINDS else EXIT_FAILED)
    if isinstance(error, PatternError):
        return CliError(str(error), hint=PATTERN_HINT)
    return CliError(str(error))


def from_bad_parameter(error: click.BadParameter) -> CliError:
    """A bad option value is one line naming the option; the usage banner would bury it."""
    param = error.param
    where = ""
    if param is not None:
        where = (max(param.opts, key=len) if isinstance(param, click.Option) else param.human_readable_name) + ": "
    path = error.ctx.command_path if error.ctx is not None else "factx"
    return CliError(f"{where}{error.message.rstrip('.')}", hint=f"`{path} --help` lists the options and their values")


@contextmanager
def translated() -> Iterator[None]:
    """Every command runs inside this: library errors and bad option values become CliErrors.
    A missing argument or option (click's MissingParameter) is syntax and keeps the banner."""
    try:
        yield
    except FactxError as e:
        raise from_library(e) from None
    except click.BadParameter as e:
        if isinstance(e, click.MissingParameter):
            raise
        raise from_bad_parameter(e) from None


class Group(click.Group):
    """A click group whose commands, and its subgroups' commands, all fail the same way."""

    def invoke(self, ctx: click.Context):
        with translated():
            return super().invoke(ctx)


class Inputs:
    """The exit status of a run over many inputs, and what it says about the inputs it skipped.

    A folder with no matching file is a warning when other inputs were read, and the error
    ``no input files`` (exit 2) when nothing at all was: a run that read nothing must not look
    like a run that found nothing. A run over record files ends with a count of its records
    (``count_records``), since a few bad lines among a million are easy to miss.
    """

    def __init__(self, say: Callable[[str], None], glob: str, count_records: bool = False):
        self.say, self.glob, self.count_records = say, glob, count_records
        self.status, self.seen, self.empty, self.skipped = EXIT_OK, 0, [], 0
        self.extracted, self.files_unread = 0, 0

    def document(self) -> None:
        self.seen += 1
        self.extracted += 1

    def documents(self, items: Iterable) -> Iterator:
        """The Documents of ``items`` (``pipeline.extract_paths``'s stream), each counted and its
        warnings said; the SourceErrors among them counted and said, not passed on."""
        for item in items:
            if isinstance(item, SourceError):
                self.failed(item)
                continue
            self.document()
            for warning in item.warnings:
                self.say(f"factx: warning: {warning}")
            yield item

    def failed(self, error: SourceError) -> None:
        if error.kind == "empty":
            self.empty.append(error.source)
            return
        self.seen += 1
        self.skipped += 1
        self.files_unread += error.kind not in DOCUMENT_KINDS
        self.say(f"factx: {'error' if error.kind in LOUD_KINDS else 'warning'}: {error}")
        self.status = max(self.status, from_library(error).exit_code)

    def finish(self) -> int:
        """The exit status; raises ``no input files`` when every path was an empty folder."""
        if self.empty and not self.seen:
            raise CliError(f"no input files: {', '.join(self.empty)} {'has' if len(self.empty) == 1 else 'have'} "
                           f"no files matching {self.glob}",
                           hint="--glob chooses which files are read inside folders, e.g. --glob '*.md'")
        for source in self.empty:
            self.say(f"factx: warning: {source}: no files matching {self.glob}; nothing read there")
        if self.count_records:
            read = self.seen - self.files_unread
            unread = self.files_unread
            from .render import count

            self.say(f"factx: {count(read, 'record')} read, {self.extracted:,} extracted, "
                     f"{read - self.extracted:,} skipped" + (f"; {count(unread, 'file')} could not be read" if unread else ""))
        return self.status

