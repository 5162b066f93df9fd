"""`factx report`: the corpus at a glance (``factx.report``), as a page, data or text."""

from __future__ import annotations

import sys

import click

from .cli_errors import EXIT_INTERRUPT, EXIT_USAGE, CliError, Inputs
from .cli_options import corpus_options, iso_date, make_input


@click.command("report")
@click.argument("paths", nargs=-1, required=True, metavar="DOCS...")
@click.option("-o", "--output", type=click.Path(), help="Write to this file instead of stdout.")
@click.option("--format", "fmt", type=click.Choice(["html", "json", "md"]),
              help="html: one self-contained page; json: the same content as data; md: a short text report. "
                   "Default: md on a terminal, html otherwise.")
@click.option("--as-of", callback=iso_date, metavar="YYYY-MM-DD",
              help="The day 'due soon' and 'overdue' are counted from. Default: the latest document date.")
@click.option("--due-within", type=click.IntRange(min=0), default=6, show_default=True, metavar="MONTHS",
              help="Due soon: the due ends within this many months of --as-of.")
@corpus_options
def report(paths, output, fmt, as_of, due_within, lang, ref_date, pattern, input_format, text_field, id_field,
           date_field, lang_field, jobs, patterns):
    """People, commitments, what falls due, money and a timeline across DOCS, in both languages.

    \b
    Example:
      factx report seeds/ -o report.html
      factx report news/ --format json -o report.json
      factx report news/ --format md --as-of 2026-01-01 --due-within 3
    """
    import json

    from . import pipeline, records
    from .cli_output import Output
    from .entry import disarm
    from .errors import FactxError
    from .report import Corpus, html, markdown

    fmt = fmt or ("md" if output is None and sys.stdout.isatty() else "html")
    if fmt == "html" and output is None and sys.stdout.isatty():
        raise CliError("--format html: a page is not for a terminal", hint="write it to a file: -o report.html")
    target = Output(output)
    record_input = make_input(input_format, text_field, id_field, date_field, lang_field)
    options = {"lang": None if lang == "auto" else lang, "ref_date": ref_date, "patterns": patterns,
               "input": record_input, "jobs": jobs}
    inputs = Inputs(lambda line: click.echo(line, err=True), pattern,
                    count_records=records.has_record_files(paths, pattern, record_input))
    try:
        page = html.ReportPage(None) if fmt == "html" else None
        corpus = page.corpus if page else Corpus()
        for doc in inputs.documents(pipeline.extract_paths(paths, glob=pattern, **options)):
            page.add(doc) if page else corpus.add(doc)
        status = inputs.finish()
        if status == EXIT_USAGE and inputs.skipped == inputs.seen:     # every path missing: nothing was read
            sys.exit(status)
        stream = target.open()
        if page:
            page.stream = stream
            page.close(as_of=as_of, due_within=due_within)
        else:
            result = corpus.report(as_of=as_of, due_within=due_within)
            if fmt == "json":
                json.dump(result.to_dict(), stream, ensure_ascii=False, indent=1)    # in chunks, not one string
                stream.write("\n")
            else:
                markdown.write(stream, result)
        target.commit()
    except (FactxError, click.ClickException):
        target.abandon()
        raise
    except KeyboardInterrupt:
        disarm()
        target.abandon()
        sys.exit(EXIT_INTERRUPT)
    except OSError as e:
        target.abandon()
        raise CliError(f"cannot write {output or 'standard output'}: {e.strerror or e}") from None
    sys.exit(status)
