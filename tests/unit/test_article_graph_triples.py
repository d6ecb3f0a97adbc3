"""kg.article_graph.article_graph builds an article's chunks from triples (render_triples): N-Quads and TriG
derived from N-Triples and Turtle text. They must be the bytes kg.article_graph.render writes from the quads
themselves, for any text a statement can carry (quotes, backslashes, line breaks, tabs, non-ASCII), for
entity keys that need escapes in prefixed names ("concept/a/b"), and for every kind of statement (asserted,
negated, conditional, attributed, a self-loop). Hand-built results, no model."""
from __future__ import annotations

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.article_graph import article_graph, evidence_sentences, facts_of, render
from kg.graph import prefixes
from kg.models import Article, ArticleResult, Evidence, Mention, Statement
from kg.quads import article_quads, article_triples

BASE = "https://example.org/kg/"
NAMES = prefixes(BASE)


def _result(aid: str, sentences: list[str], facts: list[tuple[str, str, str, str, str, str | None]],
            title: str | None = "A headline") -> ArticleResult:
    """facts: (subject key, relation, object key, polarity, modality, attribution key)."""
    article = Article(id=aid, text=" ".join(sentences) or "x", title=title, date="2021-10-09",
                      url="https://news.example/a?b=c&d", source=f"{aid}.txt")
    statements, resolution = [], []
    for i, (subj, relation, obj, polarity, modality, said) in enumerate(facts):
        s_m = Mention(subj, 10 * i, 10 * i + 3, "Person", is_named=True)
        o_m = Mention(obj, 10 * i + 5, 10 * i + 8, "Organization", is_named=True)
        a_m = Mention(said, 10 * i + 9, 10 * i + 10, "Person", is_named=True) if said else None
        resolution += [(s_m.key, subj), (o_m.key, obj)] + ([(a_m.key, said)] if a_m else [])
        sentence = sentences[i % len(sentences)] if sentences else ""
        statements.append(Statement(s_m, relation, o_m, f"{relation}ed", Evidence(aid, sentence, 3, 10 * i, 10 * i + 8),
                                    polarity=polarity, modality=modality, attribution=a_m,  # type: ignore[arg-type]
                                    confidence=0.25 * (i % 4), pattern="svo" if i % 2 else ""))
    return ArticleResult(article, statements=tuple(statements), resolution=tuple(resolution))


def _by_quads(result: ArticleResult):
    facts = facts_of(result)
    quads, rows = article_quads(result.article, facts, BASE)   # type: ignore[arg-type]
    return render(quads, quads[0].graph_name.value if quads else "", tuple(rows), BASE, NAMES,
                  evidence_sentences(facts))


def test_chunks_from_triples_are_the_chunks_from_quads():
    result = _result("wikinews2019-003", [
        'He said "no" \\ and\nleft.', "Tabs\there, a line\r\nbreak, Erdoğan, 東京, an emoji 🙂.", "Plain."],
        [("taliban", "work with", "united-states", "negative", "planned", "concept/wikinews2019-003/spokesman"),
         ("person/wikinews2019-003/shaheen", "meet", "concept/wikinews2019-003/the-envoy", "positive", "asserted",
          None),
         ("taliban", "attack", "isis", "positive", "conditional", None),
         ("taliban", "fight", "taliban", "positive", "asserted", None),            # a self-loop: a row, no quads
         ("isis", "claim", "concept/wikinews2019-003/responsibility", "positive", "reported", "isis"),
         ("taliban", "work with", "united-states", "negative", "planned", None)])
    chunk = article_graph(result, BASE, NAMES)
    assert chunk == _by_quads(result)
    assert b"\\/" not in chunk.trig and b"{\n\t" in chunk.trig and chunk.trig.endswith(b"}\n")
    # the N-Quads chunk is a dataset Oxigraph reads back as the quads themselves
    quads, _ = article_quads(result.article, facts_of(result), BASE)   # type: ignore[arg-type]
    assert list(ox.parse(chunk.nquads, format=ox.RdfFormat.N_QUADS)) == quads


def test_same_triples_as_quads_in_the_same_order():
    result = _result("a/b c", ["x"], [("k/1", "meet", "k 2", "positive", "asserted", None)], title=None)
    graph = article_triples(result.article, facts_of(result), BASE)   # type: ignore[arg-type]
    quads, _ = article_quads(result.article, facts_of(result), BASE)   # type: ignore[arg-type]
    assert [q.triple for q in quads] == graph.triples and {q.graph_name for q in quads} == {graph.name}
    assert graph.plain == {t for t in graph.triples if t.subject.value.startswith(BASE + "entity/")}


def test_an_article_without_statements():
    result = _result("empty", [], [])
    assert article_graph(result, BASE, NAMES) == _by_quads(result)


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=60, deadline=None)
@given(sentences=st.lists(_TEXT, min_size=1, max_size=4), keys=st.lists(_TEXT.filter(str.strip), min_size=2,
                                                                       max_size=4, unique=True),
       relation=st.sampled_from(["meet", "work with", "be spokesman of"]))
def test_any_text_gives_the_same_bytes(sentences, keys, relation):
    facts = [(keys[i], relation, keys[(i + 1) % len(keys)], "negative" if i % 2 else "positive", "asserted",
              keys[0] if i == 1 else None) for i in range(len(keys))]
    result = _result("p", sentences, facts)
    assert article_graph(result, BASE, NAMES) == _by_quads(result)
