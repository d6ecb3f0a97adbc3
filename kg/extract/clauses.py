"""Clause-level open information extraction over a spaCy dependency parse.

One extractor, two renderings. :func:`walk` is the extractor: one pass over a sentence finds every
predicate with the subjects it takes (:class:`Frame`), the nominal modifiers that carry implicit
predications (appositions, possessives, titles, nominal events) and what predicates look up above
themselves; :meth:`SentenceFrames.status` gives each predicate's polarity, modality and attribution once.
Both renderings read the same :class:`SentenceFrames`: :func:`propositions` (here) renders binary,
entity-level propositions for the graph, and :func:`kg.extract.nary.clauses` renders n-ary clauses with
full argument phrases for CaRB.

:func:`propositions` yields one :class:`Proposition` per (subject, relation, object) the parse supports:
active and passive clauses, prepositional objects, copulas, appositions, titles, control verbs and light
verbs, conjunctions of subjects, verbs and objects, and relative clauses. Each keeps its tokens (for
rendering) and its polarity, modality, attribution and a confidence derived from the evidence.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.symbols import AUX, NOUN, PERSON, VERB, appos as APPOS, poss as POSS
from spacy.tokens import Doc, Span, Token

from kg.extract import veridicality
from kg.extract.factuality import (COMPLEMENT_PREPS, SentenceIndex, Status, kept_in_relation,
                                   predicate_status)
from kg.extract.mentions import entity_span, in_title
from kg.extract.modality import NEGATIVE_VERBS
from kg.ontology import cue_words

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
OBJECT_DEPS = {"dobj", "obj", "dative", "oprd"}
COPULA_COMPLEMENTS = {"attr", "acomp"}
QUANTITY_HEADS = cue_words("quantity-head")
TEMPORAL_ENTS = {"DATE", "TIME"}
# prepositions that introduce time, cause or circumstance adjuncts rather than arguments
ADJUNCT_PREPS = cue_words("adjunct-prep")
SYMMETRIC_VERBS = cue_words("symmetric-verb")
# relative-clause attachment repair (see relative_antecedent); nouns for people a "who" may stand for
PERSON_HEADS = cue_words("person-head")
LOCATIVE_PREPS = cue_words("locative-prep")
VIOLENT_EVENT_NOUNS = cue_words("violent-event-noun")
VIOLENT_VERBS = cue_words("violent-verb")
# nouns that name an event, with the relation their verb would give (lemma form, as the lexicon expects)
NOMINAL_EVENTS = {"negotiation": "negotiate with", "talk": "talk with", "meeting": "meet", "discussion":
                  "talk with", "summit": "meet", "attack": "attack", "assault": "attack", "bombing": "bomb",
                  "raid": "raid", "invasion": "invade", "visit": "visit", "agreement": "agree with", "deal":
                  "agree with", "cooperation": "cooperate with", "alliance": "ally with", "partnership":
                  "partner with", "war": "fight", "clash": "clash with", "conflict": "fight", "arrest": "arrest",
                  "criticism": "criticize", "sanction": "sanction", "occupation": "occupy", "support": "support",
                  "dispute": "fight", "condemnation": "condemn", "threat": "threaten", "withdrawal": "withdraw from",
                  "takeover": "take over", "acquisition": "acquire", "merger": "merge with"}
SYMMETRIC_NOMINALS = {"negotiate with", "talk with", "meet", "agree with", "cooperate with", "ally with",
                      "partner with", "fight", "clash with", "merge with"}
# verbs that say a mentioned event did not or will not happen ("cancelled the talks with X")
CANCEL_VERBS = cue_words("cancel-verb")
TITLE_NOUNS = cue_words("title-noun")
# base confidence per rule: how often the rule is right when the parse is right
PATTERN_CONFIDENCE = {"svo": 0.85, "prep": 0.7, "passive": 0.8, "passive-prep": 0.6, "copula": 0.7,
                      "copula-prep": 0.65, "appos": 0.75, "title": 0.75, "role": 0.7, "xcomp": 0.7, "light-verb": 0.7,
                      "relcl": 0.6, "acl": 0.55, "poss": 0.5, "symmetric": 0.6, "nominal": 0.5}


@dataclass
class Proposition:
    """A predicate with two arguments, still tied to the parse (converted to a Statement by the caller)."""

    subject: Token
    relation: str
    object: Token
    verb: Token | None
    pattern: str
    polarity: str = "positive"
    modality: str = "asserted"
    attribution: Token | None = None
    confidence: float = 0.5
    sent: Span | None = None          # set by propositions(); Token.sent is slow to recompute
    governor: Token | None = None     # for nominal events: the predicate of the clause that mentions them

    @property
    def sentence(self) -> Span:
        return self.sent if self.sent is not None else (self.verb or self.subject).sent


def argument(token: Token) -> Token:
    """Skip quantity heads: "a number of incidents" stands for "incidents"."""
    if token.lemma_.lower() in QUANTITY_HEADS and not token.ent_type_:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return token


def with_conjuncts(tokens: list[Token]) -> list[Token]:
    """Expand each token by its coordinated conjuncts ("Afghanistan and Pakistan")."""
    out: list[Token] = []
    for tok in tokens:
        for t in [tok, *tok.conjuncts]:
            if t not in out and t.dep_ not in ("cc", "punct"):
                out.append(t)
    return out


def is_verbal(tok: Token) -> bool:
    return tok.pos_ == "VERB" or (tok.pos_ == "AUX" and any(c.dep_ in COPULA_COMPLEMENTS for c in tok.children))


def subjects(verb: Token) -> tuple[list[Token], bool, str]:
    """(subject tokens, passive?, how found) for a predicate, inheriting through conj/xcomp/relcl/acl."""
    direct = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if direct and verb.dep_ == "relcl" and head_is_nominal(verb.head) and is_relative_pronoun(direct[0]):
        # "the movement, which has sought refuge": the relative pronoun stands for the noun it modifies
        return [relative_antecedent(verb)], direct[0].dep_ == "nsubjpass", "relcl"
    if direct:
        return with_conjuncts([argument(d) for d in direct]), any(d.dep_ == "nsubjpass" for d in direct), "own"
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    head = verb.head
    if verb.dep_ == "conj" and head.i != verb.i and is_verbal(head):
        return subjects(head)[0], passive, "conj"
    if verb.dep_ in ("xcomp", "advcl") and head.i != verb.i and is_verbal(head):
        if verb.dep_ == "advcl" and not (verb.tag_ in ("VBG", "VBN") or any(c.dep_ == "aux" and c.lower_ == "to"
                                                                             for c in verb.children)):
            return [], passive, ""
        subj, _, _ = subjects(head)
        if verb.dep_ == "xcomp":
            objs = [c for c in head.children if c.dep_ in ("dobj", "obj")]
            if objs and head.lemma_ not in ("promise",):   # object control: "urged them to be", "asked X to"
                return with_conjuncts(objs), passive, "object-control"
        return subj, passive, verb.dep_
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head.i != head.i \
            and veridicality.entry(head.lemma_, "adj_to") is not None:
        # "The bank is likely to cut rates", "Rescuers were unable to reach X": the copula's subject
        return subjects(head.head)[0], passive, "xcomp"
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in COMPLEMENT_PREPS and is_verbal(head.head):
        # "succeeded in landing", "accused X of shelling", "is suspected of smuggling": only verbs the
        # veridicality lexicon knows take such a complement, so its status is known too
        matrix = head.head
        objs = [c for c in matrix.children if c.dep_ in ("dobj", "obj")]
        frame = "np_to" if objs else "passive_to" if any(c.dep_ == "auxpass" for c in matrix.children) else "to"
        if veridicality.entry(matrix.lemma_, frame) is None:
            return [], passive, ""
        if objs:
            return with_conjuncts(objs), passive, "object-control"
        return subjects(matrix)[0], passive, "xcomp"
    if verb.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
        rel_pron = [c for c in verb.children if c.tag_ in ("WDT", "WP") or c.lower_ == "that"]
        if not rel_pron or rel_pron[0].dep_ in SUBJECT_DEPS:
            return [argument(head)], passive, "relcl"
        return [], passive, ""
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and verb.tag_ in ("VBG", "VBN"):
        return [argument(head)], verb.tag_ == "VBN", "acl"
    return [], passive, ""


def relative_antecedent(verb: Token) -> Token:
    """The noun a subject relative clause is about, repairing one common misattachment.

    In "a bombing at a mosque that killed 46 people" the parser attaches the clause to the nearest noun,
    the place; a place does not kill, the event does. When the antecedent is the object of a locative
    preposition that modifies an event noun and the verb is an act of violence, the event is the subject.
    """
    noun = verb.head
    pronoun = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.lower_ in ("who", "whom")), None)
    if pronoun is not None and noun.ent_type_ != "PERSON" and noun.lemma_.lower() not in PERSON_HEADS:
        # "disagreements with Mike Pompeo who is the secretary of state": "who" is a person, so the
        # clause is about the nearest person named before it, or about no one the parse can say
        people = [t for t in verb.doc[verb.sent.start:pronoun.i] if t.ent_type_ == "PERSON"
                  and not (t.head.ent_type_ == "PERSON" and t.head.i > t.i)]
        return people[-1] if people else noun
    prep = noun.head
    if (noun.dep_ == "pobj" and prep.lower_ in LOCATIVE_PREPS and prep.head.pos_ == "NOUN"
            and prep.head.lemma_.lower() in VIOLENT_EVENT_NOUNS and verb.lemma_.lower() in VIOLENT_VERBS):
        return argument(prep.head)
    return argument(noun)


def head_is_nominal(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN")


def is_relative_pronoun(token: Token) -> bool:
    return token.tag_ in ("WDT", "WP") or token.lower_ in ("that", "which", "who")


def usable(token: Token) -> bool:
    """An argument that can become a node: not a date/time, a bare number or punctuation."""
    if token.ent_type_ in TEMPORAL_ENTS or token.is_punct or token.is_space:
        return False
    if token.pos_ in ("NUM",) and not token.ent_type_:
        return False
    return token.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X") or bool(token.ent_type_)


def particle(verb: Token) -> str:
    prt = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return " ".join([verb.lemma_.lower(), *prt])


def prep_objects(head: Token, preps: Iterable[Token] | None = None) -> Iterator[tuple[Token, Token]]:
    """(preposition, object) pairs attached to ``head``, including "according to"-style two-word preps.

    ``preps`` are the candidate prepositions when the caller has them (a predicate's prep/agent slots).
    """
    for prep in head.children if preps is None else preps:
        if prep.dep_ not in ("prep", "agent") or prep.lower_ in ADJUNCT_PREPS:
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                for obj in with_conjuncts([argument(pobj)]):
                    yield prep, obj
            elif pobj.dep_ == "prep" and pobj.lower_ not in ADJUNCT_PREPS:     # "out of"
                for inner in pobj.children:
                    if inner.dep_ == "pobj":
                        yield pobj, argument(inner)


# the dependents of a predicate that are its arguments, by role (see argument_slots)
SLOT_ROLES = {"dobj": "object", "obj": "object", "dative": "object", "attr": "object", "oprd": "object",
              "acomp": "object", "prep": "prep", "agent": "agent", "ccomp": "clause", "xcomp": "clause",
              "npadvmod": "adjunct", "advcl": "adjunct", "advmod": "modifier"}

Slot = tuple[Token, str]


def argument_slots(predicate: Token) -> list[Slot]:
    """(dependent, role) for each argument position of a predicate, in sentence order.

    Roles: object (direct, indirect, predicative and copula complements), prep and agent (the preposition
    heads the slot; a prepositional dative is a prep), clause (ccomp/xcomp), adjunct (npadvmod/advcl) and
    modifier (advmod). Each rendering takes the slots it shows: the graph its objects and prepositional
    objects as entities, CaRB every slot as a phrase.
    """
    slots: list[Slot] = []
    for child in predicate.children:
        role = SLOT_ROLES.get(child.dep_)
        if role is not None:
            if role == "object" and child.dep_ == "dative" and child.pos_ == "ADP":
                role = "prep"
            slots.append((child, role))
    return slots


def _decorate(prop: Proposition, verb: Token, sent: Span, found: SentenceFrames) -> Proposition:
    prop.polarity, prop.modality, prop.attribution = found.status(verb)
    conf = PATTERN_CONFIDENCE.get(prop.pattern, 0.5)
    for arg in (prop.subject, prop.object):
        if arg.ent_type_:
            conf += 0.05
        if arg.pos_ == "PRON":
            conf -= 0.15
    if not (sent.start <= prop.subject.i < sent.end and sent.start <= prop.object.i < sent.end):
        conf -= 0.2
    if len(sent) > 40:
        conf -= 0.1    # long sentences are parsed less reliably
    prop.confidence = round(min(max(conf, 0.05), 0.99), 3)
    return prop


def _verb_propositions(frame: Frame, found: SentenceFrames) -> Iterator[Proposition]:
    verb, passive, how = frame.predicate, frame.passive, frame.how
    subj = [s for s in frame.subjects if usable(s)]
    if not subj:
        return
    base = particle(verb)
    # control verbs: "refused to meet X" -> (S, refuse to meet, X); the xcomp is handled here, not on its own
    if how == "xcomp" and kept_in_relation(verb):
        # "refused to meet" is a negative meet, "managed to meet" a meet and "plans to meet" a planned
        # one (polarity and modality say so); other control verbs stay in the relation ("threaten to attack")
        base = f"{particle(verb.head)} to {base}"
    slots = found.slots(verb)
    objects = [c for c, _ in slots if c.dep_ in OBJECT_DEPS]
    # "allowed the convoy to cross", parsed with the convoy as the subject of the infinitive: the convoy is
    # what was (not) allowed, the object of the verb as well
    objects += [s for c, role in slots if role == "clause" and c.dep_ == "ccomp" and any(
        a.dep_ == "aux" and a.tag_ == "TO" for a in c.children) for s in c.children if s.dep_ == "nsubj"
        and s.pos_ in ("NOUN", "PROPN")]
    objects = [o for o in with_conjuncts([argument(o) for o in objects]) if usable(o)]
    preps = list(prep_objects(verb, [c for c, role in slots if role == "prep" or role == "agent"]))
    agents = [obj for prep, obj in preps if prep.dep_ == "agent"]
    if passive:
        if agents:
            for s in subj:
                for a in agents:
                    if usable(a):
                        yield Proposition(a, base, s, verb, "passive")
        rel = " ".join(["be", verb.lower_, *base.split()[1:]]) if verb.tag_ == "VBN" else f"be {base}"
        for prep, obj in preps:
            if prep.dep_ != "agent" and usable(obj):
                for s in subj:
                    yield Proposition(s, f"{rel} {prep.lower_}", obj, verb, "passive-prep")
        return
    if not objects and len(subj) > 1 and verb.lemma_ in SYMMETRIC_VERBS:
        # "X and Y will meet": a symmetric predicate relates the coordinated subjects to each other
        parties = [s for s in subj if s.ent_type_ not in ("GPE", "LOC", "FAC")] or subj
        for i, first in enumerate(parties):
            for second in parties[i + 1:]:
                yield Proposition(first, base, second, verb, "symmetric")
    for s in subj:
        for o in objects:
            yield Proposition(s, base, o, verb, "svo" if how in ("own", "conj") else how if how in
                              ("relcl", "acl") else "xcomp")
    for prep, obj in preps:
        if not usable(obj) or prep.lower_ == "according":
            continue
        for s in subj:
            yield Proposition(s, f"{base} {prep.lower_}", obj, verb, "prep")
            if prep.lower_ == "as" and is_title_noun(obj):
                # "served as ambassador to Pakistan": the role, as the verb's clause states it
                for role in _title_of(s, obj):
                    yield Proposition(role.subject, role.relation, role.object, verb, "title")
    # light verbs and verb-noun predicates: "took control of X", "claimed responsibility for X"
    for o in objects:
        if o.ent_type_ or o.pos_ != "NOUN":
            continue
        for prep, obj in prep_objects(o):
            if usable(obj):
                for s in subj:
                    yield Proposition(s, f"{base} {o.lemma_.lower()} {prep.lower_}", obj, verb, "light-verb")


def _copula_propositions(frame: Frame, found: SentenceFrames) -> Iterator[Proposition]:
    aux = frame.predicate
    subj = [s for s in frame.subjects if usable(s)]
    for comp, _ in found.slots(aux):
        if comp.dep_ not in COPULA_COMPLEMENTS:
            continue
        comps = with_conjuncts([argument(comp)]) if comp.dep_ == "attr" else [comp]
        for c in comps:
            for s in subj:
                if comp.dep_ == "attr" and usable(c):
                    yield Proposition(s, "be", c, aux, "copula")
                for prep, obj in prep_objects(c):
                    if usable(obj):
                        yield Proposition(s, f"be {c.lemma_.lower()} {prep.lower_}", obj, aux, "copula-prep")


def _apposition(tok: Token) -> Iterator[Proposition]:
    """ "Suhail Shaheen, the Taliban political spokesman" -> (Shaheen, be spokesman of, Taliban).

    A title in apposition is a role: of the organization or place it names, or else, when the title is
    only the apposition ("Ahmed al-Assadi, the spokesman, said"), held as a role node of its own. Any
    other description is what the name is ("Moxon, a Scientology attorney" -> be).
    """
    if not usable(tok) or not usable(tok.head):
        return
    named, desc = (tok.head, tok) if tok.head.ent_type_ else (tok, tok.head)
    if not named.ent_type_ or desc.ent_type_ and not desc.pos_ == "NOUN":
        return
    if not is_title_noun(desc):
        yield Proposition(named, "be", desc, None, "appos")
        return
    roles = list(_title_of(named, desc))
    yield from roles
    if not roles and desc is tok and named.ent_type_ == "PERSON":
        yield Proposition(named, "hold role", desc, None, "role")
    elif not roles:
        yield Proposition(named, "be", desc, None, "appos")


def is_title_noun(token: Token) -> bool:
    """A title or office ("spokesman", "Prime Minister", "defence minister")."""
    return token.lemma_.lower() in TITLE_NOUNS or token.lower_ in TITLE_NOUNS


def _title_of(person: Token, title: Token) -> Iterator[Proposition]:
    """ "the Taliban political spokesman" -> (person, be spokesman of, Taliban); "ambassador to Pakistan"
    -> (person, be ambassador to, Pakistan); "spokesperson for the ministry" -> be spokesperson of."""
    word = title.lemma_.lower()
    for child in title.children:
        if child.dep_ in ("compound", "poss", "nmod") and child.ent_type_ in ("ORG", "GPE", "NORP", "LOC") \
                and child.i < title.i:
            yield Proposition(person, f"be {word} of", child, None, "title")
    for prep, obj in prep_objects(title):
        if prep.lower_ in ("of", "for", "to") and obj.ent_type_ in ("ORG", "GPE", "NORP", "LOC", "FAC") \
                and not in_title(obj):      # "Secretary of State": the title, not a State
            yield Proposition(person, f"be {word} {'to' if prep.lower_ == 'to' else 'of'}", obj, None, "title")


def _title_run(root: Token, start: int) -> list[Token]:
    """The title words written right before a name ("US President", "Deputy Secretary of State"): compound
    or nmod dependents of the name with nothing but their own dependents between them and the name."""
    doc = root.doc
    titles = []
    for c in root.children:
        if c.dep_ not in ("compound", "nmod") or c.i >= start or not (
                c.pos_ == "NOUN" or c.pos_ == "PROPN" and not c.ent_type_ and c.lower_ in TITLE_NOUNS):
            continue
        between = [doc[i] for i in range(c.i + 1, start)]
        if all(t.ent_type_ != "PERSON" and c.is_ancestor(t) for t in between):
            titles.append(c)
    return titles


def _title(root: Token) -> Iterator[Proposition]:
    """ "US President Donald Trump" -> (Trump, be president of, US); "Prime Minister Boris Johnson" ->
    (Johnson, hold role, Prime Minister): a title before a name is a role, never the name itself."""
    span = entity_span(root)
    start, end = (span.start, span.end) if span is not None else (root.i, root.i + 1)
    if start <= root.head.i < end and root.head.i != root.i:
        return     # not the entity's root
    for title in _title_run(root, start):
        roles = list(_title_of(root, title))
        yield from roles
        if not roles and is_title_noun(title):
            yield Proposition(root, "hold role", title, None, "role")


def _governor(token: Token) -> Token | None:
    """The nearest verb above a noun: the clause that mentions a nominal event."""
    node = token
    for _ in range(8):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _nominal_event(noun: Token) -> Iterator[Proposition]:
    """Nominalized events: "negotiations between X and Y", "X's talks with Y", "the attack on Y by X"."""
    relation = NOMINAL_EVENTS.get(noun.lemma_.lower())
    if relation is None:
        return
    governor = _governor(noun)
    agents: list[Token] = [c for c in noun.children if c.dep_ == "poss" or (
        c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") and c.i < noun.i)]
    themes: list[Token] = []
    parties: list[Token] = []
    for prep, obj in prep_objects(noun):
        word = prep.lower_
        if word == "between" and relation in SYMMETRIC_NOMINALS:
            parties.extend(p for p in with_conjuncts([obj]) if usable(p) and p not in parties)
        elif word == "by" or prep.dep_ == "agent":
            agents.append(obj)
        elif word in ("with", "on", "against", "of", "to", "into"):
            themes.append(obj)
    parties.sort(key=lambda t: t.i)
    for i, first in enumerate(parties):
        for second in parties[i + 1:]:
            yield Proposition(first, relation, second, None, "nominal", governor=governor)
    for agent in with_conjuncts([a for a in agents if usable(a)]):
        for theme in themes:
            if usable(theme):
                yield Proposition(agent, relation, theme, None, "nominal", governor=governor)


@dataclass
class Frame:
    """A predicate found by :func:`walk`, with its subjects (inherited through conj/xcomp/relcl/acl)."""

    predicate: Token
    subjects: list[Token]
    passive: bool
    how: str          # how the subjects were found (see subjects())


@dataclass
class SentenceFrames:
    """What the one walk over a sentence finds; the graph and CaRB renderings both read it."""

    tokens: Span | Doc
    frames: list[Frame] = field(default_factory=list)
    # appositions, possessives, named persons and nominal-event nouns, in sentence order
    modifiers: list[Token] = field(default_factory=list)
    index: SentenceIndex = field(default_factory=SentenceIndex)
    _status: dict[int, Status] = field(default_factory=dict)
    _slots: dict[int, list[Slot]] = field(default_factory=dict)

    def slots(self, predicate: Token) -> list[Slot]:
        """The argument slots of a predicate (:func:`argument_slots`), found once per predicate."""
        slots = self._slots.get(predicate.i)
        if slots is None:
            slots = self._slots[predicate.i] = argument_slots(predicate)
        return slots

    def status(self, verb: Token) -> Status:
        """(polarity, modality, speaker) of a predicate, computed once per predicate."""
        status = self._status.get(verb.i)
        if status is None:
            status = self._status[verb.i] = predicate_status(verb, self.index)
        return status


def walk(tokens: Span | Doc) -> SentenceFrames:
    """The extractor: one pass over a sentence (or a one-sentence document), see the module docstring."""
    found = SentenceFrames(tokens)
    frames, modifiers, index = found.frames, found.modifiers, found.index
    for tok in tokens:    # one pass: building Token objects is most of the cost of extraction
        pos = tok.pos
        if pos == VERB or pos == AUX and tok.lemma_ == "be":
            subj, passive, how = subjects(tok)
            frames.append(Frame(tok, subj, passive, how))
        dep = tok.dep
        if dep == APPOS or dep == POSS or tok.ent_type == PERSON or pos == NOUN and tok.lemma_ in NOMINAL_EVENTS:
            modifiers.append(tok)
        index.add(tok)
    return found


def propositions(sent: Span, found: SentenceFrames | None = None) -> Iterator[Proposition]:
    """Yield the binary propositions of one sentence: the graph's rendering of :func:`walk`."""
    found = found if found is not None else walk(sent)
    seen: set[tuple[int, str, int, str]] = set()
    candidates: list[Proposition] = []
    for frame in found.frames:
        if frame.predicate.pos == VERB:
            candidates.extend(_verb_propositions(frame, found))
        else:
            candidates.extend(_copula_propositions(frame, found))
    for tok in found.modifiers:
        if tok.dep == APPOS:
            candidates.extend(_apposition(tok))
        if tok.ent_type == PERSON:
            candidates.extend(_title(tok))
        elif tok.pos == NOUN and tok.lemma_ in NOMINAL_EVENTS:
            candidates.extend(_nominal_event(tok))
    for prop in candidates:
        if prop.subject.i == prop.object.i:
            continue
        prop = _decorate(prop, prop.verb, sent, found) if prop.verb is not None else _decorate_static(prop)
        if prop.governor is not None:
            _decorate_nominal(prop, prop.governor, found)
        prop.sent = sent
        key = (prop.subject.i, prop.relation, prop.object.i, prop.polarity)
        if key in seen:
            continue
        seen.add(key)
        yield prop


def _decorate_nominal(prop: Proposition, governor: Token, found: SentenceFrames) -> None:
    """A nominal event holds as the clause that mentions it does; a rejected or denied one does not hold."""
    polarity, mode, speaker = found.status(governor)
    if governor.lemma_ in NEGATIVE_VERBS or governor.lemma_ in CANCEL_VERBS:
        polarity = "negative"
    prop.polarity, prop.modality, prop.attribution = polarity, mode, speaker


def _decorate_static(prop: Proposition) -> Proposition:
    conf = PATTERN_CONFIDENCE.get(prop.pattern, 0.5) + (0.05 if prop.object.ent_type_ else 0.0)
    prop.confidence = round(min(conf, 0.99), 3)
    return prop
