"""Exports for linked-data consumers: Turtle first, and the other standard RDF formats.

Turtle, TriG, N-Quads, N-Triples and RDF/XML come from pyoxigraph's streaming serialisers. JSON-LD is
written here, graph by graph, against the published context (ontology/context.jsonld, embedded in the output)
so keys read as `partner`, `since`, `label` rather than full IRIs; values stay explicit (`@id`, `@value` with
`@type`/`@language`) so every triple round-trips exactly.
"""

from __future__ import annotations

import contextlib
import itertools
import json
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QuerySolutions,
    RdfFormat,
    Triple,
    serialize,
)

from twingraph.errors import UserError
from twingraph.query.library import load_query
from twingraph.rdf import formats
from twingraph.rdf.iris import article_iri
from twingraph.rdf.vocab import CONSOLIDATED_GRAPH, RDF_TYPE, SERIALIZATION_PREFIXES
from twingraph.resources import ontology_dir
from twingraph.store.embedded import EmbeddedStore

VIEWS = ("wikidata",)
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


CONSOLIDATED = "consolidated"  # --graph consolidated: the consolidated graph alone


def resolve_graph(store: EmbeddedStore, graph: str) -> NamedNode:
    """A graph by its IRI, by the source key its IRI is minted from, or by the source's URL; `consolidated`
    names the consolidated graph (one node per partnership, visit, person, ... fused across sources)."""
    if graph == CONSOLIDATED:
        if not store.has_graph(CONSOLIDATED_GRAPH):
            raise UserError("the store has no consolidated graph yet (ingest something, or run twingraph consolidate)")
        return CONSOLIDATED_GRAPH
    for candidate in (graph, article_iri(graph).value):
        try:
            node = NamedNode(candidate)
        except ValueError:
            continue
        if store.has_graph(node):
            return node
    result = store.query(load_query("source-graph").text, {"source": Literal(graph)})
    found = [row["graph"] for row in result] if isinstance(result, QuerySolutions) else []
    if len(found) == 1 and isinstance(found[0], NamedNode):
        return found[0]
    if len(found) > 1:
        raise UserError(f"{len(found)} graphs hold sources with URL or key '{graph}'; name one by its IRI")
    raise UserError(f"no graph <{graph}> in the store (twingraph stats lists what is there)")


def export_store(
    store: EmbeddedStore,
    out: IO[bytes],
    fmt: str = "turtle",
    graph: str | None = None,
    view: str | None = None,
    *,
    describe: bool = True,
) -> None:
    """Serialise the store, one named graph of it, or a view. Triple formats get the union of all graphs.

    The whole store comes with its dataset description (VoID + DCAT, twingraph.outputs.linked.void) unless `describe`
    is False: in the default graph of TriG, N-Quads and JSON-LD, beside the facts in the triple formats."""
    rdf_format = formats.rdf_format(fmt)
    if view is not None:
        _export_view(store, out, rdf_format, view, graph)
        return
    node = resolve_graph(store, graph) if graph is not None else None
    description: list[Triple] = []
    if node is None and describe:
        from twingraph.outputs.linked.void import description_of

        description = description_of(store)
    if rdf_format == RdfFormat.JSON_LD:
        graphs = [node] if node is not None else sorted(store.graphs(), key=lambda g: g.value)
        default = () if node else itertools.chain(store.quads(DefaultGraph()), (Quad(*t) for t in description))
        write_jsonld(out, ((g, store.quads(g)) for g in graphs), default_graph=default)
        return
    if node is not None and rdf_format.supports_datasets:  # keep the graph name (store.dump would drop it)
        prefixes = SERIALIZATION_PREFIXES if rdf_format == RdfFormat.TRIG else None
        serialize(store.quads(node), out, rdf_format, prefixes=prefixes)
        return
    if description and rdf_format == RdfFormat.RDF_XML:  # one document: the description joins the union
        union = (q.triple for q in store.quads())
        serialize(itertools.chain(union, description), out, rdf_format, prefixes=SERIALIZATION_PREFIXES)
        return
    store.dump(out, rdf_format, node)
    if description:  # a second block of statements (with its own prefixes) is still one valid document
        from twingraph.outputs.linked.void import DESCRIPTION_PREFIXES

        prefixes = DESCRIPTION_PREFIXES if rdf_format in (RdfFormat.TURTLE, RdfFormat.TRIG) else None
        items = [Quad(*t) for t in description] if rdf_format.supports_datasets else description
        serialize(items, out, rdf_format, prefixes=prefixes)


def _export_view(store: EmbeddedStore, out: IO[bytes], rdf_format: RdfFormat, view: str, graph: str | None) -> None:
    if view not in VIEWS:
        raise UserError(f"unknown view '{view}'; use one of {', '.join(VIEWS)}")
    from twingraph.outputs.wikidata import WIKIDATA_PREFIXES, twinning_statements, wikidata_triples

    only = resolve_graph(store, graph) if graph is not None else None
    triples = wikidata_triples(twinning_statements(store, only))
    if rdf_format == RdfFormat.JSON_LD:
        write_jsonld(out, (), default_graph=(Quad(t.subject, t.predicate, t.object) for t in triples))
    elif rdf_format.supports_datasets:
        serialize(
            (Quad(t.subject, t.predicate, t.object) for t in triples), out, rdf_format, prefixes=WIKIDATA_PREFIXES
        )
    else:
        serialize(triples, out, rdf_format, prefixes=WIKIDATA_PREFIXES)


def export_to_file(
    store: EmbeddedStore, path: Path, fmt: str = "turtle", graph: str | None = None, view: str | None = None
) -> None:
    """Write to a temporary file first so a failed export never leaves half a file behind."""
    formats.rdf_format(fmt)  # an unknown format is reported before any file is made
    partial = path.with_name(path.name + ".partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as out:
            export_store(store, out, fmt, graph, view)
        partial.replace(path)
    except OSError as err:
        raise UserError(f"cannot write {path}: {err.strerror or err}") from None
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


# --- JSON-LD ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def jsonld_context() -> dict[str, Any]:
    """The published @context (ontology/context.jsonld)."""
    path = ontology_dir() / "context.jsonld"
    try:
        context: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))["@context"]
    except FileNotFoundError:
        raise UserError(f"JSON-LD context missing: {path} (set TWINGRAPH_HOME to the checkout)") from None
    return context


class _Compactor:
    """IRIs to the context's terms (for keys and types) and prefixed names (for everything else)."""

    def __init__(self, context: dict[str, Any]) -> None:
        prefixes = {k: v for k, v in context.items() if isinstance(v, str) and v.endswith(("/", "#"))}
        self._prefixes = sorted(prefixes.items(), key=lambda item: -len(item[1]))
        self._terms: dict[str, str] = {}
        for term, value in context.items():
            if term.startswith("@") or term in prefixes or not isinstance(value, str):
                continue
            self._terms[self.expand(value)] = term
        self._cache: dict[str, str] = {}

    def expand(self, value: str) -> str:
        prefix, sep, local = value.partition(":")
        for name, namespace in self._prefixes:
            if sep and name == prefix:
                return namespace + local
        return value

    def curie(self, iri: str) -> str:
        found = self._cache.get(iri)
        if found is None:
            found = iri
            for name, namespace in self._prefixes:
                if iri.startswith(namespace):
                    local = iri[len(namespace) :]
                    if not local.startswith("//"):
                        found = f"{name}:{local}"
                    break
            self._cache[iri] = found
        return found

    def term(self, iri: str) -> str:
        return self._terms.get(iri) or self.curie(iri)


def _node_id(node: NamedNode | BlankNode | Any, compactor: _Compactor) -> str:
    return f"_:{node.value}" if isinstance(node, BlankNode) else compactor.curie(node.value)


def _value(obj: NamedNode | BlankNode | Literal | Any, compactor: _Compactor) -> Any:
    if isinstance(obj, Literal):
        if obj.language:
            return {"@value": obj.value, "@language": obj.language}
        if obj.datatype.value == XSD_STRING:
            return obj.value
        return {"@value": obj.value, "@type": compactor.curie(obj.datatype.value)}
    if isinstance(obj, NamedNode | BlankNode):
        return {"@id": _node_id(obj, compactor)}
    raise UserError("RDF-star triples cannot be exported as JSON-LD")


def _nodes(quads: Iterable[Quad], compactor: _Compactor) -> list[dict[str, Any]]:
    """Group the triples of one graph by subject into JSON-LD node objects."""
    subjects: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for quad in quads:
        properties = subjects[_node_id(quad.subject, compactor)]
        obj = quad.object
        if quad.predicate == RDF_TYPE and isinstance(obj, NamedNode | BlankNode):
            properties["@type"].append(f"_:{obj.value}" if isinstance(obj, BlankNode) else compactor.term(obj.value))
        else:
            properties[compactor.term(quad.predicate.value)].append(_value(obj, compactor))
    nodes = []
    for subject, properties in subjects.items():
        node: dict[str, Any] = {"@id": subject}
        types = properties.pop("@type", None)
        if types:
            node["@type"] = types[0] if len(types) == 1 else types
        for key, values in properties.items():
            node[key] = values[0] if len(values) == 1 else values
        nodes.append(node)
    return nodes


def write_jsonld(
    out: IO[bytes],
    graphs: Iterable[tuple[NamedNode, Iterable[Quad]]],
    default_graph: Iterable[Quad] = (),
) -> None:
    """Stream a JSON-LD document: the embedded context, then each named graph as {"@id", "@graph"}."""
    context = jsonld_context()
    compactor = _Compactor(context)
    out.write(b'{\n"@context": ' + json.dumps(context, ensure_ascii=False).encode("utf-8") + b',\n"@graph": [')
    first = True

    def emit(item: dict[str, Any]) -> None:
        nonlocal first
        out.write((b"\n" if first else b",\n") + json.dumps(item, ensure_ascii=False).encode("utf-8"))
        first = False

    for node in _nodes(default_graph, compactor):
        emit(node)
    for graph, quads in graphs:
        nodes = _nodes(quads, compactor)
        if nodes:
            emit({"@id": compactor.curie(graph.value), "@graph": nodes})
    out.write(b"\n]\n}\n")
