"""Across articles: keys decide identity, a bare surname joins only the corpus's one person of that surname,
explicit merges keep owl:sameAs."""
from __future__ import annotations

import itertools

from rdflib import OWL

from kg.graph import KnowledgeGraph, to_rdf
from kg.iri import entity_iri
from kg.models import Entity, Mention
from kg.names import merge_table
from kg.resolve.entities import cluster_mentions
from kg.resolve.merge import merge_entities


def article(article_id: str, *names: tuple[str, str]) -> list[Entity]:
    ms = [Mention(text=t, start=i * 100, end=i * 100 + len(t), type=k, is_named=True) for i, (t, k) in enumerate(names)]
    return cluster_mentions(article_id, ms)[0]


def test_merge_same_name_with_compatible_types_is_one_node():
    merged = merge_entities(article("a1", ("Taliban", "Organization")) + article("a2", ("the Taliban", "Group")),
                            merges={})
    assert list(merged) == ["taliban"]
    assert merged["taliban"].articles == ("a1", "a2") and "same-key-across-articles" in merged["taliban"].rules


def test_merge_two_people_sharing_a_surname_stay_two_nodes():
    a1 = article("a1", ("John Smith", "Person"), ("Smith", "Person"))
    a2 = article("a2", ("Mary Smith", "Person"), ("Smith", "Person"))
    merged = merge_entities(a1 + a2, merges={})
    assert sorted(merged) == ["john-smith", "mary-smith"]
    assert merged["john-smith"].articles == ("a1",) and merged["mary-smith"].articles == ("a2",)


def test_merge_bare_surnames_without_a_full_name_stay_apart():
    merged = merge_entities(article("a2", ("Smith", "Person")) + article("a3", ("Smith", "Person")), merges={})
    assert sorted(merged) == ["person/a2/smith", "person/a3/smith"]


def test_merge_bare_surname_joins_the_corpus_one_full_name():
    merged = merge_entities(article("a1", ("Barack Obama", "Person")) + article("a2", ("Obama", "Person"))
                            + article("a3", ("Obama", "Person")), merges={})
    assert sorted(merged) == ["barack-obama"]
    obama = merged["barack-obama"]
    assert "corpus-surname" in obama.rules and obama.articles == ("a1", "a2", "a3")
    assert set(obama.same_as) == {"person/a2/obama", "person/a3/obama"}     # the local IRIs stay valid


def test_merge_bare_surname_with_a_rival_full_name_stays_local():
    merged = merge_entities(article("a1", ("John Smith", "Person")) + article("a2", ("Smith", "Person"))
                            + article("a3", ("Ann Smith", "Person")), merges={})
    assert sorted(merged) == ["ann-smith", "john-smith", "person/a2/smith"]


def test_merge_bare_surname_never_joins_another_type():
    merged = merge_entities(article("a1", ("Smith Barney", "Organization")) + article("a2", ("Barney", "Person")),
                            merges={})
    assert "person/a2/barney" in merged


def test_merge_aliases_collect_every_name_and_label_is_the_most_complete():
    merged = merge_entities(article("a1", ("US", "Place"), ("the United States", "Place"))
                            + article("a2", ("U.S.", "Place"), ("America", "Place")), merges={})
    us = merged["united-states"]
    assert us.label == "the United States"
    assert {"US", "U.S.", "America"} <= set(us.aliases) | {us.label}
    assert "alias-table" in us.rules


def test_merge_is_independent_of_order():
    parts = (article("a1", ("Suhail Shaheen", "Person"), ("Shaheen", "Person"))
             + article("a2", ("Suhail Shaheen", "Place")) + article("a3", ("Taliban", "Organization")))
    results = {tuple(sorted(merge_entities(list(p), merges={}).items())) for p in itertools.permutations(parts)}
    assert len(results) == 1


def test_merge_adding_an_article_keeps_existing_keys():
    first = merge_entities(article("a1", ("Suhail Shaheen", "Person"), ("Shaheen", "Person"), ("ETIM", "Organization"),
                                   ("East Turkestan Islamic Movement", "Organization")), merges={})
    later = merge_entities(article("a1", ("Suhail Shaheen", "Person"), ("Shaheen", "Person"), ("ETIM", "Organization"),
                                   ("East Turkestan Islamic Movement", "Organization"))
                           + article("a2", ("Shaheen", "Person"), ("ETIM", "Organization")), merges={})
    assert set(first) <= set(later)


def test_merge_explicit_merge_keeps_the_old_iri_as_same_as():
    merges = {"daesh-group": ("islamic-state", "curated: Daesh Group is the Islamic State")}
    merged = merge_entities(article("a1", ("Daesh Group", "Organization")) + article("a2", ("ISIS", "Organization")),
                            merges=merges)
    assert list(merged) == ["islamic-state"]
    state = merged["islamic-state"]
    assert state.same_as == ("daesh-group",) and "explicit-merge" in state.rules
    assert {"Daesh Group", "ISIS"} == {state.label, *state.aliases}
    graph = to_rdf(KnowledgeGraph(entities=merged))
    assert (entity_iri("islamic-state"), OWL.sameAs, entity_iri("daesh-group")) in graph


def test_merge_table_reads_old_new_and_reason(tmp_path):
    table = tmp_path / "merges.tsv"
    table.write_text("# old\tnew\treason\ndaesh-group\tislamic-state\tsame group, Arabic acronym\n")
    assert merge_table(table) == {"daesh-group": ("islamic-state", "same group, Arabic acronym")}
    assert isinstance(merge_table(), dict)    # the shipped file parses


def test_merge_statements_of_a_joined_key_stay_on_the_joined_node():
    """A bare "Obama" of article a2 joins Barack Obama of a1: what a2 says of Obama stays in the graph, on the
    joined node (before, the statement was dropped with the local key)."""
    from kg.graph import merge_results
    from kg.models import Article, ArticleResult, Evidence, Statement

    def result(article_id: str, subject: str, obj: str) -> ArticleResult:
        text = f"{subject} met {obj}."
        s = Mention(text=subject, start=0, end=len(subject), type="Person", is_named=True)
        o = Mention(text=obj, start=len(subject) + 5, end=len(text) - 1, type="Place", is_named=True)
        entities, keys = cluster_mentions(article_id, [s, o])
        statement = Statement(subject=s, relation="meet", object=o, surface="met",
                              evidence=Evidence(article_id, text, 0, 0, len(text)))
        return ArticleResult(article=Article(id=article_id, text=text, source=f"{article_id}.txt"),
                             mentions=(s, o), statements=(statement,), entities=tuple(entities),
                             resolution=tuple(sorted(keys.items())))
    kg = merge_results([result("a1", "Barack Obama", "Kenya"), result("a2", "Obama", "Ghana")])
    assert "person/a2/obama" in kg.entities["barack-obama"].same_as
    assert {(f.subject, f.object, f.article.id) for f in kg.facts} == {("barack-obama", "kenya", "a1"),
                                                                       ("barack-obama", "ghana", "a2")}
