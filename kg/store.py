"""Reading exports back: a file in any RDF format kg writes, or an exports folder, into Oxigraph."""
from __future__ import annotations

import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError
from kg.data import ontology_dir
from kg.sparql_prefixes import ONTOLOGY_GRAPH, PREFIXES

# (not from kg.ontology / kg.vocab, which import rdflib: kg query should start fast)
KG_TTL = ontology_dir() / "kg.ttl"
ONTOLOGY_IRI = PREFIXES["kg"]

NAME_INDEX_GRAPH = ONTOLOGY_IRI + "nameIndex"   # named graph of the name index (never in the default graph)
NAME_KEY = ONTOLOGY_IRI + "nameKey"
_NAME_PREDICATES = {"http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#altLabel"}

FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS,
           ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD, ".json": ox.RdfFormat.JSON_LD,
           ".rdf": ox.RdfFormat.RDF_XML, ".owl": ox.RdfFormat.RDF_XML}
# in a folder, the first present wins: the dataset formats keep the per-article named graphs
PREFERRED = ("graph.nq", "graph.trig", "graph.ttl", "graph.jsonld")


def _mode(path: Path) -> int | None:
    """The file mode of ``path`` (following links), or None when it cannot be known (missing, name too long,
    a loop, no permission)."""
    try:
        return path.stat().st_mode
    except (OSError, ValueError):
        return None


def resolve_export(path: str | Path) -> Path:
    """The export file ``path`` names: the file itself, or the best export inside a folder.

    Raises:
        InputError: nothing there, or a format kg cannot read.
    """
    p = Path(path)
    mode = _mode(p)
    if mode is not None and stat.S_ISDIR(mode):
        for name in PREFERRED:
            inner = _mode(p / name)
            if inner is not None and stat.S_ISREG(inner):
                return p / name
        raise InputError(f"{p}: no export found (looked for {', '.join(PREFERRED)})",
                         hint=f"build one first: kg build ARTICLES -o {p}")
    if mode is None:
        raise InputError(f"{p}: no such file or folder", hint="give an export file or the exports folder")
    if not stat.S_ISREG(mode):    # a FIFO or device would block the reader forever
        raise InputError(f"{p}: not a regular file", hint="give an export file or the exports folder")
    if p.suffix.lower() not in FORMATS:
        raise InputError(f"{p}: unknown RDF format {p.suffix!r}",
                         hint="use one of " + ", ".join(sorted(FORMATS)))
    return p


def read_quads(path: str | Path) -> list[ox.Quad]:
    """Every quad of an export file or folder (triples land in the default graph).

    Raises:
        InputError: the file is missing or does not parse (the message names file, line and column).
    """
    p = resolve_export(path)
    try:
        return list(ox.parse(path=str(p), format=FORMATS[p.suffix.lower()]))
    except SyntaxError as exc:
        raise InputError(f"{p}: not valid {p.suffix[1:]}: {exc}", hint="rebuild the export") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"{p}: cannot read: {exc}") from None


def ontology_quads() -> list[ox.Quad]:
    """``ontology/kg.ttl`` in its own named graph."""
    graph = ox.NamedNode(ONTOLOGY_GRAPH)
    return [ox.Quad(t.subject, t.predicate, t.object, graph)
            for t in ox.parse(path=str(KG_TTL), format=ox.RdfFormat.TURTLE)]


def with_merged_default(quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
    """Every quad, and each one's triple again in the default graph.

    Loaded into a store, the default graph is then the RDF merge of all graphs: a triple asserted by
    several articles (or declared by both the ontology and the export) is there once. Oxigraph's
    "union default graph" option would match it once per graph and repeat rows, even with ``FROM``.
    """
    for quad in quads:
        yield quad
        if not isinstance(quad.graph_name, ox.DefaultGraph):
            yield ox.Quad(quad.subject, quad.predicate, quad.object, ox.DefaultGraph())


def name_key(name: str) -> str:
    """The key an entity name is found by in the name index: the name in lower case.

    >>> name_key("Suhail Shaheen")
    'suhail shaheen'
    """
    return name.lower()


def name_index(quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
    """For each name or alias (``rdfs:label``, ``skos:altLabel``) of a subject, ``SUBJECT kg:nameKey "key"`` in
    the graph ``kg:nameIndex``: the ready-made queries find an entity by its name in any case with one index
    lookup instead of lower-casing every label of the graph."""
    graph = ox.NamedNode(NAME_INDEX_GRAPH)
    key = ox.NamedNode(NAME_KEY)
    seen: set[tuple[ox.NamedNode | ox.BlankNode, str]] = set()
    for quad in quads:
        if quad.predicate.value in _NAME_PREDICATES and isinstance(quad.object, ox.Literal) \
                and not isinstance(quad.subject, ox.Triple):
            entry = (quad.subject, name_key(quad.object.value))
            if entry not in seen:
                seen.add(entry)
                yield ox.Quad(quad.subject, key, ox.Literal(entry[1]), graph)


def open_store(path: str | Path, *, with_ontology: bool = False, store_path: str | Path | None = None,
               with_name_index: bool = False) -> ox.Store:
    """An Oxigraph store with the export (and optionally the ontology in its own graph); its default graph is
    the merge of all graphs (see :func:`with_merged_default`), so query it without the union option.

    ``store_path`` makes it an on-disk store there (for the Oxigraph server) instead of an in-memory one.
    ``with_name_index`` adds the graph ``kg:nameIndex`` (see :func:`name_index`) that the ready-made queries
    look entities up in.
    """
    store = ox.Store(str(store_path)) if store_path is not None else ox.Store()
    quads: list[ox.Quad] = read_quads(path)
    if with_ontology:
        quads += ontology_quads()
    store.bulk_extend(with_merged_default(quads))
    if with_name_index:
        store.bulk_extend(name_index(quads))
    return store
