"""Query results in the W3C formats (SPARQL 1.1 JSON, CSV, TSV), as a table, or as RDF."""

from __future__ import annotations

import io
from typing import IO

from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, QueryTriples, RdfFormat
from rich.console import Console
from rich.table import Table

from twingraph.errors import UserError

RESULT_FORMATS = {
    "json": QueryResultsFormat.JSON,
    "csv": QueryResultsFormat.CSV,
    "tsv": QueryResultsFormat.TSV,
    "xml": QueryResultsFormat.XML,
}
GRAPH_FORMATS = {"turtle": RdfFormat.TURTLE, "ntriples": RdfFormat.N_TRIPLES, "jsonld": RdfFormat.JSON_LD}
FORMAT_NAMES = ("table", *RESULT_FORMATS, *GRAPH_FORMATS)


def term_text(term: object) -> str:
    """A cell as a reader wants it: the IRI or the literal's lexical value."""
    return "" if term is None else str(getattr(term, "value", term))


def write_results(
    result: QuerySolutions | QueryBoolean | QueryTriples, fmt: str, out: IO[bytes], console: Console
) -> int:
    """Write results; returns the number of rows (or triples) written."""
    if fmt not in FORMAT_NAMES:
        raise UserError(f"unknown format '{fmt}'; use one of {', '.join(FORMAT_NAMES)}")
    if isinstance(result, QueryTriples):
        if fmt in ("table", *RESULT_FORMATS):
            fmt = "turtle"
        from twingraph.rdf.vocab import PREFIXES

        triples = list(result)
        buffer = io.BytesIO()
        from pyoxigraph import serialize

        serialize(triples, buffer, format=GRAPH_FORMATS[fmt], prefixes=PREFIXES if fmt == "turtle" else None)
        out.write(buffer.getvalue())
        return len(triples)
    if fmt in GRAPH_FORMATS:
        raise UserError(f"--format {fmt} needs a CONSTRUCT or DESCRIBE query; this one is a SELECT or ASK")
    if isinstance(result, QueryBoolean):
        if fmt == "table":
            console.print("yes" if bool(result) else "no")
        else:
            out.write(result.serialize(format=RESULT_FORMATS[fmt]) or b"")
        return 1
    if fmt != "table":
        data = result.serialize(format=RESULT_FORMATS[fmt]) or b""
        out.write(data)
        return -1
    variables = [v.value for v in result.variables]
    table = Table(*variables, show_lines=False, header_style="bold")
    rows = 0
    for solution in result:
        table.add_row(*(term_text(solution[v]) for v in variables))
        rows += 1
    console.print(table)
    console.print(f"{rows} rows", style="dim")
    return rows
