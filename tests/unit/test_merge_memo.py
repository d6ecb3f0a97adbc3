"""The cross-article merge memoized between builds (kg.resolve.merge_entities with ids/known/used): every
union found in a previous build's is what a clean merge makes, also when an added article changes a corpus
link (a rival full name makes a bare surname ambiguous) and its removal undoes that. No model."""
from __future__ import annotations

from kg.models import Entity, Mention
from kg.resolve.entities import cluster_mentions
from kg.resolve.merge import merge_entities


def article(article_id: str, *names: tuple[str, str]) -> list[Entity]:
    ms = [Mention(text=t, start=i * 100, end=i * 100 + len(t), type=k, is_named=True) for i, (t, k) in enumerate(names)]
    return cluster_mentions(article_id, ms)[0]


ARTICLES = {
    "a1": article("a1", ("Barack Obama", "Person"), ("White House", "Organization")),
    "a2": article("a2", ("Obama", "Person"), ("White House", "Organization"), ("Kabul", "Place")),
    "a3": article("a3", ("Michelle Obama", "Person"), ("Kabul", "Place")),
    "a4": article("a4", ("Taliban", "Organization"), ("Kabul", "Place")),
}


def _ids(names: list[str]) -> tuple[list[Entity], list[bytes]]:
    """The articles' entities and their ids (an article's name and the entity's place in it)."""
    entities, ids = [], []
    for name in names:
        for i, entity in enumerate(ARTICLES[name]):
            entities.append(entity)
            ids.append(name.encode() + i.to_bytes(4, "little"))
    return entities, ids


def _builds(*corpora: list[str]) -> list[tuple[dict[str, Entity], dict[str, Entity], int, int]]:
    """Each corpus merged with the previous one's memo, beside a clean merge; with the unions found and used."""
    known: dict[bytes, Entity] = {}
    out = []
    for names in corpora:
        entities, ids = _ids(names)
        used: dict[bytes, Entity] = {}
        memoized = merge_entities(entities, ids=ids, known=known, used=used, merges={})
        found = sum(1 for name, e in used.items() if known.get(name) is e)
        out.append((memoized, merge_entities(entities, merges={}), found, len(used)))
        known = used
    return out


def test_merge_memo_adding_an_article_that_makes_a_surname_ambiguous_and_removing_it():
    before, added, removed = _builds(["a1", "a2", "a4"], ["a1", "a2", "a3", "a4"], ["a1", "a2", "a4"])
    for memoized, clean, *_ in (before, added, removed):
        assert memoized == clean and list(memoized) == list(clean)
    assert "corpus-surname" in before[0]["barack-obama"].rules          # "Obama" is Barack Obama ...
    assert "person/a2/obama" in added[0] and "barack-obama" in added[0]  # ... not with Michelle Obama there
    assert "corpus-surname" not in added[0]["barack-obama"].rules
    assert removed[0] == before[0]                                       # and again once she is gone
    assert 0 < added[2] < added[3] and 0 < removed[2] < removed[3]   # the Taliban's unions found, Obama's made


def test_merge_memo_found_unions_are_the_previous_builds_objects():
    (_, _, first, _), (memoized, clean, found, used) = _builds(["a1", "a2", "a4"], ["a1", "a2", "a4"])
    assert first == 0 and memoized == clean
    assert found == used > len(memoized)     # every union of both passes found, none made


def test_merge_memo_a_changed_article_is_made_again():
    entities, ids = _ids(["a1", "a4"])
    used: dict[bytes, Entity] = {}
    merge_entities(entities, ids=ids, used=used, merges={})
    changed = article("a4", ("Taliban", "Group"), ("Kabul", "Place"))   # a4 again, another result: another id
    entities2 = [*ARTICLES["a1"], *changed]
    ids2 = [*ids[:len(ARTICLES["a1"])], *(b"a4-v2" + i.to_bytes(4, "little") for i in range(len(changed)))]
    memoized = merge_entities(entities2, ids=ids2, known=used, merges={})
    assert memoized == merge_entities(entities2, merges={})


def test_unions_made_ahead_of_the_last_articles_are_those_made_at_once() -> None:
    """The first unions of the entities known before the last article (kg.resolve.merge.UnionsAhead, made while it
    is parsed) give the merge, the unions used and the memo's names exactly what merging all at once gives: keys
    the last article touches (Obama, Kabul) made again, explicit merges applied to both parts."""
    from kg.resolve.merge import UnionsAhead

    merges = {"white-house": ("the-white-house", "test"), "the-white-house": ("white-house-executive", "test chain")}
    first, first_ids = _ids(["a1", "a2"])
    entities, ids = _ids(["a1", "a2", "a3", "a4"])
    for known in ({}, _memo_of(["a1", "a2", "a3"], merges)):
        at_once: dict[bytes, Entity] = {}
        expected = merge_entities(entities, ids=ids, known=known, used=at_once, merges=merges)
        ahead = UnionsAhead(first, first_ids, known, merges=merges)
        assert {"barack-obama", "kabul", "white-house-executive"} <= set(ahead.made)
        used: dict[bytes, Entity] = {}
        got = merge_entities(entities, ids=ids, known=known, used=used, ahead=ahead)
        assert got == expected and list(got) == list(expected)
        assert used == at_once and list(used) == list(at_once)
        assert "white-house-executive" in got and "white-house" not in got   # the chain applied
    # made of other entities than those merged: not used (a fresh merge of all)
    stale = UnionsAhead(_ids(["a3"])[0], _ids(["a3"])[1], {}, merges=merges)
    assert not stale.fits(entities)
    assert merge_entities(entities, ids=ids, known={}, used={}, merges=merges, ahead=stale) == \
        merge_entities(entities, ids=ids, known={}, used={}, merges=merges)


def _memo_of(names: list[str], merges: dict[str, tuple[str, str]]) -> dict[bytes, Entity]:
    entities, ids = _ids(names)
    used: dict[bytes, Entity] = {}
    merge_entities(entities, ids=ids, known={}, used=used, merges=merges)
    return used
