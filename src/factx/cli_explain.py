"""`factx explain`: why each rule fired or did not become a fact."""

from __future__ import annotations

import click

from .cli_options import lang_option, patterns_option, ref_date_option, types_option
from .cli_rules import console


@click.command("explain")
@click.argument("text", required=False)
@click.option("--file", "file", type=click.Path(exists=True, dir_okay=False), help="Explain this file instead of TEXT.")
@lang_option()
@ref_date_option
@types_option
@patterns_option
def explain(text, file, lang, ref_date, types, patterns):
    """Show every rule that fired on TEXT, its span and value, and every candidate that was
    dropped (overlapped by a longer match, vetoed by a counter-rule, or not a valid value), with the reason.

    \b
    Example:
      factx explain "Kazakhstan plans a forum in May or June 2026." --ref-date 2025-12-16
      factx explain --file article.txt --types date
    """
    from rich.markup import escape
    from rich.table import Table

    from . import pipeline, sources
    from .render import VALUE_FIELDS, commitment_line

    if (text is None) == (file is None):
        raise click.UsageError("give either TEXT or --file")
    if file:
        text = sources.read(file)
    t = pipeline.trace(text, lang=None if lang == "auto" else lang, ref_date=ref_date, types=types,
                       source=file or "TEXT", patterns=patterns)
    doc, view = t.document, t.view
    for warning in doc.warnings:
        click.echo(f"factx: warning: {warning}", err=True)
    out = console()
    date = f"{doc.document_date.value} ({doc.document_date.origin})" if doc.document_date else "unknown"
    out.print(f"language {doc.language} ({doc.language_confidence:.2f}) · document date {date}", highlight=False)
    dropped = {id(c): why for c, why in t.dropped}
    rows = [(c, "veto" if c.veto else ("dropped" if id(c) in dropped else "fact"), dropped.get(id(c), ""))
            for c in t.matched]
    rows += [(c, "dropped", why) for c, why in t.dropped if not any(c is m for m in t.matched)]
    linked = {(f.start, f.end): f for f in doc.facts if f.type == "commitment"}
    table = Table("", "rule", "span", "text", "value", "why not")
    for c, status, why in sorted(rows, key=lambda r: (r[0].start, -r[0].end)):
        start, end = view.to_original(c.start, c.end)
        value = " ".join(str(c.attrs[k]) for k in VALUE_FIELDS.get(c.type, ("value",))
                         if c.attrs.get(k) is not None)      # an official with no name yet, or no country
        if c.type == "commitment" and not c.veto:          # its value is only known after linking
            fact = linked.get((start, end))
            value = commitment_line(fact) if fact else ""
            if fact is None and status == "fact":
                status, why = "dropped", "left out by linking: a background sentence (dated in the past) or a repeat"
        if status == "veto":
            why = "counter-rule: suppresses what it overlaps"
        style = {"fact": "green", "dropped": "yellow", "veto": "magenta"}[status]
        table.add_row(f"[{style}]{status}[/]", *map(escape, (c.rule_id, f"{start}-{end}", view.original[start:end], value, why)))
    if rows:
        out.print(table)
    else:
        out.print("no rule fired: nothing here is a date, amount, official or commitment to factx", highlight=False)
