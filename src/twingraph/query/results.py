"""Query results in the W3C formats (SPARQL 1.1 JSON, CSV, TSV), as a table, or as RDF."""

from __future__ import annotations

import io
from collections.abc import Collection
from typing import IO

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    Triple,
    serialize,
)
from rich.console import Console
from rich.table import Table

from twingraph.errors import UserError
from twingraph.rdf.formats import GRAPH_FORMAT_NAMES, RDF_FORMATS
from twingraph.rdf.vocab import PREFIXES

RESULT_FORMATS = {
    "json": QueryResultsFormat.JSON,
    "csv": QueryResultsFormat.CSV,
    "tsv": QueryResultsFormat.TSV,
    "xml": QueryResultsFormat.XML,
}
FORMAT_NAMES = ("table", *RESULT_FORMATS, *GRAPH_FORMAT_NAMES)


CELL_WIDTH = 60  # characters of a table cell before it is cut with an ellipsis
SHORT_COLUMN = 12  # columns no wider than this (dates, kinds, codes) are never cut
MIN_LONG_COLUMN = 16  # narrower than this, a column of text says little: leave out less useful ones
# columns a narrow table leaves out, first to last; `--format csv` always has them
LEAVE_OUT_FIRST = (
    "visit",
    "item",
    "fact",
    "partnership",
    "agreement",
    "event",
    "entity",
    "source",
    "description",
    "evidence",
    "sentence",
)
# longest namespace first, so tgid: wins over a shorter prefix of the same IRI
_NAMESPACES = sorted(((ns, prefix) for prefix, ns in PREFIXES.items()), key=lambda item: -len(item[0]))


def term_text(term: object) -> str:
    """A cell as a reader wants it: the IRI or the literal's lexical value."""
    return "" if term is None else str(getattr(term, "value", term))


def short_iri(iri: str) -> str:
    """'https://w3id.org/twingraph/id/city/de/dortmund' -> 'tgid:city/de/dortmund'."""
    for namespace, prefix in _NAMESPACES:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def cell_text(term: object, width: int = CELL_WIDTH) -> str:
    """A table cell: IRIs with prefixes, long literals cut with an ellipsis."""
    if term is None:
        return ""
    text = short_iri(term.value) if isinstance(term, NamedNode) else term_text(term)
    if isinstance(term, BlankNode):
        text = f"_:{text}"
    text = " ".join(text.split()) if isinstance(term, Literal) else text
    return text if len(text) <= width else text[: width - 1] + "…"


def write_results(
    result: QuerySolutions | QueryBoolean | QueryTriples | list[Triple],
    fmt: str,
    out: IO[bytes],
    console: Console,
    hide: Collection[str] = (),
) -> int:
    """Write results; returns the number of rows (or triples) written, -1 when not counted.

    `hide` drops columns from the table only (e.g. a parameter echoed back); data formats keep every column.
    """
    if fmt not in FORMAT_NAMES:
        raise UserError(f"unknown format '{fmt}'; use one of {', '.join(FORMAT_NAMES)}")
    if isinstance(result, QueryTriples | list):
        if fmt in ("table", *RESULT_FORMATS):
            fmt = "turtle"
        triples: list[Triple] = list(result)
        buffer = io.BytesIO()
        serialize(triples, buffer, format=RDF_FORMATS[fmt], prefixes=PREFIXES if fmt == "turtle" else None)
        out.write(buffer.getvalue())
        return len(triples)
    if fmt in GRAPH_FORMAT_NAMES:
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
    variables = [v.value for v in result.variables if v.value not in hide]
    rows = [[cell_text(solution[v]) for v in variables] for solution in result]
    shown = column_widths(variables, rows, console.width)
    table = Table(show_lines=False, header_style="bold", pad_edge=False)
    for name, width in shown.items():
        table.add_column(name, no_wrap=True, overflow="ellipsis", width=width)
    for row in rows:
        table.add_row(*(cell for name, cell in zip(variables, row, strict=True) if name in shown))
    console.print(table)
    dropped = [name for name in variables if name not in shown]
    more = f"; not shown for lack of width: {', '.join(dropped)} (use --format csv)" if dropped else ""
    console.print(f"{len(rows)} rows{more}", style="dim")
    return len(rows)


def column_widths(variables: list[str], rows: list[list[str]], total: int) -> dict[str, int]:
    """Fit a table to the terminal: short columns (dates, kinds, codes) keep their width, long text
    shares what is left; when that is too little, quotations, sources and IRIs are left out first."""
    widest = {name: max([len(name), *(len(row[i]) for row in rows)]) for i, name in enumerate(variables)}
    shown = list(variables)
    while True:
        short = {n: widest[n] for n in shown if widest[n] <= SHORT_COLUMN}
        long = [n for n in shown if n not in short]
        left = total - 3 * len(shown) - 1 - sum(short.values())
        droppable = [n for n in long if n in LEAVE_OUT_FIRST]
        if left >= MIN_LONG_COLUMN * len(long) or not droppable:
            break
        shown.remove(max(droppable, key=LEAVE_OUT_FIRST.index))
    widths = dict(short)
    # water-filling: narrow long columns take what they need, the rest share equally
    for name in sorted(long, key=lambda n: widest[n]):
        share = max(left // max(1, len([n for n in long if n not in widths])), 4)
        widths[name] = min(widest[name], share)
        left -= widths[name]
    return {name: widths[name] for name in shown}
