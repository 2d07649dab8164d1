"""Namespaces and the terms of the twingraph ontology (ontology/twingraph.ttl defines and documents them)."""

from __future__ import annotations

from pyoxigraph import NamedNode

TG_NS = "https://w3id.org/twingraph/ontology#"
ID_NS = "https://w3id.org/twingraph/id/"
TYPES_NS = "https://w3id.org/twingraph/partnership-type/"
STATUS_NS = "https://w3id.org/twingraph/partnership-status/"

PREFIXES: dict[str, str] = {
    "tg": TG_NS,
    "tgid": ID_NS,
    "tgtype": TYPES_NS,
    "tgstatus": STATUS_NS,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "time": "http://www.w3.org/2006/time#",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "wd": "http://www.wikidata.org/entity/",
}


def tg(local: str) -> NamedNode:
    return NamedNode(TG_NS + local)


def _ns(prefix: str, local: str) -> NamedNode:
    return NamedNode(PREFIXES[prefix] + local)


RDF_TYPE = _ns("rdf", "type")
RDFS_LABEL = _ns("rdfs", "label")
SKOS_ALT_LABEL = _ns("skos", "altLabel")
OWL_SAME_AS = _ns("owl", "sameAs")
SCHEMA_URL = _ns("schema", "url")
SCHEMA_NAME = _ns("schema", "name")
SCHEMA_DESCRIPTION = _ns("schema", "description")
DCT_TITLE = _ns("dcterms", "title")
DCT_PUBLISHER = _ns("dcterms", "publisher")
DCT_ISSUED = _ns("dcterms", "issued")
DCT_LANGUAGE = _ns("dcterms", "language")
DCT_LICENSE = _ns("dcterms", "license")
DCT_RIGHTS = _ns("dcterms", "rights")
ORG_HOLDS = _ns("org", "holds")
ORG_POST_IN = _ns("org", "postIn")
ORG_POST = _ns("org", "Post")
PROV_WAS_GENERATED_BY = _ns("prov", "wasGeneratedBy")
PROV_WAS_DERIVED_FROM = _ns("prov", "wasDerivedFrom")
PROV_ACTIVITY = _ns("prov", "Activity")
PROV_SOFTWARE_AGENT = _ns("prov", "SoftwareAgent")
PROV_USED = _ns("prov", "used")
PROV_WAS_ASSOCIATED_WITH = _ns("prov", "wasAssociatedWith")
PROV_ENDED_AT_TIME = _ns("prov", "endedAtTime")
WIKIDATA_ENTITY = PREFIXES["wd"]
GEONAMES_ENTITY = "https://sws.geonames.org/"

# classes
CITY = tg("City")
COUNTRY = tg("Country")
PARTNERSHIP = tg("Partnership")
DELEGATION = tg("Delegation")
VISIT = tg("Visit")
PERSON = tg("Person")
ORGANIZATION = tg("Organization")
AGREEMENT = tg("Agreement")
EVENT = tg("Event")
ARTICLE = tg("Article")
SOURCE_STATEMENT = tg("SourceStatement")
CONFLICT = tg("Conflict")
CONFLICTING_VALUE = tg("ConflictingValue")
PARTNERSHIP_PHASE = tg("PartnershipPhase")
EVIDENCE = tg("Evidence")
SOURCE_GRAPH_KINDS = {
    "extracted": tg("ExtractedFacts"),
    "curated": tg("CuratedFacts"),
    "table": tg("TableFacts"),
}
EVENT_CLASSES = {
    "donation": tg("Donation"),
    "funding": tg("Funding"),
    "reception": tg("Reception"),
    "anniversary": tg("Anniversary"),
    "planned_visit": tg("PlannedVisit"),
}

# properties
COUNTRY_PROP = tg("country")
COUNTRY_CODE = tg("countryCode")
WIKIDATA_ID = tg("wikidataId")
GEONAMES_ID = tg("geonamesId")
MENTIONED_AS = tg("mentionedAs")
LOOKUP_KEY = tg("lookupKey")
PARTNER = tg("partner")
PARTNERSHIP_TYPE = tg("partnershipType")
STATUS = tg("status")
SINCE = tg("since")
UNTIL = tg("until")
PLANNED_BY = tg("plannedBy")
GREW_OUT_OF = tg("grewOutOf")
ORIGIN = tg("origin")
DESTINATION = tg("destination")
START_DATE = tg("startDate")
END_DATE = tg("endDate")
DATE = tg("date")
DATE_TEXT = tg("dateText")
DATE_INFERRED = tg("dateInferred")
DELEGATION_PROP = tg("delegation")
SIZE = tg("size")
MEMBER = tg("member")
ON_BEHALF_OF = tg("onBehalfOf")
HOST = tg("host")
OCCASION = tg("occasion")
PLANNED = tg("planned")
RETURN_VISIT = tg("returnVisit")
BASED_IN = tg("basedIn")
ORGANIZATION_KIND = tg("organizationKind")
ROLE_TEXT = tg("roleText")
ROLE = tg("role")
PARTY = tg("party")
SIGNATORY = tg("signatory")
TOPIC = tg("topic")
AGREEMENT_KIND = tg("agreementKind")
EVENT_KIND = tg("eventKind")
GIVER = tg("giver")
RECIPIENT = tg("recipient")
ITEMS = tg("items")
QUANTITY = tg("quantity")
AMOUNT = tg("amount")
EVIDENCE_PROP = tg("evidence")
SENTENCE = tg("sentence")
BEGIN_INDEX = tg("beginIndex")
END_INDEX = tg("endIndex")
IN_ARTICLE = tg("inArticle")
ARTICLE_TEXT = tg("text")
ARTICLE_KEY = tg("sourceKey")
FACT_ORIGIN = tg("factOrigin")
# the consolidated layer: one node per real thing, fused across sources (rdf/consolidation.py)
SOURCE_COUNT = tg("sourceCount")
SOURCE_ORIGIN = tg("sourceOrigin")
IN_SOURCE = tg("inSource")
SOURCE_FACT = tg("sourceFact")
PHASE = tg("phase")
CONFLICT_PROP = tg("conflict")
ON_PROPERTY = tg("onProperty")
CONFLICTING_VALUE_PROP = tg("conflictingValue")
VALUE = tg("value")
PREFERRED = tg("preferred")
CONCERNS = tg("concerns")
CONSOLIDATED_GRAPH = NamedNode(ID_NS + "graph/consolidated")

# For Turtle/TriG output: data IRIs have slashes after the id namespace (city/de/dortmund), which a
# prefixed name must escape ("tgid:city\/de\/dortmund"); written in full they read better.
SERIALIZATION_PREFIXES: dict[str, str] = {k: v for k, v in PREFIXES.items() if k != "tgid"}
