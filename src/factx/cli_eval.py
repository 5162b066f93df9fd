"""`factx eval`: score factx on documents against hand-made answers, with a bar for CI."""

from __future__ import annotations

import json
import sys

import click

from .cli_errors import EXIT_FAILED, CliError, Inputs
from .cli_options import corpus_options, make_input, types_option
from .extractors import REGISTRY


def _min_f1(ctx, param, values):
    """``0.9`` sets the bar for every type; ``date=0.95`` for one type."""
    bars: dict[str, float] = {}
    for v in values:
        type_, _, number = v.rpartition("=")
        try:
            f = float(number)
        except ValueError:
            raise click.BadParameter(f"{v!r}: expected a number such as 0.9 or TYPE=0.9") from None
        if type_ and type_ not in REGISTRY:
            raise click.BadParameter(f"{v!r}: unknown type {type_!r}; choose from {', '.join(REGISTRY)}")
        for t in ([type_] if type_ else REGISTRY):
            bars[t] = f
    return bars


@click.command("eval")
@click.argument("docs", nargs=-1, required=True, metavar="DOCS...")
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Hand-made answers in the gold format (see the README).")
@click.option("--errors", is_flag=True, help="List every miss, extra and wrong attribute.")
@click.option("--min-f1", "bars", multiple=True, callback=_min_f1, metavar="[TYPE=]F1",
              help="Exit 1 if F1 falls below this, for every type or one (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@types_option
@corpus_options
def eval_command(docs, gold, errors, bars, fmt, types, lang, ref_date, pattern, input_format, text_field, id_field, date_field,
                 lang_field, jobs, patterns):
    """Extract from DOCS and score against --gold: precision, recall, F1 and attribute
    accuracy per fact type and per language.

    \b
    Example:
      factx eval --gold tests/seeds.gold.json seeds/
      factx eval --gold gold.json news/ --errors --min-f1 0.9 --min-f1 date=0.95
      factx eval --gold officials.gold.json news/ --types official,commitment
    """
    from . import evaluate, pipeline, records

    try:
        with open(gold, encoding="utf-8") as f:
            gold_data = json.load(f)
        evaluate.check_gold(gold_data)
    except (ValueError, OSError) as e:
        raise CliError(f"{gold}: not a gold file ({e})", hint="the README's gold format section shows one") from None
    record_input = make_input(input_format, text_field, id_field, date_field, lang_field)
    inputs = Inputs(lambda line: click.echo(line, err=True), pattern,
                    count_records=records.has_record_files(docs, pattern, record_input))
    items = pipeline.extract_paths(docs, glob=pattern, lang=None if lang == "auto" else lang, ref_date=ref_date,
                                   types=types, patterns=patterns, input=record_input, jobs=jobs)
    predicted = [doc.to_dict() for doc in inputs.documents(items)]
    status = inputs.finish()
    report = evaluate.score(gold_data, predicted, types)
    summary = report.summary()
    if fmt == "json":
        click.echo(json.dumps(summary, indent=1))
    else:
        _print_table(summary)
    if errors:
        for p in report.problems:
            click.echo(f"{p.kind:<5} {p.source} {p.type}: {p.detail}")
    below = [f"{t} F1 {summary[t]['f1']:.3f} < {bar}" for t, bar in bars.items()
             if t in summary and summary[t]["f1"] < bar]
    for line in below:
        click.echo(f"factx: below the bar: {line}", err=True)
    sys.exit(max(status, EXIT_FAILED if below else 0))


def _print_table(summary: dict) -> None:
    click.echo(f"{'type':<16}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>7}{'R':>7}{'F1':>7}{'detR':>7}  attributes")
    for key, s in summary.items():
        if key == "macro_f1":
            continue
        attrs = " ".join(f"{k[:-4]}={v:.2f}" for k, v in s.items() if k.endswith("_acc"))
        click.echo(f"{key:<16}{s['tp']:>5}{s['fp']:>5}{s['fn']:>5}{s['precision']:>7.2f}{s['recall']:>7.2f}"
                   f"{s['f1']:>7.2f}{s['detect_recall']:>7.2f}  {attrs}")
    click.echo(f"macro F1 over types: {summary['macro_f1']:.3f}")
