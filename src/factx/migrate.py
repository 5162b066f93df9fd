"""Rewrite a rule file of the first format (one ``pattern`` per rule, everything on one line)
in today's: ``trigger`` instead of ``pattern``, word lists one entry per line, long patterns
one branch per line, examples as ``[[rule.examples]]`` tables. Comments are kept.

A first-format pattern is, unchanged, a rule that is all trigger, so the rewrite never changes
what a pack matches; splitting a rule into ``before`` / ``trigger`` / ``after`` (faster, and
shares the scan with rules of the same trigger) is left to its author.
"""

from __future__ import annotations

import json
import tomllib
from typing import Any

import regex

WIDTH = 100                  # the longest line written, comments and patterns included
_BARE_KEY = regex.compile(r"[A-Za-z0-9_-]+")


def migrate_text(text: str) -> str:
    """The file ``text`` in the current format (idempotent on a file already in it)."""
    out: list[str] = []
    section = ""
    lists_arrays: list[str] = []
    lists_tables: list[str] = []
    rule: list[tuple[list[str], str, Any]] = []

    def flush_rule() -> None:
        if rule:
            out.extend(_rule(rule))
            rule.clear()

    def flush_lists() -> None:
        if lists_arrays or lists_tables:
            out.extend(lists_arrays)
            out.extend(lists_tables)
            lists_arrays.clear()
            lists_tables.clear()

    for comments, statement in _statements(text):
        if statement.startswith("["):
            flush_rule()
            header = statement.strip()
            if header.startswith("[lists.") or header == "[[rule.examples]]":
                raise _Unchanged
            if section == "[lists]" and header != "[lists]":
                flush_lists()
            section = header
            if header == "[[rule]]":
                rule.append((comments, "", None))
            else:
                out.extend(_comments(comments))
                out.append(header)
            continue
        key, value = _parse(statement)
        if section == "[[rule]]":
            rule.append((comments, key, value))
        elif section == "[lists]":
            target = lists_tables if isinstance(value, dict) else lists_arrays
            if isinstance(value, dict):
                target.append("")
                target.extend(_comments(comments))
                target.append(f"[lists.{_key(key)}]")
                target.extend(f"{_key(k)} = {_value(v)}" for k, v in value.items())
            else:
                target.extend(_comments(comments))
                target.extend(_assignment(key, value))
        elif section == "[fragments]":
            out.extend(_comments(comments))
            out.extend(_pattern(key, value))
        else:
            out.extend(_comments(comments))
            out.extend(_assignment(key, value))
    flush_rule()
    flush_lists()
    return "\n".join(_squeeze(out)).strip("\n") + "\n"


class _Unchanged(Exception):
    """The file already uses the current format."""


def migrate_file_text(text: str) -> str:
    try:
        return migrate_text(text)
    except _Unchanged:
        return text


def _statements(text: str):
    """(comments before it, statement) for each header or key = value, multi-line values whole."""
    comments: list[str] = []
    buffer: list[str] = []
    for line in text.splitlines():
        if not buffer and (not line.strip() or line.lstrip().startswith("#")):
            comments.append(line)
            continue
        buffer.append(line)
        joined = "\n".join(buffer)
        if joined.lstrip().startswith("["):
            yield comments, joined.split("#", 1)[0].strip() if joined.strip().startswith("[") else joined
            comments, buffer = [], []
            continue
        try:
            tomllib.loads(joined)
        except tomllib.TOMLDecodeError:
            continue                       # a value that goes on over the next lines
        yield comments, joined
        comments, buffer = [], []
    if buffer:
        raise ValueError(f"unfinished statement: {buffer[0][:60]}")


def _parse(statement: str) -> tuple[str, Any]:
    data = tomllib.loads(statement)
    (key, value), = data.items()
    return key, value


def _rule(items: list[tuple[list[str], str, Any]]) -> list[str]:
    head, body, examples = [], [], []
    for comments, key, value in items:
        if key == "":
            head.extend(_comments(comments))
            continue
        body.extend(_comments(comments))
        if key in ("pattern", "trigger", "before", "after"):
            body.extend(_pattern("trigger" if key == "pattern" else key, value))
        elif key == "examples":
            examples = value
        else:
            body.extend(_assignment(key, value))
    lines = ["", *head, "[[rule]]", *body]
    for e in examples:
        lines.append("[[rule.examples]]")
        lines.extend(f"{_key(k)} = {_value(v)}" for k, v in e.items())
    return lines


def _assignment(key: str, value: Any) -> list[str]:
    if isinstance(value, list) and value:
        return [f"{_key(key)} = [", *(f"  {_value(v)}," for v in value), "]"]
    return [f"{_key(key)} = {_value(value)}"]


def _pattern(key: str, source: str) -> list[str]:
    """A pattern on one line if short, else one piece per line (joined back on load)."""
    if len(key) + len(source) + 9 <= WIDTH or "'''" in source or "\n" in source:
        return [f"{key} = '''{source}'''"]
    return [f"{key} = '''", *("  " + piece for piece in _pieces(source, WIDTH - 2)), "'''"]


def _pieces(source: str, width: int) -> list[str]:
    """Cut a pattern before a top-level ``|`` where possible, never before whitespace."""
    cuts, depth, i, in_class = [], 0, 0, False
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if source.startswith("^]", i + 1) or source.startswith("]", i + 1):
                i += 1 + source.startswith("^", i + 1)
        elif c == "(":
            depth += 1
            cuts.append((i, depth))
        elif c == ")":
            depth -= 1
        elif c == "|":
            cuts.append((i, depth))
        i += 1
    pieces, start = [], 0
    while len(source) - start > width:
        ok = [(at, d) for at, d in cuts if start + 20 < at <= start + width and not source[at].isspace()]
        if not ok:
            ok = [(at, 99) for at in range(start + width, start + 20, -1) if not source[at].isspace()
                  and source[at - 1] != "\\" and not _inside_escape(source, at)][:1]
            if not ok:
                break
        at = min(ok, key=lambda x: (x[1], -x[0]))[0] if any(d <= 1 for _, d in ok) else max(ok)[0]
        pieces.append(source[start:at])
        start = at
    pieces.append(source[start:])
    return pieces


def _inside_escape(source: str, at: int) -> bool:
    """True if cutting at ``at`` would split an escape such as ``\\p{L}`` or ``\\L<x>``."""
    back = source.rfind("\\", max(0, at - 12), at)
    return back >= 0 and regex.match(r"\\(?:[pPN]\{[^}]*\}|L<\w+>|x\{[^}]*\})", source[back:]) is not None \
        and back + regex.match(r"\\(?:[pPN]\{[^}]*\}|L<\w+>|x\{[^}]*\})", source[back:]).end() > at


def _comments(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        if len(line) <= WIDTH or not line.lstrip().startswith("#"):
            out.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip())]
        words = line.lstrip()[1:].split()
        current = indent + "#"
        for w in words:
            if len(current) + 1 + len(w) > WIDTH and current.strip() != "#":
                out.append(current)
                current = indent + "#"
            current += " " + w
        out.append(current)
    return out


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _value(key)


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(x)}" for k, x in v.items()) + " }"
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    raise TypeError(f"cannot write {type(v).__name__} in a rule file")


def _squeeze(lines: list[str]) -> list[str]:
    """No runs of blank lines."""
    out: list[str] = []
    for line in lines:
        if line.strip() or (out and out[-1].strip()):
            out.append(line.rstrip())
    return out
