"""Hand-built knowledge graphs for RDF tests: no spaCy model, every value visible in the test."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.graph import Fact, KnowledgeGraph
from kg.models import Article, Entity, Evidence, Mention, Statement

TALIBAN_TEXT = ("The Taliban on Saturday said it will not work with the US. Suhail Shaheen, the Taliban "
                "spokesman, met Zalmay Khalilzad in Doha. The Taliban rejected the offer.")
OTHER_TEXT = "The Taliban met Zalmay Khalilzad again. If the Taliban attack Kabul, the US will respond."


def article(aid: str = "taliban", text: str = TALIBAN_TEXT, date: str | None = "2021-10-09") -> Article:
    return Article(id=aid, text=text, title=f"Headline of {aid}", date=date, author="A. Writer",
                   url=f"https://news.example/{aid}", source=f"{aid}.txt")


def mention(text: str, start: int, kind: str = "Organization") -> Mention:
    return Mention(text=text, start=start, end=start + len(text), type=kind, is_named=True)


def fact(art: Article, subj: str, relation: str, obj: str, *, start: int = 0, polarity: str = "positive",
         modality: str = "asserted", klass: str | None = "cooperation", attribution: str | None = None,
         confidence: float = 0.8) -> Fact:
    sentence = art.text.split(". ")[0]
    statement = Statement(subject=mention(subj, start), relation=relation, object=mention(obj, start + 10),
                          surface=relation, evidence=Evidence(art.id, sentence, 0, start, start + 20),
                          polarity=polarity, modality=modality, confidence=confidence, pattern="test",
                          relation_class=klass)  # type: ignore[arg-type]
    return Fact(subj.lower().replace(" ", "-"), obj.lower().replace(" ", "-"), statement, art, attribution)


ENTITIES = {
    "taliban": Entity("taliban", "Taliban", "Organization", ("the Taliban",), ("other", "taliban"), 5,
                      ("same-name",)),
    "united-states": Entity("united-states", "United States", "Place", ("US", "U.S."), ("other", "taliban"), 3),
    "suhail-shaheen": Entity("suhail-shaheen", "Suhail Shaheen", "Person", ("Shaheen",), ("taliban",), 2),
    "zalmay-khalilzad": Entity("zalmay-khalilzad", "Zalmay Khalilzad", "Person", (), ("other", "taliban"), 2),
    "offer": Entity("offer", "offer", "Concept", (), ("taliban",), 1),
    "kabul": Entity("kabul", "Kabul", "Place", (), ("other",), 1),
}


def make_kg(*, with_other: bool = True) -> KnowledgeGraph:
    """Two articles: the demo's central facts (negated, attributed, plain, rejection) and a second source."""
    a, b = article("taliban"), article("other", OTHER_TEXT, "2021-11-02")
    facts = [
        fact(a, "Taliban", "work with", "United States", start=4, polarity="negative", modality="planned",
             attribution="taliban"),
        fact(a, "Taliban", "work with", "United States", start=60, polarity="negative", modality="planned",
             attribution="suhail-shaheen", confidence=0.9),
        fact(a, "Suhail Shaheen", "meet", "Zalmay Khalilzad", start=60, klass="consultation"),
        fact(a, "Suhail Shaheen", "be spokesman of", "Taliban", start=61, klass="affiliation"),
        fact(a, "Taliban", "reject", "offer", start=120, klass="rejection"),
    ]
    articles = {"taliban": a}
    if with_other:
        facts += [
            fact(b, "Suhail Shaheen", "meet", "Zalmay Khalilzad", start=4, klass="consultation"),
            fact(b, "Taliban", "attack", "Kabul", start=43, modality="conditional", klass="assault"),
        ]
        articles["other"] = b
    used = {f.subject for f in facts} | {f.object for f in facts} | {f.attribution for f in facts if f.attribution}
    entities = {}
    for key, e in ENTITIES.items():
        arts = tuple(x for x in e.articles if x in articles)
        if key in used or arts:
            entities[key] = Entity(e.key, e.label, e.type, e.aliases, arts, e.mentions, e.rules)
    return KnowledgeGraph(articles=articles, entities=dict(sorted(entities.items())), facts=facts)


def quad_set(quads: list[ox.Quad] | tuple[ox.Quad, ...]) -> set[str]:
    return {str(q) for q in quads}


def assert_isomorphic(expected: Graph, actual: Graph) -> None:
    """Graphs equal up to blank-node renaming, with the difference printed when they are not."""
    if isomorphic(expected, actual):
        return
    _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    lines = ["graphs differ", "only in expected:"]
    lines += sorted(f"  {t}" for t in only_expected)[:20]
    lines += ["only in actual:"] + sorted(f"  {t}" for t in only_actual)[:20]
    raise AssertionError("\n".join(lines))


def dataset_quads(ds: Dataset) -> set[tuple[str, str, str, str]]:
    return {(s.n3(), p.n3(), o.n3(), g.n3() if g is not None else "") for s, p, o, g in ds.quads((None, None, None, None))}


def rdflib_dataset(data: str | bytes, fmt: str) -> Dataset:
    """Parse a dataset with rdflib (its own Dataset.parse trips a DeprecationWarning in rdflib 7.6)."""
    import warnings

    ds = Dataset()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        ds.parse(data=data.decode() if isinstance(data, bytes) else data, format=fmt)
    return ds


def rdflib_parse(source: str | bytes | Path, fmt: str) -> Graph:
    """Parse into a plain rdflib Graph (its JSON-LD parser trips a DeprecationWarning in rdflib 7.6)."""
    import warnings

    g = Graph()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        if isinstance(source, Path):
            g.parse(source, format=fmt)
        else:
            g.parse(data=source.decode() if isinstance(source, bytes) else source, format=fmt)
    return g
