"""kg promises no network: a SPARQL query holding ``SERVICE`` would make Oxigraph send HTTP requests to any
host the query names (and an update holding ``LOAD`` would fetch any URL). :func:`network_use` finds these
keywords outside strings, IRIs and comments, so ``kg query`` and ``kg serve`` can refuse them unless asked.

The check errs on the side of refusing: a keyword the scanner cannot rule out (say, after an unterminated
string) counts as used; a query that only mentions "service" in a string, an IRI, a comment, a variable
(``?service``) or a prefixed name (``ex:service``) is not refused.
"""
from __future__ import annotations

import re

__all__ = ["network_use", "NETWORK_HINT"]

NETWORK_HINT = ("kg sends no request to other hosts; rewrite the query without it, or pass --allow-service "
                "if you mean the query to reach the network")

# What SPARQL does not read as keywords: comments (to the end of the line: \n or \r), long and short
# strings with their escapes, and IRIs (no spaces, quotes, braces or angle brackets inside).
_OPAQUE = re.compile(r'''\#[^\r\n]*|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!\'\'))*\'\'\''''
                     r'''|"(?:[^"\\\r\n]|\\.)*"|'(?:[^'\\\r\n]|\\.)*'|<[^<>"{}|^`\\\x00-\x20]*>''', re.S)
# A keyword is not part of a name: nothing name-like, ':' (prefixed names), '?'/'$' (variables) or '\\' before
# it; nothing name-like or ':' after it.
_KEYWORDS = {kind: re.compile(rf"(?<![\w:?$\\]){kind}(?![\w:\-])", re.IGNORECASE) for kind in ("SERVICE", "LOAD")}


def network_use(sparql: str, *, update: bool = False) -> str | None:
    """Why ``sparql`` would make the engine reach the network (``SERVICE``; in an update also ``LOAD``), or
    None when it would not.

    >>> network_use('SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }')
    'the query uses SERVICE, which sends requests to other hosts'
    >>> network_use('SELECT ?service WHERE { ?s <http://x/service> "SERVICE" } # SERVICE')
    """
    bare = _OPAQUE.sub(" ", sparql)
    for kind in ("SERVICE", "LOAD") if update else ("SERVICE",):
        if _KEYWORDS[kind].search(bare):
            what = "sends requests to other hosts" if kind == "SERVICE" else "fetches data from any URL"
            return f"the {'update' if update else 'query'} uses {kind}, which {what}"
    return None
