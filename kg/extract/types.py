"""Entity types: spaCy NER labels to kg classes, and repair of obvious NER errors."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span, Token

from kg.extract.doc_text import doc_text, word_positions
from kg.names import english_words, first_names, is_known_place, is_place, place_names, without_diacritics
from kg.ontology import class_nouns, cue_words, entity_noun_rows

# spaCy (OntoNotes) label -> kg class. Labels mapped to None never become graph nodes.
NER_TO_TYPE: dict[str, str | None] = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "NORP": "Group",
    "EVENT": "Event",
    "WORK_OF_ART": "Work",
    "PRODUCT": "Product",
    "LAW": "Law",
    "LANGUAGE": "Concept",
    "DATE": None,
    "TIME": None,
    "PERCENT": None,
    "MONEY": None,
    "QUANTITY": None,
    "ORDINAL": None,
    "CARDINAL": None,
}

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
_ZONES = "utc|gmt|est|edt|cst|cdt|mst|mdt|pst|pdt|cet|cest|eet|eest|bst|aest|aedt|awst|jst|kst|nzst|nzdt"
_DATE_WORD = re.compile(rf"^(?:{_MONTHS}|{_DAYS}|{_ZONES})$", re.IGNORECASE)
_TIME = re.compile(r"^\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\.?$|^\d{1,2}[:.]\d{2}$|^[ap]\.?m\.?$"
                   r"|^(?:\d{2})?\d0'?s$|^'\d0s$", re.IGNORECASE)    # "06:30 PM", "3pm", a decade: "1990s", "'90s"
_NUMBERISH = re.compile(r"^[\d.,:/|-]+$")
_WORD_BREAK = re.compile(r"[\s,|]+")


def looks_temporal(text: str) -> bool:
    """True when a phrase is made of date/time words and numbers only ("Sat 09 Oct 2021", "06:30 PM")."""
    words = [w for w in _WORD_BREAK.split(text.strip()) if w]
    if not words:
        return False
    temporal = [bool(_DATE_WORD.match(w) or _TIME.match(w) or _NUMBERISH.match(w)) for w in words]
    return all(temporal) and any(_DATE_WORD.match(w) or _TIME.match(w) for w in words)


def entity_type(span: Span) -> str | None:
    """The kg class of a named-entity span, or None when it is not a thing (a date, a number, an error)."""
    kind = NER_TO_TYPE.get(span.label_, "Concept")
    if kind is None:
        return None
    text = span.text
    if looks_temporal(text):
        return None  # "Sat 09 Oct 2021" tagged ORG: a date is never an organization or a person
    if not any(ch.isalpha() for ch in text):
        return None
    return kind


# --- type evidence besides NER, and names that are no names -------------------------------------------------

from kg.type_cues import CUE_TYPES, DEFINED, NER_WEIGHT  # noqa: E402,F401  (spaCy-free: the parent's merge votes too)


@lru_cache(maxsize=1)     # the cue lists are read once: their unions are made once too
def _title_run_words() -> frozenset[str]:
    return _role_heads() | cue_words("title-word") | cue_words("title-modifier")


@lru_cache(maxsize=1)
def _name_run_words() -> frozenset[str]:
    """Title words that may start a name NER glued a title to ("New York City" keeps its first word)."""
    return _title_run_words() - {"new", "the", "of", "for"}


@lru_cache(maxsize=1)
def _role_heads() -> frozenset[str]:
    """Words that make a run before a name a role: "Defense Secretary", "WikiLeaks founder", "Mr"."""
    return cue_words("head-title") | cue_words("occupation") | cue_words("honorific") | cue_words("person-noun")


@lru_cache(maxsize=1)
def _thing_suffixes() -> frozenset[str]:
    return cue_words("org-suffix") | cue_words("place-suffix")


def bare_word(token_text: str) -> str:
    """A word as the cue lists hold it: without its dots, case-folded ("Gen." -> "gen")."""
    return token_text.strip(".").casefold()


_PARTICLES = cue_words("name-particle")


def title_before(span: Span) -> str:
    """The role written right before a name in its sentence ("U.S. Defense Secretary [Jim Mattis]"), or ""."""
    doc = span.doc
    run_words = _title_run_words()
    i = span.start
    sent_start = span.sent.start if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else 0
    while i > sent_start and (bare_word(doc[i - 1].text) in run_words or doc[i - 1].text in ("U.S.", "US", "UK")):
        i -= 1
        if i - 2 >= sent_start and doc[i - 1].text == "-" and bare_word(doc[i - 2].text) in run_words:
            i -= 2      # "Secretary-General": one title written with a hyphen
    run = doc[i:span.start]
    # a role written right before the name ends with its head: "Defense Secretary [X]", not "manager of the [X]"
    if not len(run) or bare_word(run[-1].text) not in _role_heads() and run[-1].text not in ("U.S.", "US", "UK"):
        return ""
    return run.text


def strip_title(span: Span) -> tuple[Span, str]:
    """A person's name without the role NER glued to it: ("Defense Jim Mattis", "Chefs Jamie Oliver") ->
    ("Jim Mattis", "Defense"), ("Jamie Oliver", "Chefs")."""
    run_words = _name_run_words()
    given = first_names()
    doc = span.doc
    start = span.start
    while start + 1 < span.end and (bare_word(doc[start].text) in run_words and doc[start + 1].text[:1].isupper()):
        start += 1
    if start == span.end - 1 and doc[start - 1].text.casefold() in given and (
            start - 1 == span.start or bare_word(doc[start - 2].text) not in run_words):
        start = span.start      # "Dean Kamen": a given name that is also a title word is the given name,
                                # unless a title word stands before it ("Crown Princess Victoria")
    if start > span.start and span.label_ != "PERSON" and doc[start].text.casefold() not in given:
        start = span.start      # "Foreign Ministry": only a person's name loses its leading title words
    if start == span.start and span.end - span.start >= 3 and doc[start].text[:1].isupper() and \
            doc[start].text.casefold() not in given and doc[start + 1].text.casefold() in given and \
            doc[start].pos_ != "PROPN":
        start += 1      # "Chefs Jamie Oliver": a common word before a given name is not part of the name
    if start > span.start and span.label_ != "PERSON" and bare_word(doc[span.end - 1].text) in _thing_suffixes():
        start = span.start      # "National Park Service", "Real Irish Republican Army": an organization's name
    if start == span.start:
        return span, ""
    return doc[start:span.end], doc[span.start:start].text


# lower-case words inside a place's name ("Charles de Gaulle Airport", "Clarence Town on Long Island"), never
# the articles and pronouns of a title ("Cry Me a River")
_PLACE_CONNECTORS = (cue_words("name-connector") | cue_words("name-particle")) - {"a", "an", "the", "to", "at", "for",
                                                                                   "in"}


def _surname_like(word: str) -> bool:
    """A word of no dictionary, nor the plural of one ("Jagger", not "Stores", "Cavaliers", "Indians")."""
    lower, words = word.casefold(), english_words()
    return lower not in words and not (lower.endswith("s") and (
        lower[:-1] in words or lower.endswith("es") and lower[:-2] in words
        or lower.endswith("ies") and lower[:-3] + "y" in words))


def type_cues(span: Span, title: str = "") -> tuple[str, ...]:
    """The cues of :data:`CUE_TYPES` that hold for one named span."""
    words = span.text.split()
    cues = []
    title = title or _title_in_apposition(span)
    if title and not (len(words) >= 2 and (words[-1].casefold() in cue_words("place-suffix")
                                           or words[-1].casefold() in cue_words("portfolio-word"))):
        cues.append("title")    # a place or an office's field after a title word ("Lord Howe Island", "the lead
                                # Homeland Security post") is no person
    end = span.end
    doc = span.doc
    if end + 1 < len(doc) and doc[end].tag_ == "POS" and doc[end + 1].lower_ in cue_words("kin-noun"):
        cues.append("kin")
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.casefold() in cue_words("person-verb"):
        cues.append("person-verb")
    if len(words) >= 2 and words[0].casefold() in first_names() and all(w[:1].isupper() for w in words) \
            and words[0].casefold() not in _PARTICLES and words[-1].strip(".").casefold() not in _thing_suffixes():
        cues.append("given-name")       # not "Al Qaeda", "Apple Inc.", "Santos Avenue"
        if 2 <= len(words) <= 3 and _surname_like(words[-1]) and len(words[0]) > 2 and not words[0].isupper() \
                and words[0].casefold() not in english_words() \
                and not is_place(span.text) and all(w.replace("'", "").replace("-", "").isalpha() for w in words):
            cues.append("given-name-surname")
        if cues[:-1] and set(cues[:-1]) & {"title", "kin", "person-verb"}:
            cues.append("given-name-person")
    if len(words) >= 2 and words[-1].strip(".").casefold() in cue_words("org-suffix"):
        cues.append("org-suffix")
    elif len(words) >= 2 and words[-1].casefold() in cue_words("place-suffix") and all(
            w[:1].isupper() or w in _PLACE_CONNECTORS for w in words):
        cues.append("place-suffix")     # not a title of words ("Cry Me a River" is a song; "Charles de Gaulle
                                        # Airport", "Stratford-upon-Avon Road" are places)
    if len(words) >= 2 and words[0].casefold() in cue_words("place-prefix") and words[-1][:1].isupper():
        cues.append("place-prefix")
    if is_known_place(span.text):
        cues.append("known-place")
    if is_publisher(span):
        cues.append("publisher")
    return tuple(cues) + definition_cues(span)


def _title_in_apposition(span: Span) -> str:
    """The title a name stands in apposition to, written right before it: "a prominent Spanish judge, [Baltasar
    Garzón]," gives "judge"; "" otherwise (never a title inside a phrase: "the governor of the province, X")."""
    root, doc = span.root, span.doc
    head = root.head
    if root.dep_ != "appos" or head.pos_ != "NOUN" or not head.text.islower() or head.i >= span.start \
            or span.start < 1 or doc[span.start - 1].text != "," or head.dep_ == "pobj" or head.i + 2 != span.start:
        return ""
    word = head.lemma_.lower()
    return word if word in cue_words("head-title") or word in cue_words("occupation") else ""


# a source line of a news story: a quoted headline, a dash, the publisher, then a date or the line's end
_CITED_BEFORE = re.compile(r"[\"\u201d]\s*[\u2014\u2013-]{1,2}\s*(?:the\s+)?$", re.IGNORECASE)
_CITED_AFTER = re.compile(r"^\s*(?:,|\(|$)")


def is_publisher(span: Span) -> bool:
    """True for the name after the quoted headline of a source line ('"MP calls for probe" — [Edmonton Sun],
    August 16, 2008'): whoever published a story is an organization, whatever NER says."""
    text = doc_text(span.doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line_end = len(text) if line_end < 0 else line_end
    return bool(_CITED_BEFORE.search(text[line_start:span.start_char])
                and _CITED_AFTER.match(text[span.end_char:line_end]))


def definition_cues(span: Span) -> tuple[str, ...]:
    """``("defined-<class>",)`` when the sentence defines the name by a noun of ``class-noun``, else ()."""
    if (noun := defining_noun(span)) is not None and (klass := class_nouns().get(noun)) is not None:
        return (f"defined-{klass.lower()}",)
    return ()


_INDEFINITE = {"a", "an"}


def defining_noun(span: Span) -> str | None:
    """The noun a sentence defines a name by, lower-case lemma: "Minetest is an open-source game" and
    "Minetest, an open-source game," give "game"; None without such a definition.

    Only an indefinite noun phrase after a plain finite "is/was/are" with no negation or modal ("X is not a
    game", "X could be a game", "X is the winner" define nothing), or in apposition after the name with no
    "of Y" between them, or a class noun written right before the name and joined to it ("the album Femme
    Fatale": never "the album's producer X", whose noun before the name is "producer").
    """
    root = span.root
    # "Robert Seiden of Confidential Security, a New York firm": after "of Y" the apposition may be Y's
    nouns = [c for c in root.children if c.dep_ == "appos" and c.i > root.i
             and not any(p.dep_ == "prep" and root.i < p.i < c.i for p in root.children)]
    verb = root.head
    if root.dep_ == "nsubj" and verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBD", "VBP") and not any(
            c.dep_ in ("neg", "aux") for c in verb.children):
        nouns += [c for c in verb.children if c.dep_ == "attr"]
    for noun in nouns:
        if noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in noun.children):
            return noun.lemma_.lower()
    head = root.head
    if root.dep_ == "appos" and head.pos_ == "NOUN" and head.i < span.start and head.text.islower() \
            and span.doc[span.start - 1].text == "," and head.dep_ != "pobj" \
            and (klass := class_nouns().get(head.lemma_.lower())) is not None \
            and (klass == "Person" or span[0].text.casefold() not in first_names()) \
            and any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in head.children):
        # "the girl, Aiyana Jones,": a name in apposition after its class noun; never after a noun inside a
        # phrase ("the governor of the province, Luis Durnwalder": the parse may hang him on "province")
        return head.lemma_.lower()
    if span.start > 0 and (before := span.doc[span.start - 1]).pos_ == "NOUN" and before.text.islower() \
            and (before.head.i in range(span.start, span.end) or root.head.i == before.i) \
            and before.lemma_.lower() in class_nouns() and span[0].text.casefold() not in first_names():
        # "her upcoming album Femme Fatale", "the space shuttle Discovery"; never before a given name
        # ("broadcaster Jamshid Sharmahd" is a person)
        return before.lemma_.lower()
    return _place_noun_of(span)


_DEFINITE_OF = cue_words("place-of-determiner")


def _place_noun_of(span: Span) -> str | None:
    """The place noun of "the town of [Rochdale]", "the suburb of [Earlsfield]": a definite, lower-case class
    noun of a place with the name as its "of" object names the place (never "the mayor of X": no place noun;
    never "a town of 300 people" or "the city of the future": the object is no name)."""
    root = span.root
    of = root.head
    if root.dep_ != "pobj" or of.lower_ != "of" or of.dep_ != "prep" or of.i != span.start - 1:
        return None
    noun = of.head
    if noun.pos_ != "NOUN" or not noun.text.islower() or noun.i >= of.i \
            or class_nouns().get(noun.lemma_.lower()) != "Place":
        return None
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE_OF for c in noun.children):
        return None
    return noun.lemma_.lower()


# sentence-final punctuation of scripts besides the Latin (Devanagari danda, CJK full stops and marks)
_SENTENCE_ENDS = frozenset("\u0964\u0965\u3002\uff01\uff1f\u061f\u06d4")


_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)
# a number and a short lower-case unit, joined or apart ("850p", "698k", "285 kph"): an amount, no name
_AMOUNT = re.compile(r"^\d[\d.,]*\s?[a-z]{1,3}$")
# what ends a name but is none on its own: generational suffixes, companies' legal forms (dotted ones too)
_NAME_TAILS = cue_words("name-suffix") | cue_words("legal-form") | cue_words("dotted-legal-form")
_MAGNITUDES = cue_words("magnitude-word")


def _first_of_sentence(token: Token) -> bool:
    """True for the first word of its sentence, after opening quotes or brackets only."""
    doc = token.doc
    i = token.i
    while i > 0 and not doc[i].is_sent_start and doc[i - 1].is_punct and doc[i - 1].text not in (".", ",", ";", ":"):
        i -= 1
    return i == 0 or bool(doc[i].is_sent_start)


def _common_in(token: Token) -> bool:
    """True when the article writes the word in lower case and never capitalized inside a sentence."""
    lower = token.text.lower()
    if lower == token.text:
        return False
    doc, positions = token.doc, word_positions(token.doc)
    if any(not _first_of_sentence(doc[i]) for i in positions.get(token.text, ())):
        return False
    return lower in positions


def _title_word_only(token: Token) -> bool:
    """True for a title word ("Home", "Supreme", "Interior") the article writes only inside a title, before its
    capitalized head ("Home Secretary Alan Johnson", "Supreme Leader Ali Khamenei"): NER's one-word "name" of
    it is a piece of the role. A word the article also writes elsewhere is left to the other rules."""
    if token.text.isupper() or token.text.casefold() not in cue_words("title-word"):
        return False
    doc = token.doc
    for i in word_positions(doc).get(token.text, ()):
        j = i + 1
        while j < len(doc) and doc[j].text[:1].isupper() and doc[j].text.casefold() in cue_words("title-word") \
                and bare_word(doc[j].text) not in _role_heads():
            j += 1      # "Foreign Affairs Minister"
        if j >= len(doc) or not doc[j].text[:1].isupper() or bare_word(doc[j].text) not in _role_heads():
            return False
    return True


# the government offices whose field follows them: "Minister of X", "Secretary for X", "Ministry of X"
_OFFICE_HEADS = cue_words("office-head")


def _portfolio(span: Span) -> bool:
    """True for a government office's field after its title: "Minister of [Public Works]", "EU commissioner for
    [Home Affairs]", "Secretary of [State for International Development]", "the Ministry of [Foreign Affairs]"
    (its last word a ``portfolio-word``); never a place nor a name of other words ("Governor of [New Jersey]",
    "CEO of [General Electric]" stay)."""
    doc, start = span.doc, span.start
    if start < 2 or doc[start - 1].lower_ not in ("of", "for") or bare_word(span[-1].text) not in cue_words(
            "portfolio-word"):
        return False
    if bare_word(doc[start - 2].text) not in _OFFICE_HEADS:
        return False    # not "spokesman for [Acme Security]": a company's name may end in a field word
    return not is_known_place(span.text) and without_diacritics(span.text) not in place_names()


@lru_cache(maxsize=1)
def _institution_words() -> frozenset[str]:
    """Common words that are also the names of institutions or stand for one ("Congress", "the Church")."""
    return (cue_words("generic-word") | cue_words("org-suffix") | cue_words("facility-head")
            | cue_words("brand-word") | frozenset(row[1] for row in entity_noun_rows()) | _role_heads())


def common_word_written_lower(token: Token) -> bool:
    """True for a capitalized common English word the article also writes in lower case as a noun ("Album"
    beside "the album"); never an institution's word ("Congress", "Parliament"), a place ("Turkey"), a given
    name ("Mark"), a word written in lower case only as another part of speech ("Anonymous" beside
    "anonymous sources"), one capitalized inside sentences more often than not ("Internet") or a word of a
    longer name of the article ("Freedom" of "Freedom Magazine")."""
    text = token.text
    lower = text.casefold()
    if not text.isalpha() or text.isupper() or lower == text or lower not in english_words():
        return False
    doc = token.doc
    positions = word_positions(doc)
    common = sum(doc[i].pos_ == "NOUN" for i in positions.get(lower, ()))
    if not common or sum(not _first_of_sentence(doc[i]) for i in positions.get(text, ())) > common:
        return False    # "the Internet" written so more often than "internet": the writer's name for it
    if any(len(e) > 1 and text in e.text.split() for e in doc.ents):
        return False    # "Freedom" of "Freedom Magazine", "North" of "North Korea": a short form of a name
    return lower not in _institution_words() and lower not in first_names() \
        and without_diacritics(text) not in place_names() and not is_known_place(text)


def _singulars(word: str) -> tuple[str, ...]:
    """The singular forms an English plural may have ("tributes" -> "tribute", "ladies" -> "lady")."""
    forms = []
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    return tuple(forms)


def _capitalized_only_first(token: Token) -> bool:
    """True for a common English word (or its plural) the tagger called a proper noun, capitalized only by its
    place first in a sentence and never inside one in the article ("Tributes were paid", "Attendance was
    underwhelming", which NER may even call a place or a person). Never a group NER names ("Democrats"), a word
    the article capitalizes mid-sentence too ("the Giants") or writes inside a longer name ("Baker" after "John
    Baker"), a singular NER calls an organization ("Politico"), an institution's word ("Rovers"), a place ("Philippines") or a given name."""
    text = token.text
    if token.tag_ not in ("NNP", "NNPS") or token.ent_type_ == "NORP" or text.isupper() or not text.isalpha() \
            or not _first_of_sentence(token):
        return False
    if token.tag_ == "NNP" and token.ent_type_ == "ORG":
        return False    # "Politico reported", "Fox said": a one-word outlet or company NER names is left alone
    lower = text.casefold()
    forms = [f for f in (lower, *(_singulars(lower) if token.tag_ == "NNPS" else ())) if f in english_words()]
    if not forms or any(f in _institution_words() or f in first_names() for f in (lower, *forms)):
        return False
    doc = token.doc
    if any(not _first_of_sentence(doc[i]) for i in word_positions(doc).get(text, ())):
        return False
    if any(len(e) > 1 and text in e.text.split() for e in doc.ents):
        return False
    return without_diacritics(text) not in place_names() and not is_known_place(text)


def is_junk_name(span: Span) -> bool:
    """A capitalized phrase that is no proper name: one running over a sentence's end, a number or quantity
    word first ("One", "Another All-Time High"), an academic degree ("PhD"), a lower-case lead that survived repair ("post-Brexit"), or
    one common word the tagger did not call a proper noun ("Heartfelt", "Students", "Lack"), or one capitalized
    only where a sentence starts and written in lower case elsewhere in the article ("Fireworks", "Curfew"), or
    an office's field after its title ("Minister of Public Works")."""
    if not len(span):
        return True
    if any(ch.isalpha() for ch in span.text) and not any(ch.isupper() or ch.islower() for ch in span.text):
        return True     # "आगरा से या", "집을": a script without capitals has no proper-name cue the model knows
    if any(ch in _SENTENCE_ENDS for ch in span.text) or any(t.text in (".", "!", "?") for t in span[:-1]):
        return True     # a sentence's end inside it ("हमें मिलता है हमारे समुदाय से। हम अपने community"): no name
    if len(span) == 1 and span.start > 0 and span.doc[span.start - 1].text[-1:] in _SENTENCE_ENDS \
            and span.text.lower() in word_positions(span.doc):
        return True     # "...हमारा।  Community को": capitalized by its place after a danda the parser did not
                        # split at, a word the article writes in lower case ("community") elsewhere
    if _portfolio(span):
        return True     # "Minister of Public Works": the office's field is part of the role, no name
    first = span[0]
    if len(span) == 1 and _first_of_sentence(first) and not first.text.isupper() and _common_in(first):
        return True     # "Fireworks are often used ... ban fireworks": capitalized only where a sentence starts
    if len(span) == 1 and _title_word_only(first):
        return True     # "Home" of "Home Secretary", "Supreme" of "Supreme Leader": a piece of a title
    if len(span) == 1 and common_word_written_lower(first):
        return True     # "Album", "Physics", "Runway": a common word the article also writes in lower case
    if first.text.casefold() in cue_words("number-word") and not first.text.isupper():
        return True
    if _AMOUNT.match(span.text):
        return True     # "850p", "80.46 kph": an amount with its unit ("8chan", "18 FM" stay names)
    if first.like_num and any(t.lower_ in _MAGNITUDES for t in span[1:]):
        return True     # "120 million INR": an amount, not an organization
    if len(span) == 1 and (_ORDINAL.match(first.text) or bare_word(first.text) in _NAME_TAILS):
        return True     # "the 133rd flight", "Truex, Jr.", "Cintra, S.A.": an ordinal, a suffix or a legal form alone
    if len(span) == 1 and first.text in _PARTICLES:
        return True     # "bin", "de": a name particle alone names no one
    if len(span) == 1 and first.text.casefold().strip(".") in cue_words("academic-degree") \
            and not first.text.isupper():
        return True     # "a PhD in physics": a degree, not a work or an organization ("MSC" is a company)
    if first.text[:1].islower() and first.lower_ not in ("al", "el", "de", "van", "von", "bin", "ibn", "da",
                                                         "di", "du", "la", "le", "e", "i"):
        return True
    if len(span) == 1 and first.pos_ in ("ADJ", "ADV", "VERB", "AUX", "NUM", "DET", "PRON", "ADP", "CCONJ") \
            and not first.text.isupper():
        return True
    if len(span) == 1 and first.text.casefold() in cue_words("place-suffix") and not first.text.isupper():
        return True     # "Glacier" of "Tasman Glacier", "the Highway": a place word alone names no place
    if len(span) == 1 and bare_word(first.text) in _role_heads() and bare_word(first.text) not in first_names() \
            and not first.text.isupper():
        return True     # "Professor", "Minister": a title alone names no one
    if len(span) == 1 and _capitalized_only_first(first):
        return True     # "Tributes were paid": a common word capitalized by its place, no name
    return len(span) == 1 and first.pos_ == "NOUN" and first.tag_ == "NNS" and not first.text.isupper()


def display_name(text: str) -> str:
    """A name as a label: one line, trimmed, and an all-capitals dateline place in title case
    ("WASHINGTON" -> "Washington"; acronyms such as "NATO" stay)."""
    text = " ".join(text.split())     # a label is one line
    if text.isupper() and len(text.replace(" ", "")) > 3:
        titled = text.title()
        if without_diacritics(titled) in place_names():     # an exact spelling, so an acronym ("DPRK") stays
            return titled
    return text
