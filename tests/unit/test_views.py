"""Views over the networkx graph (kg.views), its layout (kg.layout) and edge evidence (kg.evidence), on
hand-built graphs."""
from __future__ import annotations

import json

import networkx as nx
import pytest

from kg import evidence
from kg.errors import KGError
from kg.graph import to_networkx, to_quads
from kg.layout import overview
from kg.views import FULL_VIEW, ViewOptions, find_entity, rank_nodes, select
from tests.kgfixtures import make_kg


def _graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for node, label, kind in [("t", "Taliban", "Organization"), ("us", "United States", "Place"),
                              ("s", "Suhail Shaheen", "Person"), ("z", "Zalmay Khalilzad", "Person"),
                              ("e", "Recep Tayyip Erdoğan", "Person"), ("offer", "offer", "Concept"),
                              ("lonely", "Lonely Corp", "Organization")]:
        g.add_node(node, label=label, type=kind, aliases=json.dumps(["US"] if node == "us" else []))

    def edge(u, v, label, *, polarity="positive", modality="asserted", klass="", weight=1, first="", last=""):
        g.add_edge(u, v, key=f"{u}-{label}-{v}", label=label, relation_class=klass, polarity=polarity,
                   modality=modality, weight=weight, first_seen=first, last_seen=last or first)

    edge("t", "us", "will not work with", polarity="negative", modality="planned", klass="cooperation",
         weight=2, first="2021-10-09")
    edge("s", "z", "meet", klass="consultation", weight=3, first="2019-01-05", last="2021-11-02")
    edge("s", "t", "be spokesman of", klass="affiliation", first="2021-10-09")
    edge("t", "offer", "reject", klass="rejection", first="2021-10-09")
    edge("e", "us", "criticize", first="2017-07-18")
    return g


def _edges(view: nx.MultiDiGraph) -> set[str]:
    return {d["label"] for _, _, d in view.edges(data=True)}


def test_default_view_keeps_named_entities_with_relations_and_folds_concepts_into_details():
    view = select(_graph())
    assert set(view) == {"t", "us", "s", "z", "e"}     # no concept, no entity without a relation
    assert json.loads(view.nodes["t"]["details"]) == ["reject → offer"]
    assert "details" not in view.nodes["us"]
    assert view.nodes["t"]["label"] == "Taliban" and view.number_of_edges() == 4


def test_full_view_is_the_whole_graph():
    g = _graph()
    view = select(g, FULL_VIEW)
    assert set(view) == set(g) and view.number_of_edges() == g.number_of_edges()


@pytest.mark.parametrize("options, edges", [
    (ViewOptions(polarity="negative"), {"will not work with"}),
    (ViewOptions(modalities=("asserted",)), {"meet", "be spokesman of", "criticize"}),
    (ViewOptions(classes=("consultation", "affiliation")), {"meet", "be spokesman of"}),
    (ViewOptions(min_support=2), {"will not work with", "meet"}),
    (ViewOptions(since="2021"), {"will not work with", "meet", "be spokesman of"}),
    (ViewOptions(until="2019"), {"meet", "criticize"}),
    (ViewOptions(since="2018-01", until="2020"), {"meet"}),     # seen from 2019 to 2021: meets the range
    (ViewOptions(types=("Person",)), {"meet"}),
])
def test_filters_keep_only_the_edges_asked_for(options, edges):
    view = select(_graph(), options)
    assert _edges(view) == edges
    assert all(view.degree(n) for n in view)      # entities left without a relation leave the view


def test_isolated_entities_stay_on_request():
    assert "lonely" in select(_graph(), ViewOptions(keep_isolated=True))


def test_ego_network_by_name_alias_or_accentless_spelling():
    g = _graph()
    one = select(g, ViewOptions(entity="suhail shaheen", hops=1))
    assert set(one) == {"s", "z", "t"}
    two = select(g, ViewOptions(entity="Suhail Shaheen", hops=2))
    assert set(two) == {"s", "z", "t", "us"}
    assert set(select(g, ViewOptions(entity="US", hops=1))) == {"us", "t", "e"}
    assert find_entity(g, "Recep Tayyip Erdogan") == "e"


def test_unknown_or_filtered_out_entity_is_an_error_naming_it():
    with pytest.raises(KGError, match="no entity named 'Nobody'"):
        select(_graph(), ViewOptions(entity="Nobody"))
    with pytest.raises(KGError, match="'Taliban' is not in this view"):
        select(_graph(), ViewOptions(entity="Taliban", types=("Person",)))


def test_top_n_keeps_the_most_central_entities():
    g = _graph()
    g.add_edge("z", "us", key="visit", label="visit", weight=1)
    assert set(select(g, ViewOptions(top=1, rank="degree", keep_isolated=True))) == {"us"}   # 3 relations
    assert set(select(g, ViewOptions(top=1, rank="degree"))) == set()    # alone, it has no relation left
    # then three entities with 2 each: the tie is broken by label, so a view is the same on every run
    assert set(select(g, ViewOptions(top=3, rank="degree"))) == {"us", "s", "t"}
    ranked = rank_nodes(select(g), "pagerank")
    assert ranked[0] in {"us", "t"} and len(ranked) == 5
    assert rank_nodes(g, "pagerank") == rank_nodes(g, "pagerank")              # deterministic


def test_a_view_keeps_the_graph_order_whatever_the_hash_seed():
    g = nx.MultiDiGraph()
    for i in range(40):
        g.add_node(f"n{i}", label=f"N{i}", type="Person")
    for i in range(1, 40):
        g.add_edge("n0", f"n{i}", weight=1)
        g.add_edge(f"n{i}", f"n{(i % 39) + 1}", weight=1)
    for options in (ViewOptions(top=5), ViewOptions(entity="N7", hops=1)):
        view = select(g, options)
        assert list(view) == [n for n in g if n in view]      # not the order of a set
        assert list(view.edges) == [e for e in g.edges if e[0] in view and e[1] in view]


def test_unknown_ranking_is_refused():
    with pytest.raises(KGError, match="unknown ranking"):
        select(_graph(), ViewOptions(rank="betweenness"))


def test_layout_is_deterministic_and_places_every_node_with_communities():
    g = nx.MultiDiGraph()
    for i in range(6):      # two triangles joined by one edge: two communities
        g.add_node(i, label=str(i))
    for u, v in [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3)]:
        g.add_edge(u, v, weight=1)
    a, b = overview(g), overview(g)
    assert a == b and set(a.positions) == set(g)
    assert a.communities[0] == a.communities[1] == a.communities[2] != a.communities[3]
    assert len(set(a.positions.values())) == 6
    assert overview(nx.MultiDiGraph()).positions == {}


def test_evidence_names_each_edge_sentences_and_articles():
    kg = make_kg()
    graph, data = to_networkx(kg), to_quads(kg)
    found = evidence.collect(data.triples())
    keys = evidence.edge_keys(graph)
    assert keys <= set(found.edges)         # every asserted edge has its statements
    negated = next(k for k in keys if k[1].endswith("will_not_work_with"))
    sentences = found.edges[negated]
    assert sentences and all(s == "The Taliban on Saturday said it will not work with the US" for s, _ in sentences)
    title, date, url = found.articles[sentences[0][1]]
    assert (title, date, url) == ("Headline of taliban", "2021-10-09", "https://news.example/taliban")
    only = evidence.collect(data.triples(), wanted={negated})
    assert set(only.edges) == {negated}


def test_evidence_is_read_from_an_export_folder(tmp_path):
    from kg.export.nquads import write_nquads

    kg = make_kg()
    write_nquads(to_quads(kg), tmp_path / "graph.nq")
    found = evidence.read(tmp_path)
    assert found is not None and found.edges == evidence.collect(to_quads(kg).triples()).edges
    (tmp_path / "empty").mkdir()
    assert evidence.read(tmp_path / "empty") is None
    (tmp_path / "graph.nq").write_text("<a> <b> .\n")
    with pytest.raises(KGError, match="graph.nq: not a readable RDF file"):
        evidence.read(tmp_path)
