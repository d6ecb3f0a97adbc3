"""RDF triples as plain Python values, written as N-Triples/N-Quads text and JSON-LD node objects without an
Oxigraph object per term.

The merged graph holds about a million triples on the 2,344-article corpus; made as Oxigraph terms, triples
and quads (and read back through their getters for JSON-LD) they cost microseconds apiece, where a line of
text costs a few string operations. A term here is an IRI (a ``str``) or a literal (:class:`Lit`); the text
is the bytes Oxigraph writes for the same terms (``tests/unit/test_rdf_text.py`` holds the escaping against
Oxigraph's for every code point), and Oxigraph parses it back wherever its own serializers are needed
(Turtle, TriG).
"""
from __future__ import annotations

import marshal
import re
from collections.abc import Callable, Iterable
from typing import Any, Union

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


Lit = tuple[str, str]   # a literal: its lexical form and datatype IRI ("" for a plain xsd:string)
Term = Union[str, Lit]   # an IRI, or a literal

# what Oxigraph escapes in a quoted string (N-Triples, N-Quads): the C0 controls, the quote, the backslash, DEL
# and U+FFFE/U+FFFF
_ESCAPES: dict[int, str] = {c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F, 0xFFFE, 0xFFFF]}
_ESCAPES.update({0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"})
_NEEDS_ESCAPE = re.compile("[\x00-\x1f\"\\\\\x7f\ufffe\uffff]")


def quoted(text: str) -> str:
    r"""``text`` as Oxigraph quotes a string in N-Triples.

    >>> print(quoted('say "hi"\n'))
    "say \"hi\"\n"
    """
    return f'"{text.translate(_ESCAPES)}"' if _NEEDS_ESCAPE.search(text) else f'"{text}"'


def term_text(term: Term) -> str:
    """A term in N-Triples: ``<iri>``, ``"text"`` or ``"text"^^<datatype>``."""
    if type(term) is str:
        return f"<{term}>"
    lexical, datatype = term   # type: ignore[misc]
    return f"{quoted(lexical)}^^<{datatype}>" if datatype else quoted(lexical)


class Unit:
    """Triples about one subject: ``pairs`` (predicate IRI, object) and ``plain`` (predicate IRI, object IRI),
    the latter kept apart by whoever makes the unit (the merged graph: the plain triples an entity asserts,
    which live in the article graphs)."""

    __slots__ = ("subject", "pairs", "plain")

    def __init__(self, subject: str, pairs: list[tuple[str, Term]], plain: list[tuple[str, str]] | None = None
                 ) -> None:
        self.subject = subject
        self.pairs = pairs
        self.plain = plain or []

    def __len__(self) -> int:
        return len(self.pairs) + len(self.plain)

    def nquads(self, graph: str) -> str:
        """The ``pairs`` in the named graph ``graph`` (an IRI), N-Quads."""
        head, tail = f"<{self.subject}> <", f" <{graph}> .\n"
        return "".join([f"{head}{p}> <{o}>{tail}" if type(o) is str else f"{head}{p}> {term_text(o)}{tail}"
                        for p, o in self.pairs])

    def ntriples(self, *, pairs: bool = True, plain: bool = True) -> str:
        """The ``pairs``, then the ``plain`` triples (either may be left out), N-Triples."""
        head = f"<{self.subject}> <"
        lines = [f"{head}{p}> <{o}> .\n" if type(o) is str else f"{head}{p}> {term_text(o)} .\n"
                 for p, o in self.pairs] if pairs else []
        if plain:
            lines += [f"{head}{p}> <{o}> .\n" for p, o in self.plain]
        return "".join(lines)


def jsonld_subjects(units: Iterable[Unit], compact: Callable[[str], str]) -> dict[str, dict[str, list[Any]]]:
    """The JSON-LD properties of every subject in ``units`` (pairs, then plain triples, in order), as
    :func:`kg.export.jsonld._nodes` gathers them from the same triples; finish with
    :func:`kg.export.jsonld.node_objects`."""
    by_subject: dict[str, dict[str, list[Any]]] = {}
    memo: dict[str, str] = getattr(compact, "memo", {})   # the compactor's own memo, read without a call
    for unit in units:
        if not unit.pairs and not unit.plain:
            continue
        props = by_subject.get(unit.subject)
        if props is None:
            props = by_subject[unit.subject] = {}
        for p, o in unit.pairs:
            value: Any
            if type(o) is str:
                short = memo.get(o) or compact(o)
                if p == RDF_TYPE:
                    props.setdefault("@type", []).append(short)
                    continue
                value = {"@id": short}
            else:
                lexical, datatype = o   # type: ignore[misc]
                value = {"@value": lexical, "@type": memo.get(datatype) or compact(datatype)} if datatype else lexical
            props.setdefault(memo.get(p) or compact(p), []).append(value)
        for p, o in unit.plain:
            short = memo.get(o) or compact(o)
            if p == RDF_TYPE:
                props.setdefault("@type", []).append(short)
            else:
                props.setdefault(memo.get(p) or compact(p), []).append({"@id": short})
    return by_subject


class Later:
    """A unit made only when it is needed: its subject (an IRI, or how to make it: a writer that finds the unit's
    bytes never asks), a digest of everything its triples depend on besides the code and the base IRI
    (``key``, from ``inputs()`` by :func:`digest`, computed when first asked for), and how to make it. Never
    empty, and its subject is no other unit's in the same stream (a writer relies on it)."""

    __slots__ = ("_subject", "inputs", "make", "_key")

    def __init__(self, subject: str | Callable[[], str], inputs: Callable[[], object], make: Callable[[], Unit]
                 ) -> None:
        self._subject = subject
        self.inputs = inputs
        self.make = make
        self._key: bytes | None = None

    @property
    def subject(self) -> str:
        if type(self._subject) is not str:
            self._subject = self._subject()   # type: ignore[operator]
        return self._subject   # type: ignore[return-value]

    @property
    def key(self) -> bytes:
        if self._key is None:
            self._key = digest(self.inputs())
        return self._key


def made(unit: Unit | Later) -> Unit:
    return unit.make() if type(unit) is Later else unit   # type: ignore[union-attr,return-value]


def digest(inputs: object) -> bytes:
    """``inputs`` (strings, numbers, None, tuples and lists of them) as bytes that say it all: their marshal
    (format 2: no back-references, so equal values give equal bytes), or their repr for anything else. Never
    two values with one text: the marshal is decodable, and a repr text is set apart by its first byte."""
    try:
        return b"m" + marshal.dumps(inputs, 2)
    except ValueError:
        return b"r" + repr(inputs).encode("utf-8", "surrogatepass")
