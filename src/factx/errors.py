"""Typed errors: the library raises these, the CLI turns them into messages and exit codes."""

from __future__ import annotations


class FactxError(Exception):
    """Base of every error factx raises on purpose."""


class SourceError(FactxError):
    """One input could not be read; the others still are.

    ``kind`` lets the CLI choose an exit code: ``missing`` paths are usage errors,
    everything else (binary, invalid UTF-8, too large, unreadable, ``internal``: factx failed
    on this document) is an input failure.
    """

    def __init__(self, source: str, problem: str, kind: str = "unreadable"):
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem
        self.kind = kind

    def __reduce__(self):           # across processes (--jobs, Dask) with its fields, not its message
        return type(self), (self.source, self.problem, self.kind)


class PatternError(FactxError):
    """A rule file is broken; names the file, the line and the rule so an author can fix it."""

    def __init__(self, file: str, problem: str, rule_id: str | None = None, line: int | None = None):
        where = file if line is None else f"{file}:{line}"
        who = f" [{rule_id}]" if rule_id else ""
        super().__init__(f"{where}{who}: {problem}")
        self.file = file
        self.rule_id = rule_id
        self.line = line
        self.problem = problem

    def __reduce__(self):
        return type(self), (self.file, self.problem, self.rule_id, self.line)


def closest(word: str, choices) -> str | None:
    """The choice ``word`` was most likely meant to be, for "did you mean" in a message.

    In a two-letter language code one wrong letter is half the word ('vn' for 'vi'), so short
    words get a lower bar than difflib's default; between equally close choices the one with
    the same first letter wins.
    """
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.5 if len(word) <= 3 else 0.6)
    return next((c for c in close if c[:1] == word[:1]), close[0] if close else None)
