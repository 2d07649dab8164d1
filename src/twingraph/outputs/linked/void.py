"""The dataset description (VoID + DCAT): what the store holds, where it comes from, under which terms.

One description for the exports (`twingraph export`, `demo`) and the endpoint (`/.well-known/void`): the
dataset, its size and class partitions, example resources, the vocabulary, the SPARQL endpoint where there is
one, and one subset per source graph with its title, publisher, address and licence. The counts come from
two queries (void-sources.rq, void-classes.rq beside this module) run by whoever holds the store.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib.resources import files

from pyoxigraph import BlankNode, Literal, NamedNode, QuerySolutions, Triple

from twingraph import __version__
from twingraph.rdf.vocab import DCT_PUBLISHER, DCT_TITLE, ID_NS, PREFIXES, RDF_TYPE, SERIALIZATION_PREFIXES, TG_NS
from twingraph.store.embedded import EmbeddedStore

Term = NamedNode | BlankNode | Literal
Row = Mapping[str, Term | None]
# runs a SELECT query and gives its rows: the embedded store, or the query engine behind `serve`
Select = Callable[[str], list[Row]]

VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = PREFIXES["dcterms"]
XSD_INTEGER = NamedNode(PREFIXES["xsd"] + "integer")
DATASET = NamedNode(ID_NS + "dataset")
ONTOLOGY = NamedNode("https://w3id.org/twingraph/ontology")
DESCRIPTION_PREFIXES = {**SERIALIZATION_PREFIXES, "void": VOID, "dcat": DCAT}
CC_BY_SA_4 = NamedNode("https://creativecommons.org/licenses/by-sa/4.0/")
CC0_1 = NamedNode("https://creativecommons.org/publicdomain/zero/1.0/")
# A source that states its licence (sources.yaml `license`, a JSON Lines field, a page's rel="license") has it
# in its graph. The tables twingraph ships have theirs here, by source key (data/twin-towns/README.md says
# where each part comes from). Any other source gets a rights statement, not a licence it may not have.
KNOWN_LICENCES: dict[str, tuple[NamedNode, ...]] = {"table:pairs.csv": (CC_BY_SA_4, CC0_1)}
ARTICLE_RIGHTS = (
    "The article's text belongs to its publisher; twingraph states the facts it reports and quotes single "
    "sentences as their evidence."
)
UNKNOWN_RIGHTS = "The source does not state a licence."
EXAMPLE_CLASSES = ("City", "Partnership", "Visit", "Agreement", "Person")


def _void(local: str) -> NamedNode:
    return NamedNode(VOID + local)


def _dcat(local: str) -> NamedNode:
    return NamedNode(DCAT + local)


def _dct(local: str) -> NamedNode:
    return NamedNode(DCT + local)


def _count(value: int) -> Literal:
    return Literal(str(value), datatype=XSD_INTEGER)


def _query(name: str) -> str:
    return files("twingraph.outputs.linked").joinpath(f"{name}.rq").read_text(encoding="utf-8")


def store_select(store: EmbeddedStore) -> Select:
    """The embedded store as a `Select`."""

    def select(sparql: str) -> list[Row]:
        result = store.query(sparql)
        assert isinstance(result, QuerySolutions)
        names = [v.value for v in result.variables]
        return [dict(zip(names, solution, strict=True)) for solution in result]

    return select


def describe_dataset(select: Select, endpoint: str | None = None) -> list[Triple]:
    """The VoID + DCAT description of the store `select` reads; `endpoint` is its SPARQL endpoint, if served."""
    triples: list[Triple] = []

    def add(subject: NamedNode | BlankNode, predicate: NamedNode, obj: Term) -> None:
        triples.append(Triple(subject, predicate, obj))

    add(DATASET, RDF_TYPE, _void("Dataset"))
    add(DATASET, RDF_TYPE, _dcat("Dataset"))
    add(DATASET, DCT_TITLE, Literal("twingraph: a knowledge graph of town-twinning relationships", language="en"))
    add(
        DATASET,
        _dct("description"),
        Literal(
            "Partnerships between cities, delegations, visits, agreements and aid, each fact traceable to the "
            "sentence of the article, curated file or table it comes from (one named graph per source).",
            language="en",
        ),
    )
    add(DATASET, _dct("conformsTo"), ONTOLOGY)
    add(DATASET, _void("vocabulary"), NamedNode(TG_NS))
    add(DATASET, _void("uriSpace"), Literal(ID_NS))
    add(DATASET, _dct("creator"), Literal(f"twingraph {__version__}"))

    sources = select(_query("void-sources"))
    total = 0
    for row in sources:
        graph, size = row["graph"], int(_text(row["triples"]) or 0)
        if not isinstance(graph, NamedNode):
            continue
        total += size
        add(DATASET, _void("subset"), graph)
        add(graph, RDF_TYPE, _void("Dataset"))
        add(graph, RDF_TYPE, _dcat("Dataset"))
        add(graph, _void("triples"), _count(size))
        for column, predicate in (("title", DCT_TITLE), ("publisher", DCT_PUBLISHER)):
            value = row.get(column)
            if value is not None:
                add(graph, predicate, value)
        url = row.get("url")
        if isinstance(url, NamedNode):
            add(graph, _dct("source"), url)
            add(graph, _dcat("landingPage"), url)
        origin, key = _text(row.get("origin")), _text(row.get("key"))
        if origin is None:  # not a source: a graph twingraph derives from the others
            continue
        stated, rights = row.get("license"), row.get("rights")
        licences = (stated,) if isinstance(stated, NamedNode) else KNOWN_LICENCES.get(key or "", ())
        for licence in licences:
            add(graph, _dct("license"), licence)
        if not licences:
            default = ARTICLE_RIGHTS if origin == "extracted" else UNKNOWN_RIGHTS
            add(graph, _dct("rights"), rights if isinstance(rights, Literal) else Literal(default))
    add(DATASET, _void("triples"), _count(total))

    classes = select(_query("void-classes"))
    entities = 0
    examples: dict[str, NamedNode] = {}
    for row in classes:
        cls, count = row["class"], int(_text(row["entities"]) or 0)
        if not isinstance(cls, NamedNode):
            continue
        partition = BlankNode()
        add(DATASET, _void("classPartition"), partition)
        add(partition, _void("class"), cls)
        add(partition, _void("entities"), _count(count))
        if cls.value.startswith(TG_NS):
            entities += count
            example = _text(row.get("example"))
            if example and example.startswith(ID_NS):
                examples[cls.value.removeprefix(TG_NS)] = NamedNode(example)
    add(DATASET, _void("entities"), _count(entities))
    for name in EXAMPLE_CLASSES:
        if name in examples:
            add(DATASET, _void("exampleResource"), examples[name])

    if endpoint:
        service = NamedNode(endpoint)
        add(DATASET, _void("sparqlEndpoint"), service)
        add(DATASET, _dcat("accessService"), service)
        add(service, RDF_TYPE, _dcat("DataService"))
        add(service, _dcat("endpointURL"), service)
        add(service, _dcat("servesDataset"), DATASET)
        add(service, _dct("conformsTo"), NamedNode("https://www.w3.org/TR/sparql11-protocol/"))
    # each subject's statements together, the dataset first: Turtle then writes one block per subject
    first_seen: dict[object, int] = {}
    for triple in triples:
        first_seen.setdefault(triple.subject, len(first_seen))
    return sorted(triples, key=lambda t: first_seen[t.subject])


def _text(term: Term | None) -> str | None:
    return None if term is None else term.value


def description_of(store: EmbeddedStore, endpoint: str | None = None) -> list[Triple]:
    """The description of an embedded store (what exports carry)."""
    return describe_dataset(store_select(store), endpoint)
