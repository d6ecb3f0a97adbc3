"""SHACL validation of an export against ``ontology/shapes.ttl`` (pyshacl), with a readable report."""
from __future__ import annotations

import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.term import Node

from kg.graph import PREFIXES, prefixes, rdflib_graph
from kg.ontology import KG_TTL, SHAPES_TTL
from kg.store import read_quads

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Violation:
    """One SHACL result: which node, which property, which shape, and the validator's message."""

    focus: str
    path: str
    shape: str
    message: str
    value: str = ""


@dataclass
class ValidationReport:
    conforms: bool
    triples: int
    violations: list[Violation] = field(default_factory=list)

    def shapes(self) -> Counter[str]:
        """Violations per shape."""
        return Counter(v.shape for v in self.violations)

    def text(self, limit: int = 20) -> str:
        """A readable report: verdict, violations per shape, then the first ``limit`` violations."""
        if self.conforms:
            return f"conforms: {self.triples} triples satisfy every shape in {SHAPES_TTL.name}"
        lines = [f"does not conform: {len(self.violations)} violation(s) in {self.triples} triples"]
        lines += [f"  {shape}: {n}" for shape, n in sorted(self.shapes().items())]
        for v in self.violations[:limit]:
            value = f" (value {v.value})" if v.value else ""
            lines.append(f"- {v.focus} {v.path}{value}: {v.message} [{v.shape}]")
        if len(self.violations) > limit:
            lines.append(f"... and {len(self.violations) - limit} more")
        return "\n".join(lines)


def _short(term: object, graph: Graph) -> str:
    if isinstance(term, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(term)
        except Exception:   # no prefix fits
            return f"<{term}>"
    return str(term)


def _shape_name(report: Graph, shape: Node | None) -> str:
    # property shapes are blank nodes: name the node shape that holds them
    for parent in report.subjects(SH.property, shape):
        shape = parent
        break
    return _short(shape, report) if isinstance(shape, URIRef) else "(property shape)"


def validate_graph(data: Graph, *, shapes: Path = SHAPES_TTL, ontology: Path = KG_TTL) -> ValidationReport:
    """Validate an rdflib graph against the kg shapes, with the ontology mixed in for ``sh:class``.

    >>> validate_graph(Graph()).conforms
    True
    """
    import pyshacl

    shacl = Graph().parse(shapes, format="turtle")
    ont = Graph().parse(ontology, format="turtle")
    with warnings.catch_warnings():
        # rdflib compares ill-typed literals (the very data we report) with a DeprecationWarning
        warnings.simplefilter("ignore", DeprecationWarning)
        conforms, report, _ = pyshacl.validate(data, shacl_graph=shacl, ont_graph=ont, inference="none",
                                               allow_warnings=True)
    for prefix, ns in [*data.namespaces(), *prefixes().items()]:
        report.bind(prefix, ns, override=False)
    for prefix, ns in shacl.namespaces():
        report.bind(prefix, ns, override=False)
    violations = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        violations.append(Violation(
            focus=_short(report.value(result, SH.focusNode), report),
            path=_short(report.value(result, SH.resultPath), report),
            shape=_shape_name(shacl, report.value(result, SH.sourceShape)),
            message=str(report.value(result, SH.resultMessage) or ""),
            value=_short(report.value(result, SH.value), report) if report.value(result, SH.value) else ""))
    violations.sort(key=lambda v: (v.shape, v.focus, v.path, v.message))
    return ValidationReport(bool(conforms), len(data), violations)


def validate(path: str | Path, **kwargs: Path) -> ValidationReport:
    """Validate an export file or folder (the union of its graphs).

    Raises:
        InputError: the export is missing or does not parse.
    """
    triples = {str(q.triple): q.triple for q in read_quads(path)}     # the union: each triple once
    return validate_graph(rdflib_graph(triples.values(), PREFIXES), **kwargs)


__all__ = ["ValidationReport", "Violation", "validate", "validate_graph"]
