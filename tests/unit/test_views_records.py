"""kg.views.select_records: the view of the records is the view select makes of their graph (kg.graph.view),
node for node and edge for edge, in the same order and with the same attributes, whatever the options."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from kg.graph import view
from kg.models import Entity
from kg.quads import FactRow, Groups
from kg.records import records
from kg.views import ViewOptions, select, select_records

BASE = "https://example.org/kg/"
TYPES = ("Person", "Organization", "Place", "Concept")
RELATIONS = ("meet", "attack", "sign", "not meet")
OPTIONS = [ViewOptions(), ViewOptions(top=3), ViewOptions(top=0), ViewOptions(top=2, keep_isolated=True),
           ViewOptions(named_only=False, top=0, keep_isolated=True), ViewOptions(types=("Person",)),
           ViewOptions(classes=("conflict",)), ViewOptions(polarity="negative"), ViewOptions(min_support=2),
           ViewOptions(since="2011", until="2012-06"), ViewOptions(modalities=("planned",)),
           ViewOptions(rank="pagerank", top=3), ViewOptions(entity="Obama", hops=1), ViewOptions(entity="A1")]


def _same(a, b) -> bool:
    return (a.graph == b.graph and list(a.nodes(data=True)) == list(b.nodes(data=True))
            and list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True)))


@st.composite
def graphs(draw):
    n = draw(st.integers(2, 9))
    entities = {f"n{i}": Entity(f"n{i}", draw(st.sampled_from(["A", "B", "C"])) + str(i % 3),
                                draw(st.sampled_from(TYPES)), articles=("a",), mentions=draw(st.integers(0, 3)))
                for i in range(n)}
    groups = Groups()
    for i in range(draw(st.integers(0, 20))):
        s, o = draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1))
        relation = draw(st.sampled_from(RELATIONS))
        groups.add(draw(st.sampled_from(["a", "b"])), draw(st.sampled_from([None, "2010-05-01", "2011-07-02",
                                                                             "2012-09-03"])),
                   FactRow(f"n{s}", f"n{o}", relation, relation, draw(st.sampled_from([None, "conflict"])),
                           "negative" if relation.startswith("not") else "positive",
                           draw(st.sampled_from(["asserted", "planned"])), 0.5, f"{BASE}statement/{i}"))
    return entities, groups


@settings(max_examples=150, deadline=None)
@given(graphs(), st.sampled_from(OPTIONS))
def test_views_select_records_is_select_of_the_view(graph, options: ViewOptions) -> None:
    _check(*graph, options)


def _check(entities, groups, options: ViewOptions):
    picture = records(entities, groups, base=BASE)
    whole = view(entities, groups, base=BASE)
    try:
        expected = select(whole, options)
    except Exception as exc:   # e.g. an entity not in the view: the same error
        with pytest.raises(type(exc)):
            select_records(picture, options)
        return None
    selected = select_records(picture, options)
    assert _same(selected, expected)
    return selected


@pytest.mark.parametrize("options", OPTIONS, ids=range(len(OPTIONS)))
def test_views_select_records_on_a_hand_built_graph(options: ViewOptions) -> None:
    entities = {k: Entity(k, label, kind, articles=("a",), mentions=1) for k, label, kind in [
        ("n1", "Obama", "Person"), ("n2", "Taliban", "Organization"), ("n3", "Kabul", "Place"),
        ("n4", "bill", "Concept"), ("n5", "Alone", "Person"), ("n6", "Biden", "Person")]}
    groups = Groups()
    for i, (s, rel, o, date) in enumerate([("n1", "meet", "n2", "2011-01-01"), ("n2", "attack", "n3", "2012-01-01"),
                                           ("n1", "sign", "n4", None), ("n4", "attack", "n6", "2010-01-01"),
                                           ("n6", "meet", "n1", "2011-02-02"), ("n1", "meet", "n2", "2011-03-03")]):
        groups.add("a", date, FactRow(s, o, rel, rel, "conflict" if rel == "attack" else None, "positive",
                                      "asserted", 0.5, f"{BASE}statement/{i}"))
    selected = _check(entities, groups, options)
    if options == ViewOptions():   # the case the build's graph.html uses: concepts become details
        assert "n4" not in selected and "e:n4" not in selected
        assert selected.nodes["e:n1"]["details"] == '["sign → bill"]'
