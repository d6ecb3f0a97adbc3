"""Name spans: the words NER gives a name, repaired before it becomes a mention.

NER runs names over line breaks, unclosed brackets, quotes, honorifics, lower-case leads and a second name
("pro-Beijing New People Party", "Rathbun the Scientology"), cuts hyphenated place names ("Mazar-e-Sharif"),
and glues a place or a person after "in"/"at" or a comma; these functions find the name a reader sees.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from kg.extract.doc_text import doc_text, word_positions
from kg.extract.types import bare_word
from kg.names import english_words, first_names, is_place
from kg.ontology import cue_words

# lower-case name particles that may start a name ("al-Ikhbariya", "de Gaulle", "bin Laden")
_PARTICLES = cue_words("name-particle")
_HONORIFICS = cue_words("honorific")
HEAD_TITLES = cue_words("head-title")
CONNECTORS = cue_words("name-connector")
ROLE_HEADS = HEAD_TITLES | cue_words("occupation") | _HONORIFICS
_ROLE_WORDS = ROLE_HEADS | cue_words("title-word") | cue_words("title-modifier")


_CLOSERS = {'"': '"', "\u201d": "\u201c", "]": "["}


ORG_SUFFIXES = cue_words("org-suffix")
PLACE_WORDS = cue_words("place-suffix")
_TRAILING = frozenset({"of", "the", "for", "and", "in", "on", "at", "to", "a", "an", "&", "-"})
_CHAIN_PARTICLES = CONNECTORS | _PARTICLES | {"au", "aux", "sur", "sous", "ul"}


def hyphenated_name(doc: Doc, i: int) -> tuple[int, int] | None:
    """(start, end) of the hyphenated name token ``i`` stands in, when its words are joined by hyphens with no
    space and one of them is a lower-case particle between capitalized words ("Mazar-e-Sharif",
    "Stratford-upon-Avon", "Port-au-Prince"); None otherwise (nor "Israeli-Palestinian", "anti-Obama")."""
    hyphens = word_positions(doc).get("-", ())
    h = bisect_left(hyphens, i - 1)
    if h == len(hyphens) or hyphens[h] > i + 1:
        return None     # no hyphen at or beside the token: no chain (the walk below would find one word)

    def glued(k: int) -> bool:     # doc[k] is a hyphen joined to the words on both sides
        return 0 < k < len(doc) - 1 and doc[k].text == "-" and not doc[k - 1].whitespace_ \
            and not doc[k].whitespace_ and doc[k - 1].text[:1].isalpha() and doc[k + 1].text[:1].isalpha()
    start, end = (i - 1, i + 1) if glued(i) else (i, i)     # from a hyphen, the words on its two sides
    while glued(start - 1):
        start -= 2
    while glued(end + 1):
        end += 2
    words = [doc[k].text for k in range(start, end + 1, 2)]
    if len(words) < 3 or not (words[0][:1].isupper() and words[-1][:1].isupper()) \
            or not all(w[:1].isupper() or w.lower() in _CHAIN_PARTICLES for w in words) \
            or not any(w.lower() in _CHAIN_PARTICLES for w in words[1:-1]):
        return None
    return start, end + 1


def _lower_word(token: Token) -> bool:
    word = token.text
    return word[:1].islower() and word.split("-")[0].lower() not in _PARTICLES


def uncased_word(token: Token) -> bool:
    """A word written in a script without capital letters (Devanagari, Arabic, Hangul, Han: "से", "집을"):
    the English model cannot tell a name there from any other word, so it is never part of one."""
    return any(ch.isalpha() for ch in token.text) and not any(ch.isupper() or ch.islower() for ch in token.text)


def repair_span(span: Span) -> Span:
    """Cut words NER glued to a name: a lower-case lead ("pro-Beijing New People Party" -> "New People
    Party"), a descriptive noun before the name ("US team Cloud9" -> "Cloud9") and words of a script
    without capitals at either end ("COVID-19 से" -> "COVID-19")."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and uncased_word(doc[start]):
        start += 1
    while end > start and uncased_word(doc[end - 1]):
        end -= 1
    for i in range(start, end):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            end = i + 1 if "\n" not in doc[i].text else i   # a name never runs over a line break
            break
    for i in range(start + 1, end):
        if doc[i].text == "(" and not any(t.text == ")" for t in doc[i + 1:end]):
            end = i     # "National Hurricane Center (NHC": nor over an opening parenthesis it does not close
            break
    for i in range(start + 1, end):
        if doc[i].text in _CLOSERS and not doc[i - 1].whitespace_ \
                and _CLOSERS[doc[i].text] not in (t.text for t in doc[start:i]):
            if start > 0 and doc[start - 1].text == _CLOSERS[doc[i].text] and i + 1 < end:
                start = i + 1   # 'Christopher "[Dudus" Coke]': NER began inside a quoted nickname; the name
            else:               # is the one after it
                end = i     # 'gunman Raoul Moat"  Wikinews', "The [Chilean] Government": nor over a closing
            break           # quote or bracket written after a word with no opening one before it (a nickname
                            # opens its quote: 'Bernard "Barney" McGuigan')
    while start + 1 < end and doc[start].text.rstrip(".").lower() in _HONORIFICS:
        start += 1
    # the words of a hyphenated lead ("pro", "-", "Beijing") go together up to the next space
    while start < end and _lower_word(doc[start]):
        i = start
        while i + 1 < end and not doc[i].whitespace_:
            i += 1
        if i + 1 >= end:
            break
        start = i + 1
    for i in range(start + 1, end - 1):
        if doc[i].lower_ == "the" and doc[i].text == "the" and doc[i - 1].lower_ not in CONNECTORS:
            start = i + 1       # "Rathbun the Scientology": two names NER ran together
            break
    for i in range(end - 2, start, -1):
        token = doc[i]
        if token.text[:1].islower() and token.lower_ not in CONNECTORS and token.pos_ in ("NOUN", "ADJ") \
                and doc[i + 1].text[:1].isupper():
            start = i + 1
            break
    while end - 1 > start and doc[end - 1].text in _TRAILING:
        end -= 1    # "the Korean War of the 1950s": a name never ends in a connector or article
    if start < end and (chain := hyphenated_name(doc, start)) is not None and chain[0] < start:
        start = chain[0]     # "[Mazar]-e-Sharif", "Mazar-e-[Sharif]": the whole hyphenated name
    if start < end and (chain := hyphenated_name(doc, end - 1)) is not None and chain[1] > end:
        end = chain[1]
    if start < end:
        end = _name_tail(doc, start, end)
        if start > 0 and doc[start - 1].text in _ARTICLES and doc[start - 1].whitespace_ and doc[start].text[:1].isupper() \
                and (start == 1 or doc[start - 2].lower_ not in _ARTICLES | _CHAIN_PARTICLES | {"the"}):
            start -= 1      # "Italy's [la Repubblica]": a Romance article written lower case before a name is its own
                            # (never inside a longer name: "Museo de [la Armada]", "Epifanio de [los Santos] Avenue")
    return doc[start:end]


_ARTICLES = cue_words("romance-article")


# one syllable of a romanized Chinese, Korean or Vietnamese name ("Kwok", "hing", "Yeung", "Jae", "un")
_SYLLABLE = re.compile(r"[bcdfghjklmnpqrstvwxyz]{0,3}[aeiouy]{1,3}(?:ng|n|m|p|t|k|h)?")


def _name_tail(doc: Doc, start: int, end: int) -> int:
    """Where a name NER cut short ends: over the lower-case second syllable of a hyphenated given name
    ("Wong [Kwok]-hing", "Moon [Jae]-in": a surname and a capitalized syllable before it, the hyphen written
    with no space; never "Obama-era", "Kim-led") and over its one word written twice ("[Duran] Duran")."""
    last = doc[end - 1]
    if end - start >= 2 and end + 1 < len(doc) and doc[end].text == "-" and not last.whitespace_ \
            and not doc[end].whitespace_ and last.text[:1].isupper() and doc[end + 1].text.islower() \
            and _SYLLABLE.fullmatch(last.lower_) and _SYLLABLE.fullmatch(doc[end + 1].text) \
            and (end + 2 == len(doc) or doc[end + 2].text != "-" or doc[end + 1].whitespace_):
        return end + 2
    if end - start == 1 and end < len(doc) and doc[end].text == last.text and last.text[:1].isupper() \
            and last.whitespace_ and not doc[end].is_sent_start and doc[end].ent_iob_ != "B":
        return end + 1
    return end


def glued_place(span: Span) -> int | None:
    """The index of an "in"/"at" NER ran a name over to a place after it: "[Freewinds in Bonaire]" (a caption)
    is the ship Freewinds, in Bonaire. Only when the place is a place of the lists and the name before it is
    written alone elsewhere in the article, so a title ("Midnight in Paris", "Alice in Wonderland") stays.
    """
    doc = span.doc
    for i in range(span.start + 1, span.end - 1):
        if doc[i].text not in ("in", "at"):
            continue
        name, place = doc[span.start:i], doc[i + 1:span.end]
        if not all(t.text[:1].isupper() for t in (*name, *place)) or not is_place(place.text):
            return None
        words = [t.text for t in name]
        n = len(words)
        return i if any(j != span.start and [t.text for t in doc[j:j + n]] == words
                        and (j + n == len(doc) or doc[j + n].text != doc[i].text)
                        for j in range(len(doc) - n + 1) if doc[j].text == words[0]) else None
    return None


_NAME_SUFFIXES = cue_words("name-suffix")


def person_after_comma(span: Span) -> int | None:
    """The index of the comma NER ran a person's name over from a name before it ("the founder of the website
    [Wikileaks, Julian Assange]", as one PERSON or ORG): the person is the name after it, a known given name
    and a surname; never a generational suffix ("Martin Luther King, Jr.")."""
    doc = span.doc
    for i in range(span.end - 3, span.start, -1):
        if doc[i].text == ",":
            after = doc[i + 1:span.end]
            if after[0].text.casefold() in first_names() and after[-1].text.strip(".").casefold() not in _NAME_SUFFIXES \
                    and all(t.text[:1].isupper() for t in after):
                return i
            return None
    return None


def coordinated_names(span: Span) -> int | None:
    """The index of the "and" (or "&") between two names NER ran together ("[Carroll and La Riva] disagreed",
    "between [Crete and Cyprus]"): the words after it are a conjunct of the words before (the parse), and the
    article writes each side elsewhere without the other; never one name with "and" inside ("Food and Drug
    Administration", "Procter & Gamble": neither "Drug Administration" nor "Gamble" is written alone; nor a
    name of one word twice, "Julia & Julia")."""
    doc = span.doc
    joins = [t.i for t in span[1:-1] if t.lower_ in ("and", "&")]
    if len(joins) != 1:
        return None
    c = joins[0]
    left, right = doc[span.start:c], doc[c + 1:span.end]
    if left.text == right.text or not any(t.dep_ == "conj" and span.start <= t.head.i < c for t in right) \
            or not all(t.text[:1].isupper() for t in (left[0], right[0])):
        return None
    text = doc_text(doc)
    whole = text.count(span.text)
    return c if text.count(left.text) > whole and text.count(right.text) > whole else None


def person_after_organization(span: Span) -> int | None:
    """The index of the given name NER ran an organization's name into ("[the Council on American-Islamic
    Relations Alia Salem]" after "Executive director of"): a known given name and one capitalized surname
    after an organization word or a plural word of the dictionary ("Relations", "Affairs"), the surname no
    common word but a place's name ("Salem"); never a name that is a person's ("Charles Schwab"), one word
    after another name ("JP Morgan Chase"), nor a programme or a round ("Ford Foundation Grant Program", "Football League Semi Finals")."""
    doc = span.doc
    k = span.end - 2
    if k - span.start < 2 or span.label_ == "PERSON":
        return None
    given, surname, before = doc[k], doc[k + 1], doc[k - 1].lower_
    if given.text.casefold() in first_names() and given.text[:1].isupper() and surname.text[:1].isupper() \
            and surname.text.isalpha() and surname.tag_ != "NNPS" and (is_place(surname.text) or not {
                surname.text.casefold(), surname.lemma_.casefold()} & english_words()) \
            and (before in ORG_SUFFIXES or before.endswith("s") and before in english_words()) \
            and doc[k - 1].text[:1].isupper():
        return k
    return None


def definite_head(span: Span) -> bool:
    """A name written after "the" as the head of its phrase ("The Telegraph reports"), not as a modifier of
    another noun ("the Obama administration", "the Valko's family")."""
    return span.start > 0 and span.doc[span.start - 1].lower_ == "the" \
        and span.root.dep_ not in ("compound", "poss", "nmod", "amod")


def title_before_person(span: Span) -> int | None:
    """Where the title words ending a name start, when a person's name follows them (after more title words
    and abbreviation stops): "[Air Force Lt]. Gen. Dana Atkins" -> the index of "Lt"; else None."""
    doc = span.doc
    start = span.end
    while start > span.start and bare_word(doc[start - 1].text) in _ROLE_WORDS and doc[start - 1].text[:1].isupper() \
            and doc[start - 1].text.casefold() not in first_names():
        start -= 1
    if start == span.end or not any(bare_word(t.text) in ROLE_HEADS for t in doc[start:span.end]) or \
            start > span.start and doc[start - 1].text[:1].islower():
        return None     # nor "Department of [Justice]": a title word after a connector is part of the name
    i = span.end
    while i < len(doc) and (doc[i].text == "." or bare_word(doc[i].text) in _ROLE_WORDS and doc[i].text[:1].isupper()):
        i += 1
    return start if i < len(doc) and doc[i].ent_iob_ == "B" and doc[i].ent_type_ == "PERSON" else None
