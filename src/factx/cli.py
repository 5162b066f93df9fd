"""The command line: a thin layer that reads options, calls the library and renders.

Data goes to stdout, diagnostics to stderr; exit codes and messages are ``cli_errors``'s,
the same in every command (README, "Exit codes and errors").
"""

from __future__ import annotations

import os
import sys

import click

from . import __version__
from .cli_errors import EXIT_FAILED, EXIT_INTERRUPT, EXIT_OK, EXIT_USAGE, CliError, Group, Inputs
from .cli_eval import eval_command
from .cli_explain import explain
from .cli_options import corpus_options, make_input, types_option
from .cli_report import report
from .cli_output import Output
from .cli_rules import rules
from .entry import disarm
from .errors import FactxError

PROGRESS_MIN_FILES = 5


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="factx")
@click.option("--no-cache", is_flag=True, help="Compile the rule files afresh instead of using the on-disk cache.")
def cli(no_cache):
    """Extract dates, officials, money and commitments from English and Vietnamese news.

    \b
    Example:
      factx extract seeds/                 # tables in a terminal
      factx extract seeds/ | jq '.[0]'     # JSON when piped
      factx explain "in May or June 2026" --lang en
      factx rules check
      factx eval --gold tests/seeds.gold.json seeds/ --min-f1 0.9

    Compiled rules are cached in ~/.cache/factx (FACTX_CACHE_DIR moves it); a stale or
    corrupt entry is rebuilt on its own.
    """
    if no_cache:
        os.environ["FACTX_NO_CACHE"] = "1"


def _columns(ctx, param, value):
    """``source,type,amount``: names from the fact rows' columns, checked before any work."""
    if value is None:
        return None
    from .cli_options import unknown
    from .columns import fields

    known = list(fields())
    picked = tuple(dict.fromkeys(c.strip() for c in value.split(",") if c.strip()))
    for name in picked:
        if name not in known:
            raise unknown("--columns", "column", name, known)
    return picked or None


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH... | -")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "facts", "csv", "parquet", "html"]),
              help="Output format: json/jsonl one document each, facts (JSON Lines) one fact each, csv and "
                   "parquet one typed row per fact, html a page with the facts highlighted (to -o FILE or a "
                   "redirect). Default: table on a terminal, json otherwise.")
@corpus_options
@types_option
@click.option("-o", "--output", type=click.Path(),
              help="Write to this file instead of stdout (--engine dask: to this folder).")
@click.option("--max-size", type=click.IntRange(min=1), default=20, show_default=True, metavar="MB",
              help="Skip (with a warning) files larger than this.")
@click.option("--timeout-per-doc", "timeout", type=click.FloatRange(min=0, min_open=True), default=30,
              show_default=True, metavar="SECONDS", help="Skip (with an error line) a document that takes longer.")
@click.option("--columns", "picked", callback=_columns, metavar="A,B,...",
              help="csv and parquet: these columns, in this order (see factx schema for the names).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="dask: on a Dask cluster, one JSON Lines part per partition in the folder -o OUTDIR/.")
@click.option("--scheduler", metavar="ADDRESS",
              help="--engine dask: this cluster's scheduler (tcp://host:8786); default: a local cluster, a worker per core.")
@click.option("--partition-size", type=click.IntRange(min=1), default=500, show_default=True, metavar="N",
              help="--engine dask: documents per partition (and per output part).")
@click.option("--resume", is_flag=True, help="--engine dask: keep the parts already in OUTDIR, write the others.")
@click.option("--context", is_flag=True, help="Table: show each fact's sentence under its value.")
@click.option("-v", "--verbose", is_flag=True, help="Table: show each fact's offsets and rule id under its value.")
def extract(paths, fmt, lang, ref_date, types, pattern, input_format, text_field, id_field, date_field, lang_field,
            output, max_size, timeout, picked, jobs, engine, scheduler, partition_size, resume, context, verbose,
            patterns):
    """Extract facts from files, folders (recursive) or - (stdin).

    \b
    Example:
      factx extract seeds/
      factx extract article.txt --format json --ref-date 2025-12-16
      cat article.txt | factx extract - --lang vi --types date
      factx extract news/ --glob '*.md' --format csv -o facts.csv
      factx extract news/ --format parquet -o facts.parquet
      factx extract seeds/ --format html -o facts.html
      factx extract corpus.jsonl.gz --text-field body --id-field url --date-field published_at
      zcat corpus.jsonl.gz | factx extract - --input-format jsonl
      factx extract news/ --jobs 0 --format jsonl -o facts.jsonl
      factx extract news/ --engine dask --scheduler tcp://host:8786 -o facts/
    """
    from . import pipeline, records, render

    if picked and fmt not in ("csv", "parquet"):
        raise CliError(f"--columns: only for --format csv or parquet, not {fmt or 'the default'}")
    if engine == "dask":
        return _on_dask(paths, fmt, lang, ref_date, types, pattern, output, max_size, timeout, jobs, scheduler,
                        partition_size, resume, patterns,
                        make_input(input_format, text_field, id_field, date_field, lang_field))
    if scheduler or resume:
        raise CliError(f"{'--scheduler' if scheduler else '--resume'}: only with --engine dask")
    if fmt == "parquet" and output is None:
        raise CliError("--format parquet: give -o FILE (Parquet is a binary file, not a stream)",
                       hint="factx extract news/ --format parquet -o facts.parquet")
    if fmt == "html" and output is None and sys.stdout.isatty():
        raise CliError("--format html: a page is not for a terminal", hint="write it to a file: -o page.html")

    target = Output(output)
    fmt = fmt or ("table" if output is None and sys.stdout.isatty() else "json")
    if (context or verbose) and fmt != "table":
        raise CliError(f"{'--context' if context else '--verbose'}: only for the table, not --format {fmt}",
                       hint="add --format table (the default on a terminal)")
    options = {"lang": None if lang == "auto" else lang, "ref_date": ref_date, "types": types,
               "max_bytes": max_size * 1024 * 1024, "patterns": patterns, "timeout": timeout,
               "input": make_input(input_format, text_field, id_field, date_field, lang_field)}
    record_run = records.has_record_files(paths, pattern, options["input"])
    try:
        stream = target.open(binary=fmt == "parquet")
        out_console, err_console = _consoles(output, stream)
        sink = render.writer(fmt, stream, out_console,
                             context=context, verbose=verbose, columns=picked)
        inputs = Inputs(lambda line: err_console.print(line, markup=False, highlight=False, soft_wrap=True), pattern,
                        count_records=record_run)
        # The bar counts files; a record file is many documents, so record runs have the summary line instead.
        with _progress(paths, pattern, err_console, _to_a_file(output) and not record_run) as advance:
            for doc in inputs.documents(_advancing(pipeline.extract_paths(paths, glob=pattern, jobs=jobs, **options),
                                                   advance)):
                sink.write(doc)
        status = inputs.finish()
        if status == EXIT_USAGE and inputs.skipped == inputs.seen:     # every path missing: nothing was read
            target.abandon()
            sys.exit(status)
        if isinstance(sink, render.TableWriter):    # its "files skipped"; bad records are in the summary line
            sink.close(inputs.files_unread if record_run else inputs.skipped)
        else:
            sink.close()
        target.commit()
    except (FactxError, click.ClickException):
        target.abandon()
        raise
    except BrokenPipeError:
        target.abandon()
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())   # `| head` closed the pipe
        sys.exit(EXIT_OK)
    except KeyboardInterrupt:
        disarm()
        target.abandon()
        sys.exit(EXIT_INTERRUPT)
    except OSError as e:                 # a full disk, a closed stdout: one line, not a traceback
        target.abandon()
        raise CliError(f"cannot write {output or 'standard output'}: {e.strerror or e}",
                       exit_code=EXIT_USAGE if target.stream is None else EXIT_FAILED) from None
    sys.exit(status)


def _advancing(items, advance):
    """``items``, the progress bar moved on by each (a SourceError too: it is a file done)."""
    for item in items:
        advance()
        yield item


def _on_dask(paths, fmt, lang, ref_date, types, pattern, output, max_size, timeout, jobs, scheduler,
             partition_size, resume, patterns, record_input):
    if output is None:
        raise CliError("--engine dask: give -o OUTDIR/, the folder its parts go to",
                       hint="factx extract news/ --engine dask -o facts/")
    if fmt not in (None, "jsonl"):
        raise CliError(f"--engine dask: writes JSON Lines parts, not {fmt}")
    if jobs != 1:
        raise CliError("--jobs: not with --engine dask, whose workers are the cluster's")
    if "-" in paths:
        raise CliError("--engine dask: reads files and folders, not standard input")
    from . import cli_dask, records

    err = _consoles(None, sys.stdout)[1]
    inputs = Inputs(lambda line: err.print(line, markup=False, highlight=False, soft_wrap=True), pattern,
                    count_records=records.has_record_files(paths, pattern, record_input))
    options = {"lang": None if lang == "auto" else lang, "ref_date": ref_date, "types": types,
               "patterns": patterns, "timeout": timeout}
    try:
        cli_dask.run(list(paths), pattern, max_size * 1024 * 1024, options, output, scheduler, partition_size,
                     resume, inputs, record_input)
    except KeyboardInterrupt:
        disarm()
        sys.exit(EXIT_INTERRUPT)
    sys.exit(inputs.finish())


def _consoles(output, stream):
    from rich.console import Console

    class Quiet(Console):
        def on_broken_pipe(self) -> None:      # rich would exit 1; `| head` is a normal end
            raise BrokenPipeError

    # No explicit file for stdout: rich then follows sys.stdout, which a live progress bar redirects.
    out = Quiet(file=stream, force_terminal=False, width=120) if output else Quiet()
    return out, Console(stderr=True)


def _to_a_file(output: str | None) -> bool:
    """The output goes to a regular file (``-o FILE`` or ``> FILE``), not to a terminal or pipe."""
    import stat

    target = output if output is not None and os.path.exists(output) else None
    try:
        mode = os.stat(target).st_mode if target else os.fstat(sys.stdout.fileno()).st_mode if output is None else None
    except (OSError, ValueError):
        return False
    return mode is None or stat.S_ISREG(mode)


class _progress:
    """A transient progress bar on stderr for many files, only when stderr is a terminal and
    the output goes to a file. Tables on the terminal are their own progress, and output into
    a pipe (``| jq``, ``| head``) usually ends on the same terminal: a bar there would share
    a line with it. Nothing in CI."""

    def __init__(self, paths, pattern, console, output_is_a_file):
        self.bar = None
        if console.is_terminal and output_is_a_file and not os.environ.get("CI") and "-" not in paths:
            from .sources import expand

            total = sum(1 for _ in expand(list(paths), pattern))
            if total >= PROGRESS_MIN_FILES:
                from rich.progress import Progress

                self.bar = Progress(console=console, transient=True)
                self.task = self.bar.add_task("extracting", total=total)

    def __enter__(self):
        if self.bar is None:
            return lambda: None
        self.bar.start()
        return lambda: self.bar.advance(self.task)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False


@cli.command("schema")
@click.option("--shape", type=click.Choice(["document", "facts"]), default="document", show_default=True,
              help="document: one item of --format json / one line of jsonl; facts: one line of --format facts.")
def schema_command(shape):
    """Print the JSON Schema (draft 2020-12) of factx's output: the contract tools can check.

    \b
    Example:
      factx schema > factx.schema.json
      factx schema --shape facts
    """
    import json

    from .schema import schema

    click.echo(json.dumps(schema(shape), indent=2, ensure_ascii=False))


cli.add_command(rules)
cli.add_command(eval_command)
cli.add_command(explain)
cli.add_command(report)


def main() -> None:
    """Run the command; Ctrl-C is exit 130 in every command, as in ``extract``, not click's
    "Aborted!" and 1."""
    _notices()
    try:
        code = cli.main(prog_name="factx", standalone_mode=False)
    except click.Abort:
        disarm()
        sys.exit(EXIT_INTERRUPT)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    sys.exit(code if isinstance(code, int) else 0)


def _notices() -> None:
    """The library's notices (``factx`` logger: "compiling the en officials rules", which takes
    seconds on a first run) as stderr lines, for a person at a terminal only: a pipeline's or
    CI's stderr keeps to errors and warnings."""
    if sys.stderr.isatty() and not os.environ.get("CI"):
        import logging

        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("factx: %(message)s"))
        log = logging.getLogger("factx")
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False


if __name__ == "__main__":
    main()
