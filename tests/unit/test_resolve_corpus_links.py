"""Corpus-level links (kg.resolve.corpus_links through merge_entities) on plain Entity values: no model."""
from __future__ import annotations

import pytest

from kg.models import Entity, Mention
from kg.resolve.corpus_links import given_names_match, person_parts
from kg.resolve.entities import cluster_mentions
from kg.resolve.merge import merge_entities


def article(article_id: str, *names: tuple[str, str]) -> list[Entity]:
    ms = [Mention(text=t, start=i * 100, end=i * 100 + len(t), type=k, is_named=True) for i, (t, k) in enumerate(names)]
    return cluster_mentions(article_id, ms)[0]


def nodes(*articles: list[Entity]) -> dict[str, Entity]:
    return merge_entities([e for a in articles for e in a], merges={})


def node_of(merged: dict[str, Entity], name: str) -> Entity:
    found = [e for e in merged.values() if name == e.label or name in e.aliases]
    assert len(found) == 1, (name, sorted(merged))
    return found[0]


@pytest.mark.parametrize("a, b, same", [
    ("john", "john", True), ("jim", "james", True), ("james", "jim", True), ("bob", "robert", True),
    ("bill", "bob", False), ("ann", "john", False), ("ivan", "john", False), ("jean", "jane", False),
    ("casper", "jasper", False), ("johnny", "john", True), ("charlie", "charles", True), ("jimmie", "james", True),
], ids=lambda v: str(v))
def test_corpus_links_given_names_match_by_nickname(a, b, same):
    assert given_names_match(a, b) is same


def test_corpus_links_person_parts_keep_middle_and_suffix():
    assert person_parts("John R. Bolton") == ("john", ("r",), "bolton", "")
    assert person_parts("Donald Trump Jr.") == ("donald", (), "trump", "jr")
    assert person_parts("Obama") is None


def test_corpus_links_middle_initial_and_nickname_variants_are_one_node():
    merged = nodes(article("a1", ("John R. Bolton", "Person")), article("a2", ("John Bolton", "Person")),
                   article("a3", ("James Mattis", "Person")), article("a4", ("Jim Mattis", "Person")))
    bolton, mattis = node_of(merged, "John Bolton"), node_of(merged, "Jim Mattis")
    assert node_of(merged, "John R. Bolton") is bolton and node_of(merged, "James Mattis") is mattis
    assert "name-variant" in bolton.rules and "name-variant" in mattis.rules
    assert len(bolton.same_as) == 1 and len(mattis.same_as) == 1      # the other IRI stays as owl:sameAs


def test_corpus_links_one_name_in_two_languages_is_no_nickname():
    merged = nodes(article("a1", ("Ivan Lewis", "Person")), article("a2", ("John Lewis", "Person")))
    assert len(merged) == 2 and all("name-variant" not in e.rules for e in merged.values())


def test_corpus_links_diacritics_and_case_make_one_key():
    merged = nodes(article("a1", ("Recep Tayyip Erdoğan", "Person")), article("a2", ("Recep Tayyip Erdogan", "Person")),
                   article("a3", ("RECEP TAYYIP ERDOGAN", "Person")))
    assert list(merged) == ["recep-tayyip-erdogan"]


def test_corpus_links_two_different_middles_leave_the_short_name_apart():
    merged = nodes(article("a1", ("George W. Bush", "Person")), article("a2", ("George H. W. Bush", "Person")),
                   article("a3", ("George Bush", "Person")))
    assert len(merged) == 3
    assert all("name-variant" not in e.rules for e in merged.values())


def test_corpus_links_junior_is_not_his_father():
    merged = nodes(article("a1", ("Donald Trump", "Person")), article("a2", ("Donald Trump Jr.", "Person")))
    assert len(merged) == 2


def test_corpus_links_two_smiths_in_two_articles_stay_two():
    merged = nodes(article("a1", ("Smith", "Person")), article("a2", ("Smith", "Person")))
    assert sorted(merged) == ["person/a1/smith", "person/a2/smith"]


def test_corpus_links_surname_with_two_full_names_in_the_corpus_stays_local():
    merged = nodes(article("a1", ("Barack Obama", "Person")), article("a2", ("Michelle Obama", "Person")),
                   article("a3", ("Obama", "Person")))
    assert "person/a3/obama" in merged


def test_corpus_links_surname_joins_after_name_variants_are_joined():
    merged = nodes(article("a1", ("John R. Bolton", "Person")), article("a2", ("John Bolton", "Person")),
                   article("a3", ("Bolton", "Person")))
    assert len(merged) == 1
    assert "corpus-surname" in next(iter(merged.values())).rules


def test_corpus_links_country_prefix_and_department_of_are_one_node():
    merged = nodes(article("a1", ("U.S. Justice Department", "Organization")),
                   article("a2", ("Justice Department", "Organization")),
                   article("a3", ("Department of Justice", "Organization")),
                   article("a4", ("U.S. Department of Justice", "Organization")))
    assert len(merged) == 1
    node = next(iter(merged.values()))
    assert "country-prefix" in node.rules and len(node.same_as) >= 1


def test_corpus_links_country_prefix_with_two_countries_stays_apart():
    merged = nodes(article("a1", ("U.S. Justice Department", "Organization")),
                   article("a2", ("Russian Justice Department", "Organization")),
                   article("a3", ("Russia Justice Department", "Organization")),
                   article("a4", ("Justice Department", "Organization")))
    assert "us-justice-department" in merged and "russia-justice-department" in merged
    assert "local/a4/justice-department" in merged


def test_corpus_links_generic_names_of_two_articles_stay_two():
    merged = nodes(article("a1", ("City Council", "Organization")), article("a2", ("City Council", "Organization")))
    assert sorted(merged) == ["local/a1/city-council", "local/a2/city-council"]


def _titled(article_id: str, name: str, title: str) -> list[Entity]:
    m = Mention(text=name, start=0, end=len(name), type="Person", is_named=True, title=title, cues=("title",))
    return cluster_mentions(article_id, [m])[0]


def test_corpus_links_title_picks_the_one_rival_with_that_title():
    merged = nodes(_titled("a1", "Joe Biden", "Vice President"), _titled("a2", "Jill Biden", "First Lady"),
                   _titled("a3", "Biden", "President"))
    joe = node_of(merged, "Joe Biden")
    assert "person/a3/biden" in joe.same_as and "corpus-surname-role" in joe.rules
    assert node_of(merged, "Jill Biden").articles == ("a2",)


def test_corpus_links_title_shared_by_two_rivals_decides_nothing():
    merged = nodes(_titled("a1", "George Bush", "President"), _titled("a2", "Jeb Bush", "Governor"),
                   _titled("a3", "Laura Bush", "President"), _titled("a4", "Bush", "President"))
    assert "person/a4/bush" in merged


def _taliban_article(article_id: str, spokesman: str) -> list[Entity]:
    return article(article_id, (spokesman, "Person"), ("Taliban", "Organization"), ("Kabul", "Place"))


def test_corpus_links_spelling_variant_joins_one_person_written_two_ways():
    """ "Zabiullah Mujahid" and "Zabihullah Mujahid", each written beside the Taliban and Kabul: one node."""
    merged = nodes(_taliban_article("a1", "Zabiullah Mujahid"), _taliban_article("a2", "Zabihullah Mujahid"),
                   _taliban_article("a3", "Zabiullah Mujahid"))
    node = node_of(merged, "Zabiullah Mujahid")
    assert "Zabihullah Mujahid" in node.aliases and "spelling-variant" in node.rules
    assert any(k.startswith("zabihullah") for k in node.same_as)


def test_corpus_links_spelling_variant_needs_a_shared_neighbourhood():
    """The same two spellings in articles about different things stay two nodes."""
    merged = nodes(_taliban_article("a1", "Zabiullah Mujahid"),
                   article("a2", ("Zabihullah Mujahid", "Person"), ("Apple", "Organization"), ("Paris", "Place")))
    assert node_of(merged, "Zabiullah Mujahid").key != node_of(merged, "Zabihullah Mujahid").key


@pytest.mark.parametrize("a, b", [
    ("Michael Schmidt", "Michaela Schmidt"),     # two given names the list knows: two people
    ("Ali Hassan", "Alo Hassan"),                # too short to tell a spelling from another name
    ("Zabiullah Mujahid", "Habiullah Mujahid"),  # another first letter
    ("Carlo Rossi", "Carlos Rossi"),             # one given name the other with a longer ending
    ("Gordon Brown", "Gordon Browns"),           # one surname the other with a longer ending
])
def test_corpus_links_spelling_variant_guards(a, b):
    merged = nodes(_taliban_article("a1", a), _taliban_article("a2", b))
    assert node_of(merged, a).key != node_of(merged, b).key


def test_corpus_links_spelling_variant_with_a_rival_stays_apart():
    """Three near spellings: no telling which two are one person."""
    merged = nodes(_taliban_article("a1", "Zabiullah Mujahid"), _taliban_article("a2", "Zabihullah Mujahid"),
                   _taliban_article("a3", "Zabiullaah Mujahid"))
    keys = {node_of(merged, n).key for n in ("Zabiullah Mujahid", "Zabihullah Mujahid", "Zabiullaah Mujahid")}
    assert len(keys) == 3


def test_corpus_links_surname_joins_the_rival_whose_neighbourhood_it_shares():
    """ "Biden" beside Sanders, the Democratic Party and South Carolina joins Joe Biden, written beside them
    elsewhere, not Jill Biden, written beside other names."""
    joe = article("a1", ("Joe Biden", "Person"), ("Bernie Sanders", "Person"), ("Democratic Party", "Organization"),
                  ("South Carolina", "Place"))
    jill = article("a2", ("Jill Biden", "Person"), ("Delaware", "Place"), ("Wilmington", "Place"))
    bare = article("a3", ("Biden", "Person"), ("Bernie Sanders", "Person"), ("Democratic Party", "Organization"),
                   ("South Carolina", "Place"))
    again = article("a4", ("Joe Biden", "Person"), ("Iowa", "Place"))
    merged = nodes(joe, jill, bare, again)
    node = node_of(merged, "Joe Biden")
    assert "Biden" in node.aliases and "corpus-surname-neighbourhood" in node.rules
    assert node_of(merged, "Jill Biden").key != node.key


def test_corpus_links_surname_with_rivals_in_one_neighbourhood_stays_local():
    """Both rivals written beside the same names as the bare surname: no telling which one it is."""
    joe = article("a1", ("Joe Biden", "Person"), ("Bernie Sanders", "Person"), ("Democratic Party", "Organization"),
                  ("South Carolina", "Place"))
    jill = article("a2", ("Jill Biden", "Person"), ("Bernie Sanders", "Person"), ("Democratic Party", "Organization"),
                   ("South Carolina", "Place"))
    bare = article("a3", ("Biden", "Person"), ("Bernie Sanders", "Person"), ("Democratic Party", "Organization"),
                   ("South Carolina", "Place"))
    merged = nodes(joe, jill, bare)
    local = [e for e in merged.values() if e.label == "Biden"]
    assert len(local) == 1 and local[0].key.startswith("person/")


def test_corpus_links_given_name_alone_stays_local_whatever_its_neighbourhood():
    """ "Khawaja's son Omar" beside the Taliban and Pakistan is not Mullah Mohammed Omar."""
    omar = article("a1", ("Mohammed Omar", "Person"), ("Taliban", "Organization"), ("Pakistan", "Place"),
                   ("Kabul", "Place"))
    again = article("a2", ("Mohammed Omar", "Person"), ("Taliban", "Organization"))
    rival = article("a3", ("Ilhan Omar", "Person"), ("Minnesota", "Place"))
    son = article("a4", ("Omar", "Person"), ("Taliban", "Organization"), ("Pakistan", "Place"), ("Kabul", "Place"))
    merged = nodes(omar, again, rival, son)
    assert "person/a4/omar" in merged


def test_corpus_links_bare_given_name_does_not_join_the_one_person_of_that_surname():
    """"Jonathan said" in an article on Jonathan Ross is no "Goodluck Jonathan", though the corpus has one
    person of that surname: a given name alone may be anyone."""
    merged = nodes(article("a1", ("Goodluck Jonathan", "Person"), ("Nigeria", "Place")),
                   article("a2", ("Jonathan", "Person"), ("BBC", "Organization")))
    assert node_of(merged, "Jonathan").key == "person/a2/jonathan"


def test_corpus_links_bare_given_name_joins_with_a_shared_neighbourhood():
    """Three of the bare name's article's other names written beside the one person of that surname too."""
    near = (("Nigeria", "Place"), ("Abuja", "Place"), ("People's Democratic Party", "Organization"))
    merged = nodes(article("a1", ("Goodluck Jonathan", "Person"), *near), article("a2", ("Jonathan", "Person"), *near))
    jonathan = node_of(merged, "Jonathan")
    assert jonathan.key == "goodluck-jonathan" and "corpus-surname-neighbourhood" in jonathan.rules


def test_corpus_links_bare_surname_that_is_no_given_name_joins_the_one_person():
    merged = nodes(article("a1", ("Barack Obama", "Person")), article("a2", ("Obama", "Person")))
    assert node_of(merged, "Obama").key == "barack-obama"


def test_corpus_links_one_word_ner_person_is_the_corpus_thing_of_that_name():
    """ "Twitter" NER called a person in one article is the corpus's product "Twitter" (three articles):
    one node, of the corpus's type, the local IRI kept as owl:sameAs."""
    merged = nodes(*(article(f"a{i}", ("Twitter", "Product")) for i in range(1, 4)), article("a4", ("Twitter", "Person")))
    twitter = merged["twitter"]
    assert "person/a4/twitter" not in merged
    assert twitter.type == "Product" and "corpus-name" in twitter.rules and "person/a4/twitter" in twitter.same_as


@pytest.mark.parametrize("local, others", [
    (("Johnson", "Person"), [("Boris Johnson", "Person")]),     # a surname of a person of the corpus
    (("Daniel", "Person"), []),                                  # a given name
], ids=["surname", "given-name"])
def test_corpus_links_one_word_person_guards(local, others):
    things = [article(f"a{i}", (local[0], "Organization")) for i in range(1, 4)]
    merged = nodes(*things, article("a4", local), article("a5", *others) if others else [])
    assert f"person/a4/{local[0].lower()}" in merged


def test_corpus_links_one_word_person_with_a_title_stays_local():
    """Guard: "President Harper" is a person whatever the corpus calls "Harper"."""
    harper = Mention(text="Harper", start=0, end=6, type="Person", is_named=True, title="President")
    local = cluster_mentions("a4", [harper])[0]
    merged = nodes(*(article(f"a{i}", ("Harper", "Organization")) for i in range(1, 4)), local)
    assert "person/a4/harper" in merged


def test_corpus_links_one_word_person_against_as_little_evidence_stays_local():
    """Guard: one article's "Xinhua" place against another's "Xinhua" person: no more evidence either way."""
    merged = nodes(article("a1", ("Xinhua", "Place")), article("a2", ("Xinhua", "Person")))
    assert "person/a2/xinhua" in merged


def test_corpus_links_one_word_person_never_joins_a_name_of_no_type():
    """Guard: "everyone at Virgin" is no "Virgin" the corpus never typed (a grotto of the Virgin elsewhere)."""
    merged = nodes(*(article(f"a{i}", ("Virgin", "Entity")) for i in range(1, 4)), article("a4", ("Virgin", "Person")))
    assert "person/a4/virgin" in merged


@pytest.mark.parametrize("people, joins", [(3, True), (2, False)], ids=["recurring", "guard-two-articles"])
def test_corpus_links_recurring_one_word_person_joins_a_recurring_name_of_no_type(people, joins):
    """ "Twitter" untyped in three articles and a person by NER alone in three others is one thing NER is unsure
    of: one node, untyped; in only two articles a person, the guard above holds."""
    untyped = [article(f"a{i}", ("Twitter", "Entity")) for i in range(1, 4)]
    merged = nodes(*untyped, *(article(f"p{i}", ("Twitter", "Person")) for i in range(people)))
    assert ("person/p0/twitter" not in merged) is joins
    if joins:
        assert merged["twitter"].type == "Entity" and "corpus-name" in merged["twitter"].rules


@pytest.mark.parametrize("full, joins", [
    ("Chile Wikinews", False),      # a place first (NER ran over a dateline): no full name for "Wikinews"
    ("Georgia Wikinews", True),     # guard: a place that is also a given name may start a person's name
], ids=["place-first", "given-name-place"])
def test_corpus_links_bare_surname_never_joins_a_name_beginning_with_a_place(full, joins):
    merged = nodes(article("a1", (full, "Person")), article("a2", ("Wikinews", "Person")))
    assert ("person/a2/wikinews" not in merged) is joins


def _acronym_article(article_id: str, name: str, acronym: str, *others: tuple[str, str]) -> list[Entity]:
    """An article writing "Name (ACR)": the acronym joins the name there; ``others``: more names of it."""
    ms = [Mention(text=name, start=0, end=len(name), type="Organization", is_named=True),
          Mention(text=acronym, start=len(name) + 2, end=len(name) + 2 + len(acronym), type="Organization",
                  is_named=True)]
    ms += [Mention(text=t, start=1000 + i * 100, end=1000 + i * 100 + len(t), type=k, is_named=True)
           for i, (t, k) in enumerate(others)]
    return cluster_mentions(article_id, ms)[0]


QUAKE = (("Chile", "Place"), ("Pichilemu", "Place"))


def test_corpus_links_acronym_alone_joins_the_one_name_the_corpus_spells_it_out_as():
    merged = nodes(_acronym_article("a1", "United States Geological Survey", "USGS", *QUAKE),
                   _acronym_article("a3", "U.S. Geological Survey", "USGS"),     # one name, joined by country-prefix
                   article("a2", ("USGS", "Organization"), *QUAKE))
    usgs = node_of(merged, "USGS")
    assert usgs.label == "United States Geological Survey" and "corpus-acronym" in usgs.rules
    assert "usgs" in usgs.same_as


def test_corpus_links_acronym_in_another_neighbourhood_stays_apart():
    """A corpus that spells out only "Australian Federal Police (AFP)" may write "AFP" for the news agency."""
    merged = nodes(_acronym_article("a1", "Australian Federal Police", "AFP", ("Sydney", "Place"), ("Canberra", "Place")),
                   article("a2", ("AFP", "Organization"), *QUAKE))
    assert "afp" in merged and "corpus-acronym" not in merged["afp"].rules


def test_corpus_links_acronym_of_two_names_stays_apart():
    merged = nodes(_acronym_article("a1", "Intergovernmental Panel on Climate Change", "IPCC"),
                   _acronym_article("a2", "Independent Police Complaints Commission", "IPCC"),
                   article("a3", ("IPCC", "Organization")))
    assert "ipcc" in merged and "corpus-acronym" not in merged["ipcc"].rules


def test_corpus_links_acronym_alone_never_joins_as_a_place():
    merged = nodes(_acronym_article("a1", "Press Association", "PA"), article("a2", ("PA", "Place")))
    assert "pa" in merged and "corpus-acronym" not in merged["pa"].rules


@pytest.mark.parametrize("qualified, bare, joined", [
    pytest.param("Detroit, Michigan", "Detroit", True, id="biggest-us-city-of-the-name-in-that-state"),
    pytest.param("Portland, Maine", "Portland", False, id="biggest-portland-is-in-oregon"),
    pytest.param("Paris, Texas", "Paris", False, id="paris-texas-is-not-paris"),
    pytest.param("Pichilemu, Chile", "Pichilemu", True, id="unlisted-place-one-region"),
    pytest.param("Salvador, Kenya", "Salvador", False, id="listed-city-of-another-country"),
    pytest.param("North-West Frontier Province, Pakistan", "North West Frontier Province", True, id="hyphen"),
])
def test_corpus_links_place_with_its_region_joins_the_bare_place(qualified, bare, joined):
    merged = nodes(article("a1", (qualified, "Place")), article("a2", (bare, "Place")))
    assert (len(merged) == 1) is joined
    if joined:
        assert "place-region" in node_of(merged, qualified).rules


def test_corpus_links_place_written_with_two_regions_stays_apart():
    merged = nodes(article("a1", ("Pichilemu, Chile", "Place")), article("a2", ("Pichilemu, Peru", "Place")),
                   article("a3", ("Pichilemu", "Place")))
    assert len(merged) == 3


def test_corpus_links_place_region_country_by_any_of_its_names():
    merged = nodes(article("a1", ("Pichilemu, Chile", "Place")), article("a2", ("Pichilemu, Republic of Chile", "Place")),
                   article("a3", ("Pichilemu", "Place")))
    assert len(merged) == 1


def test_corpus_links_surname_with_and_without_the_arabic_article_is_one_person():
    merged = nodes(article("a1", ("Muammar al-Gaddafi", "Person")), article("a2", ("Muammar Gaddafi", "Person")),
                   article("a3", ("Hannibal Gaddafi", "Person")))
    assert node_of(merged, "Muammar al-Gaddafi") is node_of(merged, "Muammar Gaddafi")
    assert node_of(merged, "Hannibal Gaddafi") is not node_of(merged, "Muammar Gaddafi")    # guard: his son


def test_corpus_links_a_region_of_the_corpus_is_no_qualified_place():
    """ "Turkey, Lebanon" is a list when the corpus also writes "Istanbul, Turkey"."""
    merged = nodes(article("a1", ("Wonthaggi, Lebanon", "Place")), article("a2", ("Wonthaggi", "Place")),
                   article("a3", ("Pichilemu, Wonthaggi", "Place")))
    assert "place-region" not in node_of(merged, "Wonthaggi").rules


def test_corpus_links_spelling_variant_romanized_given_name():
    """ "Dmitri Medvedev" and "Dmitry Anatolyevich Medvedev", beside the same names: one person."""
    merged = nodes(_taliban_article("a1", "Dmitri Medvedev"), _taliban_article("a2", "Dmitry Anatolyevich Medvedev"),
                   _taliban_article("a3", "Dmitry Anatolyevich Medvedev"))
    node = node_of(merged, "Dmitry Anatolyevich Medvedev")
    assert node is node_of(merged, "Dmitri Medvedev") and "spelling-variant" in node.rules


@pytest.mark.parametrize("a, b", [
    ("Terry Smith", "Terri Smith"),                         # two given names of two genders
    ("Dmitri Ivanovich Petrov", "Dmitry Sergeyevich Petrov"),   # two different middle names
])
def test_corpus_links_romanized_given_name_guards(a, b):
    merged = nodes(_taliban_article("a1", a), _taliban_article("a2", b))
    assert node_of(merged, a).key != node_of(merged, b).key


def test_corpus_links_romanized_given_name_needs_a_shared_neighbourhood():
    merged = nodes(_taliban_article("a1", "Sergei Ivanov"),
                   article("a2", ("Sergey Ivanov", "Person"), ("Apple", "Organization"), ("Paris", "Place")))
    assert node_of(merged, "Sergei Ivanov").key != node_of(merged, "Sergey Ivanov").key


def test_corpus_links_three_romanizations_of_one_given_name_are_one_person():
    merged = nodes(_taliban_article("a1", "Dmitri Medvedev"), _taliban_article("a2", "Dmitriy Medvedev"),
                   _taliban_article("a3", "Dmitry Medvedev"), _taliban_article("a4", "Dmitry Medvedev"))
    node = node_of(merged, "Dmitry Medvedev")
    assert node is node_of(merged, "Dmitri Medvedev") is node_of(merged, "Dmitriy Medvedev")


def test_corpus_links_one_acronym_spelled_out_with_of_and_for_is_one_organization():
    merged = nodes(_acronym_article("a1", "Department for Work and Pensions", "DWP"),
                   _acronym_article("a2", "Department of Work and Pensions", "DWP"))
    node = node_of(merged, "Department for Work and Pensions")
    assert node is node_of(merged, "Department of Work and Pensions") and "same-acronym" in node.rules


def test_corpus_links_of_and_for_with_two_acronyms_stay_two():
    merged = nodes(_acronym_article("a1", "Institute of Asian Studies", "IOAS"),
                   _acronym_article("a2", "Institute for Asian Studies", "IAS"))
    assert node_of(merged, "Institute of Asian Studies").key != node_of(merged, "Institute for Asian Studies").key


def _afghan_article(article_id: str, name: str) -> list[Entity]:
    return article(article_id, (name, "Organization"), ("Kabul", "Place"), ("Hamid Karzai", "Person"))


def test_corpus_links_organization_written_with_other_vowels_is_one():
    merged = nodes(_afghan_article("a1", "Taliban"), _afghan_article("a2", "Taliban"), _afghan_article("a3", "Taleban"))
    node = node_of(merged, "Taliban")
    assert node is node_of(merged, "Taleban") and "spelling-variant" in node.rules and node.label == "Taliban"


@pytest.mark.parametrize("a, b", [
    ("Bharat", "Bharti"),       # a consonant moved, not a vowel changed
    ("Iran Air", "Iraq Air"),   # a consonant changed
    ("Fata", "Fate"),           # too short to tell a spelling from another name
])
def test_corpus_links_organization_spelling_guards(a, b):
    merged = nodes(_afghan_article("a1", a), _afghan_article("a2", b))
    assert node_of(merged, a).key != node_of(merged, b).key


def test_corpus_links_organization_spelling_needs_a_shared_neighbourhood():
    merged = nodes(_afghan_article("a1", "Taliban"),
                   article("a2", ("Taleban", "Organization"), ("Apple", "Organization"), ("Paris", "Place")))
    assert node_of(merged, "Taliban").key != node_of(merged, "Taleban").key


def test_organization_spelling_candidates_are_those_of_every_two_names_compared() -> None:
    """The candidates grouped by other words and vowel-masked word are exactly the pairs that comparing every two
    names of one shape finds (differing in one word only, a vowel variant): first letters that are vowels, a
    difference in two words, the same name twice, words too short, a consonant changed."""
    from kg.resolve import corpus_links as cl

    labels = ["Taleban", "Taliban", "Tolibon", "Hezbollah Party", "Hizbollah Party", "Hizbollah Parti",
              "Hezbollah Front", "Qaeda", "Qaida", "Al Qaeda Group", "Al Qaida Group", "Abcde Union", "Ebcde Union",
              "Ubcde Union", "Taliban", "Kabul Bank", "Kabil Bank", "Kabul Banc", "Tarleban", "Talaban Council"]
    entities = {f"org{i}": Entity(key=f"org{i}", label=label, type="Organization") for i, label in enumerate(labels)}
    entities["concept/x"] = Entity(key="concept/x", label="Taleben", type="Organization")
    entities["place1"] = Entity(key="place1", label="Talibon", type="Place")
    seen: dict[str, set[str]] = {}

    def keep(candidates, entities, neighbours, links):
        seen.update({k: set(v) for k, v in candidates.items()})
        return links

    orgs = [(k, tuple(e.label.casefold().split())) for k, e in entities.items()
            if "/" not in k and e.type == "Organization"]
    expected: dict[str, set[str]] = {}
    for i, (a, wa) in enumerate(orgs):
        for b, wb in orgs[i + 1:]:
            differ = [(x, y) for x, y in zip(wa, wb) if x != y]
            if len(wa) == len(wb) and len(differ) == 1 and cl._vowel_variant(*differ[0]):
                expected.setdefault(a, set()).add(b)
                expected.setdefault(b, set()).add(a)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cl, "_only_variants", keep)
        cl.organization_spellings(entities, neighbours=lambda key: set())
    assert seen == expected and len(expected) >= 8
