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
    from .extractors import REGISTRY
    from .facttype import one_fact_per_candidate
    from .render import describe, people

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
    names = people(doc)
    linked = {}                         # (type, start, end) -> the fact a candidate became part of
    for f in doc.facts:
        for span in ((f.start, f.end), *((m["start"], m["end"]) for m in f.attrs.get("mentions", []))):
            linked.setdefault((f.type, *span), f)
    table = Table("", "rule", "span", "text", "value", "why not")
    for c, status, why in sorted(rows, key=lambda r: (r[0].start, -r[0].end)):
        start, end = view.to_original(c.start, c.end)
        fact = linked.get((c.type, start, end))
        plain = REGISTRY[c.type].link is one_fact_per_candidate      # its value is known before linking
        value = describe(fact, names) if fact else describe(c) if plain and not c.veto and c.attrs else ""
        if fact is None and status == "fact" and not plain:
            status, why = "dropped", "left out by linking: a repeat, a background sentence or no one it names"
        if status == "veto":
            why = "counter-rule: suppresses what it overlaps"
        style = {"fact": "green", "dropped": "yellow", "veto": "magenta"}[status]
        table.add_row(f"[{style}]{status}[/]", *map(escape, (c.rule_id, f"{start}-{end}", view.original[start:end], value, why)))
    if rows:
        out.print(table)
    else:
        kinds = ", ".join(REGISTRY)
        out.print(f"no rule fired: nothing here is a fact to factx ({kinds})", highlight=False)
