"""SHACL validation of the stored graph against ontology/shapes.ttl (pySHACL over rdflib)."""

from __future__ import annotations

import io
from dataclasses import dataclass

import rdflib
from pyoxigraph import RdfFormat
from pyshacl import validate as shacl_validate

from twingraph.resources import ontology_dir
from twingraph.store.embedded import EmbeddedStore

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str | None
    shape: str
    message: str
    severity: str


def _data_graph(store: EmbeddedStore) -> rdflib.Graph:
    """The union of all named graphs as one rdflib graph (shapes speak of facts, not of sources)."""
    buffer = io.BytesIO()
    store.dump(buffer, RdfFormat.N_TRIPLES)
    graph = rdflib.Graph()
    graph.parse(data=buffer.getvalue().decode("utf-8"), format="nt")
    return graph


def validate_store(store: EmbeddedStore) -> list[Violation]:
    """Run the SHACL shapes with the ontology for class inference; returns the violations found."""
    shapes = rdflib.Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    ontology = rdflib.Graph().parse(ontology_dir() / "twingraph.ttl", format="turtle")
    _conforms, report, _text = shacl_validate(
        _data_graph(store), shacl_graph=shapes, ont_graph=ontology, inference="none", allow_warnings=True
    )
    violations = []
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):

        def value(pred: rdflib.URIRef, result: rdflib.term.Node = result) -> str | None:
            found = report.value(result, pred)
            return None if found is None else str(found)

        violations.append(
            Violation(
                focus=value(SH.focusNode) or "",
                path=value(SH.resultPath),
                shape=value(SH.sourceShape) or "",
                message=value(SH.resultMessage) or "",
                severity=(value(SH.resultSeverity) or "").rsplit("#", 1)[-1],
            )
        )
    return sorted(violations, key=lambda v: (v.shape, v.focus))
