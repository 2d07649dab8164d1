"""SHACL validation of the stored graphs against ontology/shapes.ttl (pySHACL over rdflib).

Each named graph (one source) is validated on its own: sources may disagree (one says a partnership is planned,
a later one that it is formalized) and each must be consistent in itself. The ontology is mixed in so that
sh:class and sh:targetClass see subclasses (a tg:Donation is a tg:Event).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

import rdflib
from pyoxigraph import NamedNode, RdfFormat
from pyshacl import validate as shacl_validate

from twingraph.errors import UserError
from twingraph.rdf.vocab import CONSOLIDATED_GRAPH
from twingraph.resources import ontology_dir
from twingraph.store.embedded import EmbeddedStore

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Violation:
    """One SHACL result, in the terms a reader needs to find and fix the fact."""

    graph: str  # the source (named graph) the offending fact comes from
    focus: str  # the node that fails
    path: str | None  # the property, when a property shape failed
    value: str | None  # the offending value, when there is one
    shape: str  # the shape that failed (an IRI, or the parent node shape of an anonymous property shape)
    message: str
    severity: str  # Violation, Warning or Info


@dataclass(frozen=True)
class ValidationReport:
    graphs: int
    triples: int
    results: tuple[Violation, ...]

    @property
    def violations(self) -> tuple[Violation, ...]:
        return tuple(r for r in self.results if r.severity == "Violation")

    @property
    def conforms(self) -> bool:
        return not self.violations


@lru_cache(maxsize=1)
def _shapes_and_ontology() -> tuple[rdflib.Graph, rdflib.Graph]:
    try:
        shapes = rdflib.Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
        ontology = rdflib.Graph().parse(ontology_dir() / "twingraph.ttl", format="turtle")
        ontology.parse(ontology_dir() / "partnership-types.ttl", format="turtle")
    except FileNotFoundError as err:
        raise UserError(f"ontology file missing: {err.filename} (set TWINGRAPH_HOME to the checkout)") from None
    return shapes, ontology


def _shape_name(report: rdflib.Graph, shapes: rdflib.Graph, shape: rdflib.term.Node) -> str:
    """An anonymous property shape is named by the node shape that holds it, e.g. tgs:VisitShape."""
    if isinstance(shape, rdflib.BNode):
        parent = shapes.value(predicate=SH.property, object=shape)
        if parent is not None:
            return str(parent)
    return str(shape)


def _results(report: rdflib.Graph, shapes: rdflib.Graph, graph: str) -> Iterable[Violation]:
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):

        def value(pred: rdflib.URIRef, result: rdflib.term.Node = result) -> str | None:
            found = report.value(result, pred)
            return None if found is None else str(found)

        shape = report.value(result, SH.sourceShape)
        yield Violation(
            graph=graph,
            focus=value(SH.focusNode) or "",
            path=value(SH.resultPath),
            value=value(SH.value),
            shape=_shape_name(report, shapes, shape) if shape is not None else "",
            message=value(SH.resultMessage) or "",
            severity=(value(SH.resultSeverity) or "").rsplit("#", 1)[-1],
        )


def validate_graph(data: rdflib.Graph, graph: str = "") -> list[Violation]:
    """Validate one source graph; `graph` names it in the results."""
    shapes, ontology = _shapes_and_ontology()
    _conforms, report, _text = shacl_validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", allow_warnings=True, advanced=False
    )
    return list(_results(report, shapes, graph))


def _rdflib_graph(store: EmbeddedStore, graph: NamedNode) -> rdflib.Graph:
    buffer = io.BytesIO()
    store.dump(buffer, RdfFormat.N_TRIPLES, graph)
    return rdflib.Graph().parse(data=buffer.getvalue().decode("utf-8"), format="nt")


def validate_store(
    store: EmbeddedStore,
    progress: Callable[[int, int], None] | None = None,
    only: NamedNode | None = None,
) -> ValidationReport:
    """Validate every named graph (or `only` one); `progress(done, total)` is called after each graph."""
    # the source graphs: the consolidated graph is fused from them, and says per fact what they say together
    sources = [g for g in store.graphs() if g != CONSOLIDATED_GRAPH]
    graphs = [only] if only is not None else sorted(sources, key=lambda g: g.value)
    results: list[Violation] = []
    for done, graph in enumerate(graphs, start=1):
        results.extend(validate_graph(_rdflib_graph(store, graph), graph.value))
        if progress is not None:
            progress(done, len(graphs))
    results.sort(key=lambda v: (v.severity != "Violation", v.graph, v.focus, v.shape, v.path or ""))
    triples = sum(store.count_in(g) for g in graphs)  # the triples validated
    return ValidationReport(graphs=len(graphs), triples=triples, results=tuple(results))
