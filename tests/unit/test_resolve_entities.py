"""In-article clustering rules (kg.resolve.entities) on plain Mention values: no model, no Doc."""
from __future__ import annotations

import pytest

from kg.models import Mention
from kg.resolve.entities import cluster_mentions, initials, label_of, slug

ARTICLE = "a1"


def mentions(*items: tuple[str, str] | tuple[str, str, bool]) -> list[Mention]:
    """Mentions in text order, 100 characters apart: (text, type[, named])."""
    out = []
    for i, item in enumerate(items):
        text, kind = item[0], item[1]
        named = item[2] if len(item) > 2 else True
        out.append(Mention(text=text, start=i * 100, end=i * 100 + len(text), type=kind, is_named=named))
    return out


def groups(ms: list[Mention]) -> dict[str, set[str]]:
    entities, keys = cluster_mentions(ARTICLE, ms)
    out: dict[str, set[str]] = {}
    for m in ms:
        out.setdefault(keys[m.key], set()).add(m.text)
    assert {e.key for e in entities} == set(out)
    return out


def entity(ms: list[Mention], text: str):
    entities, keys = cluster_mentions(ARTICLE, ms)
    key = keys[next(m.key for m in ms if m.text == text)]
    return next(e for e in entities if e.key == key)


def test_entities_surname_joins_the_full_name():
    ms = mentions(("Suhail Shaheen", "Person"), ("Shaheen", "Place"), ("Shaheen", "Person"))
    e = entity(ms, "Shaheen")
    assert e.key == "suhail-shaheen" and e.label == "Suhail Shaheen" and e.type == "Person"
    assert "surname" in e.rules and e.aliases == ("Shaheen",)


def test_entities_surname_without_the_arabic_article_joins_the_full_name():
    ms = mentions(("Muammar al-Gaddafi", "Person"), ("Gaddafi", "Person"))
    assert entity(ms, "Gaddafi").key == "muammar-al-gaddafi" and len(groups(ms)) == 1


def test_entities_surname_shared_by_two_people_stays_apart():
    ms = mentions(("Ann Smith", "Person"), ("Bob Smith", "Person"), ("Smith", "Person"))
    g = groups(ms)
    assert len(g) == 3
    assert entity(ms, "Smith").key == "person/a1/smith"     # ambiguous: local to the article


def test_entities_surname_used_before_a_second_person_of_that_name_is_the_first():
    """"Joe Biden ... Biden ... his son Hunter Biden ... Biden": the surname was used for the one person
    introduced before it, and one name is one person throughout the article."""
    ms = mentions(("Joe Biden", "Person"), ("Biden", "Person"), ("Hunter Biden", "Person"), ("Biden", "Person"))
    e = entity(ms, "Biden")
    assert e.key == "joe-biden" and "surname-introduced" in e.rules
    assert entity(ms, "Hunter Biden").key == "hunter-biden"


def test_entities_surname_after_two_people_of_that_name_stays_apart():
    """"Joe Biden and his son Hunter Biden ... Biden": either may be meant; never the nearer one."""
    ms = mentions(("Joe Biden", "Person"), ("Hunter Biden", "Person"), ("Biden", "Person"), ("Biden", "Person"))
    assert entity(ms, "Biden").key == "person/a1/biden"


def test_entities_bare_surname_is_local_to_its_article():
    assert entity(mentions(("Rathbun", "Person")), "Rathbun").key == "person/a1/rathbun"


def test_entities_acronym_joins_its_expansion():
    ms = mentions(("National Rifle Association", "Organization"), ("NRA", "Organization"))
    e = entity(ms, "NRA")
    assert e.key == "national-rifle-association" and "acronym" in e.rules


@pytest.mark.parametrize("names", [
    pytest.param(["US", "U.S.", "United States", "America"], id="country"),
    pytest.param(["ISIS", "Daesh", "Islamic State"], id="organization"),
    pytest.param(["DR Congo", "Democratic Republic of Congo", "Democratic Republic of the Congo"], id="news-name"),
])
def test_entities_alias_table_names_are_one_entity(names):
    ms = mentions(*[(n, "Place") for n in names])
    assert len(groups(ms)) == 1
    assert "alias-table" in entity(ms, names[0]).rules


def test_entities_alias_table_name_is_no_acronym_of_another_name():
    # "US" is the initials of "University of Sheffield", but the table says what "US" is
    ms = mentions(("University of Sheffield", "Organization"), ("US", "Place"))
    assert len(groups(ms)) == 2


@pytest.mark.parametrize("longer, short, merged", [
    pytest.param("Mozilla Firefox", "Firefox", True, id="product"),
    pytest.param("United Kingdom Home Office", "Home Office", True, id="two-words"),
    pytest.param("Space Shuttle Enterprise", "Enterprise", True, id="named-ship"),
    pytest.param("University of Sheffield", "Sheffield", False, id="x-of-y-is-not-y"),
    pytest.param("East Los Angeles", "Los Angeles", False, id="compass-prefix"),
    pytest.param("Southern Europe", "Europe", False, id="compass-adjective-prefix-unlisted-place"),
    pytest.param("South Africa", "Africa", False, id="continent-is-no-short-form"),
    pytest.param("South Korea", "Korea", True, id="compass-word-starts-a-country-name"),
    pytest.param("New York Times", "Times", True, id="direction-word-is-no-compass"),
    pytest.param("United Airlines", "United", True, id="company-without-its-airlines"),
    pytest.param("Islandbank Road, Inverness", "Inverness", False, id="words-after-a-comma-are-no-short-form"),
    pytest.param("Sale, Maffra", "Maffra", False, id="next-item-of-a-list"),
    pytest.param("Lake Ontario", "Ontario", False, id="lake-is-not-its-province"),
    pytest.param("Environment Canada", "Canada", False, id="place-inside-organization"),
    pytest.param("Fan Expo Canada", "Canada", False, id="country-ends-an-event-name"),
    pytest.param("White House", "House", False, id="generic-word-is-no-short-form"),
    pytest.param("Never Trump", "Trump", False, id="campaign-is-not-its-target"),
    pytest.param("Fedora/Red Hat Enterprise Linux", "Red Hat", False, id="slash-joins-two-names"),
    pytest.param("Fedora/Red Hat Enterprise Linux", "Enterprise Linux", True, id="slash-keeps-each-name"),
])
def test_entities_short_form_of_a_longer_name(longer, short, merged):
    kind = "Place" if any(w in longer for w in ("Angeles", "Europe", "Africa", "Korea", "Inverness", "Lake")) \
        else "Organization"
    short_kind = "Place" if short in ("Canada", "Sheffield", "Los Angeles", "Europe", "Africa", "Korea", "Inverness",
                                      "Ontario") else kind
    ms = mentions((longer, kind), (short, short_kind))
    assert (len(groups(ms)) == 1) is merged


def test_entities_place_with_its_region_joins_the_place_of_the_article():
    ms = mentions(("Durham, North Carolina", "Place"), ("Durham", "Place"))
    e = entity(ms, "Durham")
    assert e.key == "durham-north-carolina" and "place-region" in e.rules


@pytest.mark.parametrize("name, key", [
    ("Sydney, Australia", "sydney"),                # a big city in the country named: the city itself
    ("Paris, Texas", "paris-texas"),                # not the Paris everyone knows
    ("Sochi, Russia", "sochi"),                     # the city of that name is in that country
    ("Portland, Maine", "portland-maine"),          # one of several US cities of the name: kept apart
    ("Department of Justice", "local/a1/justice-department"),     # common words only: local to its article
    ("Department of Homeland Security", "homeland-security-department"),
    ("Apple Inc.", "apple"),
])
def test_entities_key_of_qualified_and_permuted_names(name, key):
    assert entity(mentions((name, "Place" if "," in name else "Organization")), name).key == key


def test_entities_short_form_needs_one_candidate():
    ms = mentions(("North Korea", "Place"), ("South Korea", "Place"), ("Korea", "Place"))
    assert len(groups(ms)) == 3


def test_entities_state_of_x_keeps_the_short_key():
    ms = mentions(("State of Texas", "Place"), ("Texas", "Place"))
    e = entity(ms, "State of Texas")
    assert e.key == "texas" and e.label == "Texas" and e.aliases == ("State of Texas",)   # the name readers use


def test_entities_noun_phrase_spelled_like_a_name_is_that_name():
    ms = mentions(("Indonesian Navy", "Organization"), ("Indonesian navy", "Concept", False))
    e = entity(ms, "Indonesian navy")
    assert e.key == "indonesian-navy" and "same-name" in e.rules


def test_entities_name_and_noun_is_the_name():
    ms = mentions(("M5S", "Organization"), ("M5S party", "Concept", False))
    assert entity(ms, "M5S party").key == "m5s"


def test_entities_unnamed_phrases_are_local_concepts():
    e = entity(mentions(("suicide bombing", "Concept", False)), "suicide bombing")
    assert e.key == "concept/a1/suicide-bombing"


def test_entities_type_is_decided_by_all_mentions():
    ms = mentions(("Taliban", "Organization"), ("Taliban", "Person"), ("Taliban", "Organization"))
    assert entity(ms, "Taliban").type == "Organization"


def test_entities_unknown_type_gives_way_to_a_known_one():
    ms = mentions(("FIFA", "Entity"), ("FIFA", "Organization"))
    assert entity(ms, "FIFA").type == "Organization"


def test_entities_label_is_most_complete_frequent_name():
    from collections import Counter
    assert label_of(Counter({"Trump": 5, "Donald Trump": 1})) == "Donald Trump"
    assert label_of(Counter({"internet": 3, "Internet": 1})) == "Internet"


@pytest.mark.parametrize("name, expected", [("East Turkestan Islamic Movement", "ETIM"),
                                            ("Federal Bureau of Investigation", "FBI")])
def test_entities_initials(name, expected):
    assert initials(name) == expected


def test_entities_slug_is_iri_safe_and_deterministic():
    assert slug("the U.S. State Department") == "us-state-department"
    assert slug("Ça va") == "ca-va" and slug("!!!").startswith("x")


def test_entities_lone_compass_word_resolves_but_is_no_alias():
    """ "South Korea ... The South retaliated": the South is South Korea in its article, but "South" is no
    name of it (a corpus-wide altLabel "South" on South Korea would name every other south)."""
    ms = mentions(("North Korea", "Place"), ("South Korea", "Place"), ("South", "Place"))
    e = entity(ms, "South")
    assert e.key == "south-korea" and e.label == "South Korea" and "South" not in e.aliases


@pytest.mark.parametrize("word", ["South", "West"])
def test_entities_lone_compass_word_with_nothing_to_stand_for_stays_local(word):
    """ "the South" (or "the West") alone names a different region in each article: an article-local key."""
    assert set(groups(mentions(("Atlanta", "Place"), (word, "Place")))) == {"atlanta", f"local/a1/{word.lower()}"}


def test_entities_compass_word_inside_a_name_is_the_name():
    """Guard: "South Africa" is a name (and its own key), never trimmed or made local."""
    e = entity(mentions(("South Africa", "Place"), ("Pretoria", "Place")), "South Africa")
    assert e.key == "south-africa" and e.label == "South Africa"


def _written(*parts: tuple[str, str] | str) -> tuple[list[Mention], str]:
    """Mentions (text, type) laid out in a text with the plain strings between them."""
    text, out = "", []
    for part in parts:
        if isinstance(part, str):
            text += part
            continue
        out.append(Mention(text=part[0], start=len(text), end=len(text) + len(part[0]), type=part[1], is_named=True))
        text += part[0]
    return out, text


@pytest.mark.parametrize("parts", [
    ("The bishops of ", ("CEI", "Organization"), " (", ("Italian Episcopal Conference", "Entity"), ") spoke."),
    ("The ", ("Italian Episcopal Conference", "Entity"), " (", ("CEI", "Organization"), ") spoke."),
    ("The ", ("Kurdistan Workers' Party", "Organization"), " (", ("PKK", "Organization"), ") spoke."),
], ids=["acronym-first", "name-first", "repeated-letter"])
def test_entities_acronym_in_parentheses_is_the_name(parts):
    """ "CEI (Italian Episcopal Conference)": the writer says they are one, though the letters of a
    foreign-language acronym do not spell the English initials in order."""
    from kg.resolve.entities import parenthesised_acronyms

    ms, text = _written(*parts)
    entities, keys = cluster_mentions(ARTICLE, ms, acronyms=parenthesised_acronyms(ms, text))
    assert len(set(keys.values())) == 1
    [e] = entities
    assert "acronym-in-parentheses" in e.rules and len(e.label.split()) > 1


@pytest.mark.parametrize("parts", [
    ("The ", ("Federal Reserve", "Organization"), " (", ("AP", "Organization"), ") said."),    # a credit
    ("The ", ("Federal Reserve", "Organization"), " (", ("AFP", "Organization"), ") said."),
    (("WASHINGTON", "Place"), " (", ("AP", "Organization"), ") The board met."),
    ("The ", ("Dallas Police", "Organization"), " (", ("Texas", "Place"), ") said."),
    ("The ", ("Federal Reserve", "Organization"), " said (", ("RF", "Organization"), ")."),   # not right after
    ("Mr ", ("Frank Ross", "Person"), " (", ("FR", "Organization"), ") said."),
], ids=["credit", "credit-afp", "dateline", "place", "gap", "person"])
def test_entities_parenthesis_guards(parts):
    """Guards: a news agency's credit, a dateline, a place in parentheses, a gap, a person: no alias."""
    from kg.resolve.entities import parenthesised_acronyms

    ms, text = _written(*parts)
    assert parenthesised_acronyms(ms, text) == {}
    _, keys = cluster_mentions(ARTICLE, ms, acronyms=parenthesised_acronyms(ms, text))
    assert len(set(keys.values())) == len(ms)


def test_entities_compass_word_surname_is_a_name():
    """Guard: "Kanye West ... West": a person's surname that is a compass word stays a name of theirs."""
    e = entity(mentions(("Kanye West", "Person"), ("West", "Person")), "West")
    assert e.key == "kanye-west" and "West" in e.aliases


def _cued(text: str, kind: str, start: int, *cues: str) -> Mention:
    return Mention(text=text, start=start, end=start + len(text), type=kind, is_named=True, ner_label="ORG"
                   if kind == "Organization" else None, cues=cues)


def test_entities_given_name_with_its_surname_alone_is_a_person():
    """ "A swimmer, Fran Crippen[ORG], drowned ... Crippen told his coach": a person, one node."""
    full = _cued("Fran Crippen", "Organization", 0, "given-name")
    bare = _cued("Crippen", "Entity", 100)     # NER gave it no type
    entities, keys = cluster_mentions(ARTICLE, [full, bare])
    assert keys[full.key] == keys[bare.key] == "fran-crippen"
    assert [e.type for e in entities] == ["Person"]


@pytest.mark.parametrize("first, bare", [
    ("Cleveland Indians", ("Indians", "Group")), ("Russell Square", ("Square", "Person")),
    ("Florida Championship Wrestling", ("Wrestling", "Entity")),
], ids=["group", "thing-word", "untyped-after-three-words"])
def test_entities_given_name_with_a_last_word_of_another_kind_stays(first, bare):
    """Guards: "Cleveland Indians" ... "the Indians" (a group); "Russell Square" ... "Square"; "Florida
    Championship Wrestling" ... "Wrestling" (untyped, after a name of three words)."""
    full = _cued(first, "Organization", 0, "given-name")
    entities, keys = cluster_mentions(ARTICLE, [full, _cued(bare[0], bare[1], 100)])
    assert next(e.type for e in entities if e.key == keys[full.key]) == "Organization"


def test_entities_given_name_without_its_surname_alone_keeps_ner_type():
    """Guard: "Fran Crippen"[ORG] written once, nothing else: NER's label and a given name decide (as before)."""
    full = _cued("Fran Crippen", "Organization", 0, "given-name")
    entities, _ = cluster_mentions(ARTICLE, [full])
    assert [e.type for e in entities] == ["Organization"]
