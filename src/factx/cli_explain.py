"""`factx explain`: why each rule fired or did not become a fact."""

from __future__ import annotations

import click

from .cli_rules import console, patterns_option


@click.command("explain")
@click.argument("text", required=False)
@click.option("--file", "file", type=click.Path(exists=True, dir_okay=False), help="Explain this file instead of TEXT.")
@click.option("--lang", type=click.Choice(["auto", "en", "vi"]), default="auto", show_default=True)
@click.option("--ref-date", metavar="YYYY-MM-DD", help="Document date for relative dates.")
@click.option("--types", metavar="LIST", help="Comma-separated fact types.")
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
    from .errors import FactxError

    if (text is None) == (file is None):
        raise click.UsageError("give either TEXT or --file")
    try:
        if file:
            text = sources.read(file)
        t = pipeline.trace(text, lang=None if lang == "auto" else lang, ref_date=ref_date,
                           types=[x.strip() for x in types.split(",")] if types else None, patterns=patterns)
    except FactxError as e:
        raise click.UsageError(str(e)) from None
    doc, view = t.document, t.view
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
        value = " ".join(str(c.attrs[k]) for k in VALUE_FIELDS.get(c.type, ("value",)) if k in c.attrs)
        if c.type == "commitment" and not c.veto:          # its value is only known after linking
            fact = linked.get((start, end))
            value = commitment_line(fact) if fact else ""
            if fact is None and status == "fact":
                status, why = "dropped", "left out by linking: a background sentence (dated in the past) or a repeat"
        if status == "veto":
            why = "counter-rule: suppresses what it overlaps"
        style = {"fact": "green", "dropped": "yellow", "veto": "magenta"}[status]
        table.add_row(f"[{style}]{status}[/]", *map(escape, (c.rule_id, f"{start}-{end}", view.original[start:end], value, why)))
    out.print(table)
