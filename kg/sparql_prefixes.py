"""The prefixes every kg query interface predefines (``kg rel schema prov skos rdf rdfs owl xsd``), written
into a query's prologue for engines that cannot be told them otherwise (the Oxigraph server behind
``kg serve``)."""
from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["ONTOLOGY_GRAPH", "PREFIXES", "declared_prefixes", "with_prefixes"]

# the same as kg.graph.PREFIXES (a test checks), here without what kg.graph imports, so that kg query starts fast
PREFIXES = {"kg": "https://w3id.org/kg-news/ontology#", "rel": "https://w3id.org/kg-news/relation/",
            "schema": "https://schema.org/", "prov": "http://www.w3.org/ns/prov#",
            "skos": "http://www.w3.org/2004/02/skos/core#", "owl": "http://www.w3.org/2002/07/owl#",
            "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "xsd": "http://www.w3.org/2001/XMLSchema#"}
ONTOLOGY_GRAPH = "https://w3id.org/kg-news/ontology"   # kg.vocab.ONTOLOGY_GRAPH (a test checks)

# strings, IRIs and comments are skipped, so "PREFIX x:" inside them is not a declaration
_SKIP_OR_DECL = re.compile(r'''(\#[^\n]*|"""(?:[^\\]|\\.)*?"""|\'\'\'(?:[^\\]|\\.)*?\'\'\''''
                           r'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\x00-\x20]*>)'''
                           r'''|\bPREFIX\s+([A-Za-z][\w.-]*)?:''', re.S | re.I)


def declared_prefixes(sparql: str) -> set[str]:
    """The prefix names a SPARQL text declares ("" for the empty prefix).

    >>> sorted(declared_prefixes('PREFIX ex: <http://ex/> prefix : <http://e/> SELECT * { ?s ex:p "PREFIX no:" }'))
    ['', 'ex']
    """
    return {m.group(2) or "" for m in _SKIP_OR_DECL.finditer(sparql) if m.group(1) is None}


def with_prefixes(sparql: str, prefixes: Mapping[str, str]) -> str:
    """``sparql`` with a ``PREFIX`` line for each of ``prefixes`` it does not declare itself, put first (the
    prologue may mix BASE and PREFIX in any order, so this is valid before any query or update).

    >>> with_prefixes("SELECT * { ?s a kg:Person }", {"kg": "https://w3id.org/kg-news/ontology#"})
    'PREFIX kg: <https://w3id.org/kg-news/ontology#>\\nSELECT * { ?s a kg:Person }'
    """
    own = declared_prefixes(sparql)
    lines = [f"PREFIX {name}: <{iri}>\n" for name, iri in prefixes.items() if name not in own]
    return "".join(lines) + sparql
