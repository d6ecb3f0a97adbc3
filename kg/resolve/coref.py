"""Pronoun resolution from rules over plain values (a pluggable stage: any callable with this signature).

It reads the article through :class:`~kg.extract.context.ArticleView` (sentences, subjects, each mention's
context), never the parse itself. Only strong evidence resolves a pronoun; everything else is left unresolved
and kept out of the graph:

* a pronoun subject of reported speech is the speaker: "The Taliban said it will not ..." -> Taliban,
  and so is "I" in a quotation ("'I did not meet him,' Smith said" -> Smith), and "we" when the speaker is
  an organization, group or place (a person's "we" is a group the sentence may not name);
* "it"/"its" is the only organization that is the subject of its sentence before it (or of the sentence
  before) with no other subject in between, unless the "it" stands for nothing ("it is likely that");
* "they"/"them"/"their" is the only group or organization that is the subject of its sentence before it
  (or of the sentence before), with no other subject in between ("The Taliban met ...; they said");
* "he"/"she" is the only person named in the same or the previous sentence whose given name does not say
  otherwise (gender cues from ``ontology/first_names.tsv``; a name it does not know fits either), never a
  name inside another name ("George Washington University Hospital").

Never: "they" for one person; a third-person pronoun inside a direct quotation ('"He told me," said
Wallace'); the speaker when a noun subject stands between it and the pronoun ("the USGS reported that the
aftershock had ... and that it reached"); an organization with another subject, no person's name, before it
in the window ("Another earthquake hit Chile, the USGS reported. It occurred ...").
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from kg.models import Mention
from kg.names import first_names, name_gender, normalize_name

if TYPE_CHECKING:
    from kg.extract.context import ArticleView

Resolver = Callable[["ArticleView", Sequence[Mention]], dict[str, Mention]]
PERSONAL = {"he", "him", "his", "she", "her", "hers"}
PLURAL_OR_NEUTER = {"it", "its", "they", "them", "their"}
# first person inside reported speech is the speaker: "I did not meet him," Smith said
FIRST_SINGULAR = {"i", "me", "my", "myself"}
FIRST_PLURAL = {"we", "us", "our", "ourselves"}


def _agrees(pronoun: str, antecedent: Mention) -> bool:
    if pronoun in PERSONAL or pronoun in FIRST_SINGULAR:
        return antecedent.type == "Person"
    if pronoun in FIRST_PLURAL:     # "we" of a person speaks for a group the sentence may not name
        return antecedent.type in ("Organization", "Group", "Place", "Entity")
    if pronoun in ("it", "its"):
        return antecedent.type in ("Organization", "Place", "Concept", "Event")
    # "they" is never one person either ("Piñera said: 'they can still help'" is not Piñera)
    return antecedent.type != "Person"


def _gender_fits(pronoun: str, person: Mention, full_names: dict[str, list[str]]) -> bool:
    """False only when the person's given name says otherwise ("she" is not "Michael Kugelman").

    A surname alone borrows the cue of the full name it shortens ("Sherman" -> "Wendy Sherman");
    ``full_names`` maps a last word to the article's full names of persons that end with it.
    """
    full = full_names.get(person.text.split()[-1], [])
    cues = {name_gender(text) for text in ([person.text] if len(person.text.split()) > 1 else full)}
    if not full and len(person.text.split()) == 1:     # "Marilyn" alone: the given name is the cue
        cues = {first_names().get(person.text.casefold())}
    cues.discard(None)
    wanted = "M" if pronoun in ("he", "him", "his") else "F"
    other = "F" if wanted == "M" else "M"
    return not (cues and all(c == other for c in cues))


class _ByStart:
    """Mentions in text order, so the ones in a stretch of text are found by bisection, not by a walk over
    all of them for every pronoun."""

    def __init__(self, mentions: Sequence[Mention]):
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]

    def between(self, start: int, end: int) -> list[Mention]:
        """The mentions starting at or after ``start`` and before ``end``, in text order."""
        return self.mentions[bisect_left(self.starts, start):bisect_left(self.starts, end)]


def resolve_pronouns(view: ArticleView, mentions: Sequence[Mention]) -> dict[str, Mention]:
    """Map pronoun mention keys to the mention they stand for, where the evidence is strong."""
    out: dict[str, Mention] = {}
    named = [m for m in mentions if m.is_named and not m.is_pronoun]
    typed = {m.key: m.type for m in mentions}
    persons = _ByStart([m for m in named if m.type == "Person"])
    groups = _ByStart([m for m in named if m.type in ("Group", "Organization")])
    full_names: dict[str, list[str]] = {}
    for m in persons.mentions:
        if len(m.text.split()) > 1:
            full_names.setdefault(m.text.split()[-1], []).append(m.text)
    sentences = view.sentences
    for mention in mentions:
        context = view.of(mention) if mention.is_pronoun else None
        if context is None:
            continue
        pronoun = context.word
        if pronoun in _THIRD and _quoted(view, mention, context.sentence):
            continue    # '"He told me he couldn't wait," said Wallace': someone the speaker speaks of, not named here
        antecedent = context.speaker
        if antecedent is not None:      # the type the article settled on, not the one NER gave here
            antecedent = replace(antecedent, type=typed.get(antecedent.key, antecedent.type))
            if not antecedent.is_pronoun and _agrees(pronoun, antecedent) and (
                    pronoun not in ("it", "its") or antecedent.is_named) and not (   # "a teacher thought it" is no org
                    antecedent.end <= mention.start and view.subject_between(antecedent.end, mention.start)):
                # "the USGS reported that the aftershock had a depth ... and that it reached 5.9": a subject
                # between the speaker and the pronoun may be what it stands for
                out[mention.key] = antecedent
                continue
        if pronoun in PERSONAL:
            window_start = sentences[max(0, context.sentence - 1)]
            people = [m for m in persons.between(window_start, mention.start)
                      if _gender_fits(pronoun, m, full_names) and not _modifier(view, m)]
            names = {m.text.split()[-1] for m in people}
            if len(names) == 1:
                out[mention.key] = people[-1]
        elif pronoun in ("it", "its", "they", "them", "their") and not context.pleonastic:
            kinds = ("Organization",) if pronoun in ("it", "its") else ("Group", "Organization")
            for back in (0, 1):     # its own sentence first, then the one before
                start = sentences[max(0, context.sentence - back)]
                orgs = [m for m in groups.between(start, mention.start) if m.type in kinds
                        and _subject(view, m, mention) and not _subject_before(view, m, start, persons)]
                if pronoun in ("they", "them", "their") and any(
                        (c := view.of(m)) is not None and c.coordinated for m in orgs):
                    break   # "The Taliban and the Kurds met ...; they": both of them, not one
                if orgs:
                    if len({normalize_name(m.text) for m in orgs}) == 1:
                        out[mention.key] = orgs[-1]
                    break
    return out


def _subject(view: ArticleView, mention: Mention, pronoun: Mention) -> bool:
    """The name is a subject, and no other subject stands between it and the pronoun ("The centre belongs
    to the NDS; it was targeted": "it" is the centre, so the NDS is no candidate)."""
    context = view.of(mention)
    if context is None or context.dep not in ("nsubj", "nsubjpass"):
        return False
    return not view.subject_between(context.span[1], pronoun.start)


_THIRD = PERSONAL | PLURAL_OR_NEUTER
_QUOTES = (('"', '"'), ("\u201c", "\u201d"))


def _quoted(view: ArticleView, mention: Mention, sentence: int) -> bool:
    """The mention stands inside a direct quotation: an odd number of quotation marks before it in its
    sentence, or after it (a quotation that began in a sentence before)."""
    starts = view.sentences
    start = starts[sentence]
    end = starts[sentence + 1] if sentence + 1 < len(starts) else len(view.text)
    before, after = view.text[start:mention.start], view.text[mention.end:end]
    for opening, closing in _QUOTES:
        if opening == closing:
            if before.count(opening) % 2 or after.count(opening) % 2:
                return True
        elif before.count(opening) > before.count(closing) or after.count(closing) > after.count(opening):
            return True
    return False


def _subject_before(view: ArticleView, mention: Mention, start: int, persons: _ByStart) -> bool:
    """Another noun subject, no person's name, stands between ``start`` (the window's first sentence) and the
    name ("Another earthquake hit Chile, the USGS reported. It occurred at 19:09": "it" may be the
    earthquake; "Eustace said that Google ...; it would stop" is Google)."""
    i = bisect_left(view.subjects, start)
    people = persons.between(start, mention.start)
    while i < len(view.subjects) and view.subjects[i] < mention.start:
        if not any(p.start <= view.subjects[i] < p.end for p in people):
            return True
        i += 1
    return False


def _modifier(view: ArticleView, mention: Mention) -> bool:
    """A person's name written as a modifier inside another name ("George Washington University Hospital"):
    no person the story speaks of, so no antecedent of "he"."""
    context = view.of(mention)
    return context is not None and context.dep == "compound"
