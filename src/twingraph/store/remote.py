"""Any SPARQL 1.1 endpoint (Oxigraph server, Virtuoso, Fuseki, ...) read and written through SPARQLWrapper.

Results come back in the W3C XML results format (the one every server writes the same way) and are
parsed by pyoxigraph, so the rest of twingraph handles remote and embedded results alike.
Parameters travel as a VALUES block of escaped literals (queries.with_values): endpoints take no
substitutions.
"""

from __future__ import annotations

import http.client
import urllib.error
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pyoxigraph import (
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Triple,
    parse,
    parse_query_results,
)
from SPARQLWrapper import BASIC, DIGEST, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (
    EndPointInternalError,
    EndPointNotFound,
    QueryBadFormed,
    SPARQLWrapperException,
    Unauthorized,
)

from twingraph.errors import UserError
from twingraph.query.library import with_values

RemoteResult = QuerySolutions | QueryBoolean | list[Triple]


class EndpointError(UserError):
    """The endpoint cannot be reached, refuses the request or answers with an error."""


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str
    scheme: str = "digest"  # or "basic"


class RemoteStore:
    """A SPARQL endpoint: `query` reads, `update` writes (when the endpoint allows it)."""

    def __init__(
        self,
        endpoint: str,
        *,
        update_endpoint: str | None = None,
        credentials: Credentials | None = None,
        timeout: float = 60,
    ) -> None:
        if not endpoint.startswith(("http://", "https://")):
            raise EndpointError(f"endpoint must be an http(s) URL, got {endpoint!r}")
        self.endpoint = endpoint
        self.update_endpoint = update_endpoint or endpoint
        self.credentials = credentials
        self.timeout = timeout

    def _client(self, sparql: str) -> SPARQLWrapper:
        client = SPARQLWrapper(self.endpoint, updateEndpoint=self.update_endpoint, agent="twingraph")
        client.setMethod(POST)
        client.setTimeout(int(self.timeout))
        if self.credentials:
            client.setHTTPAuth(DIGEST if self.credentials.scheme == "digest" else BASIC)
            client.setCredentials(self.credentials.user, self.credentials.password)
        client.setQuery(sparql)
        return client

    def query(
        self, sparql: str, bindings: Mapping[str, Literal] | None = None, *, sources: Sequence[NamedNode] = ()
    ) -> RemoteResult:
        """Run a query; SELECT and ASK give pyoxigraph results, CONSTRUCT and DESCRIBE a list of triples.

        `sources` become the protocol's `named-graph-uri` parameters: the query sees only those graphs.
        """
        client = self._client(with_values(sparql, bindings or {}))
        for graph in sources:
            client.addNamedGraph(graph.value)
        graph_query = client.queryType in ("CONSTRUCT", "DESCRIBE")
        client.setReturnFormat(TURTLE if graph_query else XML)
        body = self._send(client)
        try:
            if graph_query:
                return [quad.triple for quad in parse(body, format=RdfFormat.TURTLE)]
            parsed = parse_query_results(body, format=QueryResultsFormat.XML)
            if isinstance(parsed, QuerySolutions):
                # read to the end once: a server may start answering 200 and then report an error in the body
                for _ in parsed:
                    pass
            return parse_query_results(body, format=QueryResultsFormat.XML)
        except SyntaxError as err:
            detail = str(err).splitlines()[0] if str(err) else "unreadable results"
            raise EndpointError(f"{self.endpoint} failed while answering: {detail[:300]}") from None

    def update(self, sparql: str) -> None:
        client = self._client(sparql)
        if not client.isSparqlUpdateRequest():
            raise EndpointError("not a SPARQL update")
        self._send(client)

    def _send(self, client: SPARQLWrapper) -> bytes:
        """One HTTP exchange; every failure becomes one line naming the endpoint."""
        where = client.updateEndpoint if client.isSparqlUpdateRequest() else client.endpoint
        try:
            response = client.query().response
            return bytes(response.read())
        except QueryBadFormed as err:
            raise EndpointError(f"{where} rejected the query: {_first_line(err)}") from None
        except EndPointNotFound:
            raise EndpointError(f"{where}: no SPARQL endpoint at this URL (HTTP 404)") from None
        except Unauthorized:
            raise EndpointError(f"{where}: not allowed (HTTP 401); pass --user and --password") from None
        except EndPointInternalError as err:
            raise EndpointError(f"{where} failed: {_first_line(err)}") from None
        except SPARQLWrapperException as err:
            raise EndpointError(f"{where}: {_first_line(err)}") from None
        except urllib.error.HTTPError as err:
            raise EndpointError(f"{where} answered HTTP {err.code} {err.reason}") from None
        except urllib.error.URLError as err:
            raise EndpointError(f"cannot reach {where}: {err.reason}") from None
        except TimeoutError:
            raise EndpointError(f"{where} did not answer within {self.timeout:g} s") from None
        except (http.client.HTTPException, ConnectionError, OSError) as err:
            raise EndpointError(f"cannot talk to {where}: {err}") from None


def _first_line(err: Exception) -> str:
    """SPARQLWrapper errors carry the whole server response; the first informative line is enough."""
    text = str(err)
    for marker in ("Response:\n", "Response:"):
        if marker in text:
            text = text.split(marker, 1)[1]
            break
    lines = [line.strip() for line in text.replace("b'", "").splitlines() if line.strip()]
    return (lines[0] if lines else type(err).__name__)[:300]
