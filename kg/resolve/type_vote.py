"""An entity's type by evidence: every mention's NER label plus strong cues, voted over the whole corpus.

One NER label is two votes; a cue (:data:`kg.extract.types.CUE_TYPES`) weighs more ("Defense Secretary Jim
Mattis": a title before the name). Votes add up over an entity's mentions in one article and over its
articles in the corpus, so one article's NER slip cannot flip a hub's type. Three rules are never outvoted:

* a known place (a country, US state or city of a million people) is never a Person;
* a name with a known given name and a person cue on one mention (a title, "X's wife", a verb only people
  do) is never an Organization, when at least a quarter of its given-name mentions have such a cue;
* a name the text defines ("Minetest is an open-source game", "X, a software company,") is of the class
  of the defining noun (``class-noun`` in ``ontology/name_cues.tsv``), unless two definitions disagree,
  it is a known place defined as something else ("Rogers, Arkansas, a marketing firm") or the rule before
  makes it a person ("chairwoman Ann Preston" beside "firm Preston's").

Across the corpus a specific type beats "Entity" (a name NER did not type), except a Person elected by NER
labels alone against more untyped mentions ("SpaceX": Entity 10, Person 4), which stays "Entity". A tie
between Place and another type goes to Place for a name of the place lists (a city of 100,000 people or
more: "Christchurch", Organization 4 and Place 4, is the city).

Votes travel on :attr:`kg.models.Entity.type_votes` as ``(type, weight)`` pairs; cue counts ride along as
``("cue:<name>", count)`` pairs so the corpus vote can apply the two rules.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from kg.type_cues import CUE_TYPES, DEFINED, NER_WEIGHT
from kg.models import Mention

TYPE_PRIORITY = ["Person", "Organization", "Place", "Group", "Event", "Work", "Product", "Law", "Entity", "Concept"]
_PERSON_CUES = {"title", "kin", "person-verb", "surname-alone"}


def mention_votes(mentions: Sequence[Mention]) -> Counter[str]:
    """Weighted type votes of some mentions, with ``cue:`` counts.

    When an entity has a name of several words, only those mentions' NER labels vote: a short form
    ("Assange", "Apple") is what NER gets wrong most, and joined the entity because of its full name.
    """
    votes: Counter[str] = Counter()
    full = any(m.is_named and len(m.text.split()) > 1 for m in mentions)
    for m in mentions:
        if m.is_pronoun:
            continue
        if not full or len(m.text.split()) > 1 or not m.is_named:
            votes[m.type] += NER_WEIGHT
        for cue in set(m.cues):
            kind, weight = CUE_TYPES[cue]
            votes[kind] += weight
            votes[f"cue:{cue}"] += 1
    return votes


def decide(votes: Counter[str] | dict[str, int], names: Iterable[str] = (), *, specific: bool = True) -> str:
    """The type the votes elect, under the two rules that are never outvoted.

    ``specific``: a specific type beats "Entity" whatever the votes (across articles); without it "Entity"
    wins a majority (inside one article, where an untyped name is often not what one NER slip says).

    >>> decide({"Organization": 5, "Person": 4, "cue:given-name": 1, "cue:given-name-person": 1})
    'Person'
    >>> decide({"Person": 3, "Place": 1}, names=["Paris"])
    'Place'
    >>> decide({"Organization": 4, "Place": 4}, names=["Christchurch"]), decide({"Organization": 4, "Place": 4})
    ('Place', 'Organization')
    """
    from kg.names import is_known_place, is_place

    pool = {t: n for t, n in votes.items() if not t.startswith("cue:") and n > 0}   # (dicts: cheaper than Counters)
    if not pool:
        return "Concept"
    names = tuple(names)
    known_place = any(is_known_place(n) for n in names)
    if known_place:
        pool.pop("Person", None)
        if not pool:
            return "Place"
    defined = {kind for cue, kind in DEFINED.items() if votes.get(f"cue:{cue}", 0) > 0}
    person = votes.get("cue:given-name-person", 0) * 4 >= votes.get("cue:given-name", 0) > 0
    if len(defined) == 1 and (kind := next(iter(defined))) in pool and not person and (
            kind == "Place" or not known_place):
        return kind     # the text says what it is ("Minetest is an open-source game"), whatever NER says
    if person:
        pool.pop("Organization", None)
        pool.pop("Entity", None)
        if not pool or max(pool.values()) == 0:
            return "Person"
    if specific and (person := pool.get("Person", 0)) and pool.get("Entity", 0) > person \
            and max(n for t, n in pool.items() if t not in ("Entity", "Concept")) == person \
            and not any(votes.get(f"cue:{c}", 0) for c in (*_PERSON_CUES, "given-name")):
        return "Entity"     # a person only by a few NER slips among more untyped mentions ("SpaceX")
    if specific:    # a specific type beats "Entity" (a name NER did not type) and "Concept"
        pool = {t: n for t, n in pool.items() if t not in ("Entity", "Concept")} or {
            t: n for t, n in pool.items() if t != "Concept"} or pool
    else:
        pool = {t: n for t, n in pool.items() if t != "Concept"} or pool
    best = max(pool.values())
    if pool.get("Place") == best and sum(n == best for n in pool.values()) > 1 and any(is_place(n) for n in names):
        return "Place"  # a tie with a listed place's name ("Christchurch": Organization 4, Place 4) is the place
    for t in TYPE_PRIORITY:
        if pool.get(t) == best:
            return t
    return sorted(t for t in pool if pool[t] == best)[0]


def as_pairs(votes: Counter[str]) -> tuple[tuple[str, int], ...]:
    """Votes as sorted pairs (an Entity field)."""
    return tuple(sorted((t, n) for t, n in votes.items() if n))
