"""Rewrite a rule file of the first format (one ``pattern`` per rule, everything on one line)
in today's: ``trigger`` instead of ``pattern``, word lists one entry per line, long patterns
one branch per line, examples as ``[[rule.examples]]`` tables.

A first-format pattern is, unchanged, a rule that is all trigger, so the rewrite need not change
what a pack matches, and it is checked not to: the new file is read back and must hold the same
lists, fragments and rules (patterns compared as the loader joins them). The rewrite goes line
by line, keeping the comments before each entry; a file it cannot follow (dotted keys, tables
it does not expect) is written again from its data, without comments; a file neither way can
reproduce is refused. Splitting a rule into ``before`` / ``trigger`` / ``after`` (faster, and
shares the search with rules of the same trigger) is left to its author.
"""

from __future__ import annotations

import datetime
import json
import tomllib
from typing import Any

import regex

from .rulebook import joined, structure

WIDTH = 100                  # the longest line written, comments and patterns included
_BARE_KEY = regex.compile(r"[A-Za-z0-9_-]+")
_ESCAPE = regex.compile(r"\\(?:[pPN]\{[^}]*\}|L<\w+>|x\{[^}]*\})")


def migrate(text: str) -> tuple[str, bool]:
    """(the file in the current format, whether its comments were kept); ``text`` itself when
    it needs no rewriting. Raises ValueError for a file that cannot be rewritten faithfully."""
    data = tomllib.loads(text)
    if not _needs(data, text):
        return text, True
    problems = []
    for attempt, keeps_comments in ((_line_based, True), (_from_data, False)):
        try:
            new = attempt(text, data)
            same = _same(data, tomllib.loads(new))
        except (ValueError, TypeError, _Unfollowed) as e:
            problems.append(str(e) or type(e).__name__)
            continue
        if same:
            return new, keeps_comments
        problems.append("the rewrite would not hold the same rules")
    raise ValueError("cannot be rewritten faithfully (" + "; ".join(dict.fromkeys(problems)) + "): "
                     "edit it by hand, renaming each rule's 'pattern' to 'trigger'")


def migrate_file_text(text: str) -> str:
    return migrate(text)[0]


def _needs(data: dict, text: str) -> bool:
    """A rule still written with ``pattern``, or (a shared file) a line no reviewer can read."""
    rules = data.get("rule", [])
    if isinstance(rules, list) and any(isinstance(r, dict) and "pattern" in r for r in rules):
        return True
    return not rules and any(len(line) > 200 for line in text.splitlines())


def _same(old: dict, new: dict) -> bool:
    """The rewritten data holds what the old file held, patterns as the loader reads them."""
    def norm(data: dict, first_format: bool) -> dict:
        read = _one_line if first_format else joined
        out = {k: v for k, v in data.items() if k not in ("fragments", "rule")}
        out["fragments"] = {k: read(v) for k, v in data.get("fragments", {}).items()}
        out["rule"] = []
        for r in data.get("rule", []):
            r = dict(r)
            if first_format and "pattern" in r:
                r["trigger"] = r.pop("pattern")
            for key in ("trigger", "before", "after"):
                if isinstance(r.get(key), str):
                    r[key] = read(r[key])
            out["rule"].append(r)
        return out

    return norm(old, True) == norm(new, False)


def _from_data(text: str, data: dict) -> str:
    """The file written again from its data alone (its comments cannot follow)."""
    out: list[str] = []
    for k, v in data.items():
        if k not in ("lists", "fragments", "rule"):
            out += _assignment(k, v)
    lists = data.get("lists", {})
    if lists:
        out += ["", "[lists]"]
        for name, entries in lists.items():
            if not isinstance(entries, dict):
                out += _assignment(name, entries)
        for name, entries in lists.items():
            if isinstance(entries, dict):
                out += ["", f"[lists.{_key(name)}]", *(f"{_key(k)} = {_value(v)}" for k, v in entries.items())]
    if data.get("fragments"):
        out += ["", "[fragments]"]
        for name, source in data["fragments"].items():
            out += _pattern(name, source)
    for r in data.get("rule", []):
        out += _rule([([], "", None), *(([], k, v) for k, v in r.items())])
    return "\n".join(_squeeze(out)).strip("\n") + "\n"


def _one_line(pattern: str) -> str:
    """A first-format pattern that ran over lines, as one line meaning the same: each line break
    becomes the escape \\n (not for a verbose pattern, whose comments end at line breaks)."""
    if "\n" not in pattern:
        return pattern
    if regex.search(r"\(\?[a-zA-Z]*x", pattern):
        raise ValueError("a verbose (?x) pattern runs over several lines")
    return pattern.replace("\r\n", "\n").replace("\n", "\\n")


def _line_based(text: str, data: dict) -> str:
    """The file rewritten line by line, the comments before each entry kept with it."""
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
                raise _Unfollowed(f"a {header} table")
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


class _Unfollowed(Exception):
    """A layout the line-by-line rewrite does not follow; the data rewrite takes over."""


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
    source = _one_line(source)
    if "'''" in source:
        return [f"{_key(key)} = {_value(source)}"]
    if len(key) + len(source) + 9 <= WIDTH:
        return [f"{_key(key)} = '''{source}'''"]
    return [f"{_key(key)} = '''", *("  " + piece for piece in _pieces(source, WIDTH - 2)), "'''"]


def _pieces(source: str, width: int) -> list[str]:
    """Cut a pattern before a top-level ``|`` where possible, never before whitespace."""
    cuts = [(at, depth) for at, c, depth in structure(source) if c != ")"]
    pieces, start = [], 0
    while len(source) - start > width:
        ok = [(at, d) for at, d in cuts if start + 20 < at <= start + width and _clean_cut(source, at)]
        if not ok:
            ok = [(at, 99) for at in range(start + width, start + 20, -1) if _clean_cut(source, at)
                  and source[at - 1] != "\\" and not _inside_escape(source, at)][:1]
            if not ok:
                break
        at = min(ok, key=lambda x: (x[1], -x[0]))[0] if any(d <= 1 for _, d in ok) else max(ok)[0]
        pieces.append(source[start:at])
        start = at
    pieces.append(source[start:])
    return pieces


def _clean_cut(source: str, at: int) -> bool:
    """No space on either side of a cut: the loader drops indentation, an editor trailing spaces."""
    return not source[at].isspace() and not source[at - 1].isspace()


def _inside_escape(source: str, at: int) -> bool:
    """True if cutting at ``at`` would split an escape such as ``\\p{L}`` or ``\\L<x>``."""
    back = source.rfind("\\", max(0, at - 12), at)
    escape = _ESCAPE.match(source, back) if back >= 0 else None
    return escape is not None and escape.end() > at


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
        return json.dumps(v, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(v, (datetime.date, datetime.time)):          # TOML's own dates, written bare
        return v.isoformat()
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(x)}" for k, x in v.items()) + " }"
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    raise TypeError(f"cannot write {type(v).__name__} in a rule file")


def _squeeze(lines: list[str]) -> list[str]:
    """No runs of blank lines; other lines kept exactly (a pattern piece may end in a space)."""
    out: list[str] = []
    for line in lines:
        if line.strip():
            out.append(line)
        elif out and out[-1].strip():
            out.append("")
    return out
