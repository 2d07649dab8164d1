"""FactSet -> quads in the source's own named graph, every fact with its evidence and PROV activity."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from functools import partial
from itertools import chain

from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from twingraph.facts import (
    Agreement,
    City,
    DateValue,
    Event,
    Evidence,
    FactSet,
    Organization,
    Partnership,
    Person,
    Visit,
    wikidata_ids,
)
from twingraph.rdf import iris
from twingraph.rdf import vocab as v

XSD = "http://www.w3.org/2001/XMLSchema#"
_DATE_TYPES = {"year": XSD + "gYear", "month": XSD + "gYearMonth", "day": XSD + "date"}


def date_literal(date: DateValue) -> Literal:
    """xsd:date, xsd:gYearMonth or xsd:gYear by the precision the source gives."""
    return Literal(date.iso, datatype=NamedNode(_DATE_TYPES[date.precision]))


def text(value: str, language: str | None = None) -> Literal:
    return Literal(value, language=language) if language else Literal(value)


def _url(value: str) -> NamedNode | Literal:
    """The page address as an IRI; as text when it is not a valid IRI (a batch line may carry any string)."""
    if "://" in value and " " not in value:
        try:
            return NamedNode(value)
        except ValueError:
            pass
    return text(value)


def _license(w: _GraphWriter, node: NamedNode, stated: str | None) -> None:
    """The source's licence as it states it: a licence document (dcterms:license) when given as an address,
    else its words as a rights statement (dcterms:rights), which claims no licence it may not be."""
    if not stated:
        return
    as_url = _url(stated)
    if isinstance(as_url, NamedNode):
        w.add(node, v.DCT_LICENSE, as_url)
    else:
        w.add(node, v.DCT_RIGHTS, text(stated))


def integer(value: int) -> Literal:
    return Literal(str(value), datatype=NamedNode(XSD + "integer"))


def boolean(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=NamedNode(XSD + "boolean"))


class _GraphWriter:
    """Collects the quads of one named graph, resolving names to the IRIs minted for them."""

    def __init__(self, facts: FactSet) -> None:
        self.facts = facts
        self.key = facts.article.key
        self.graph = iris.article_iri(self.key)
        self.activity = iris.activity_iri(self.key)
        self.quads: list[Quad] = []
        # By name and country, not by name alone: a table may list two Córdobas (minted once: a world table
        # has tens of thousands of cities).
        self.city_nodes = [iris.city_iri(c.name, c.country, c.disambiguator) for c in facts.cities]
        self._cities = {c.name: node for c, node in zip(facts.cities, self.city_nodes, strict=True)}
        # World tables repeat names across countries (Alexandria EG/US): facts may name a city "Name, CC".
        self._cities.update({c.qualified_name: node for c, node in zip(facts.cities, self.city_nodes, strict=True)})
        self._countries: set[str] = set()  # countries described in this graph already
        self._orgs = {o.name: iris.organization_iri(o.name) for o in facts.organizations}

    def add(self, s: NamedNode | BlankNode, p: NamedNode, o: NamedNode | BlankNode | Literal) -> None:
        self.quads.append(Quad(s, p, o, self.graph))

    def taken(self) -> list[Quad]:
        """The quads added since the last call."""
        quads, self.quads = self.quads, []
        return quads

    def add_lookup_keys(self, node: NamedNode, *names: str) -> None:
        """Lower-case names (as SPARQL's LCASE gives them), so queries find `dortmund` by index."""
        for key in dict.fromkeys(name.lower() for name in names if name.strip()):
            self.add(node, v.LOOKUP_KEY, Literal(key))

    def add_optional(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal | None) -> None:
        if o is not None:
            self.add(s, p, o)

    def city(self, name: str) -> NamedNode:
        if name not in self._cities:  # a city named by a fact but not listed: keep it, without country
            node = iris.city_iri(name, None)
            self._cities[name] = node
            self.add(node, v.RDF_TYPE, v.CITY)
            self.add(node, v.RDFS_LABEL, text(name, "en"))
            self.add_lookup_keys(node, name)
            self.add_provenance(node, None)
        return self._cities[name]

    def agent(self, name: str) -> NamedNode:
        """A city or organization named as a party, giver, host or employer."""
        if name in self._cities:
            return self._cities[name]
        if name not in self._orgs:
            node = iris.organization_iri(name)
            self._orgs[name] = node
            self.add(node, v.RDF_TYPE, v.ORGANIZATION)
            self.add(node, v.RDFS_LABEL, text(name))
            self.add_lookup_keys(node, name)
            self.add_provenance(node, None)
        return self._orgs[name]

    def add_date(self, s: NamedNode, p: NamedNode, date: DateValue | None) -> None:
        if date is None:
            return
        self.add(s, p, date_literal(date))
        if date.inferred:
            self.add(s, v.DATE_INFERRED, boolean(True))

    def add_provenance(self, node: NamedNode, evidence: Evidence | None) -> None:
        self.add(node, v.PROV_WAS_GENERATED_BY, self.activity)
        if evidence is None:
            return
        ev = iris.evidence_iri(self.key, evidence.sentence, evidence.start)
        self.add(node, v.EVIDENCE_PROP, ev)
        self.add(ev, v.RDF_TYPE, v.EVIDENCE)
        self.add(ev, v.SENTENCE, text(evidence.sentence))
        if evidence.start is not None and evidence.end is not None:
            self.add(ev, v.BEGIN_INDEX, integer(evidence.start))
            self.add(ev, v.END_INDEX, integer(evidence.end))
        self.add(ev, v.IN_ARTICLE, self.graph)


def facts_to_quads(facts: FactSet, now: datetime | None = None) -> list[Quad]:
    """All quads of one source, in the graph named by the article IRI."""
    return list(iter_quads(facts, now))


def iter_quads(facts: FactSet, now: datetime | None = None) -> Iterator[Quad]:
    """The quads of `facts_to_quads` as each fact is mapped, so a bulk load can start before the last."""
    w = _GraphWriter(facts)
    steps: Iterable[Callable[[], None]] = chain(
        (partial(_article, w, now or datetime.now(UTC)),),
        (partial(_city, w, c, node) for c, node in zip(facts.cities, w.city_nodes, strict=True)),
        (partial(_organization, w, o) for o in facts.organizations),
        (partial(_person, w, p) for p in facts.persons),
        (partial(_partnership, w, p) for p in facts.partnerships),
        (partial(_visit, w, index, visit) for index, visit in enumerate(facts.visits)),
        (partial(_agreement, w, index, a) for index, a in enumerate(facts.agreements)),
        (partial(_event, w, index, e) for index, e in enumerate(facts.events)),
    )
    for step in steps:
        step()
        yield from w.taken()


def _article(w: _GraphWriter, now: datetime) -> None:
    a, f = w.facts.article, w.facts
    node = w.graph
    w.add(node, v.RDF_TYPE, v.ARTICLE)
    w.add(node, v.RDF_TYPE, v.SOURCE_GRAPH_KINDS[f.origin])
    w.add(node, v.FACT_ORIGIN, text(f.origin))
    w.add(node, v.ARTICLE_KEY, text(a.key))
    w.add(node, v.ARTICLE_TEXT, text(a.text))
    if a.url:
        w.add(node, v.SCHEMA_URL, _url(a.url))
    w.add_optional(node, v.DCT_TITLE, text(a.title) if a.title else None)
    w.add_optional(node, v.DCT_PUBLISHER, text(a.publisher) if a.publisher else None)
    w.add_optional(node, v.DCT_LANGUAGE, text(a.language) if a.language else None)
    w.add_date(node, v.DCT_ISSUED, a.published)
    _license(w, node, a.license)
    agent = iris.agent_iri(f.extractor, f.extractor_version)
    w.add(w.activity, v.RDF_TYPE, v.PROV_ACTIVITY)
    w.add(w.activity, v.PROV_USED, node)
    w.add(w.activity, v.PROV_WAS_ASSOCIATED_WITH, agent)
    w.add(
        w.activity,
        v.PROV_ENDED_AT_TIME,
        Literal(now.isoformat(timespec="seconds"), datatype=NamedNode(XSD + "dateTime")),
    )
    w.add(agent, v.RDF_TYPE, v.PROV_SOFTWARE_AGENT)
    w.add(agent, v.RDFS_LABEL, text(f"{f.extractor} {f.extractor_version}"))


def _city(w: _GraphWriter, c: City, node: NamedNode) -> None:
    w.add(node, v.RDF_TYPE, v.CITY)
    w.add(node, v.RDFS_LABEL, text(c.name, "en"))
    if c.country:
        country = iris.country_iri(c.country)
        w.add(node, v.COUNTRY_PROP, country)
        code = c.country.upper()
        if code not in w._countries:
            w._countries.add(code)
            w.add(country, v.RDF_TYPE, v.COUNTRY)
            w.add(country, v.COUNTRY_CODE, text(code))
    # Tables sometimes give a city and its municipality ("Q39121;Q774015"): the first is the city.
    qids = wikidata_ids(c.wikidata)
    if qids:
        w.add(node, v.WIKIDATA_ID, text(qids[0]))
    for qid in qids:
        w.add(node, v.OWL_SAME_AS, NamedNode(v.WIKIDATA_ENTITY + qid))
    if c.geonames:
        w.add(node, v.GEONAMES_ID, integer(c.geonames))
        w.add(node, v.OWL_SAME_AS, NamedNode(f"{v.GEONAMES_ENTITY}{c.geonames}/"))
    for mention in c.mentions:
        w.add(node, v.MENTIONED_AS, text(mention))
    w.add_lookup_keys(node, c.name, *c.mentions)
    w.add_provenance(node, c.evidence)


def _organization(w: _GraphWriter, o: Organization) -> None:
    node = w.agent(o.name)
    w.add(node, v.RDF_TYPE, v.ORGANIZATION)
    w.add(node, v.RDFS_LABEL, text(o.name))
    w.add_lookup_keys(node, o.name)
    if o.city:
        w.add(node, v.BASED_IN, w.city(o.city))
    w.add_optional(node, v.ORGANIZATION_KIND, text(o.kind) if o.kind else None)
    w.add_provenance(node, o.evidence)


def _person(w: _GraphWriter, p: Person) -> None:
    node = iris.person_iri(p.name)
    w.add(node, v.RDF_TYPE, v.PERSON)
    w.add(node, v.SCHEMA_NAME, text(p.name))
    w.add(node, v.RDFS_LABEL, text(p.name))
    for alias in p.aliases:
        w.add(node, v.SKOS_ALT_LABEL, text(alias))
    w.add_lookup_keys(node, p.name, *p.aliases)
    w.add_provenance(node, p.evidence)
    if p.role or p.of:
        post = iris.post_iri(p.role or "member", p.of)
        w.add(node, v.ORG_HOLDS, post)
        w.add(post, v.RDF_TYPE, v.ORG_POST)
        w.add(post, v.RDFS_LABEL, text(p.role or "member", "en"))
        w.add_optional(post, v.ROLE_TEXT, text(p.role_text) if p.role_text else None)
        if p.of:
            w.add(post, v.ORG_POST_IN, w.agent(p.of))
        w.add_provenance(post, p.evidence)


def _partnership(w: _GraphWriter, p: Partnership) -> None:
    cities = [w.city(c) for c in p.cities]
    node = iris.partnership_iri(p.type, cities)
    w.add(node, v.RDF_TYPE, v.PARTNERSHIP)
    for city in cities:
        w.add(node, v.PARTNER, city)
    w.add(node, v.PARTNERSHIP_TYPE, iris.type_concept(p.type))
    w.add(node, v.STATUS, iris.status_concept(p.status))
    w.add_date(node, v.SINCE, p.since)
    w.add_date(node, v.UNTIL, p.until)
    w.add_date(node, v.PLANNED_BY, p.planned_by)
    if p.grew_from:
        w.add(node, v.GREW_OUT_OF, iris.partnership_iri(p.grew_from, cities))
    w.add_provenance(node, p.evidence)


def _visit(w: _GraphWriter, index: int, visit: Visit) -> None:
    if visit.start and visit.origin and visit.destination:
        node = iris.dated_fact_iri("visit", visit.start.iso, visit.origin, visit.destination)
    else:
        node = iris.fact_iri("visit", w.key, index)
    w.add(node, v.RDF_TYPE, v.VISIT)
    if visit.origin:
        w.add(node, v.ORIGIN, w.city(visit.origin))
    if visit.destination:
        w.add(node, v.DESTINATION, w.city(visit.destination))
    w.add_date(node, v.START_DATE, visit.start)
    w.add_date(node, v.END_DATE, visit.end)
    w.add_optional(node, v.OCCASION, text(visit.occasion) if visit.occasion else None)
    if visit.planned:
        w.add(node, v.PLANNED, boolean(True))
    if visit.return_visit:
        w.add(node, v.RETURN_VISIT, boolean(True))
    for host in visit.hosts:
        w.add(node, v.HOST, iris.person_iri(host))
    if visit.size or visit.members or visit.on_behalf_of:
        delegation = NamedNode(node.value + "/delegation")
        w.add(node, v.DELEGATION_PROP, delegation)
        w.add(delegation, v.RDF_TYPE, v.DELEGATION)
        if visit.size:
            w.add(delegation, v.SIZE, integer(visit.size))
        for member in visit.members:
            w.add(delegation, v.MEMBER, iris.person_iri(member))
        if visit.on_behalf_of:
            w.add(delegation, v.ON_BEHALF_OF, w.agent(visit.on_behalf_of))
        w.add_provenance(delegation, visit.evidence)
    w.add_provenance(node, visit.evidence)


def _agreement(w: _GraphWriter, index: int, a: Agreement) -> None:
    if a.date:
        node = iris.dated_fact_iri("agreement", a.date.iso, *sorted(a.parties))
    else:
        node = iris.fact_iri("agreement", w.key, index)
    w.add(node, v.RDF_TYPE, v.AGREEMENT)
    for party in a.parties:
        w.add(node, v.PARTY, w.agent(party))
    for signatory in a.signatories:
        w.add(node, v.SIGNATORY, iris.person_iri(signatory))
    w.add_date(node, v.DATE, a.date)
    w.add_optional(node, v.TOPIC, text(a.topic) if a.topic else None)
    w.add_optional(node, v.AGREEMENT_KIND, text(a.kind) if a.kind else None)
    w.add_provenance(node, a.evidence)


def _event(w: _GraphWriter, index: int, e: Event) -> None:
    node = iris.fact_iri("event", w.key, index)
    w.add(node, v.RDF_TYPE, v.EVENT)
    if e.kind in v.EVENT_CLASSES:
        w.add(node, v.RDF_TYPE, v.EVENT_CLASSES[e.kind])
    w.add(node, v.EVENT_KIND, text(e.kind))
    w.add_date(node, v.DATE, e.date)
    w.add_optional(node, v.SCHEMA_DESCRIPTION, text(e.description) if e.description else None)
    if e.giver:
        w.add(node, v.GIVER, w.agent(e.giver))
    if e.recipient:
        w.add(node, v.RECIPIENT, w.agent(e.recipient))
    w.add_optional(node, v.ITEMS, text(e.items) if e.items else None)
    w.add_optional(node, v.QUANTITY, integer(e.quantity) if e.quantity is not None else None)
    w.add_optional(node, v.AMOUNT, text(e.amount) if e.amount else None)
    w.add_provenance(node, e.evidence)
