"""An entity's description as an HTML page for people: its statements, the things that name it, and links
to the same description as Turtle, JSON-LD, N-Triples and RDF/XML. Every twingraph IRI links to its page on
the server that shows this one, so a reader can walk the graph in a browser."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from twingraph.query.results import short_iri
from twingraph.rdf.vocab import RDFS_LABEL

# where a twingraph IRI is served on this server (None: the IRI itself is the link)
Linker = Callable[[str], str | None]
FORMATS = (("turtle", "Turtle"), ("jsonld", "JSON-LD"), ("ntriples", "N-Triples"), ("rdfxml", "RDF/XML"))
STYLE = (
    "body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;width:100%}"
    "td,th{border:1px solid #ccc;padding:3px 8px;vertical-align:top;text-align:left}th{background:#f4f4f4}"
    "code{font-size:90%}.lang{color:#777;font-size:80%}"
)


def labels_of(triples: Iterable[Triple]) -> dict[str, str]:
    """One label per node: English first, then untagged, then the first in alphabetical order."""
    found: dict[str, list[tuple[int, str]]] = {}
    for t in triples:
        if t.predicate == RDFS_LABEL and isinstance(t.object, Literal) and isinstance(t.subject, NamedNode):
            rank = {"en": 0, None: 1}.get(t.object.language, 2)
            found.setdefault(t.subject.value, []).append((rank, t.object.value))
    return {node: min(choices)[1] for node, choices in found.items()}


def _link(iri: str, text: str, linker: Linker) -> str:
    href = linker(iri) or iri
    return f"<a href='{html.escape(href, quote=True)}'>{html.escape(text)}</a>"


def _cell(term: object, labels: dict[str, str], linker: Linker) -> str:
    if isinstance(term, NamedNode):
        label = labels.get(term.value)
        text = f"{label} ({short_iri(term.value)})" if label else short_iri(term.value)
        return _link(term.value, text, linker)
    if isinstance(term, Literal):
        note = ""
        if term.language:
            note = f" <span class='lang'>@{html.escape(term.language)}</span>"
        elif not term.datatype.value.endswith("#string"):
            note = f" <span class='lang'>{html.escape(short_iri(term.datatype.value))}</span>"
        return html.escape(term.value) + note
    if isinstance(term, BlankNode):
        return "<i>(an unnamed node)</i>"
    return html.escape(str(term))


def entity_page(entity: str, triples: list[Triple], linker: Linker, *, heading: str | None = None) -> bytes:
    """The page for `entity` from its description (`triples`, as the describe query gives them)."""
    labels = labels_of(triples)
    title = heading or labels.get(entity) or short_iri(entity)
    node = NamedNode(entity)
    outgoing = sorted(
        (t for t in triples if t.subject == node),
        key=lambda t: (t.predicate != NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), str(t.predicate)),
    )
    incoming = sorted((t for t in triples if t.object == node and t.subject != node), key=str)
    here = linker(entity) or entity
    formats = " · ".join(
        f"<a href='{html.escape(here, quote=True)}?format={short}'>{name}</a>" for short, name in FORMATS
    )
    rows = "".join(
        f"<tr><td>{_cell(t.predicate, labels, linker)}</td><td>{_cell(t.object, labels, linker)}</td></tr>"
        for t in outgoing
    )
    back = "".join(
        f"<tr><td>{_cell(t.subject, labels, linker)}</td><td>{_cell(t.predicate, labels, linker)}</td></tr>"
        for t in incoming
    )
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{html.escape(title)} · twingraph</title><style>{STYLE}</style>",
        f"<link rel='alternate' type='text/turtle' href='{html.escape(here, quote=True)}?format=turtle'>",
        "</head><body>",
        f"<h1>{html.escape(title)}</h1><p><code>{html.escape(entity)}</code></p>",
        f"<p>This description as {formats}. <a href='/'>SPARQL</a> · <a href='/.well-known/void'>dataset</a></p>",
        f"<h2>Statements</h2><table><tr><th>property</th><th>value</th></tr>{rows}</table>",
    ]
    if back:
        parts.append(f"<h2>Named by</h2><table><tr><th>what</th><th>as</th></tr>{back}</table>")
    parts.append("</body></html>")
    return "".join(parts).encode("utf-8")


def not_found_page(entity: str) -> bytes:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>not found · twingraph</title></head>"
        f"<body><h1>Not in this store</h1><p>Nothing here says anything about <code>{html.escape(entity)}</code>."
        "</p><p><a href='/'>Ask the SPARQL endpoint</a></p></body></html>"
    ).encode()


def vocabulary_page(title: str, iri: str, triples: list[Triple], linker: Linker) -> bytes:
    """The ontology (or a concept scheme) for people: one section per term, its anchor the term's local name."""
    labels = labels_of(triples)
    definition = NamedNode("http://www.w3.org/2004/02/skos/core#definition")
    terms = sorted({t.subject.value for t in triples if isinstance(t.subject, NamedNode)} - {iri})
    sections = []
    for term in terms:
        anchor = term.rsplit("#", 1)[-1] if "#" in term else term.rstrip("/").rsplit("/", 1)[-1]
        facts = [t for t in triples if t.subject == NamedNode(term)]
        texts = [
            t.object.value
            for t in facts
            if t.predicate == definition and isinstance(t.object, Literal) and t.object.language in (None, "en")
        ]
        kinds = ", ".join(
            _cell(t.object, labels, linker) for t in facts if t.predicate.value.endswith("22-rdf-syntax-ns#type")
        )
        sections.append(
            f"<h3 id='{html.escape(anchor, quote=True)}'>{html.escape(labels.get(term, anchor))}</h3>"
            f"<p><code>{html.escape(term)}</code> {kinds}</p>"
            + "".join(f"<p>{html.escape(text)}</p>" for text in texts)
        )
    here = linker(iri) or iri
    formats = " · ".join(
        f"<a href='{html.escape(here, quote=True)}?format={short}'>{name}</a>" for short, name in FORMATS
    )
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)} · twingraph"
        f"</title><style>{STYLE}</style></head><body><h1>{html.escape(title)}</h1><p><code>{html.escape(iri)}</code>"
        f"</p><p>As {formats}.</p>{''.join(sections)}</body></html>"
    ).encode()
