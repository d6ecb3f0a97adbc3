"""The ready-made queries, rewritten so Oxigraph can answer them at corpus scale, return the same rows as
their plain formulations (tests/data/reference_queries: the entity found by lower-casing every label,
UNIONs, EXISTS) on a hand-built graph with negated, disputed, conditional and attributed statements."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.graph import to_quads
from kg.query import bind_parameters, get_named_query, parse_named_query, run_query
from kg.store import name_index, ontology_quads, with_merged_default
from tests.kgfixtures import fact, make_kg

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference_queries"
CASES = [("who-did-what", {"entity": "Taliban"}), ("who-did-what", {"entity": "united states"}),
         ("who-did-what", {"entity": "Taliban", "relation_class": "COOPERATION"}),
         ("entity", {"entity": "Taliban"}), ("entity", {"entity": "Suhail Shaheen"}),
         ("timeline", {"entity": "Taliban"}), ("timeline", {"entity": "Taliban", "from": "2021-10-10"}),
         ("timeline", {"entity": "United States", "to": "2021-10-09"}),
         ("sources", {}), ("sources", {"entity": "Taliban"}), ("sources", {"relation": "WORK"}),
         ("negated", {}), ("negated", {"entity": "Taliban"}), ("negated", {"entity": "United States"}),
         ("who-did-what", {"entity": "nobody"})]


@pytest.fixture(scope="module")
def store() -> ox.Store:
    kg = make_kg()
    other = kg.articles["other"]
    kg.facts.append(fact(other, "Taliban", "work with", "United States", start=80, modality="conditional"))
    kg.facts.append(fact(other, "Taliban", "work with", "United States", start=90, attribution="Suhail Shaheen"))
    kg.facts.append(fact(other, "United States", "attack", "Taliban", start=95, polarity="negative",
                         klass="assault"))
    quads = [*to_quads(kg).quads, *ontology_quads()]
    loaded = ox.Store()
    loaded.bulk_extend(with_merged_default(quads))
    loaded.bulk_extend(name_index(quads))
    return loaded


@pytest.mark.parametrize(("name", "params"), CASES, ids=[f"{n}-{'-'.join(p.values()) or 'all'}" for n, p in CASES])
def test_fast_query_returns_the_rows_of_its_plain_formulation(store: ox.Store, name: str,
                                                              params: dict[str, str]) -> None:
    fast = run_query(store, bind_parameters(get_named_query(name), params))
    plain = run_query(store, bind_parameters(parse_named_query(REFERENCE / f"{name}.rq"), params))
    assert fast.variables == plain.variables
    assert sorted(map(str, fast.rows)) == sorted(map(str, plain.rows))
    assert plain.rows or params.get("entity") == "nobody"     # a comparison of something


def test_disputed_and_negated_rows_are_there(store: ox.Store) -> None:
    rows = run_query(store, bind_parameters(get_named_query("negated"), {})).rows
    assert {row[0].value for row in rows} == {"negated", "disputed"}
