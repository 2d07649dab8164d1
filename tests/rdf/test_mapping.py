"""Facts -> quads: typed dates, provenance on every fact, one named graph per source."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Quad, Store

from twingraph.facts import Article, City, DateValue, Evidence, FactSet, Partnership, Person, Visit
from twingraph.rdf import iris
from twingraph.rdf import vocab as v
from twingraph.rdf.mapping import facts_to_quads

TEXT = "Die Stadt Dortmund befindet sich seit Februar 2023 in einer Solidaritätspartnerschaft mit Schytomyr."


def _in_memory(quads: list[Quad]) -> Store:
    store = Store()
    store.extend(quads)
    return store


def _facts() -> FactSet:
    evidence = Evidence(TEXT, 0, len(TEXT))
    return FactSet(
        article=Article(
            key="https://example.org/a",
            text=TEXT,
            url="https://example.org/a",
            language="de",
            published=DateValue("2023-10-02"),
        ),
        cities=(City("Dortmund", "DE", "Q1295", mentions=("Dortmund",)), City("Zhytomyr", "UA", "Q156713")),
        persons=(Person("Svitlana Olshanska", role="deputy mayor", of="Zhytomyr"),),
        partnerships=(
            Partnership(("Dortmund", "Zhytomyr"), "solidarity", "active", DateValue("2023-02"), evidence=evidence),
        ),
        visits=(Visit("Zhytomyr", "Dortmund", size=6, members=("Svitlana Olshanska",), evidence=evidence),),
    )


def test_every_quad_is_in_the_source_graph() -> None:
    quads = facts_to_quads(_facts())
    assert {q.graph_name for q in quads} == {iris.article_iri("https://example.org/a")}


def test_dates_carry_their_precision_as_xsd_type() -> None:
    dataset = _in_memory(facts_to_quads(_facts()))
    dortmund, zhytomyr = iris.city_iri("Dortmund", "DE"), iris.city_iri("Zhytomyr", "UA")
    partnership = iris.partnership_iri("solidarity", [dortmund, zhytomyr])
    since = [q.object for q in dataset.quads_for_pattern(partnership, v.SINCE, None)]
    assert since == [Literal("2023-02", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#gYearMonth"))]


def test_facts_have_evidence_and_generating_activity() -> None:
    facts = _facts()
    dataset = _in_memory(facts_to_quads(facts))
    partnership = iris.partnership_iri("solidarity", [iris.city_iri("Dortmund", "DE"), iris.city_iri("Zhytomyr", "UA")])
    (evidence,) = [q.object for q in dataset.quads_for_pattern(partnership, v.EVIDENCE_PROP, None)]
    sentence = next(iter(dataset.quads_for_pattern(evidence, v.SENTENCE, None))).object
    begin = next(iter(dataset.quads_for_pattern(evidence, v.BEGIN_INDEX, None))).object
    assert sentence.value == TEXT and begin.value == "0"
    activities = {q.object for q in dataset.quads_for_pattern(partnership, v.PROV_WAS_GENERATED_BY, None)}
    assert activities == {iris.activity_iri(facts.article.key)}


def test_wikidata_alignment_and_delegation() -> None:
    dataset = _in_memory(facts_to_quads(_facts()))
    dortmund = iris.city_iri("Dortmund", "DE")
    same_as = {q.object for q in dataset.quads_for_pattern(dortmund, v.OWL_SAME_AS, None)}
    assert NamedNode("http://www.wikidata.org/entity/Q1295") in same_as
    sizes = [q.object.value for q in dataset.quads_for_pattern(None, v.SIZE, None)]
    assert sizes == ["6"]
    members = {q.object for q in dataset.quads_for_pattern(None, v.MEMBER, None)}
    assert members == {iris.person_iri("Svitlana Olshanska")}
