"""A SPARQL 1.1 Protocol endpoint over the store: the Oxigraph server behind a thin Python proxy.

Oxigraph does the querying and cancels most over-long queries itself (`--timeout-s`). The proxy adds what
the server lacks: a hard timeout (a query still running shortly after it restarts the engine, see Engine),
a row limit (results arrive as line-based TSV / N-Triples, so it stops reading after LIMIT rows and closes
the upstream connection), a read-only default that refuses updates before they reach the store, a clear
503 when a query was cancelled mid-stream, content negotiation for every W3C results format, and a page
to type queries into.
"""

from __future__ import annotations

import html
import http.client
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path

from pyoxigraph import (
    NamedNode,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Triple,
    parse,
    parse_query_results,
    serialize,
)

from twingraph.errors import UserError
from twingraph.outputs.linked.page import entity_page, not_found_page, vocabulary_page
from twingraph.outputs.linked.void import DATASET, DESCRIPTION_PREFIXES, ONTOLOGY, Term, describe_dataset
from twingraph.query.library import with_values
from twingraph.query.results import RESULT_FORMATS, term_text
from twingraph.rdf.formats import GRAPH_FORMAT_NAMES, RDF_FORMATS, by_media_type
from twingraph.rdf.vocab import CONSOLIDATED_GRAPH, PREFIXES, RDFS_LABEL
from twingraph.resources import ontology_dir

# query results: the media types of the result formats, their plain-JSON/XML aliases, and a table for people
RESULT_TYPES: dict[str, QueryResultsFormat | None] = {
    **{fmt.media_type.split(";")[0]: fmt for fmt in RESULT_FORMATS.values()},
    "application/json": QueryResultsFormat.JSON,
    "application/xml": QueryResultsFormat.XML,
    "text/html": None,
}
GRAPH_TYPES: dict[str, RdfFormat] = by_media_type()  # CONSTRUCT and DESCRIBE results
# linked data: what GET /id/..., /ontology and /.well-known/void answer in, and a page for people, with links
LINKED_TYPES: dict[str, RdfFormat | None] = {**GRAPH_TYPES, "text/html": None}
# ?format=NAME, for links that cannot set an Accept header: the names `--format` takes
LINKED_SHORT_FORMATS = {name: RDF_FORMATS[name].media_type for name in GRAPH_FORMAT_NAMES} | {"html": "text/html"}
SHORT_FORMATS = {name: fmt.media_type.split(";")[0] for name, fmt in RESULT_FORMATS.items()} | LINKED_SHORT_FORMATS
TWINGRAPH_BASE = "https://w3id.org/twingraph/"
VOCABULARY_PATHS = ("/ontology", "/partnership-type/", "/partnership-status/")
GRACE = 2.0  # seconds past the timeout before the proxy stops waiting and restarts the engine


@dataclass(frozen=True)
class Reply:
    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def text(cls, status: int, message: str) -> Reply:
        return cls(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode("utf-8"))


@dataclass(frozen=True)
class EndpointRules:
    writable: bool = False
    timeout: float = 30.0
    limit: int = 10_000


def negotiate(accept: str, offered: list[str], default: str) -> str | None:
    """The offered media type the client prefers (q-values honoured); None when nothing fits."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media, quality = pieces[0].lower(), 1.0
        for piece in pieces[1:]:
            if piece.startswith("q="):
                try:
                    quality = float(piece[2:])
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranked.append((-quality, position, media))
    if not ranked:
        return default
    for _, _, media in sorted(ranked):
        if media in ("*/*", "application/*", "text/*"):
            return default if media == "*/*" or default.startswith(media[:-1]) else None
        if media in offered:
            return media
    return None


class Engine:
    """The Oxigraph server process on a private loopback port.

    Oxigraph checks its own timeout only between evaluation steps, so a cross product under ORDER BY can run
    on for minutes; a query that outlives the timeout (plus a short grace) therefore restarts the process.
    Other queries in flight at that moment fail too (502): the price of never letting one query hog the CPU.
    """

    def __init__(self, store: Path, rules: EndpointRules) -> None:
        self.store = store
        self.rules = rules
        self.port = 0
        self.generation = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        port = free_port()
        mode = "serve" if self.rules.writable else "serve-read-only"
        command = [oxigraph_binary(), mode, "--location", str(self.store), "--bind", f"127.0.0.1:{port}"]
        command += ["--timeout-s", str(max(1, round(self.rules.timeout)))]
        command += ["--union-default-graph"]  # DESCRIBE <x> and patterns outside GRAPH see every source
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _wait_until_listening(process, port)
        self._process, self.port = process, port
        self.generation += 1

    def stop(self) -> None:
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=5)
        self._process = None

    def restart(self, generation: int) -> None:
        """Kill a process still busy with a timed-out query, once, however many requests noticed it."""
        with self._lock:
            if generation == self.generation:
                self.stop()
                self.start()

    def open(
        self, path: str, form: dict[str, list[str]], accept: str
    ) -> tuple[http.client.HTTPConnection, object, int]:
        generation = self.generation
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.rules.timeout + GRACE)
        body = urllib.parse.urlencode(form, doseq=True)
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept}
        connection.request("POST", path, body=body, headers=headers)
        return connection, connection.getresponse(), generation


class SparqlEndpoint:
    """Protocol logic, independent of the HTTP server class: request in, Reply out."""

    def __init__(self, engine: Engine, rules: EndpointRules) -> None:
        self.engine = engine
        self.rules = rules

    def _timed_out(self, generation: int) -> Reply:
        self.engine.restart(generation)
        return Reply.text(503, f"query timed out after {self.rules.timeout:g} s")

    def query(self, form: dict[str, list[str]], accept: str) -> Reply:
        forwarded = {k: v for k, v in form.items() if k in ("query", "default-graph-uri", "named-graph-uri")}
        deadline = time.monotonic() + self.rules.timeout + GRACE
        generation = self.engine.generation
        try:
            connection, response, generation = self.engine.open(
                "/query", forwarded, "text/tab-separated-values, application/n-triples;q=0.9"
            )
        except TimeoutError:
            return self._timed_out(generation)
        except OSError as err:
            return Reply.text(502, f"the query engine is not answering: {err}")
        try:
            return self._relay(connection, response, accept, deadline)  # type: ignore[arg-type]
        except TimeoutError:
            return self._timed_out(generation)
        except OSError as err:
            return Reply.text(502, f"the query engine stopped answering: {err}")
        finally:
            connection.close()  # stops the engine from producing rows nobody will read

    def _relay(
        self, connection: http.client.HTTPConnection, response: http.client.HTTPResponse, accept: str, deadline: float
    ) -> Reply:
        if response.status != 200:
            message = response.read().decode("utf-8", "replace")
            status = 503 if "cancelled" in message.lower() else response.status
            if status == 503:
                message = f"query timed out after {self.rules.timeout:g} s"
            return Reply.text(status, message)
        upstream_type = (response.getheader("Content-Type") or "").split(";")[0].strip()
        graph = upstream_type == "application/n-triples"
        lines, truncated = self._read_lines(connection, response, graph, deadline)
        data = b"".join(lines)
        try:
            if upstream_type == "application/n-triples":
                return self._graph_reply(data, accept, truncated)
            return self._results_reply(data, accept, truncated)
        except SyntaxError:
            text = data.decode("utf-8", "replace")
            if "cancelled" in text.lower():
                return Reply.text(503, f"query timed out after {self.rules.timeout:g} s")
            return Reply.text(500, "the query engine failed while writing results: " + text.splitlines()[-1])

    def _read_lines(
        self, connection: http.client.HTTPConnection, response: http.client.HTTPResponse, graph: bool, deadline: float
    ) -> tuple[list[bytes], bool]:
        """Header plus at most `limit` rows (triples for graphs); True when more were on the way."""
        wanted = self.rules.limit + (0 if graph else 1)
        lines: list[bytes] = []
        while len(lines) <= wanted:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            if connection.sock is not None:
                connection.sock.settimeout(remaining)
            line = response.readline()
            if not line:
                return lines, False
            if len(lines) == wanted:
                return lines, True
            lines.append(line)
        return lines, True

    def _results_reply(self, data: bytes, accept: str, truncated: bool) -> Reply:
        media = negotiate(accept, list(RESULT_TYPES), "application/sparql-results+json")
        if media is None:
            return Reply.text(406, "no acceptable results format; offered: " + ", ".join(RESULT_TYPES))
        first = data.split(b"\n", 1)[0].strip()
        headers = {"X-Twingraph-Truncated": str(self.rules.limit)} if truncated else {}
        if first in (b"true", b"false"):  # an ASK answer
            boolean_json = b'{"head":{},"boolean":' + first + b"}"
            result = parse_query_results(boolean_json, format=QueryResultsFormat.JSON)
        else:
            result = parse_query_results(data, format=QueryResultsFormat.TSV)
        fmt = RESULT_TYPES[media]
        if fmt is None:
            return Reply(200, "text/html; charset=utf-8", _html_results(result, truncated, self.rules.limit), headers)
        body = result.serialize(format=fmt) or b""
        return Reply(200, f"{media}; charset=utf-8", body, headers)

    def _graph_reply(self, data: bytes, accept: str, truncated: bool) -> Reply:
        media = negotiate(accept, list(GRAPH_TYPES), "text/turtle")
        if media is None:
            return Reply.text(406, "no acceptable RDF format; offered: " + ", ".join(GRAPH_TYPES))
        triples = [q.triple for q in parse(data, format=RdfFormat.N_TRIPLES)]
        fmt = GRAPH_TYPES[media]
        body = serialize(triples, format=fmt, prefixes=PREFIXES if fmt == RdfFormat.TURTLE else None) or b""
        headers = {"X-Twingraph-Truncated": str(self.rules.limit)} if truncated else {}
        return Reply(200, f"{media}; charset=utf-8", body, headers)

    def update(self, form: dict[str, list[str]]) -> Reply:
        if not self.rules.writable:
            return Reply.text(403, "this endpoint is read-only (start it with --writable to accept updates)")
        forwarded = {k: v for k, v in form.items() if k in ("update", "using-graph-uri", "using-named-graph-uri")}
        try:
            connection, response, _ = self.engine.open("/update", forwarded, "text/plain")
        except OSError as err:
            return Reply.text(502, f"the query engine is not answering: {err}")
        try:
            message = response.read().decode("utf-8", "replace")  # type: ignore[attr-defined]
            status = response.status  # type: ignore[attr-defined]
            return Reply.text(status, message or "done") if status >= 400 else Reply(204, "text/plain", b"")
        finally:
            connection.close()


class LinkedData:
    """Dereferencing twingraph IRIs on the endpoint's server: GET /id/... describes an entity (its node in the
    consolidated graph where it has one, else what every graph says of it), /ontology and the SKOS schemes
    describe the vocabulary, /.well-known/void the dataset; each as Turtle, JSON-LD, N-Triples, RDF/XML or
    an HTML page whose links stay on this server."""

    def __init__(self, engine: Engine, rules: EndpointRules) -> None:
        self.engine = engine
        self.rules = rules
        self._void: tuple[int, str, list[Triple]] | None = None  # (engine generation, endpoint, description)
        self._vocabulary: dict[str, list[Triple]] | None = None

    @staticmethod
    def linker(iri: str) -> str | None:
        """Where a twingraph IRI is served here: its path below https://w3id.org/twingraph/."""
        return "/" + iri.removeprefix(TWINGRAPH_BASE) if iri.startswith(TWINGRAPH_BASE) else None

    def entity(self, path: str, accept: str, host: str) -> Reply:
        iri = TWINGRAPH_BASE + urllib.parse.unquote(path).lstrip("/")
        try:
            node = NamedNode(iri)
        except ValueError:
            return Reply.text(400, f"not an IRI: {iri}")
        if node == DATASET:
            return self.dataset(accept, host)
        try:
            triples = self._construct({"entity": node, "graph": CONSOLIDATED_GRAPH})
            if not any(t.subject == node for t in triples):
                triples = self._construct({"entity": node})
        except TimeoutError:
            return Reply.text(503, f"the description took longer than {self.rules.timeout:g} s")
        except (OSError, ValueError) as err:
            return Reply.text(502, f"the query engine is not answering: {err}")
        if not triples:
            if negotiate(accept, list(LINKED_TYPES), "text/turtle") == "text/html":
                return Reply(404, "text/html; charset=utf-8", not_found_page(iri))
            return Reply.text(404, f"nothing in this store is about <{iri}>")
        triples.sort(key=lambda t: t.subject != node)  # the entity's own statements first
        return self._reply(iri, triples, accept, lambda: entity_page(iri, triples, self.linker))

    def dataset(self, accept: str, host: str) -> Reply:
        endpoint = f"http://{host}/sparql"
        cached = self._void
        if cached is None or cached[:2] != (self.engine.generation, endpoint) or self.rules.writable:
            try:
                cached = (self.engine.generation, endpoint, describe_dataset(self._select, endpoint))
            except (OSError, ValueError) as err:
                return Reply.text(502, f"the query engine is not answering: {err}")
            self._void = cached
        triples = cached[2]
        iri = DATASET.value
        return self._reply(iri, triples, accept, lambda: entity_page(iri, triples, self.linker, heading="Dataset"))

    def vocabulary(self, path: str, accept: str) -> Reply:
        terms = self._vocabulary_triples()
        iri = TWINGRAPH_BASE + path.lstrip("/")
        if iri.rstrip("/") == ONTOLOGY.value:
            iri, triples = ONTOLOGY.value, terms["ontology"]
            page = lambda: vocabulary_page("The twingraph ontology", iri, triples, self.linker)  # noqa: E731
        elif iri.endswith("/"):  # a concept scheme: its concepts
            triples = [t for t in terms["schemes"] if str(t.subject).startswith(f"<{iri}")]
            page = lambda: vocabulary_page(f"Concept scheme {iri}", iri, triples, self.linker)  # noqa: E731
        else:
            node = NamedNode(iri)
            triples = [t for t in terms["schemes"] if node in (t.subject, t.object)]
            triples += [
                t for t in terms["all"] if t.predicate == RDFS_LABEL and t.subject in {x.object for x in triples}
            ]
            page = lambda: entity_page(iri, triples, self.linker)  # noqa: E731
        if not triples:
            return Reply.text(404, f"no term <{iri}> in the twingraph vocabulary")
        return self._reply(iri, triples, accept, page)

    def _vocabulary_triples(self) -> dict[str, list[Triple]]:
        if self._vocabulary is None:
            folder = ontology_dir()
            ontology = [q.triple for q in parse(path=str(folder / "twingraph.ttl"), format=RdfFormat.TURTLE)]
            schemes = [q.triple for q in parse(path=str(folder / "partnership-types.ttl"), format=RdfFormat.TURTLE)]
            self._vocabulary = {"ontology": ontology, "schemes": schemes, "all": ontology + schemes}
        return self._vocabulary

    def _reply(self, iri: str, triples: list[Triple], accept: str, page: Callable[[], bytes]) -> Reply:
        media = negotiate(accept, list(LINKED_TYPES), "text/turtle")
        if media is None:
            return Reply.text(406, "no acceptable format; offered: " + ", ".join(LINKED_TYPES))
        fmt = LINKED_TYPES[media]
        headers = {"Link": f'<{iri}>; rel="canonical"'}
        if fmt is None:
            return Reply(200, "text/html; charset=utf-8", page(), headers)
        prefixes = DESCRIPTION_PREFIXES if fmt == RdfFormat.TURTLE else None
        body = serialize(triples, format=fmt, prefixes=prefixes) or b""
        return Reply(200, f"{media}; charset=utf-8", body, headers)

    def _construct(self, bindings: dict[str, NamedNode]) -> list[Triple]:
        """The describe query on the engine: at most `limit` triples, duplicates from several graphs merged."""
        text = with_values(_linked_query("describe"), bindings)
        connection, response, _ = self.engine.open("/query", {"query": [text]}, "application/n-triples")
        try:
            if response.status != 200:  # type: ignore[attr-defined]
                raise ValueError(response.read().decode("utf-8", "replace"))  # type: ignore[attr-defined]
            lines = []
            for _ in range(self.rules.limit):
                line = response.readline()  # type: ignore[attr-defined]
                if not line:
                    break
                lines.append(line)
        finally:
            connection.close()
        return list(dict.fromkeys(q.triple for q in parse(b"".join(lines), format=RdfFormat.N_TRIPLES)))

    def _select(self, sparql: str) -> list[Mapping[str, Term | None]]:
        connection, response, _ = self.engine.open("/query", {"query": [sparql]}, "application/sparql-results+json")
        try:
            data = response.read()  # type: ignore[attr-defined]
            if response.status != 200:  # type: ignore[attr-defined]
                raise ValueError(data.decode("utf-8", "replace"))
        finally:
            connection.close()
        result = parse_query_results(data, format=QueryResultsFormat.JSON)
        assert isinstance(result, QuerySolutions)
        names = [v.value for v in result.variables]
        return [dict(zip(names, solution, strict=True)) for solution in result]


def _linked_query(name: str) -> str:
    return files("twingraph.outputs.linked").joinpath(f"{name}.rq").read_text(encoding="utf-8")


def _html_results(result: object, truncated: bool, limit: int) -> bytes:
    if not isinstance(result, QuerySolutions):
        return _page(f"<p>{'yes' if bool(result) else 'no'}</p>")
    variables = [v.value for v in result.variables]
    head = "".join(f"<th>{html.escape(v)}</th>" for v in variables)
    rows = [
        "<tr>" + "".join(f"<td>{html.escape(term_text(solution[v]))}</td>" for v in variables) + "</tr>"
        for solution in result
    ]
    note = f"<p>first {limit} rows only</p>" if truncated else f"<p>{len(rows)} rows</p>"
    return _page(f"{note}<table><tr>{head}</tr>{''.join(rows)}</table>")


def _page(content: str, query: str = "") -> bytes:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>twingraph SPARQL</title>"
        "<style>body{font-family:sans-serif;margin:2em}textarea{width:100%;height:14em;font-family:monospace}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top}</style>"
        "</head><body><h1>twingraph SPARQL endpoint</h1>"
        "<form action='/sparql' method='get'><textarea name='query'>"
        f"{html.escape(query)}</textarea><br>"
        "<select name='format'><option>html</option><option>json</option><option>csv</option>"
        "<option>tsv</option><option>xml</option><option>turtle</option></select> "
        "<button type='submit'>Run</button></form>"
        f"{content}</body></html>"
    ).encode()


def make_handler(
    endpoint: SparqlEndpoint, start_query: str, linked: LinkedData | None = None
) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "twingraph"
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # quiet; errors reach the client
            return

        def _send(self, reply: Reply) -> None:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            self.send_header("Vary", "Accept")
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(reply.body)

        def _accept(self, form: dict[str, list[str]]) -> str:
            short = (form.get("format") or [""])[0]
            return SHORT_FORMATS.get(short, self.headers.get("Accept") or "*/*")

        def _linked_accept(self, form: dict[str, list[str]]) -> str:
            short = (form.get("format") or [""])[0]
            return LINKED_SHORT_FORMATS.get(short, self.headers.get("Accept") or "*/*")

        def _host(self) -> str:
            return self.headers.get("Host") or f"127.0.0.1:{getattr(self.server, 'server_port', 0)}"

        def do_GET(self) -> None:
            url = urllib.parse.urlsplit(self.path)
            form = urllib.parse.parse_qs(url.query)
            if linked is not None and url.path.startswith("/id/"):
                self._send(linked.entity(url.path, self._linked_accept(form), self._host()))
            elif linked is not None and url.path == "/.well-known/void":
                self._send(linked.dataset(self._linked_accept(form), self._host()))
            elif linked is not None and url.path.startswith(VOCABULARY_PATHS):
                self._send(linked.vocabulary(url.path, self._linked_accept(form)))
            elif url.path not in ("/", "/sparql", "/query"):
                self._send(Reply.text(404, "not found; the endpoint is /sparql"))
            elif "query" in form:
                self._send(endpoint.query(form, self._accept(form)))
            elif "update" in form:
                self._send(Reply.text(405, "updates must be sent with POST"))
            else:
                self._send(Reply(200, "text/html; charset=utf-8", _page("", start_query)))

        do_HEAD = do_GET

        def do_POST(self) -> None:
            url = urllib.parse.urlsplit(self.path)
            if url.path not in ("/", "/sparql", "/query", "/update"):
                self._send(Reply.text(404, "not found; the endpoint is /sparql"))
                return
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8", "replace")
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            form = urllib.parse.parse_qs(url.query)
            if kind == "application/sparql-query":
                form["query"] = [body]
            elif kind == "application/sparql-update":
                form["update"] = [body]
            elif kind == "application/x-www-form-urlencoded":
                form.update(urllib.parse.parse_qs(body, keep_blank_values=True))
            else:
                self._send(Reply.text(415, f"unsupported content type {kind or '(none)'}"))
                return
            if "update" in form:
                self._send(endpoint.update(form))
            elif "query" in form:
                self._send(endpoint.query(form, self._accept(form)))
            else:
                self._send(Reply.text(400, "send a 'query' or an 'update'"))

    return Handler


def oxigraph_binary() -> str:
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise UserError("the oxigraph server is not installed (pip install oxigraph)")
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def oxigraph_server(store: Path, rules: EndpointRules) -> Iterator[Engine]:
    """Run `oxigraph serve-read-only` (or `serve` when writable) for as long as the endpoint is up."""
    if not store.is_dir():
        raise UserError(f"no store at {store} (ingest something first, or pass --store DIR)")
    engine = Engine(store, rules)
    engine.start()
    try:
        yield engine
    finally:
        engine.stop()


def _wait_until_listening(process: subprocess.Popen[bytes], port: int, patience: float = 20) -> None:
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = (process.stderr.read() if process.stderr else b"").decode("utf-8", "replace").strip()
            lines = error.splitlines()
            reason = lines[-1] if lines else f"exit status {process.returncode}"
            if "lock" in error.lower():
                reason = "the store is in use by another twingraph process"
            raise UserError(f"cannot serve the store: {reason}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise UserError("the query engine did not start within 20 s")


class _Server(ThreadingHTTPServer):
    request_queue_size = 128  # the default backlog of 5 resets connections when many clients connect at once


def make_server(host: str, port: int, engine: Engine, rules: EndpointRules, start_query: str) -> ThreadingHTTPServer:
    try:
        handler = make_handler(SparqlEndpoint(engine, rules), start_query, LinkedData(engine, rules))
        server = _Server((host, port), handler)
    except OSError as err:
        raise UserError(f"cannot listen on {host}:{port}: {err.strerror or err}") from None
    server.daemon_threads = True
    return server
