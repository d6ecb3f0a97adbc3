"""Definite descriptions and bare titles: "the group", "the country", "the Church", "the Prime Minister".

Resolution reads the article through :class:`~kg.extract.context.ArticleView` (each mention's sentence,
dependency role, definiteness and the title words before it), never the parse itself.

A description is not a name: it never becomes a node or a ``skos:altLabel`` of its own. It stands for an
entity of the article when the evidence is strong, and is otherwise left out of the graph (the statements
that use it are dropped rather than guessed):

* ``head``: the head noun is the head word of exactly one name mentioned before it ("the Church" ->
  "Church of Scientology", "the department" -> "US State Department");
* ``title``: a bare title was written before exactly one person's name in the article ("the Prime
  Minister" -> "Prime Minister Rishi Sunak"); the whole title must match, so "the Prime Minister" is never
  the "Foreign Minister" named before it, and two holders of one title leave it unresolved (never the
  nearer one by recency);
* ``class``: a class noun ("the country", "the group", "the city") and exactly one named entity of that
  class that is a referent of its own (not a modifier: "US" in "US soldiers") in its sentence, or else in
  the two before it ("the Taliban took control of the country" -> "Afghanistan");
* ``appositive``: the description is written next to a name and the parse joins them ("MicroMega, the
  secularist magazine", "the secularist magazine MicroMega");
* ``name-and-noun``: a name and a noun saying what it is ("the M5S party" -> "M5S").

A description that also names its own thing stays a concept node: one with a person's name inside ("the
Biden administration"), a government or administration of a place ("the New Zealand government"), and a
classifying noun phrase after "be" or in an indefinite apposition ("Moxon, a Scientology attorney").
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.models import Entity, Mention
from kg.names import HEAD_TITLES, TITLE_WORDS, _title_words, is_title
from kg.ontology import cue_words, entity_noun_rows
from kg.names import is_country
from kg.resolve.entities import _ORG_NOUNS   # "the M5S party": a name and a noun saying what it is

if TYPE_CHECKING:
    from kg.extract.context import ArticleView, Context

# head noun -> the class of entity it may stand for (None: lexical evidence only)
ENTITY_NOUNS: dict[str, str | None] = {noun: None if klass == "-" else klass
                                       for kind, noun, klass, *_ in entity_noun_rows()}
_CLASS_TYPES = {"country": ("Place",), "city": ("Place",), "organization": ("Organization", "Group")}
PERSON_NOUNS = HEAD_TITLES | cue_words("person-noun")
OFFICE_MODIFIERS = cue_words("office-modifier")
_OWN_THING = cue_words("own-thing-noun")
# modifiers that make a definite description another thing than one named before it
_NEW_THING = cue_words("new-thing-word")


def description_head(mention: Mention, context: Context | None = None) -> str | None:
    """The head noun when ``mention`` is a description rather than a name, else None.

    A bare title gives ``"title"``; a one-word entity noun ("team", "the Church") gives that noun; with its
    ``context`` in the parse, a short definite noun phrase headed by an entity or person noun ("the Brazilian
    team", "the Panama coach") gives its head.
    """
    if mention.is_pronoun:
        return None
    if is_title(mention.text):
        return "title"
    words = mention.text.split()
    if mention.is_named and 1 < len(words) <= 5 and words[-1].casefold() in HEAD_TITLES and words[-1][:1].isupper():
        return "title"      # "Ottawa New Democrat MP", "Foreign Affairs Minister": a title, not a name
    if len(words) == 1 and words[0].casefold() in ENTITY_NOUNS:
        return words[0].casefold()
    if context is None or mention.is_named or mention.ner_label or not 1 < len(words) <= 4:
        return None
    head = words[-1].casefold()
    if head not in ENTITY_NOUNS and head not in PERSON_NOUNS:
        return None
    if context.person_inside:
        return None     # "the Biden administration": a person's name makes it a thing of its own
    if any(w.casefold() in _NEW_THING for w in words[:-1]):
        return None     # "the combined company", "the new party": another thing than the ones named before
    if head in _OWN_THING and any(w[:1].isupper() for w in words[:-1]):
        return None     # "the New Zealand government" is not New Zealand, and names one thing
    return head if context.definite else None


_ACCORDING_TO = re.compile(r"\baccording to (?:the )?$", re.IGNORECASE)


def _salient(view: ArticleView, mention: Mention) -> bool:
    """A name that is a referent of its own, not a modifier of another noun ("US" in "US soldiers") nor the
    source a sentence cites ("According to the BBC, the group ...")."""
    if _ACCORDING_TO.search(view.text, max(0, mention.start - 20), mention.start):
        return False
    context = view.of(mention)
    return context is None or context.dep not in ("compound", "amod", "nmod")


def _appositive(view: ArticleView, d: Mention, near: Sequence[Mention]) -> Mention | None:
    """The name written right next to a description ("the secularist magazine MicroMega", "X, the Y").

    ``near``: the article's names that start near the description, in text order.
    """
    text = view.text
    d_context = view.of(d)
    for m in near:
        if m.type == "Person" and plural(d):
            continue        # "Jorge Espinoza, the men are trapped": a plural is no one person
        if m.start > d.end + 8 or m.end < d.start - 8:
            continue        # no gap of a few characters: not written side by side
        gap = text[d.end:m.start] if m.start >= d.end else text[m.end:d.start]
        if m.start >= d.end and gap == " ":
            return m        # "the secularist magazine MicroMega"
        if gap in (", ", ", the ", ", this ") and d_context is not None and not (m.start >= d.end and after_of(text, d)):
            # "the head of the national disaster agency, Benito Ramos": the name is the head's, not the agency's
            m_context = view.of(m)
            if m_context is not None and (d_context.dep == "appos" and m_context.holds(d_context.head)
                                          or m_context.dep == "appos" and d_context.holds(m_context.head)):
                return m    # "MicroMega, the secularist magazine": the parse says they are one phrase
            if m.start >= d.end and m.type == "Person" and len(m.text.split()) > 1 and is_title(d.text):
                return m    # "Malaysia's Prime Minister, Najib Razak said": a bare title and a full name,
                            # side by side, however the parse hung them
    return None


def plural(mention: Mention) -> bool:
    """A noun phrase whose head word is inflected away from its lemma ("men", "statements")."""
    words = mention.text.split()
    return bool(words and mention.head and not mention.is_named) and words[-1].casefold() != mention.head.casefold()


_AFTER_OF = re.compile(r"\bof (?:the |a |an )?$", re.IGNORECASE)
def after_of(text: str, mention: Mention) -> bool:
    """The mention is the object of "of" ("the head of the national disaster agency"): a name in apposition
    after it names the phrase's head, not the mention."""
    return bool(_AFTER_OF.search(text, max(0, mention.start - 8), mention.start))


_POSSESSED = re.compile(r"\b(?:his|her|its|their|our|my|your) $", re.IGNORECASE)


def name_heads(name: str) -> set[str]:
    """Head words of a name: the last word, and the word before "of" ("Church of Scientology")."""
    words = [w.casefold() for w in name.split()]
    heads = {words[-1]} if words else set()
    if "of" in words and words.index("of") > 0:
        heads.add(words[words.index("of") - 1])
    return heads


def title_holders(view: ArticleView, mentions: Sequence[Mention], keys: dict[str, str]) -> dict[str, set[str]]:
    """Normalized title -> keys of the people it was written before ("Prime Minister Rishi Sunak")."""
    holders: dict[str, set[str]] = {}
    for m in mentions:
        if m.type != "Person" or m.key not in keys or (context := view.of(m)) is None:
            continue
        run = context.title_run
        then = _THEN.search(view.text, max(0, m.start - 80), m.start) if run else None
        if then and then.group(1).casefold().replace(".", "").split() == list(run):
            run = ("former", *run)  # "then Prime Minister Tony Blair" held the office once: no holder of it now
        _hold(holders, run, keys[m.key])
    return holders


_THEN = re.compile(r"\bthen[- ]((?:[\w.]+ )+)$", re.IGNORECASE)


def _hold(holders: dict[str, set[str]], run: Sequence[str], key: str) -> None:
    """Register ``key`` as holder of the title ``run`` and of its shorter forms ("Foreign Minister" is a
    "Minister"), but never past a word that makes it another office: a "Shadow Home Secretary", "Vice
    President" or "former President" is no holder of "Home Secretary" or "President"."""
    run = list(run)
    while run and run[-1] not in HEAD_TITLES:
        run.pop()
    for j in range(len(run)):
        if run[j] not in ("the", "of", "for", "acting", "new"):
            holders.setdefault(" ".join(run[j:]), set()).add(key)
        if run[j] in OFFICE_MODIFIERS:
            break


def _title_key(text: str) -> str:
    """The words of a bare title that say which office it is ("the former Prime Minister" -> "former prime
    minister")."""
    return " ".join("former" if w == "then" else w for w in _title_words(text)
                    if (w in TITLE_WORDS or w in OFFICE_MODIFIERS or w == "then") and w not in ("the", "acting", "new"))


def is_title_phrase(text: str) -> bool:
    """A noun phrase headed by a title ("an Ottawa New Democrat MP", "the Prime Minister", "Home Secretary").

    >>> is_title_phrase("an Ottawa New Democrat MP"), is_title_phrase("a Scientology attorney")
    (True, False)
    """
    words = _title_words(text)
    return 0 < len(words) <= 6 and words[-1] in HEAD_TITLES


def resolve_descriptions(view: ArticleView, descriptions: Sequence[Mention], mentions: Sequence[Mention],
                         entities: Sequence[Entity], keys: dict[str, str],
                         held: Sequence[tuple[str, str]] = ()) -> dict[str, tuple[str, str]]:
    """Map description mention keys to ``(entity key, rule)`` where the evidence is strong.

    Args:
        view: the article as plain values (sentences, each mention's context in the parse).
        descriptions: mentions for which :func:`description_head` is not None.
        mentions: the article's other mentions, already clustered (``keys``: mention key -> entity key).
        entities: the article's entities.
        held: (entity key, title) pairs the article states ("Paul Dewar, an Ottawa New Democrat MP" makes
            Dewar a holder of "MP"), beside the titles written right before a name.
    """
    by_key = {e.key: e for e in entities}
    named = [m for m in mentions if m.is_named and keys.get(m.key) in by_key
             and not by_key[keys[m.key]].key.startswith(("concept/",))]
    first_seen: dict[str, int] = {}
    for m in named:
        first_seen[keys[m.key]] = min(first_seen.get(keys[m.key], m.start), m.start)
    holders = title_holders(view, mentions, keys)
    # "then Prime Minister Tony Blair" is also stated as the role "Prime Minister": the title written before the
    # name says it is a former office
    former = {(keys[m.key], title[len("former "):]) for m in mentions if m.title and m.key in keys
              and (title := _title_key(m.title)).startswith("former ")}
    for key, title in held:
        if key in by_key and by_key[key].type == "Person" and (key, _title_key(title)) not in former:
            _hold(holders, _title_key(title).split(), key)
    # indexes, so each description costs lookups rather than a walk over every name (quadratic on long texts)
    heads_of: dict[str, set[str]] = {}   # head word -> entities with a name of that head
    for k in first_seen:
        for n in (by_key[k].label, *by_key[k].aliases):
            for h in name_heads(n):
                heads_of.setdefault(h, set()).add(k)
    by_start = sorted(named, key=lambda m: m.start)
    named_starts = [m.start for m in by_start]
    longest = max((m.end - m.start for m in by_start), default=0)
    starts = view.sentences
    out: dict[str, tuple[str, str]] = {}
    for d in descriptions:
        head = description_head(d, view.of(d))
        if head is None:
            continue
        apposed = _appositive(view, d, by_start[bisect_left(named_starts, d.start - 8 - longest):
                                                bisect_right(named_starts, d.end + 8)])
        if apposed is not None:
            out[d.key] = (keys[apposed.key], "appositive")
            if head == "title" and by_key.get(keys[apposed.key]) is not None \
                    and by_key[keys[apposed.key]].type == "Person":
                # "Najib Razak, Malaysia's Prime Minister": a holder named by apposition, as by a title before
                # the name, for "the Prime Minister" later on
                _hold(holders, _title_key(d.text).split(), keys[apposed.key])
            continue
        if head in PERSON_NOUNS and head not in ENTITY_NOUNS:
            found = holders.get(head, set()) if head in HEAD_TITLES else set()
            if len(found) == 1:
                out[d.key] = (next(iter(found)), "title")
            continue
        if head == "title":
            # the whole title must match: "the Prime Minister" is never a "Foreign Minister" named earlier;
            # words that are no title words say whose title it is ("Panama coach", "FBI director")
            title = _title_key(d.text)
            found = holders.get(title, set()) if title else set()
            if len(found) == 1:
                out[d.key] = (next(iter(found)), "title")
            continue
        if (d_context := view.of(d)) is not None and d_context.indefinite:
            continue    # "we're going to have a party": a new one, no earlier name
        words = [w.casefold() for w in d.text.split()]
        if len(words) > 1 and head in _ORG_NOUNS:
            same = sorted(k for k in first_seen if by_key[k].type in ("Organization", "Entity", "Group")
                          and any(n.casefold().split() == words[:-1] for n in (by_key[k].label, *by_key[k].aliases)))
            if len(same) == 1:
                out[d.key] = (same[0], "name-and-noun")
                continue
        lexical = sorted(k for k in heads_of.get(head, ()) if first_seen[k] < d.start)
        if len(lexical) == 1:
            out[d.key] = (lexical[0], "head")
            continue
        if lexical or ENTITY_NOUNS.get(head) is None or _POSSESSED.search(view.text, max(0, d.start - 8), d.start):
            continue    # "his country": the possessor's, whichever country is named nearby
        klass = ENTITY_NOUNS[head] or ""
        index = bisect_right(starts, d.start) - 1
        for back in (0, 2):     # the same sentence first, then the two before it
            window_start = starts[max(0, index - back)]
            near = {keys[m.key] for m in by_start[bisect_left(named_starts, window_start):
                                                  bisect_left(named_starts, d.start)] if _salient(view, m)}
            fits = sorted(k for k in near if by_key[k].type in _CLASS_TYPES[klass]
                          and (klass != "country" or is_country(by_key[k].label))
                          and (klass != "city" or not is_country(by_key[k].label)))
            if fits:
                if len(fits) == 1:
                    out[d.key] = (fits[0], "class")
                break
    return out




_SET_WORDS = cue_words("number-word") | {"any", "no", "all", "either", "neither", "few", "most", "last", "final",
                                        "next", "previous", "new", "latest", "former"}


def resolve_head_anaphora(view: ArticleView, mentions: Sequence[Mention], keys: dict[str, str],
                          entities: Sequence[Entity], *, keep: frozenset[str] = frozenset()
                          ) -> dict[str, tuple[str, str]]:
    """Map a definite bare singular noun ("the team", "the database") to the one entity of the article
    written before it with a longer phrase of that head noun ("the six-member Afghan team", "the NEMISIS
    database"), named or not; ``(entity key, "head")`` per mention key.

    Strong evidence only: the bare noun stayed an article-local concept, is singular and has no phrase or
    clause after it saying which one it is ("the exhibit at USI" is a new exhibit); exactly one entity has a
    phrase of that head before it (two, "the Afghan team" and "the European team", leave it alone, never the
    nearer one); a phrase that counts or orders ("the first game", "every team", "two billion people") is
    a candidate that blocks it, since "the game" may be any of them; a person, work or product is no
    candidate ("the girls" is not the robot "Better Idea of Afghan Girls"). ``keep``: keys of mentions that
    classify rather than refer ("X is a team") and stay.
    """
    by_key = {e.key: e for e in entities}
    heads: dict[str, list[tuple[int, str]]] = {}     # head word -> (start, entity key) of longer phrases
    for m in mentions:
        words = m.text.split()
        target = keys.get(m.key)
        if m.is_pronoun or len(words) < 2 or target is None or target not in by_key:
            continue
        if any((w.casefold() in _SET_WORDS or w[:1].isdigit()) and nxt != "-" for w, nxt in zip(words, words[1:])) \
                or by_key[target].type in ("Person", "Work", "Product"):
            target = f"blocked/{m.key}"     # a candidate of its own that nothing resolves to
        heads.setdefault(words[-1].casefold(), []).append((m.start, target))
    out: dict[str, tuple[str, str]] = {}
    for m in mentions:
        own = keys.get(m.key, "")
        if m.is_pronoun or m.is_named or m.key in keep or len(m.text.split()) != 1 or not own.startswith("concept/") \
                or not m.text.isalpha() or m.head and m.head.casefold() != m.text.casefold() \
                or (context := view.of(m)) is None or not context.definite or context.restricted:
            continue
        found = {k for start, k in heads.get(m.text.casefold(), ()) if start < m.start and k != own}
        if len(found) == 1 and not (target := next(iter(found))).startswith("blocked/"):
            out[m.key] = (target, "head")
    return out
