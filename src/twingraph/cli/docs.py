"""`twingraph docs`: HTML documentation of the ontology, built offline from the files in ontology/.

pyLODE (OntPub profile) documents classes and properties of ontology/twingraph.ttl; its concept-scheme
profile does not list concepts, so the SKOS schemes (partnership types, statuses, roles) get a plain page of
their own, vocabularies.html. The ontology files are copied next to the pages so the site is complete.
"""

from __future__ import annotations

import html
import json
import logging
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from twingraph.cli.app import QuietOption, app, console_err
from twingraph.errors import UserError
from twingraph.resources import ontology_dir

if TYPE_CHECKING:
    import rdflib

PUBLISHED_FILES = ("twingraph.ttl", "partnership-types.ttl", "shapes.ttl", "context.jsonld")


def _ontology_page(source: Path, destination: Path) -> None:
    """pyLODE reads its background ontologies from its own package files: no network needed."""
    try:
        from pylode import OntPub
    except ImportError:
        raise UserError("pyLODE is not installed: pip install 'pylode==3.3.4'") from None
    finally:
        logging.getLogger().setLevel(logging.WARNING)  # pyLODE switches the root logger to DEBUG on import
    page = OntPub(str(source)).make_html()
    destination.write_text(_with_stable_jsonld(page), encoding="utf-8")


_JSONLD_SCRIPT = re.compile(r'(<script id="schema.org" type="application/ld\+json">\n)(.*?)(\s*</script>)', re.DOTALL)


def _with_stable_jsonld(page: str) -> str:
    """The page's schema.org JSON-LD with its nodes in IRI order: pyLODE lists them in the order of rdflib's
    sets, which changes from run to run with Python's string hashing, so the same ontology gave other bytes."""

    def ordered(match: re.Match[str]) -> str:
        return (
            match.group(1)
            + json.dumps(_sorted(json.loads(match.group(2))), indent=2, ensure_ascii=False)
            + match.group(3)
        )

    return _JSONLD_SCRIPT.sub(ordered, page, count=1)


def _sorted(value: Any) -> Any:
    """JSON with every list in a fixed order (JSON-LD lists here are sets of nodes and values)."""
    if isinstance(value, dict):
        return {key: _sorted(item) for key, item in value.items()}
    if isinstance(value, list):
        return sorted((_sorted(item) for item in value), key=lambda item: json.dumps(item, sort_keys=True))
    return value


def _text(graph: rdflib.Graph, node: rdflib.term.Node, prop: rdflib.URIRef, lang: str) -> str:
    from rdflib import Literal

    for value in graph.objects(node, prop):
        if isinstance(value, Literal) and value.language == lang:
            return html.escape(str(value))
    return ""


def _vocabularies_page(graph: rdflib.Graph) -> str:
    """One table per SKOS concept scheme: IRI, English and German labels and definitions."""
    from rdflib.namespace import RDF, SKOS

    sections = []
    for scheme in sorted(graph.subjects(RDF.type, SKOS.ConceptScheme), key=str):
        rows = []
        for concept in sorted(graph.subjects(SKOS.inScheme, scheme), key=str):
            rows.append(
                f'<tr id="{html.escape(str(concept).rstrip("/").rsplit("/", 1)[-1])}">'
                f"<td><code>{html.escape(str(concept))}</code></td>"
                f"<td>{_text(graph, concept, SKOS.prefLabel, 'en')}</td>"
                f"<td>{_text(graph, concept, SKOS.prefLabel, 'de')}</td>"
                f"<td>{_text(graph, concept, SKOS.definition, 'en')}"
                f"<br><i>{_text(graph, concept, SKOS.definition, 'de')}</i></td>"
                "</tr>"
            )
        sections.append(
            f"<h2>{_text(graph, scheme, SKOS.prefLabel, 'en')} / {_text(graph, scheme, SKOS.prefLabel, 'de')}</h2>"
            f"<p><code>{html.escape(str(scheme))}</code></p>"
            f"<p>{_text(graph, scheme, SKOS.definition, 'en')}</p>"
            "<table><tr><th>concept</th><th>English</th><th>Deutsch</th><th>definition</th></tr>"
            + "".join(rows)
            + "</table>"
        )
    style = "body{font-family:sans-serif;max-width:70em;margin:auto}td,th{border:1px solid #ccc;padding:4px}"
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>twingraph vocabularies</title><style>{style}table{{border-collapse:collapse}}</style></head><body>"
        '<h1>twingraph vocabularies</h1><p>Controlled values of the <a href="index.html">twingraph ontology</a>.</p>'
        + "".join(sections)
        + "</body></html>\n"
    )


@app.command()
def docs(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the HTML documentation.")] = Path("out/docs"),
    quiet: QuietOption = False,
) -> None:
    """Write HTML documentation of the ontology (pyLODE) and its vocabularies, with the ontology files."""
    import rdflib

    source = ontology_dir()
    if not (source / "twingraph.ttl").is_file():
        raise UserError(f"no ontology at {source} (set TWINGRAPH_HOME to the checkout)")
    out.mkdir(parents=True, exist_ok=True)
    _ontology_page(source / "twingraph.ttl", out / "index.html")
    schemes = rdflib.Graph()
    for name in ("partnership-types.ttl", "twingraph.ttl"):
        schemes.parse(source / name, format="turtle")
    (out / "vocabularies.html").write_text(_vocabularies_page(schemes), encoding="utf-8")
    for name in PUBLISHED_FILES:
        shutil.copyfile(source / name, out / name)
    if not quiet:
        console_err.print(f"wrote {out / 'index.html'}, {out / 'vocabularies.html'} and the ontology files")
