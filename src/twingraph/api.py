"""The Python API: what the `twingraph` command does, for notebooks and programs.

    from twingraph.api import TwinGraph

    with TwinGraph.open("twingraph-store") as tg:
        tg.ingest("data/articles")
        rows = tg.query("partners-of", city="Dortmund")
        frame = rows.to_dataframe()          # with pandas installed
        graph = tg.graph()                   # NetworkX MultiDiGraph
        tg.html(partnership=("Dortmund", "Zhytomyr")).save("dortmund-zhytomyr.html")

Everything here calls the same code as the command; errors a user can cause raise `twingraph.errors.UserError`
with the one-line message the command would print.
"""

from __future__ import annotations

import hashlib
import html as html_text
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from pyoxigraph import Literal, QueryBoolean, QuerySolutions

from twingraph import __version__
from twingraph.errors import UserError
from twingraph.ingest.run import IngestedArticle, IngestReport
from twingraph.query.results import term_text
from twingraph.rdf.vocab import PREFIXES
from twingraph.store.embedded import EmbeddedStore, open_store

if TYPE_CHECKING:
    import networkx as nx
    import pandas

XSD = PREFIXES["xsd"]

__all__ = ["HtmlPage", "IngestReport", "Rows", "TwinGraph", "Value", "__version__", "open_graph"]


# a cell: IRIs and most literals as text (dates stay ISO text: '2023-02'), numbers and booleans as Python values
Value = str | int | float | bool | None
_NUMBERS: dict[str, type[int] | type[float]] = {
    XSD + name: int
    for name in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger", "unsignedInt")
} | {XSD + name: float for name in ("decimal", "double", "float")}


def python_value(term: object) -> Value:
    """A result cell as Python: None unbound, int/float for numeric literals, bool for xsd:boolean, else text."""
    if term is None:
        return None
    if isinstance(term, Literal):
        kind = term.datatype.value
        try:
            if kind in _NUMBERS:
                return _NUMBERS[kind](term.value)
        except ValueError:
            return term.value
        if kind == XSD + "boolean":
            return term.value in ("true", "1")
    return term_text(term)


def _cell(value: Value) -> str:
    return "" if value is None else str(value).lower() if isinstance(value, bool) else str(value)


@dataclass(frozen=True)
class Rows:
    """The answer of a SELECT query: column names and one dict per row (see `Value`; None where unbound)."""

    columns: tuple[str, ...]
    rows: tuple[dict[str, Value], ...]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[dict[str, Value]]:
        return iter(self.rows)

    def __getitem__(self, index: int) -> dict[str, Value]:
        return self.rows[index]

    def column(self, name: str) -> list[Value]:
        """One column's values, top to bottom."""
        if name not in self.columns:
            raise UserError(f"no column '{name}'; the columns are {', '.join(self.columns)}")
        return [row[name] for row in self.rows]

    def to_dataframe(self) -> pandas.DataFrame:
        """The rows as a pandas DataFrame (pandas is optional: pip install pandas)."""
        try:
            import pandas
        except ImportError:
            raise UserError("Rows.to_dataframe needs pandas (pip install pandas)") from None
        return pandas.DataFrame(list(self.rows), columns=list(self.columns))

    def _repr_html_(self) -> str:
        """A table in a notebook."""
        head = "".join(f"<th>{html_text.escape(c)}</th>" for c in self.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{html_text.escape(_cell(row[c]))}</td>" for c in self.columns) + "</tr>"
            for row in self.rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table><p>{len(self.rows)} rows</p>"


@dataclass(frozen=True)
class HtmlPage:
    """An interactive graph page (self-contained HTML); a notebook shows it inline."""

    html: str
    title: str = "twingraph"

    def save(self, path: str | Path) -> Path:
        """Write the page to a file (UTF-8); returns its path."""
        target = Path(path)
        if not target.parent.exists():
            raise UserError(f"no folder {target.parent} to write {target.name} into")
        target.write_text(self.html, encoding="utf-8")
        return target

    def _repr_html_(self) -> str:
        # an iframe keeps the page's scripts and styles apart from the notebook's own
        return (
            f"<iframe srcdoc='{html_text.escape(self.html, quote=True)}' title='{html_text.escape(self.title)}' "
            "style='width:100%;height:640px;border:1px solid #ccc'></iframe>"
        )


class TwinGraph:
    """A twingraph store: ingest articles, ask the query library, get the NetworkX graph and HTML pages."""

    def __init__(self, store: EmbeddedStore) -> None:
        self._store: EmbeddedStore | None = store

    @property
    def store(self) -> EmbeddedStore:
        """The embedded store underneath (twingraph.store.EmbeddedStore)."""
        if self._store is None:
            raise UserError("this TwinGraph is closed; open the store again")
        return self._store

    @classmethod
    def open(cls, path: str | Path | None = None, *, read_only: bool = False, must_exist: bool = False) -> TwinGraph:
        """Open (or create) the store in a folder; default `./twingraph-store` or $TWINGRAPH_STORE."""
        return cls(open_store(Path(path) if path is not None else None, read_only=read_only, must_exist=must_exist))

    # --- the store as a context --------------------------------------------------------------------

    def close(self) -> None:
        """Write everything to disk and release the store for other processes."""
        if self._store is not None:
            self._store.flush()
            self._store = None  # the last reference: Oxigraph releases the folder's lock

    def __enter__(self) -> TwinGraph:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    def __len__(self) -> int:
        """Triples in the store."""
        return len(self.store)

    # --- articles in -----------------------------------------------------------------------------------

    def ingest(self, *paths: str | Path, sources: str | Path | None = None) -> IngestReport:
        """Read, extract and store articles: text or HTML files, folders, JSON Lines batches (as `twingraph
        ingest`). Inputs that fail are in `report.problems`; everything else lands."""
        from twingraph.ingest.run import ingest

        if not paths:
            raise UserError("ingest needs at least one file or folder")
        return ingest([Path(p) for p in paths], self.store, sources=Path(sources) if sources else None)

    def ingest_text(
        self,
        text: str,
        *,
        url: str | None = None,
        title: str | None = None,
        publisher: str | None = None,
        published: str | None = None,
        language: str | None = None,
    ) -> IngestReport:
        """Extract and store one article given as text. Its graph is keyed by `url` (else by a hash of the
        text), so ingesting it again replaces it; `published` is YYYY, YYYY-MM or YYYY-MM-DD."""
        from twingraph.extract import default_extractor
        from twingraph.facts import Article, DateValue
        from twingraph.ingest.load import store_facts
        from twingraph.inputs.articles import detect_language
        from twingraph.inputs.articles.plaintext import parse_body

        if not text.strip():
            raise UserError("ingest_text needs some text")
        parsed = parse_body(text, title)
        try:
            date = DateValue.parse(published) if published else parsed.published
        except ValueError:
            raise UserError(f"published must be YYYY, YYYY-MM or YYYY-MM-DD, not '{published}'") from None
        key = url or "text-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        article = Article(
            key=key,
            text=parsed.text,
            url=url,
            title=parsed.title,
            publisher=publisher,
            published=date,
            language=language or detect_language(parsed.text),
        )
        facts = default_extractor().extract(article)
        triples = store_facts(self.store, facts)
        done = IngestedArticle(key, None, article.title, facts.count(), triples)
        return IngestReport(articles=(done,), store_triples=len(self.store))

    def demo_data(self) -> IngestReport:
        """Ingest the two sample articles that ship with twingraph (as `twingraph demo` does first)."""
        from twingraph.resources import data_dir

        return self.ingest(data_dir() / "articles")

    # --- questions -------------------------------------------------------------------------------------

    @staticmethod
    def queries() -> dict[str, str]:
        """The query library: name -> the question it answers (`twingraph query --list`)."""
        from twingraph.query.library import library

        return {q.name: q.description for q in library()}

    def query(self, name: str, /, sources: Sequence[str] = (), **params: str) -> Rows:
        """Run a library query (or a .rq file) with its parameters bound, never pasted into the text:
        `tg.query("partners-of", city="Dortmund")`. `sources` narrows it to those sources' graphs."""
        from twingraph.query.library import load_query

        library_query = load_query(name)
        return self.sparql(library_query.text, library_query.bind(params), sources=sources)

    def sparql(self, sparql: str, bindings: Mapping[str, Any] | None = None, *, sources: Sequence[str] = ()) -> Rows:
        """Run any SELECT (or ASK: one row with column `answer`) query on the store."""
        graphs = [graph for source in sources for graph in self.store.source_graphs(source)]
        if sources and not graphs:
            raise UserError(f"no source {sources[0]} in the store")
        try:
            result = self.store.query(sparql, bindings, sources=graphs)
        except SyntaxError as err:
            raise UserError(f"bad query: {str(err).splitlines()[0]}") from None
        if isinstance(result, QueryBoolean):
            return Rows(("answer",), ({"answer": bool(result)},))
        if not isinstance(result, QuerySolutions):
            raise UserError("only SELECT and ASK queries give rows; use export for graphs")
        columns = tuple(v.value for v in result.variables)
        rows = tuple({column: python_value(term) for column, term in zip(columns, s, strict=True)} for s in result)
        return Rows(columns, rows)

    # --- graph and pages -------------------------------------------------------------------------------

    def graph(self) -> nx.MultiDiGraph:
        """The consolidated facts as a NetworkX MultiDiGraph, one node per fact however many sources report it:
        nodes keyed by IRI with `kind`, `label`, `date`, `sources`, `source_count` (a partnership also `status`
        and `phases`, a fact whose sources disagree `conflicts`); edges keyed by their relation (partner,
        origin, destination, ...)."""
        from twingraph.graph.projection import project

        return project(self.store)

    def html(self, *, focus: str | None = None, partnership: tuple[str, str] | None = None) -> HtmlPage:
        """The interactive page `twingraph viz` writes: one partnership, one city with its partners, or the
        whole store. Display it in a notebook, or `.save(path)`."""
        from twingraph.viz import write_store_html

        with tempfile.TemporaryDirectory() as folder:
            path = write_store_html(self.store, Path(folder) / "page.html", focus=focus, partnership=partnership)
            page = path.read_text(encoding="utf-8")
        title = f"{partnership[0]}–{partnership[1]}" if partnership else focus or "twingraph"
        return HtmlPage(page, title)

    def write_html(
        self, path: str | Path, *, focus: str | None = None, partnership: tuple[str, str] | None = None
    ) -> Path:
        """Write the interactive page to a file; returns its path."""
        from twingraph.viz import write_store_html

        return write_store_html(self.store, Path(path), focus=focus, partnership=partnership)

    def export(self, path: str | Path, fmt: str = "turtle") -> Path:
        """Write the store as RDF (turtle, trig, nquads, ntriples, jsonld, rdfxml); returns the path."""
        from twingraph.outputs.export import export_to_file

        target = Path(path)
        export_to_file(self.store, target, fmt)
        return target


def open_graph(path: str | Path | None = None, *, read_only: bool = False) -> TwinGraph:
    """`TwinGraph.open`, as a function."""
    return TwinGraph.open(path, read_only=read_only)
