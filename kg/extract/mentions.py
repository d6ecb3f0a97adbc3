"""Mentions: the phrase a token stands for, as a spaCy-free :class:`~kg.models.Mention`.

A named entity gives its NER span (without a leading "the" or a trailing "'s"); any other noun gives a
compact noun phrase (its compounds, adjectives and the head, no determiners, clauses or prepositional
phrases) so graph nodes stay short ("senior Taliban officials", not the whole subtree).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from spacy.attrs import ENT_IOB, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from kg.extract.doc_text import doc_text
from kg.extract.name_spans import (CONNECTORS, HEAD_TITLES, ORG_SUFFIXES, PLACE_WORDS, ROLE_HEADS, coordinated_names,
                                   definite_head, glued_place, hyphenated_name, person_after_comma,
                                   person_after_organization, repair_span, title_before_person)
from kg.extract.types import (bare_word, common_word_written_lower, definition_cues, display_name, entity_type,
                              is_junk_name, looks_temporal, strip_title, title_before, type_cues)
from kg.models import Mention
from kg.names import (canonical_alias, english_words, first_names, is_place, is_region, is_title, place_names,
                      without_diacritics)
from kg.ontology import cue_words

PRONOUNS = {"i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "this", "that",
            "these", "those", "who", "whom", "which", "what", "one", "myself", "himself", "herself", "itself",
            "themselves", "ourselves", "there", "here", "everyone", "someone", "anyone", "nobody", "all",
            "both", "each", "some", "many", "most", "none", "others", "another", "something", "anything",
            "nothing", "everything"}
_MODIFIERS = {"compound", "amod", "nmod", "nummod", "quantmod"}
_STRIP_LEFT = {"the", "a", "an", "this", "that", "these", "those"}
# determiners that make a noun phrase stand for no one thing: kept in its label ("every team", "not find
# any evidence"); "any" in a comparison ("the largest of any country") stands for nothing and gives no mention
_QUANTIFIERS = {"any", "every", "each"}


def entity_span(token: Token) -> Span | None:
    """The named-entity span that contains ``token``, if any, with NER's label."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)     # with its label: a statement argument keeps NER's type


_TITLE_HEADS = cue_words("head-title")
_TITLE_DOMAINS = cue_words("generic-word") | cue_words("title-word") | cue_words("title-modifier")


def in_title(token: Token) -> bool:
    """True for the bare "of" word of a capitalized title: "State" in "Secretary of State", "Defence" in
    "Minister of Defence". One capitalized common word of institution names, with no determiner or other
    dependent, after "of" on a capitalized title head: part of the title, never an entity of its own
    ("President of France", "Secretary of the Army" and "Mayor of Paris" name one).
    """
    prep = token.head
    title = prep.head
    return (token.dep_ == "pobj" and prep.lower_ == "of" and prep.i == token.i - 1 and title.i == prep.i - 1
            and not any(True for _ in token.children) and token.text[:1].isupper()
            and token.lower_ in _TITLE_DOMAINS and title.text[:1].isupper()
            and (title.lower_ in _TITLE_HEADS or title.lemma_.lower() in _TITLE_HEADS))


def _trim(span: Span) -> Span:
    """Drop a leading determiner and a trailing possessive or punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end:
        tok = doc[start]     # one Token object per step: creating them is the cost here
        if not (tok.lower_ in _STRIP_LEFT or tok.is_punct or tok.is_space):
            break
        start += 1
    while end > start:
        tok = doc[end - 1]
        if not (tok.tag_ == "POS" or tok.is_punct or tok.is_space):
            break
        end -= 1
    return span if (start, end) == (span.start, span.end) else doc[start:end]


def _modifier(span: Span) -> bool:
    """True for a word of the dictionary that only modifies the noun after it, in the singular ("[Scottish]
    police", "[North Korean] troops"); never a plural ("Americans said"), a name standing as a noun ("a
    Democrat"), a word of no dictionary ("the [Monti] government": NER's NORP on a surname) or the
    organization of a role ("[Liberal Democrat] leader Nick Clegg" is the leader of the party)."""
    root = span.root
    return root.dep_ in ("amod", "compound", "nmod") and root.head.i >= span.end \
        and root.head.pos_ in ("NOUN", "PROPN") and not span[-1].text.endswith("s") \
        and span[-1].text.casefold() in english_words() and bare_word(root.head.text) not in ROLE_HEADS


def named_mention(span: Span, token: Token | None = None) -> Mention | None:
    """A mention for a named-entity span, or None for dates, numbers and NER errors; with ``token``, the name
    of the span that token is in (the place of "Freewinds in Bonaire" for "Bonaire": :func:`glued_place`)."""
    kind = entity_type(span)
    if kind is None:
        return None
    label = span.label_
    span = repair_span(_trim(span))
    if not len(span):
        return None
    if (" and " in span.text or " & " in span.text) and coordinated_names(span) is not None:
        return None     # "[Carroll and La Riva] disagreed": two names, each written alone elsewhere, no third
    if "," in span.text and (comma := person_after_comma(span)) is not None:
        if token is not None and token.i < comma:
            if label == "PERSON":
                return None     # "[Wikileaks], Julian Assange": the word before is no part of the person
            span = _labelled(span.doc[span.start:comma], label)   # an organization's name stays one
        else:
            span, label, kind = span.doc[comma + 1:span.end], "PERSON", "Person"
    elif (cut := person_after_organization(_labelled(span, label))) is not None:
        if token is not None and token.i < cut:
            span = _labelled(span.doc[span.start:cut], label)
        else:
            span, label, kind = span.doc[cut:span.end], "PERSON", "Person"
    if (" in " in span.text or " at " in span.text) and (cut := glued_place(span)) is not None:
        if token is not None and token.i > cut:
            span, label, kind = span.doc[cut + 1:span.end], "GPE", "Place"
        else:
            span = span.doc[span.start:cut]
    span, glued = strip_title(_labelled(span, label))
    if glued and kind != "Person" and any(bare_word(w) in ROLE_HEADS for w in glued.split()):
        kind = "Person"     # a role stripped before a given name ("Crown Princess Victoria"[PRODUCT]): a person
    elif kind != "Person" and (cut := title_before_person(span)) is not None:
        span = span.doc[span.start:cut]     # "Air Force Lt. Gen. Dana Atkins": the rank is no part of a name
        if not len(span):
            return None
    if is_junk_name(span) or len(span) == 1 and in_title(span[0]):
        return None
    if label == "NORP" and _modifier(span):
        return None     # "Scottish police", "the Sri Lankan government": a nationality's adjective, no node
    if kind == "Person" and definite_head(span) and span[0].text.casefold() not in first_names():
        kind = "Entity"     # "The Telegraph reports", "the Beatles": a person's name takes no "the"
    title = title_before(span) or glued
    return Mention(text=shared_head(span, display_name(span.text)), start=span.start_char, end=span.end_char,
                   type=kind,
                   ner_label=label, head=span.root.text, is_named=True, title=title, cues=type_cues(span, title))


_COORDINATED_HEADS = cue_words("org-suffix")


def shared_head(span: Span, text: str) -> str:
    """The name of one conjunct of "the State and Homeland Security Departments": a plural head written once
    for two names belongs to each ("State Department", "Homeland Security Department"), so neither is
    a bare "State" nor a plural "Departments". A plural that is part of a name NER found ("Ford and General
    Motors") is that name's own.

    ``text``: the name as written for ``span``; returned unchanged when no head is shared.
    """
    doc = span.doc
    last = doc[span.end - 1]
    if _plural_head(last) and span.start >= 2 and doc[span.start - 1].lower_ == "and" \
            and doc[span.start - 2].text[:1].isupper():
        return f"{text[:len(text) - len(last.text)]}{_singular(last)}"
    if span.end < len(doc) and span.start >= 1 and doc[span.start - 1].lower_ == "and" and _plural_head(doc[span.end]):
        return f"{text} {_singular(doc[span.end])}"     # "the Justice and [Treasury] Departments"
    if span.end < len(doc) and doc[span.end].lower_ == "and":
        for tok in doc[span.end + 1:min(span.end + 6, len(doc))]:
            if not tok.text[:1].isupper():
                break
            if _plural_head(tok):
                return f"{text} {_singular(tok)}"
    return text


def _plural_head(token: Token) -> bool:
    """A capitalized plural organization noun outside any NER name ("Departments", "Ministries"); a word
    with no plural ending ("the Avon and Somerset Police", one force) is none."""
    return token.tag_ in ("NNS", "NNPS") and token.text[:1].isupper() and not token.ent_type_ \
        and (singular := _singular(token).lower()) in _COORDINATED_HEADS and singular != token.lower_


def _singular(token: Token) -> str:
    """"Departments" -> "Department", "Ministries" -> "Ministry" (capitalized as written)."""
    word = token.text
    if token.lemma_.lower() != token.lower_:
        word = token.lemma_
    elif word.lower().endswith("ies"):
        word = word[:-3] + "y"
    elif word.lower().endswith("s"):
        word = word[:-1]
    return word[:1].upper() + word[1:].lower()


def _labelled(span: Span, label: str) -> Span:
    """The span with its NER label (repair and trimming make plain spans)."""
    return Span(span.doc, span.start, span.end, label=label) if span.label_ != label else span


def noun_phrase(token: Token) -> Span:
    """The compact noun phrase headed by ``token``: contiguous left modifiers plus the head."""
    start = token.i
    doc = token.doc
    for child in reversed(list(token.lefts)):
        if child.text == "-" and child.i == start - 1 and start - 1 > 0 and not child.whitespace_ \
                and not doc[start - 2].whitespace_ and doc[start - 2].head.i == token.i \
                and token.lower_ in HEAD_TITLES:
            start -= 1      # "Secretary-General": a title a hyphen joins to its head is one title
            continue
        if child.dep_ not in _MODIFIERS or child.right_edge.i != start - 1:
            break
        if any(t.dep_ in ("poss", "det", "punct", "cc") and t.head.i != child.i for t in child.subtree):
            break
        start = child.left_edge.i
    if start > 0 and doc[start - 1].lower_ in _QUANTIFIERS and doc[start - 1].head.i == token.i:
        start -= 1      # "any geographical constituency" is no one constituency: the quantifier stays
    return _trim(token.doc[start:token.i + 1])


# NER labels of amounts: "$67 million", "0.99 percent", "186 yards" are values a statement may have as its
# argument, an article-local concept (never a name merged across articles); a bare number or a date is none
_AMOUNTS = frozenset({"MONEY", "PERCENT", "QUANTITY"})


def _amount(span: Span) -> Mention | None:
    """An amount with its unit as an unnamed concept ("$67 million"); None for a number without one ("750"
    of "$750" when NER left the sign out: a bare number says nothing of what it counts)."""
    text = span.text
    if not any(ch.isalpha() or ch == "%" or unicodedata.category(ch) == "Sc" for ch in text) or looks_temporal(text):
        return None
    return Mention(text=text, start=span.start_char, end=span.end_char, type="Concept", head=span.root.lemma_.lower())


def title_runs_into(token: Token) -> Token | None:
    """The lower-case noun a capitalized title ending in ``token`` modifies, when the name was cut inside that
    title: "the Budweiser [Man] of the Match award" -> "award" ("Budweiser Man" is no name: the award is
    "the Budweiser Man of the Match award"). None when ``of`` runs into a name NER found ("the Bank of
    England report") or no lower-case noun follows.
    """
    doc = token.doc
    i = token.i + 1
    if i >= len(doc) or doc[i].lower_ != "of":
        return None
    j = i + 2 if i + 1 < len(doc) and doc[i + 1].lower_ == "the" else i + 1
    k = j
    while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() and doc[k].ent_iob_ == "O":
        k += 1
    if k == j or k >= len(doc):
        return None
    noun = doc[k]
    if noun.pos_ == "NOUN" and noun.text[:1].islower() and noun.head.i == i and all(
            doc[x].head.i == k for x in range(j, k)):
        return noun
    return None


def mention_for(token: Token) -> Mention | None:
    """The mention a subject/object token stands for (None for dates, bare numbers and empty phrases; an
    amount, "$67 million", is an unnamed concept)."""
    pos, lower = token.pos_, token.lower_
    common = False
    if pos == "PRON" or lower in PRONOUNS and pos in ("DET", "PRON", "NOUN", "ADV"):
        if lower in ("who", "which", "that", "what", "there", "here"):
            return None
        text = token.text
        return Mention(text=text, start=token.idx, end=token.idx + len(text), type="Concept", head=lower,
                       is_pronoun=True)
    chain = hyphenated_name(token.doc, token.i)
    if not token.ent_type and chain is not None:
        token = next((t for t in token.doc[chain[0]:chain[1]] if t.ent_type), token)  # "Mazar-e-[Sharif]"
    if token.ent_type:
        span = entity_span(token)
        if token.ent_type_ in _AMOUNTS:
            return _amount(_trim(span))
        if span is None:
            return None
        mention = named_mention(span, token)
        if mention is not None or not (len(span) == 1 and common_word_written_lower(span[0])):
            return mention
        common = True   # a common word NER took for a name ("Album" beside "the album"): a concept, below
    if pos not in ("NOUN", "PROPN", "NUM", "ADJ", "X", "SYM"):
        return None
    if pos == "NUM" and token.like_num:
        return None
    phrase = noun_phrase(token)
    if chain is not None:       # "at Mazar-e-Sharif": the phrase holds the whole hyphenated name
        phrase = token.doc[min(phrase.start, chain[0]):max(phrase.end, chain[1])]
    if pos == "PROPN" and (noun := title_runs_into(token)) is not None:
        whole = _trim(token.doc[phrase.start:noun.i + 1])   # "the Budweiser Man of the Match award": a concept
        return Mention(text=whole.text, start=whole.start_char, end=whole.end_char, type="Concept",
                       head=noun.lemma_.lower())
    if len(phrase) and phrase[0].lower_ == "any" and token.head.lower_ in ("of", "than"):
        return None     # "the largest reserves of any country", "more than any other": a comparison, no thing
    cut = max((t.i + 1 for t in phrase if "\n" in t.text or "\n" in t.whitespace_ and t.i < token.i),
              default=phrase.start)
    if cut > phrase.start:      # a phrase never runs over a line break ("Disney\nBelle Image")
        phrase = _trim(token.doc[cut:token.i + 1])
    text = phrase.text
    if not text or not any(ch.isalpha() for ch in text) or looks_temporal(text):
        return None     # a date NER missed ("Tuesday", "the 1990s", "3pm") is when, never a thing
    # a phrase of capitalized words is a name even when the tagger missed it ("the Internet", "Enterprise"),
    # unless it is a common word ("Students", "Heartfelt") or its one word only starts a sentence or a quotation
    named = pos == "PROPN" or text[:1].isupper() and all(
        t.text[:1].isupper() or t.lower_ in CONNECTORS for t in phrase) and not (
        len(phrase) == 1 and (phrase[0].is_sent_start or opens_quotation(phrase[0])
                                and phrase[0].lower_ in english_words() and not is_place(text)))
    if named and (common or is_junk_name(phrase)):
        named = False
    kind = "Concept"
    if named:   # a name of unknown type ("Entity") unless it is an acronym
        kind = "Organization" if token.text.isupper() and len(token.text) > 1 else "Entity"
    return Mention(text=shared_head(phrase, display_name(text)) if named else text, start=phrase.start_char,
                   end=phrase.end_char,
                   type=kind, head=token.lemma_.lower(), is_named=named, cues=definition_cues(phrase) if named else ())


_OPENERS = frozenset({'"', "\u201c", "\u2018", "'", "(", "["})


def opens_quotation(token: Token) -> bool:
    """True for the first word of a quotation, capitalized by its place: after an opening quotation mark or
    bracket ('said that "Fat around the hips', "“Failure is") or an elided start ("[...] Involvement of"); a
    common word there is no name (a listed place, '"Iceland is', stays one)."""
    doc, i = token.doc, token.i
    if i == 0:
        return False
    before = doc[i - 1]
    if before.text == "]" and i >= 3 and doc[i - 2].text in ("...", "\u2026") and doc[i - 3].text == "[":
        return True
    return before.text in _OPENERS and not before.whitespace_ and (
        i == 1 or bool(doc[i - 2].whitespace_) or doc[i - 2].is_punct)


def _run_type(span: Span) -> str:
    """The type of a proper name NER missed: from the alias table, its shape or a given-name cue."""
    alias = canonical_alias(span.text)
    if alias and alias[1]:
        return alias[1]
    words = span.text.split()
    if len(words) == 1 and span.text.replace(".", "").isupper() and len(span.text) > 1:
        return "Organization"
    if 2 <= len(words) <= 3 and words[0].casefold() in first_names() and all(w[:1].isupper() for w in words):
        return "Person"
    return "Entity"


_IOB_O = 2     # Token.ent_iob of a word outside every entity ("O")


def proper_name_runs(doc: Doc) -> Iterator[tuple[Span, Span | None]]:
    """Runs of capitalized proper nouns outside NER entities: ``(run, entity it continues or None)``.

    "Vitas/PROPN [Gerulaitis]GPE" gives the run "Vitas" with the entity "Gerulaitis" it starts.
    """
    outside = doc.to_array([ENT_IOB, POS]).tolist()    # (one array: a Token only for a proper noun outside NER)
    i = 0
    while i < len(doc):
        if outside[i][0] != _IOB_O or outside[i][1] != PROPN or not (token := doc[i]).text[:1].isupper() \
                or i and doc[i - 1].ent_iob_ == "B" and doc[i - 1].text == token.text:
            i += 1      # ("[Duran] Duran": the entity's one word written twice is its name, repair_span)
            continue
        if (chain := hyphenated_name(doc, i)) is not None and (chain[0] < i or any(
                t.ent_iob_ != "O" for t in doc[chain[0]:chain[1]])):
            i = chain[1]    # "Mazar-e-[Sharif]": the run from its first word (or NER's entity) is the whole name
            continue
        if i > 0 and doc[i - 1].ent_type_ in ("ORDINAL", "CARDINAL") and doc[i - 1].text.isupper() \
                and doc[i - 1].pos_ == "PROPN":
            i -= 1    # "FIRST Global Challenge": an acronym NER read as an ordinal
        j = i + 1
        while j < len(doc) and doc[j].ent_iob_ == "O" and (
                doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper()
                or doc[j].text in ("-", "&") and not doc[j - 1].whitespace_ and j + 1 < len(doc)
                and doc[j + 1].pos_ == "PROPN" and doc[j + 1].ent_iob_ == "O"):
            j += 1
        k = j + 1       # "State of Law Coalition": a run joins one over "of" that ends in an organization word
        while k < len(doc) and doc[k].ent_iob_ == "O" and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
            k += 1
        if j < len(doc) and doc[j].text == "of" and k > j + 1 and doc[k - 1].lower_ in ORG_SUFFIXES \
                and not any(bare_word(t.text) in ROLE_HEADS for t in doc[i:j]):
            j = k
        if j - i > 1 and i > 1 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ \
                and not doc[i - 2].whitespace_ and doc[i - 2].ent_iob_ != "O" and not is_place(doc[i].text):
            i += 1      # "Shia-[Backed] State": a word hyphened to an entity before it is a modifier, no name
                        # (a place stays: "Australia-[India] Strategic Research Fund")
        run = doc[i:j]
        after = None
        if j < len(doc) and doc[j].ent_iob_ == "B" and doc[j].ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "FAC",
                                                                           "LOC", "PRODUCT", "WORK_OF_ART"):
            after = entity_span(doc[j])
        yield run, after
        i = j


# a name before one of these is a name of its own: "[Fisht] Stadium", "[Croucher] Foundation"
_FACILITY_HEADS = cue_words("facility-head")
_GENERIC = cue_words("facility-modifier")
_DIRECTIONS = cue_words("direction-word")


def _is(token_text: str, words: frozenset[str]) -> bool:
    """A capitalized word of the list ("Stadium" of the facility heads)."""
    return token_text[:1].isupper() and token_text.casefold() in words


def nested_names(span: Span) -> Iterator[tuple[Span, str]]:
    """Names inside a longer name: places ("University of [Sheffield]", "[Volgograd] Arena") and the name a
    facility is called after ("[Fisht] Stadium", "[Chiang Kai Shek] Memorial Hall"), with their types."""
    places = place_names()
    big = place_names(min_population=300_000)    # a one-word town may be a word ("Enterprise", "Mobile")
    tokens = list(span)
    seen: set[tuple[int, int]] = set()
    for size in (3, 2, 1):
        for i in range(len(tokens) - size + 1):
            part = span.doc[tokens[i].i:tokens[i].i + size]
            if len(part) == len(span) or any(a <= part.start and part.end <= b for a, b in seen):
                continue
            if without_diacritics(part.text) in (places if size > 1 else big) and not (i > 0 and _is(tokens[i - 1].text, _DIRECTIONS)):
                seen.add((part.start, part.end))
                yield part, "Place"
    if len(tokens) >= 3 and _is(tokens[-1].text, _FACILITY_HEADS) and _is(tokens[-2].text, _FACILITY_HEADS):
        yield span.doc[span.start:span.end - 1], "Place"    # "[NTU Hospital] Station"
    of = [t.i for t in tokens if t.lower_ == "of"]
    if of and tokens[0].text in ("University", "College") and of[0] == tokens[1].i:
        place = []
        for t in tokens[2:]:
            if t.lower_ in ("at", "in", "of", "and") or not t.text[:1].isupper():
                break
            place.append(t)
        if len(place) > 1:      # "University of [Southern Indiana]"
            yield span.doc[place[0].i:place[-1].i + 1], "Place"
    end = len(tokens)
    while end > 1 and (_is(tokens[end - 1].text, _FACILITY_HEADS) or _is(tokens[end - 1].text, _GENERIC)):
        end -= 1
    if end < len(tokens) and _is(tokens[len(tokens) - 1].text, _FACILITY_HEADS):
        part = span.doc[span.start:span.start + end]
        if all(t.text[:1].isupper() or t.text == "-" for t in part) and not any(
                a <= part.start and part.end <= b for a, b in seen) and not _is(part.text, _DIRECTIONS):
            first = part[0].text.casefold()
            words = part.text.split()
            if len(words) == 1 or first in first_names() or _written_apart(part, span) or any(
                    w.casefold() not in english_words() for w in words):
                yield part, "Person" if len(part) > 1 and first in first_names() else "Entity"
            # else "[Storm Prediction] Center", "[Electronic Frontier] Foundation": common words of the
            # longer name, not a name the facility is called after ("[Nizhny Novgorod] Stadium" is one)


def _written_apart(part: Span, whole: Span) -> bool:
    """True when the article writes ``part`` outside every copy of the longer name ``whole``."""
    text = doc_text(part.doc)
    return text.count(part.text) > text.count(whole.text)


def _holidays(ent: Span) -> Iterator[Mention]:
    """Named days inside a date ("Waitangi Day - February 6"): events, though NER calls them dates."""
    tokens = list(ent)
    for i, token in enumerate(tokens):
        if token.text in ("Day", "Eve") and i > 0 and tokens[i - 1].text[:1].isupper():
            start = i - 1
            while start > 0 and tokens[start - 1].text[:1].isupper() and tokens[start - 1].pos_ == "PROPN":
                start -= 1
            span = ent.doc[tokens[start].i:token.i + 1]
            if not looks_temporal(span.text.rsplit(" ", 1)[0]):
                yield Mention(text=span.text, start=span.start_char, end=span.end_char, type="Event",
                              ner_label=None, head=token.text, is_named=True)


def named_mentions(doc: Doc, *, text: str | None = None) -> list[Mention]:
    """Every typed named-entity mention in the document, in text order (``text``: ``doc.text``, when the
    caller has it).

    Besides NER's entities: proper names it missed ("FIFA", "The Velvet Underground"), and names it cut
    short ("Carly [Simon]" -> "Carly Simon"; a given name makes it a person).
    """
    out = []
    for ent in doc.ents:
        if ent.label_ == "DATE":
            out.extend(_holidays(ent))
        mention = named_mention(ent)
        if mention is not None:
            out.append(mention)
            if mention.start > ent.start_char and "," in ent.text and ent.label_ != "PERSON" and (
                    before := named_mention(ent, ent[0])) is not None and before.end < mention.start:
                out.append(before)  # "Wikileaks, Julian Assange" (ORG): the website and the person
            elif mention.type == "Person" and mention.start > ent.start_char and person_after_organization(ent) and (
                    before := named_mention(ent, ent[0])) is not None and before.end < mention.start:
                out.append(before)  # "the Council on American-Islamic Relations Alia Salem" (ORG): both
            if mention.end < ent.end_char and (" in " in ent.text or " at " in ent.text) and (
                    place := named_mention(ent, ent[-1])) is not None and place.start > mention.end:
                out.append(place)   # "Freewinds in Bonaire": the place is a name of its own
            if mention.type != "Person" and len(mention.text.split()) > 1:
                whole = doc.char_span(mention.start, mention.end)
                for part, kind in nested_names(whole) if whole is not None else ():
                    out.append(Mention(text=part.text, start=part.start_char, end=part.end_char, type=kind,
                                       ner_label=None, head=part.root.text, is_named=True))
    for run, after in proper_name_runs(doc):
        span = doc[run.start:after.end] if after is not None else run   # `after` starts where the run ends
        span = repair_span(span)
        if not len(span) or re.match(r"^[A-Z]-[A-Z]", span.text):
            continue    # "R-Texas": a party and state after a US politician's name
        if after is None and title_runs_into(run[-1]) is not None:
            continue    # "the Budweiser Man of the Match award": a name cut inside a longer title is none
        if is_title(run.text) or len(span) == 1 and in_title(span[0]) or looks_temporal(span.text) \
                or len(span.text) < 2 or not any(
                ch.isalpha() for ch in span.text) or is_junk_name(span):
            continue
        kind = _run_type(span)
        if after is not None:
            ner = named_mention(after)
            if ner is None and not (len(after) == 1 and after[0].text.casefold() in PLACE_WORDS):
                continue    # (a place word NER took alone is no name, but it ends one: "Tasman [Glacier]")
            if ner is not None and ner.type == "Person" and kind != "Person":
                continue    # "Scientologist Tom Cruise": a word before a person's name that is no given name
            # otherwise NER typed only the tail ("CentOS [Stream]GPE"): the longer name keeps the run's own type
        elif kind == "Entity" and len(run) == 1 and run[0].is_sent_start:
            continue    # a capitalized first word of a sentence is weak evidence of a name
        span, glued = strip_title(span)     # "Police Constable [Stephen Mitchell]"
        if glued and kind == "Entity":
            kind = "Person"
        title = title_before(span) or glued
        out.append(Mention(text=shared_head(span, display_name(span.text)), start=span.start_char,
                           end=span.end_char, type=kind, ner_label=None, head=span.root.text, is_named=True, title=title,
                           cues=type_cues(span, title)))
    out.extend(place_with_region(sorted(out, key=lambda m: (m.start, m.end)), doc.text if text is None else text))
    return sorted(out, key=lambda m: (m.start, m.end))


_REGION_GAP = re.compile(r"^\s*,\s*$")


def place_with_region(mentions: list[Mention], text: str) -> list[Mention]:
    """"Chicago, Illinois", "Durham, North Carolina": a place and the state or country written after it with a
    comma are one name of the place (its label, so Paris, Texas is not Paris); mentions in text order."""
    out = []
    for a, b in zip(mentions, mentions[1:]):
        if a.type == "Place" and b.type == "Place" and not is_region(a.text) \
                and is_region(b.text) and _REGION_GAP.match(text[a.end:b.start]) \
                and not text[b.end:b.end + 2].lstrip().startswith(("'", "\u2019")):
            out.append(Mention(text=f"{a.text}, {b.text}", start=a.start, end=b.end, type="Place", ner_label=None,
                               head=a.head, is_named=True, cues=("known-place",) if "known-place" in a.cues else ()))
    return out
