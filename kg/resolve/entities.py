"""In-article entity clustering: names, short forms, acronyms and aliases become one local entity.

Rules (each recorded on the entity as the reason for a merge, so a user can audit or undo it):

* ``same-name``: the same normalized name ("U.S." and "US"; a noun phrase "Indonesian navy" and the
  named "Indonesian Navy" of the same article);
* ``alias-table``: names the curated alias table maps to one canonical name ("US", "the United States");
* ``surname``: a one-word name equal to the last word of the one person named in full ("Shaheen");
* ``surname-introduced``: with several people of that surname in the article, the one whose full name alone
  was written before the surname's first use ("Joe Biden ... Biden ... his son Hunter Biden ... Biden");
* ``acronym``: an all-capitals name equal to the initials of one longer name of the article ("ETIM");
* ``acronym`` also: an all-capitals name that starts one longer brand name ("CBC" -> "CBC News");
* ``acronym-in-parentheses``: an acronym written in parentheses after a name, or the name in parentheses
  after it ("Italian Episcopal Conference (CEI)"), each of its letters an initial of the name's words, in
  any order (a foreign-language acronym); never a credit ("(AP)") or a place ("(Texas)");
* ``short-form``: a name equal to the last words of one longer, non-person name of a compatible type
  ("Firefox" -> "Mozilla Firefox", "Home Office" -> "United Kingdom Home Office"; never across "of" or
  a compass word: "Sheffield" is not "University of Sheffield", "Los Angeles" not "East Los Angeles"),
  a run of words inside one longer organization name ("Supreme Court"), "the North" -> "North Korea",
  "Freedom" -> "Freedom Magazine", and "State of X" -> "X";
* ``name-and-noun``: a noun phrase made of a name and a noun saying what it is ("the M5S party");
* ``place-region``: a place named with its state or country ("Chicago, Illinois") and the place alone
  ("Chicago") in the same article; across articles only where the corpus is sure (corpus_links: Paris, Texas is not Paris).

Every rule needs exactly one candidate; two candidates leave the names apart.

Short forms are resolved only inside one article. A bare surname that no full name explains keeps an
article-local key, so two different "Smith"s in two articles never become one node.

An entity's type is the majority type of all its named mentions (NER is often wrong on one of them).
Unnamed noun phrases become article-local concept nodes so that two different "attacks" in two articles
are never fused.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from kg.models import Entity, Mention
from kg.ontology import cue_words
from kg.names import canonical_alias, normalize_name, role_label, same_country
from kg.resolve.type_vote import TYPE_PRIORITY, as_pairs, decide, mention_votes

_STOP = {"of", "the", "and", "for", "in", "on", "at", "to", "&", "de"}
COMPASS = cue_words("compass-word")
# "CBC News" is CBC; "NASA Administrator" is a person
_BRAND_WORDS = cue_words("brand-word")
_ORG_NOUNS = cue_words("org-noun")
# "East Los Angeles" is not "Los Angeles", "University of Sheffield" is not "Sheffield"
_PREFIX_STOP = COMPASS | cue_words("direction-word") | {"of", "at", "in", "for", "and", "&"}
# a compass adjective before a name makes it another place, whatever the rest is: "Southern Europe" is not
# "Europe", "Western Sahara" not "Sahara" (unlisted places, which the place guard above does not see); a bare
# compass word may start a country's name that news shortens ("South Korea" ... "Korea")
_COMPASS_PREFIX = {f"{w}ern" for w in (*COMPASS, "northeast", "northwest", "southeast", "southwest")}
# ("Lake Ontario" is no longer name of the province Ontario: the "lake" test below)
# a continent is always itself: "Africa" is no short form of "South Africa" or "Central African Republic"
CONTINENTS = cue_words("continent")
# "State of Texas" is Texas; "City of New York" is not the State of New York, "City of London" not London
_STATE_OF = re.compile(r"^(?:state|republic|kingdom|commonwealth) of (.+)$")
# types that may name one thing (organizations are often tagged as places and the other way round)
_COMPATIBLE = [{"Organization", "Place", "Group", "Product", "Work", "Event", "Law", "Entity"}]


@lru_cache(maxsize=65536)   # names and article ids repeat across an article's mentions and entities
def slug(text: str, *, limit: int = 60) -> str:
    """An IRI-safe key part: lowercase ASCII letters, digits and hyphens (a hash when nothing is left).

    >>> slug("the U.S. State Department")
    'us-state-department'
    >>> slug("Recep Tayyip Erdoğan")
    'recep-tayyip-erdogan'
    """
    name = normalize_name(text)
    # transliterate letters with diacritics ("Ça" -> "ca", "Erdoğan" -> "erdogan") instead of dropping them
    ascii_form = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    value = re.sub(r"[^a-z0-9]+", "-", ascii_form).strip("-")
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    if not value:
        return f"x{digest}"
    if len(value) > limit:
        return f"{value[:limit].rstrip('-')}-{digest}"
    return value


@lru_cache(maxsize=65536)   # asked for every mention of every longer name, and the names recur
def initials(name: str) -> str:
    """Capital initials of the content words: "East Turkestan Islamic Movement" -> "ETIM"."""
    return "".join(w[0] for w in re.findall(r"[\w'-]+", name) if w.lower() not in _STOP).upper()


def local_key(kind: str, article_id: str, name: str) -> str:
    """An article-local key (``concept/<article>/<name>``): never merges with another article."""
    return f"{kind}/{slug(article_id)}/{slug(name)}"


_LEGAL_FORMS = cue_words("legal-form")
_OF_FORM = re.compile(r"^(.*?)\b(department|ministry|bureau) of (?:the )?(.+)$")


def key_name(name: str) -> str:
    """The name a key is made of: "Department of X" is written "X Department" ("U.S. Department of Justice"
    -> "us justice department"), so the two spellings of one department are one key; a company's legal form
    is left out ("Apple Inc." -> "apple").

    >>> key_name("U.S. Department of Justice"), key_name("Justice Department"), key_name("Apple Inc.")
    ('us justice department', 'justice department', 'apple')
    """
    if ", " in name:    # "Sydney, Australia" is Sydney; "Paris, Texas" is not Paris
        place, region = name.split(", ", 1)
        if same_country(place, region):
            name = place
    norm = normalize_name(name)
    words = norm.split()
    if len(words) > 1 and words[-1] in _LEGAL_FORMS:
        norm = " ".join(words[:-1])     # "Apple Inc." is Apple
    m = _OF_FORM.match(norm)
    if m and " of " not in m.group(3) and " and " not in m.group(3):
        return " ".join(f"{m.group(1)} {m.group(3)} {m.group(2)}".split())
    return norm


def entity_key(mention: Mention, article_id: str) -> str:
    """Global key of a mention's entity before short-form rules; named things by name, concepts per article."""
    if mention.is_named:
        return _named_key(mention.text)
    return local_key("concept", article_id, mention.text)


@lru_cache(maxsize=65536)   # a name recurs across an article's mentions and the resolution passes
def _named_key(text: str) -> str:
    alias = canonical_alias(text)
    return slug(key_name(alias[0] if alias else text))


def compatible(a: str, b: str) -> bool:
    """True when two entity types may describe one thing (Person only matches Person)."""
    if a == b:
        return True
    return any(a in group and b in group for group in _COMPATIBLE)


def _same_family(a: str, b: str) -> bool:
    """Types close enough for a short form: equal, or both non-place names of organizations and things."""
    if "Place" in (a, b) or "Person" in (a, b):
        return a == b
    return compatible(a, b)


def _majority_type(mentions: Sequence[Mention]) -> str:
    """The type the mentions' NER labels and cues elect (:mod:`kg.resolve.type_vote`)."""
    return decide(mention_votes(mentions), {m.text for m in mentions if m.is_named}, specific=False)


def label_of(names: Counter[str]) -> str:
    """The name a reader knows it by: the alias table's canonical name when it is among the names; else the
    most complete frequent name (most words first, then most frequent, then alphabetical), where a formal
    "State of X" / "Republic of X" yields to the X it names.

    Names starting with a capital letter win over lower-case spellings of the same length.

    >>> label_of(Counter({"State of France": 1, "France": 3})), label_of(Counter({"Trump": 5, "Donald Trump": 1}))
    ('France', 'Donald Trump')
    >>> label_of(Counter({"Apple Inc.": 2, "Apple": 9}))
    'Apple'
    """
    canonical = {alias[0] for n in names if (alias := canonical_alias(n))}
    listed = [n for n in names if n in canonical]
    if len(listed) == 1:
        return listed[0]
    plain = {normalize_name(n) for n in names}

    def formal(n: str) -> bool:
        """"State of France", "London, United Kingdom", "Apple Inc." when "France", "London", "Apple" are there."""
        norm = normalize_name(n)
        m = _STATE_OF.match(norm)
        return bool(m) and m.group(1) in plain or ", " in n and normalize_name(n.split(", ")[0]) in plain or (
            len(norm.split()) > 1 and norm.split()[-1] in _LEGAL_FORMS and " ".join(norm.split()[:-1]) in plain)
    return sorted(names, key=lambda n: (formal(n), -len(n.split()), not n[:1].isupper(),
                                        n.isupper() and len(n) > 5, -names[n], n))[0]


def _words(text: str) -> list[str]:
    return normalize_name(text).split()


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    from kg.names import place_names

    return frozenset(normalize_name(n) for n in place_names())


class _NameIndex:
    """Keys of the longer names by their first word, last word, inner words, "state of X" part and acronym.

    Built once per article, so looking up the longer names a short form may abbreviate costs a few set
    lookups instead of a walk over every name of the article per name (quadratic on long articles).
    """

    def __init__(self, longer: dict[str, tuple[str, set[tuple[str, ...]]]],
                 by_key: dict[str, list[Mention]]) -> None:
        self.longer = longer
        self.first: dict[str, set[str]] = defaultdict(set)
        self.last: dict[str, set[str]] = defaultdict(set)
        self.inner: dict[str, set[str]] = defaultdict(set)
        self.state_of: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self.initials: dict[str, list[Mention]] = defaultdict(list)
        # the words after a name's comma ("Islandbank Road, Inverness", "Sale, Maffra"): a place it lies in or
        # the next item of a list, never a short form of the name
        self.after_comma: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for k, ms in by_key.items():
            for m in ms:
                if ", " in m.text:
                    self.after_comma[k].add(tuple(_words(m.text.rsplit(", ", 1)[1])))
        for k, (_, names) in longer.items():
            for ws in names:
                if ws:
                    self.first[ws[0]].add(k)
                    self.last[ws[-1]].add(k)
                for w in ws[1:]:
                    self.inner[w].add(k)
                if m := _STATE_OF.match(" ".join(ws)):
                    self.state_of[tuple(m.group(1).split())].add(k)
        for ms in by_key.values():
            for m in ms:
                self.initials[initials(m.text)].append(m)

    def items(self, candidates: set[str]) -> list[tuple[str, tuple[str, set[tuple[str, ...]]]]]:
        return [(k, self.longer[k]) for k in sorted(candidates)]


@lru_cache(maxsize=1)
def _big_places() -> frozenset[str]:
    """Normalized names of places of a million people or more, built once (it was rebuilt per call)."""
    from kg.names import place_names

    return frozenset(normalize_name(n) for n in place_names(min_population=1_000_000))


def _known_place(word_list: list[str]) -> bool:
    from kg.names import is_known_place

    return " ".join(word_list) in _big_places() or is_known_place(" ".join(word_list))


def _short_form_targets(word_list: list[str], kind: str, key: str, index: _NameIndex, *, acronym: bool = False
                        ) -> tuple[list[str], str]:
    """Keys of longer names that ``word_list`` is a short form of, and the rule that found them."""
    n = len(word_list)
    if not n:
        return [], "state-of"
    first, last = word_list[0], word_list[-1]
    known_place = " ".join(word_list) in _place_words()
    # "House" is not "White House", "Canada" is not "Fan Expo Canada"
    blocked = n == 1 and word_list[0] in cue_words("generic-word") or _known_place(word_list) \
        or " ".join(word_list) in CONTINENTS
    campaign = cue_words("campaign-word")
    # a campaign is not its target ("Trump" is not "Never Trump")
    suffix = [] if blocked else sorted({
        k for k, (t, names) in index.items(index.last[last]) if k != key and t != "Person" and _same_family(t, kind)
                     and any(len(ws) > n and not campaign & set(ws[:-n]) and list(ws[-n:]) == word_list and not (
                         _PREFIX_STOP & set(ws[:-n]) and (known_place or {"of", "at", "in", "for"} & set(ws[:-n])))
                             and not _COMPASS_PREFIX & set(ws[:-n]) and not (t == "Place" and "lake" in ws[:-n])
                             for ws in names) and tuple(word_list) not in index.after_comma.get(k, ())})
    if suffix:
        return suffix, "short-form"
    infix = [] if blocked else sorted({
        k for k, (t, names) in index.items(index.inner[first]) if k != key and n > 1 and t not in ("Person", "Place")
                    and _same_family(t, kind) and any(
                        len(ws) > n and any(list(ws[i:i + n]) == word_list for i in range(1, len(ws) - n + 1))
                        for ws in names)})
    if infix:
        return infix, "short-form"
    if n == 1 and not blocked and kind in ("Organization", "Entity", "Work", "Product") and (
            acronym or word_list[0] not in _place_words()):
        prefix = sorted({k for k, (t, names) in index.items(index.first[first]) if k != key and t in ("Organization", "Work")
                         and any(len(ws) > 1 and ws[0] == word_list[0] and set(ws[1:]) <= _BRAND_WORDS
                                 for ws in names)})
        if prefix:
            return prefix, "acronym" if acronym else "short-form"    # "CBC" -> "CBC News"
    if n == 1 and word_list[0] in COMPASS:
        compass = sorted({k for k, (t, names) in index.items(index.first[first]) if k != key and t == "Place"
                        and any(len(ws) == 2 and ws[0] == word_list[0] for ws in names)})
        if compass:
            return compass, "short-form"
    state_of = sorted({k for k, (t, names) in index.items(index.state_of[tuple(word_list)])
                       if k != key and compatible(t, kind)
                       and any((m := _STATE_OF.match(" ".join(ws))) and m.group(1).split() == word_list
                               for ws in names)})
    return state_of, "state-of"


def parenthesised_acronyms(mentions: Sequence[Mention], text: str) -> dict[str, str]:
    """Acronyms written in parentheses right after a name, or a name in parentheses right after its acronym:
    "Italian Episcopal Conference (CEI)", "CEI (Italian Episcopal Conference)"; acronym mention key -> name
    mention key.

    The writer says the two are one, so the acronym's letters need not spell the name's initials in order
    (a foreign-language acronym: "Conferenza Episcopale Italiana"), but each of them must be the initial of
    one of the name's words: a news agency's credit ("Federal Reserve (AP)") or a state after a name
    ("Dallas (Texas)") is no acronym of it; a person or a place is never expanded so.
    """
    named = [m for m in mentions if m.is_named and not m.is_pronoun]
    by_end: dict[int, list[Mention]] = defaultdict(list)
    by_start: dict[int, list[Mention]] = defaultdict(list)
    for m in named:
        by_end[m.end].append(m)
        by_start[m.start].append(m)
    out: dict[str, str] = {}
    for m in named:
        letters = m.text.replace(".", "")
        if not (letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 6) or m.type in ("Person", "Place"):
            continue
        before = [n for n in by_end.get(m.start - 2, ()) if text[n.end:m.start] == " (" and text[m.end:m.end + 1] == ")"]
        after = [n for n in by_start.get(m.end + 2, ()) if text[m.end:n.start] == " (" and text[n.end:n.end + 1] == ")"]
        for n in sorted(before + after, key=lambda n: n.start - n.end):    # the longest name first
            words = re.findall(r"[^\W\d_]+", n.text)
            if len(words) > 1 and n.type not in ("Person", "Place") and set(letters) <= {w[0].upper() for w in words}:
                out[m.key] = n.key
                break
    return out


def cluster_mentions(article_id: str, mentions: Sequence[Mention], *, acronyms: Mapping[str, str] | None = None
                     ) -> tuple[list[Entity], dict[str, str]]:
    """Group one article's mentions into entities.

    ``acronyms``: acronym mention key -> name mention key where the article wrote them as one
    (:func:`parenthesised_acronyms`).

    Returns:
        (entities, mention key -> entity key); the merge rules used are on each ``Entity.rules``
    """
    keys: dict[str, str] = {}
    rules: dict[str, set[str]] = defaultdict(set)
    by_key: dict[str, list[Mention]] = defaultdict(list)
    mentions = surnames_alone(mentions)
    for m in mentions:
        if m.is_pronoun:
            continue
        key = entity_key(m, article_id)
        keys[m.key] = key
        by_key[key].append(m)
        alias = canonical_alias(m.text) if m.is_named else None
        if alias and normalize_name(m.text) != normalize_name(alias[0]):
            rules[key].add("alias-table")
    # a noun phrase spelled like a name of the same article is that name ("Indonesian navy")
    named_norm = {normalize_name(m.text): keys[m.key] for m in mentions if m.is_named and not m.is_pronoun}
    for key, ms in list(by_key.items()):
        if key.startswith("concept/") and (target := named_norm.get(normalize_name(ms[0].text))):
            _move(by_key, keys, rules, key, target, "same-name")
    # "the M5S party", "the Scientology organization": a name and a noun saying what it is
    named_orgs = {normalize_name(m.text): keys[m.key] for m in mentions if m.is_named and not m.is_pronoun
                  and m.type in ("Organization", "Entity")}
    for key, ms in list(by_key.items()):
        words = _words(ms[0].text)
        if key.startswith("concept/") and len(words) > 1 and words[-1] in _ORG_NOUNS and (
                target := named_orgs.get(" ".join(words[:-1]))) and target in by_key:
            _move(by_key, keys, rules, key, target, "name-and-noun")
    # "Chicago" in an article that says "Chicago, Illinois"
    qualified: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.is_named and m.type == "Place" and ", " in m.text and m.key in keys:
            qualified[normalize_name(m.text.split(", ")[0])].add(keys[m.key])
    for key, ms in list(by_key.items()):
        targets = qualified.get(normalize_name(ms[0].text), set()) - {key}
        if len(targets) == 1 and key in by_key and ", " not in ms[0].text:
            _move(by_key, keys, rules, key, next(iter(targets)), "place-region")
    # short forms: surnames, acronyms and trailing words point at one longer name of the same article
    memo: dict[tuple[int, ...], tuple[Counter[str], str]] = {}

    def majority(ms: list[Mention]) -> tuple[Counter[str], str]:
        """The votes and :func:`_majority_type` of ``ms``, made once per list of mentions (a list that no move
        changed is asked again below)."""
        ids = tuple(map(id, ms))
        made = memo.get(ids)
        if made is None:
            votes = mention_votes(ms)
            made = memo[ids] = (votes, decide(votes, {m.text for m in ms if m.is_named}, specific=False))
        return made

    types = {k: majority(ms)[1] for k, ms in by_key.items()}
    persons = {k: ms for k, ms in by_key.items() if types[k] == "Person" and any(len(m.text.split()) > 1 for m in ms)}
    # "Fedora/Red Hat Enterprise Linux" is two names: "Red Hat" is inside neither
    longer = {k: (types[k], {tuple(_words(part)) for m in ms for part in m.text.split("/") if _words(part)})
              for k, ms in by_key.items() if not k.startswith("concept/") and any(len(_words(m.text)) > 1 for m in ms)}
    index = _NameIndex(longer, by_key)
    surnames: dict[str, set[str]] = defaultdict(set)   # last word -> persons with a mention ending in it
    for k, pms in persons.items():                      # (an index: scanning every person per name was quadratic)
        for pm in pms:
            surnames[bare_surname(_words(pm.text)[-1])].add(k)

    def moved_into(target: str, moved: list[Mention]) -> None:   # keep the index as the persons' lists grow
        if target in persons:
            for m in moved:
                surnames[bare_surname(_words(m.text)[-1])].add(target)

    for key, ms in sorted(by_key.items(), key=lambda kv: len(_words(kv[1][0].text))):
        if key not in by_key or key.startswith("concept/") or not any(m.is_named for m in ms):
            continue
        if any(canonical_alias(m.text) for m in ms):
            continue    # the curated table already decided what this name is
        word_list = _words(ms[0].text)
        kind = types[key]
        targets: list[str] = []
        rule = ""
        if len(word_list) == 1 and not _known_place(word_list):
            targets = sorted(surnames.get(bare_surname(word_list[0]), set()) - {key})
            rule = "surname"
            if len(targets) > 1:
                targets, rule = _introduced_first(targets, ms, persons), "surname-introduced"
        text = ms[0].text.replace(".", "")
        if not targets and acronyms:
            targets = sorted({keys[acronyms[m.key]] for m in ms if m.key in acronyms and acronyms[m.key] in keys}
                             - {key})
            rule = "acronym-in-parentheses"
        if not targets and text.isupper() and 2 <= len(text) <= 6 and len(word_list) == 1:
            near = {keys[m.key] for m in index.initials.get(text, ()) if m.key in keys}
            targets = sorted({k for k, (t, _) in index.items(near & longer.keys()) if k != key and t != "Person"
                              and any(initials(m.text) == text for m in by_key.get(k, []))})
            rule = "acronym"
        if not targets and (kind != "Person" or len(word_list) == 1):
            # a one-word "person" that no person explains is often a product or place NER mistyped
            targets, rule = _short_form_targets(word_list, kind if kind != "Person" else "Product", key, index,
                                                acronym=text.isupper() and len(text) > 1)
        targets = [t for t in targets if t in by_key]
        if len(targets) == 1 and rule == "state-of":
            moved_into(key, by_key[targets[0]])
            _move(by_key, keys, rules, targets[0], key, "short-form")   # "Texas" names "State of Texas"
        elif len(targets) == 1:
            moved_into(targets[0], ms)
            _move(by_key, keys, rules, key, targets[0], rule)
    # a bare one-word person name that no full name explains is local to its article (the corpus merge may
    # still join it to the corpus's one person of that surname); so is a name made only of common words of
    # institutions ("City Council", "Foreign Ministry"): every city and country has one
    for key, ms in list(by_key.items()):
        if "/" in key or not any(m.is_named for m in ms):
            continue
        if majority(ms)[1] == "Person" and all(len(_words(m.text)) == 1 for m in ms):
            _move(by_key, keys, rules, key, local_key("person", article_id, ms[0].text), None)
        elif all(is_generic_name(m.text) or _lone_compass(m.text) for m in ms if m.is_named):
            # "the South" with no "South Korea" to stand for is a different region in every article
            _move(by_key, keys, rules, key, local_key("local", article_id, key_name(ms[0].text)), None)
    entities = []
    for key, ms in sorted(by_key.items()):
        # a name labels its entity; a noun phrase joined to it ("Facebook group") is no name of it, nor is a
        # compass word alone ("the South" stands for South Korea in its article, but "South" is no name of it)
        votes, kind = majority(ms)
        person = kind == "Person"     # "West" is Kanye West's surname
        counts = Counter(m.text for m in ms if m.is_named and (person or not _lone_compass(m.text))) or Counter(
            m.text for m in ms if m.is_named) or Counter(m.text for m in ms)
        label = label_of(counts)
        aliases = tuple(sorted(set(counts) - {label}))
        if len({normalize_name(m.text) for m in ms}) > 1 and not rules[key]:
            rules[key].add("same-name")
        entities.append(Entity(key=key, label=label, type=decide(votes, set(counts), specific=False), aliases=aliases,
                               articles=(article_id,), mentions=len(ms), rules=tuple(sorted(rules[key])),
                               type_votes=as_pairs(votes),
                               roles=tuple(sorted({role_label(m.title) for m in ms if m.title}))))
    return entities, keys


# last words of names of things, never a surname: "Russell Square", "Phoenix Park", "China Daily"
_THING_WORDS = cue_words("generic-word") | cue_words("facility-head") | cue_words("org-suffix") | cue_words("brand-word")


def surnames_alone(mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with the cue ``surname-alone`` on a name that starts with a known given name and whose last
    word the article also writes alone as a person's name, or as an untyped name after a given name and a
    surname ("Fran Crippen" ... "Crippen told his coach"): a writer shortens a person to the surname, hardly
    "Cleveland Indians" to "Indians" (a group) or "Florida Championship Wrestling" to "Wrestling"; never a
    last word of things' names ("Russell Square"). NER often calls such a person an organization once; the cue outweighs it.
    """
    alone: dict[str, set[str]] = defaultdict(set)     # a word written alone as a name -> its types
    for m in mentions:
        if m.is_named and not m.is_pronoun and m.type in ("Person", "Entity") and len(w := _words(m.text)) == 1:
            alone[w[0]].add(m.type)
    if not alone:
        return list(mentions)
    out = []
    for m in mentions:
        words = _words(m.text)
        # an untyped word alone ("Crippen", NER none) only after a two-word name ("Fran Crippen")
        if "given-name" in m.cues and len(words) >= 2 and ("Person" in alone.get(words[-1], ()) or len(words) == 2
                                                            and words[-1] in alone) \
                and not _known_place(words[-1:]) and words[-1] not in _THING_WORDS:
            m = replace(m, cues=(*m.cues, "surname-alone", "given-name-person"))
        out.append(m)
    return out


_ARABIC_ARTICLE = re.compile(r"^(?:al|el)-(?=\w{3})")


def bare_surname(word: str) -> str:
    """A surname without the Arabic article news writes or leaves out ("al-gaddafi" -> "gaddafi").

    >>> bare_surname("al-gaddafi"), bare_surname("gaddafi"), bare_surname("al-ab")
    ('gaddafi', 'gaddafi', 'al-ab')
    """
    return _ARABIC_ARTICLE.sub("", word)


def _introduced_first(targets: list[str], ms: Sequence[Mention], persons: dict[str, list[Mention]]) -> list[str]:
    """Of several people a bare surname may be ("Joe Biden", "Hunter Biden"), the one whose full name was the
    only one written before the surname's first use ("Joe Biden ... Biden ... Biden's son Hunter Biden ...
    Biden"): one name means one person throughout an article, and a writer uses the bare surname for the
    person already introduced. Both full names written before it: ambiguous, none."""
    first = min(m.start for m in ms)
    before = [k for k in targets if any(len(m.text.split()) > 1 and m.start < first for m in persons.get(k, ()))]
    return before if len(before) == 1 else []


def _lone_compass(name: str) -> bool:
    """A compass word alone ("the South", "North"): a direction, never a name of its own."""
    words = _words(name)
    return len(words) == 1 and words[0] in COMPASS


def is_generic_name(name: str) -> bool:
    """A name made only of common words of institutions: it names one thing per article, not per corpus.

    >>> is_generic_name("City Council"), is_generic_name("Sheffield City Council"), is_generic_name("the Senate")
    (True, False, True)
    """
    if canonical_alias(name):
        return False
    words = [w for w in _words(name) if w not in _STOP]
    return bool(words) and all(w in cue_words("generic-word") for w in words)


def _move(by_key: dict[str, list[Mention]], keys: dict[str, str], rules: dict[str, set[str]], source: str,
          target: str, rule: str | None) -> None:
    """Fold the entity ``source`` into ``target`` and record why."""
    if source == target:
        return
    moved = by_key.pop(source)
    by_key[target].extend(moved)
    for m in moved:
        keys[m.key] = target
    rules[target] |= rules.pop(source, set())
    if rule:
        rules[target].add(rule)


def retype(mentions: Sequence[Mention], entities: Sequence[Entity], keys: dict[str, str]) -> list[Mention]:
    """Mentions with the type of the entity they were resolved to (for pronoun agreement)."""
    types = {e.key: e.type for e in entities}
    return [m if (kind := types.get(keys.get(m.key, ""), m.type)) == m.type else replace(m, type=kind)
            for m in mentions]
