"""Every command fails the same way: one `factx: error:` line (and a hint), the same exit code."""

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from conftest import ROOT
from factx import language, packs
from factx.cli import cli
from factx.errors import PatternError
from factx.extractors import REGISTRY

EN = "Kazakhstan plans to co-host a business forum in May or June 2026."
GOLD = str(ROOT / "tests" / "seeds.gold.json")


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def one_error(r, code: int, message: str) -> None:
    """The shape every error has: the exit code, `factx: error: ...` first, no banner, no traceback."""
    assert r.exit_code == code, r.output
    assert r.stderr.startswith("factx: error: "), r.stderr
    assert message in r.stderr.splitlines()[0], r.stderr
    assert "Usage:" not in r.stderr and "Traceback" not in r.stderr


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text(EN, encoding="utf-8")
    return path


def commands(doc, *extra):
    """Each command that reads rules, on an English input, with ``extra`` options."""
    return {
        "extract": ["extract", doc, "--lang", "en", *extra],
        "explain": ["explain", EN, "--lang", "en", *extra],
        "eval": ["eval", "--gold", GOLD, doc, "--lang", "en", *extra],
        "rules list": ["rules", "list", *extra],
        "rules check": ["rules", "check", "--lang", "en", "--type", "date", *extra],
    }


BROKEN = {
    "toml": ("[[rule]\n", "dates.toml:1: malformed TOML"),
    "regex": ("[[rule]]\nid = \"en.dates.bad\"\ntrigger = '''(?P<year>20\\d\\d'''\n",
              "dates.toml:2 [en.dates.bad]: pattern does not compile"),
}


@pytest.mark.parametrize("command", ["extract", "explain", "eval", "rules list", "rules check"])
@pytest.mark.parametrize("broken", BROKEN)
def test_a_broken_pack_is_the_same_error_in_every_command(tmp_path, doc, command, broken):
    body, message = BROKEN[broken]
    (tmp_path / "pack" / "en").mkdir(parents=True)
    (tmp_path / "pack" / "en" / "dates.toml").write_text(body, encoding="utf-8")
    r = run(*commands(doc, "--patterns", tmp_path / "pack")[command])
    one_error(r, 2, f"{tmp_path / 'pack' / 'en' / message}")


def every_command_with_patterns():
    """(path of a command, its args) for every command that takes --patterns."""
    def walk(group, path):
        for name, command in group.commands.items():
            if isinstance(command, click.Group):
                yield from walk(command, [*path, name])
            elif any(p.name == "patterns" for p in command.params):
                yield [*path, name]
    return list(walk(cli, []))


ARGS = {"extract": ["-"], "explain": [EN], "eval": ["--gold", GOLD, "-"], "show": ["en.dates.month_year"]}


@pytest.mark.parametrize("command", every_command_with_patterns(), ids=" ".join)
def test_a_missing_or_layoutless_pack_is_an_error_in_every_command(tmp_path, command):
    args = [*command, *ARGS.get(command[-1], [])]
    one_error(run(*args, "--patterns", tmp_path / "missing"), 2, f"--patterns {tmp_path / 'missing'}: no such folder")

    (tmp_path / "flat").mkdir()
    (tmp_path / "flat" / "dates.toml").write_text("", encoding="utf-8")
    r = run(*args, "--patterns", tmp_path / "flat")
    one_error(r, 2, f"--patterns {tmp_path / 'flat'}: not a rule pack: no "
                    + ", ".join(f"{lang}/" for lang in tuple(language.available())))
    assert "hint: a pack holds <lang>/<type>.toml files" in r.stderr


def test_what_a_pack_may_hold(tmp_path):
    (tmp_path / "shared" / "common").mkdir(parents=True)
    packs.check(str(tmp_path / "shared"))                          # lists for the built-in rules only
    packs.check(str(ROOT / "examples" / "user-pack"))
    (tmp_path / "typo" / "vn").mkdir(parents=True)
    with pytest.raises(PatternError, match=r"found vn/: a misspelt language"):
        packs.check(str(tmp_path / "typo"))
    (tmp_path / "typo" / "vn" / "dates.toml").write_text("", encoding="utf-8")
    with pytest.raises(PatternError, match="not a folder"):
        packs.check(str(tmp_path / "typo" / "vn" / "dates.toml"))
    (tmp_path / "pack" / "en").mkdir(parents=True)
    (tmp_path / "pack" / "en" / "dates.toml").write_text("", encoding="utf-8")
    with pytest.raises(PatternError, match="a pack's en/ folder: give the folder above it"):
        packs.check(str(tmp_path / "pack" / "en"))


@pytest.mark.parametrize("command", [["extract"], ["eval", "--gold", GOLD]], ids=["extract", "eval"])
def test_no_input_files_is_an_error_not_an_empty_result(tmp_path, doc, command):
    (tmp_path / "empty").mkdir()
    r = run(*command, tmp_path / "empty")
    one_error(r, 2, f"no input files: {tmp_path / 'empty'} has no files matching *.txt")
    assert "hint: --glob" in r.stderr and r.stdout == ""
    r = run(*command, tmp_path, "--glob", "*.md")
    one_error(r, 2, f"no input files: {tmp_path} has no files matching *.md")
    r = run(*command, tmp_path / "empty", doc.parent / "also-empty-but-missing", "--lang", "en")
    assert r.exit_code == 2 and "also-empty-but-missing: no such file or directory" in r.stderr


def test_one_empty_folder_among_inputs_is_a_warning(tmp_path, doc):
    (tmp_path / "empty").mkdir()
    r = run("extract", tmp_path / "empty", doc, "--lang", "en", "--format", "jsonl")
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == 1
    assert f"factx: warning: {tmp_path / 'empty'}: no files matching *.txt" in r.stderr


@pytest.mark.parametrize("where, problem", [("missing/out.json", "does not exist"),
                                            ("doc.txt/out.json", "is not a folder")])
def test_output_into_no_folder_is_one_line(doc, where, problem):
    r = run("extract", doc, "--lang", "en", "-o", doc.parent / where)
    one_error(r, 2, f"-o {doc.parent / where}: the folder {doc.parent / where.split('/')[0]} {problem}")


def test_output_into_no_folder_from_the_real_command(doc):
    """The installed entry point, not only CliRunner: the same single line."""
    r = subprocess.run([sys.executable, "-m", "factx", "extract", str(doc), "-o", str(doc.parent / "no" / "out.json")],
                       capture_output=True, text=True)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.startswith(f"factx: error: -o {doc.parent / 'no' / 'out.json'}: the folder")
    assert "Traceback" not in r.stderr and "Usage:" not in r.stderr


@pytest.mark.parametrize("data, message", [
    ("Hôm qua, Bộ trưởng đã ký. Trade rose in May 2025.\n".encode("utf-16-le"),
     "looks like UTF-16 without a byte-order mark; convert it: iconv -f UTF-16LE -t UTF-8 {f} > out.txt"),
    ("Trade rose in May 2025.\n".encode("utf-16-be"),
     "looks like UTF-16 without a byte-order mark; convert it: iconv -f UTF-16BE -t UTF-8 {f} > out.txt"),
    ("\u201cCaf\u00e9\u201d opened in May 2025.".encode("cp1252"),
     "not valid UTF-8 (byte 0x93 at offset 0); if it is CP1252 text, convert it: iconv -f CP1252 -t UTF-8 {f} > out.txt"),
    (b"caf\xe9 \x81 opened in May 2025.",
     "not valid UTF-8 (byte 0xe9 at offset 3); if it is ISO-8859-1 text, convert it: iconv -f ISO-8859-1 -t UTF-8 {f} > out.txt"),
    (b"\x00\x01\x02binary\x00\xff" * 20, "binary file (contains NUL bytes), not text"),
], ids=["utf-16le", "utf-16be", "cp1252", "latin-1", "binary"])
def test_other_encodings_are_named_with_the_command_to_convert_them(tmp_path, doc, data, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    r = run("extract", bad, doc, "--lang", "en")
    assert r.exit_code == 1
    assert f"factx: warning: {bad}: {message.format(f=bad)}" in r.stderr
    r = run("explain", "--file", bad)
    one_error(r, 1, f"{bad}: {message.format(f=bad)}")


def test_utf16_text_is_not_binary_and_binary_is_not_utf16(tmp_path):
    from factx import sources

    assert sources._utf16_without_bom("Hôm qua".encode("utf-16-le") * 50) == "UTF-16LE"
    assert sources._utf16_without_bom(bytes(range(256)) * 8) is None
    assert sources._utf16_without_bom(b"\x00" * 4096) is None        # controls, not text


def option_commands(doc, option, value):
    if option == "--lang":
        return list(commands(doc, "--lang", value).values())
    return [["extract", doc, "--types", f"money,{value}"], ["explain", EN, "--types", value],
            ["rules", "list", "--type", value], ["rules", "check", "--type", value]]


@pytest.mark.parametrize("option, value, guess", [("--lang", "vn", "vi"), ("--types", "dates", "date"),
                                                  ("--types", "offical", "official")])
def test_an_unknown_language_or_type_suggests_the_closest_in_every_command(doc, option, value, guess):
    for args in option_commands(doc, option, value):
        r = run(*args)
        name = "--type" if "rules" in args and option == "--types" else option
        what = "language" if option == "--lang" else "fact type"
        one_error(r, 2, f"{name}: unknown {what} {value!r}; did you mean {guess!r}?")
        choices = tuple(language.available()) if option == "--lang" else tuple(REGISTRY)
        assert all(c in r.stderr.splitlines()[1] for c in choices)


def test_an_option_value_far_from_any_choice_gets_no_guess(doc):
    r = run("extract", doc, "--types", "weather")
    one_error(r, 2, "--types: unknown fact type 'weather'")
    assert "did you mean" not in r.stderr


def test_syntax_errors_keep_clicks_usage_line():
    r = run("extract")
    assert r.exit_code == 2 and "Usage: " in r.stderr and "Missing argument" in r.stderr


def test_explain_shows_no_none():
    r = run("explain", "The weather was fine.", "--lang", "en")
    assert r.exit_code == 0 and "None" not in r.stdout and "no rule fired" in r.stdout
    r = run("explain", "--file", ROOT / "seeds" / sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))[0])
    assert r.exit_code == 0 and "None" not in r.stdout and "fact" in r.stdout


def every_command(group=cli, path=()):
    yield list(path)
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from every_command(command, (*path, name))
        else:
            yield [*path, name]


@pytest.mark.parametrize("command", list(every_command()), ids=lambda c: " ".join(c) or "factx")
def test_every_help_shows_an_example(command):
    r = run(*command, "--help")
    assert r.exit_code == 0 and "Example:" in r.stdout


def test_only_missing_paths_write_nothing(tmp_path):
    from click.testing import CliRunner

    from factx.cli import cli

    out = tmp_path / "out.json"
    out.write_text("kept", encoding="utf-8")
    r = CliRunner().invoke(cli, ["extract", str(tmp_path / "nope.txt"), "--format", "json"])
    assert r.exit_code == 2 and r.stdout == "" and "no such file or directory" in r.stderr
    r = CliRunner().invoke(cli, ["extract", str(tmp_path / "nope.txt"), "-o", str(out)])
    assert r.exit_code == 2 and out.read_text(encoding="utf-8") == "kept"


def test_table_options_elsewhere_and_report_into_a_folder_are_one_line_errors(tmp_path):
    from click.testing import CliRunner

    from factx.cli import cli

    seeds = str(ROOT / "seeds")
    r = CliRunner().invoke(cli, ["extract", seeds, "--format", "json", "--context"])
    assert r.exit_code == 2 and "--context: only for the table, not --format json" in r.stderr and r.stdout == ""
    r = CliRunner().invoke(cli, ["extract", seeds, "--format", "table", "--verbose", "-o", str(tmp_path / "t.txt")])
    assert r.exit_code == 0
    for command in (["extract", seeds], ["report", seeds, "--format", "json"]):
        r = CliRunner().invoke(cli, [*command, "-o", str(tmp_path)])
        assert r.exit_code == 2 and f"-o {tmp_path}: is a folder" in r.stderr, r.stderr
