"""The ontology files: they parse, every tg term is documented in English and German, every term the code and
the query library use is declared, and every reused IRI is a real term of its vocabulary."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from twingraph.facts import PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES
from twingraph.rdf import iris
from twingraph.rdf import vocab as v

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY = ROOT / "ontology"
TERMS = Path(__file__).parent / "terms"
TTL_FILES = ("twingraph.ttl", "partnership-types.ttl", "shapes.ttl")
TG = rdflib.Namespace(v.TG_NS)
ONTOLOGY_IRI = rdflib.URIRef("https://w3id.org/twingraph/ontology")
WDT = rdflib.Namespace("http://www.wikidata.org/prop/direct/")
PQ = rdflib.Namespace("http://www.wikidata.org/prop/qualifier/")

# vocabulary namespace -> file of its real terms in tests/ontology/terms/
VOCABULARIES = {
    "http://www.w3.org/ns/org#": "org",
    "http://www.w3.org/ns/prov#": "prov",
    "http://www.w3.org/2006/time#": "time",
    "http://www.w3.org/2004/02/skos/core#": "skos",
    "https://schema.org/": "schema",
    "http://purl.org/dc/terms/": "dcterms",
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#": "nif",
    "http://www.w3.org/ns/oa#": "oa",
    "http://www.w3.org/2002/07/owl#": "owl",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://www.w3.org/2001/XMLSchema#": "xsd",
}
OWN = ("https://w3id.org/twingraph/",)
WIKIDATA = re.compile(r"^http://www\.wikidata\.org/(entity/[QP][1-9]\d*|prop/(direct|qualifier)/P[1-9]\d*)$")
OTHER_ALLOWED = {"https://creativecommons.org/licenses/by/4.0/", "http://www.w3.org/ns/shacl#"}


def _graph(name: str) -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY / name, format="turtle")


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return _graph("twingraph.ttl")


@pytest.fixture(scope="module")
def schemes() -> rdflib.Graph:
    return _graph("partnership-types.ttl")


def _real_terms(name: str) -> set[str]:
    lines = (TERMS / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def _tg_terms(graph: rdflib.Graph) -> set[rdflib.URIRef]:
    return {s for s in graph.subjects() if isinstance(s, rdflib.URIRef) and s.startswith(v.TG_NS)}


@pytest.mark.parametrize("name", TTL_FILES)
def test_file_parses_with_rdflib(name: str) -> None:
    assert len(_graph(name)) > 100


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) not installed")
@pytest.mark.parametrize("name", TTL_FILES)
def test_rapper_accepts_file_with_same_triple_count(name: str) -> None:
    done = subprocess.run(
        ["rapper", "-i", "turtle", "-c", str(ONTOLOGY / name)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    counted = re.search(r"returned (\d+) triples", done.stderr)
    assert counted is not None and int(counted.group(1)) == len(_graph(name))


def test_header_has_version_and_dublin_core_metadata(ontology: rdflib.Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionIRI) == rdflib.URIRef("https://w3id.org/twingraph/ontology/0.1.0")
    assert str(ontology.value(ONTOLOGY_IRI, OWL.versionInfo)) == "0.1.0"
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.creator, DCTERMS.license, DCTERMS.created):
        assert ontology.value(ONTOLOGY_IRI, prop) is not None, prop
    assert {lit.language for lit in ontology.objects(ONTOLOGY_IRI, DCTERMS.title)} == {"en", "de"}


def test_every_tg_term_has_english_and_german_labels_and_definitions(ontology: rdflib.Graph) -> None:
    terms = _tg_terms(ontology)
    assert len(terms) > 70
    missing = []
    for term in sorted(terms):
        for prop in (RDFS.label, SKOS.definition):
            languages = {o.language for o in ontology.objects(term, prop) if isinstance(o, rdflib.Literal)}
            if not {"en", "de"} <= languages:
                missing.append(f"{term} {prop} has {sorted(filter(None, languages))}")
    assert missing == []


def test_every_tg_term_is_declared_as_class_property_or_datatype(ontology: rdflib.Graph) -> None:
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDFS.Datatype}
    undeclared = [t for t in _tg_terms(ontology) if not kinds & set(ontology.objects(t, RDF.type))]
    assert undeclared == []


def _vocab_terms() -> set[str]:
    """Every tg: IRI the code names in rdf/vocab.py, which rdf/mapping.py writes."""
    values: list[object] = list(vars(v).values())
    values += list(v.SOURCE_GRAPH_KINDS.values()) + list(v.EVENT_CLASSES.values())
    return {n.value for n in values if hasattr(n, "value") and str(getattr(n, "value", "")).startswith(v.TG_NS)}


def test_every_term_of_vocab_py_is_declared(ontology: rdflib.Graph) -> None:
    used = _vocab_terms()
    assert len(used) > 60
    declared = {str(t) for t in _tg_terms(ontology) if (t, RDF.type, None) in ontology}
    assert sorted(used - declared) == []


def test_every_tg_term_of_the_query_library_is_declared(ontology: rdflib.Graph) -> None:
    declared = {str(t).removeprefix(v.TG_NS) for t in _tg_terms(ontology)}
    used = {
        (path.name, name)
        for path in (ROOT / "queries").glob("*.rq")
        for name in re.findall(r"\btg:([A-Za-z_]\w*)", path.read_text(encoding="utf-8"))
    }
    assert sorted((f, n) for f, n in used if n not in declared) == []


def test_domains_and_ranges_point_to_declared_or_reused_classes(ontology: rdflib.Graph) -> None:
    for prop in (TG.partner, TG.origin, TG.destination, TG.member, TG.inArticle, TG.grewOutOf, TG.country):
        assert ontology.value(prop, RDFS.domain) is not None, prop
        assert ontology.value(prop, RDFS.range) is not None, prop
    assert ontology.value(TG.since, RDFS.range) == TG.PartialDate
    assert ontology.value(TG.size, RDFS.range) == rdflib.XSD.integer


def _iris(graph: rdflib.Graph) -> set[str]:
    found: set[str] = set()
    for triple in graph:
        found.update(str(t) for t in triple if isinstance(t, rdflib.URIRef))
        found.update(str(t.datatype) for t in triple if isinstance(t, rdflib.Literal) and t.datatype)
    return found


@pytest.mark.parametrize("name", TTL_FILES)
def test_reused_iris_are_real_terms_of_their_vocabularies(name: str) -> None:
    real = {ns: _real_terms(file) for ns, file in VOCABULARIES.items()}
    wrong = []
    for iri in sorted(_iris(_graph(name))):
        if iri.startswith(OWN) or WIKIDATA.match(iri) or iri in OTHER_ALLOWED:
            continue
        namespace = next((ns for ns in VOCABULARIES if iri.startswith(ns)), None)
        if iri.startswith("http://www.w3.org/ns/shacl#"):
            continue  # SHACL terms are checked by pySHACL itself when the shapes load
        if namespace is None or iri.removeprefix(namespace) not in real[namespace]:
            wrong.append(iri)
    assert wrong == []


def test_term_lists_catch_a_misspelt_term() -> None:
    """The check above can fail: a near miss is not in the real list."""
    assert "OrganizationalCollaboration" in _real_terms("org")
    assert "OrganisationalCollaboration" not in _real_terms("org")
    assert "wasDerivedFrom" in _real_terms("prov") and "derivedFrom" not in _real_terms("prov")
    assert "anchorOf" in _real_terms("nif") and "TextPositionSelector" in _real_terms("oa")


def test_standard_alignments(ontology: rdflib.Graph) -> None:
    org = rdflib.Namespace("http://www.w3.org/ns/org#")
    prov = rdflib.Namespace("http://www.w3.org/ns/prov#")
    nif = rdflib.Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    schema = rdflib.Namespace("https://schema.org/")
    assert (TG.Partnership, RDFS.subClassOf, org.OrganizationalCollaboration) in ontology
    assert (TG.City, RDFS.subClassOf, schema.City) in ontology
    assert (TG.Person, RDFS.subClassOf, schema.Person) in ontology
    assert (TG.Article, RDFS.subClassOf, schema.NewsArticle) in ontology
    assert (TG.grewOutOf, RDFS.subPropertyOf, prov.wasDerivedFrom) in ontology
    for tg_prop, nif_prop in (("sentence", "anchorOf"), ("beginIndex", "beginIndex"), ("endIndex", "endIndex")):
        assert (TG[tg_prop], RDFS.subPropertyOf, nif[nif_prop]) in ontology
    assert (TG.inArticle, RDFS.subPropertyOf, nif.referenceContext) in ontology


def test_wikidata_alignment_is_explicit(ontology: rdflib.Graph) -> None:
    assert (TG.Partnership, SKOS.closeMatch, WDT.P190) in ontology
    assert (TG.since, SKOS.closeMatch, PQ.P580) in ontology
    assert (TG.until, SKOS.closeMatch, PQ.P582) in ontology


@pytest.mark.parametrize(
    ("values", "mint", "scheme"),
    [
        (PARTNERSHIP_TYPES, iris.type_concept, v.TYPES_NS),
        (PARTNERSHIP_STATUSES, iris.status_concept, v.STATUS_NS),
    ],
)
def test_concept_schemes_hold_exactly_the_minted_concepts(schemes: rdflib.Graph, values, mint, scheme) -> None:
    scheme_iri = rdflib.URIRef(scheme)
    in_scheme = {str(c) for c in schemes.subjects(SKOS.inScheme, scheme_iri)}
    assert in_scheme == {mint(value).value for value in values}
    for concept in in_scheme:
        node = rdflib.URIRef(concept)
        assert (node, RDF.type, SKOS.Concept) in schemes
        for prop in (SKOS.prefLabel, SKOS.definition):
            assert {o.language for o in schemes.objects(node, prop)} == {"en", "de"}, (concept, prop)


def test_german_labels_of_the_partnership_types(schemes: rdflib.Graph) -> None:
    def label(value: str) -> str:
        found = [o for o in schemes.objects(rdflib.URIRef(iris.type_concept(value).value), SKOS.prefLabel)]
        return next(str(o) for o in found if o.language == "de")

    assert label("twinning") == "Städtepartnerschaft"
    assert label("solidarity") == "Solidaritätspartnerschaft"
    assert label("other") == "Sonstige"


def test_jsonld_context_names_every_tg_term(ontology: rdflib.Graph) -> None:
    context = json.loads((ONTOLOGY / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert context["tg"] == v.TG_NS
    for prefix, namespace in v.PREFIXES.items():
        assert context[prefix] == namespace
    terms = {value for value in context.values() if isinstance(value, str) and value.startswith("tg:")}
    assert terms == {"tg:" + str(t).removeprefix(v.TG_NS) for t in _tg_terms(ontology)}
    assert context["partner"] == "tg:partner" and context["label"] == "rdfs:label"
