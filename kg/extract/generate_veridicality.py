"""Regenerate ``ontology/veridicality.tsv`` from MegaVeridicality 2.1 (a maintainer's tool).

The table is committed, so a build never reads the source data; run this only to refresh it::

    python kg/extract/generate_veridicality.py ../shared/lexicons/megaveridicality/ ontology/veridicality.tsv

Source: MegaVeridicality 2.1, A. S. White & K. Rawlins, normalized veridicality judgments for 773
clause-embedding verbs by syntactic frame (``mega-veridicality-v2.1-normalized.tsv``), CC BY-SA 4.0; the
derived table is distributed under the same licence (its header says so).

How a class is derived. The normalized release gives one score per verb and frame, pooled over both
matrix polarities ("X knew that p" and "X didn't know that p"): a high score means readers take the
complement as true whichever the polarity (factives: *regret, realize, notice*; *force, cause, help* for
"NP Ved NP to VP"), a very low one that they take it as false (*pretend, fabricate, lie*), and scores in
between mean the complement is not taken as a fact. Pooling hides the two-way implicatives, whose
complement flips with the matrix polarity (*manage to*: yes / no; *fail to*: no / yes) and averages out
near zero, and it cannot tell a request from a belief or a denial from a claim. Those distinctions are
added from the standard verb classes (Karttunen 1971 implicatives, Kiparsky & Kiparsky 1970 factives,
Horn 1978 neg-raising predicates), listed below with ``source=curated``; every other row is the data's.

Classes (what the complement of the verb in that frame is):
    factive       a fact the writer vouches for, whatever the verb's polarity (the verb's subject is named
                  as a source too); from the data: a pooled score of FACTIVE_SCORE or more
    implicative   happened when the verb is positive, did not when it is negated (manage, force)
    negative      did not happen when the verb is positive (refuse, fail, decline)
    denial        the verb's subject says it is false (deny): negative, attributed, not asserted
    directive     requested of someone, not done (ask, urge, order): modality "requested"
    planned       intended or scheduled (plan, intend, aim)
    reported      someone's claim, belief or expectation: attributed to the verb's subject
    antiveridical taken as false by readers (pretend, lie): attributed, never asserted
A ``negraise`` flag marks predicates whose negation is read on the complement ("does not believe that p"
= believes that not p).
"""
from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

SOURCE = "mega-veridicality-v2.1-normalized.tsv"
# MegaVeridicality frame -> our frame name
FRAMES = {"NP Ved that S": "that", "NP Ved to VP[+eventive]": "to", "NP Ved to VP[-eventive]": "to",
          "NP Ved NP to VP[+eventive]": "np_to", "NP Ved NP to VP[-eventive]": "np_to",
          "NP was Ved to VP[+eventive]": "passive_to", "NP was Ved to VP[-eventive]": "passive_to",
          "NP Ved for NP to VP": "for_to", "NP was Ved that S": "passive_that"}
# and "adj_to" (NP is ADJ to VP), which only curated rows use
FACTIVE_SCORE = 1.0          # pooled score at or above which the complement is read as true
IMPLICATIVE_SCORE = 0.75     # the same for NP Ved NP to VP, whose scores run lower: "forced X to leave"
ANTIVERIDICAL_SCORE = -2.4   # at or below: read as false ("pretended that")

# the standard classes the pooled scores cannot show (see the module docstring); lemma -> frames
CURATED: list[tuple[str, str, tuple[str, ...]]] = [
    # two-way implicatives (Karttunen 1971)
    ("manage", "implicative", ("to",)), ("succeed", "implicative", ("to",)), ("remember", "implicative", ("to",)),
    ("bother", "implicative", ("to",)), ("dare", "implicative", ("to",)), ("get", "implicative", ("to",)),
    ("fail", "negative", ("to",)), ("refuse", "negative", ("to",)), ("decline", "negative", ("to",)),
    ("neglect", "negative", ("to",)), ("forget", "negative", ("to",)), ("avoid", "negative", ("to",)),
    ("omit", "negative", ("to",)), ("cease", "negative", ("to",)), ("stop", "negative", ("to",)),
    ("hesitate", "negative", ("to",)),
    # denials: the subject says the complement is false
    ("deny", "denial", ("that", "to")), ("refute", "denial", ("that", "to")), ("dispute", "denial", ("that",)),
    ("reject", "denial", ("that",)), ("dismiss", "denial", ("that",)), ("rebut", "denial", ("that",)),
    ("contradict", "denial", ("that",)),
    # factives and semi-factives whose pooled score is pulled down by their negative frame
    ("acknowledge", "factive", ("that",)), ("admit", "factive", ("that",)), ("discover", "factive", ("that",)),
    ("learn", "factive", ("that",)), ("find", "factive", ("that",)), ("reveal", "factive", ("that",)),
    ("confirm", "factive", ("that",)), ("concede", "factive", ("that",)), ("find_out", "factive", ("that",)),
    ("prove", "factive", ("that",)), ("show", "factive", ("that",)), ("uncover", "factive", ("that",)),
    ("establish", "factive", ("that",)), ("verify", "factive", ("that",)),
    # speech verbs whose pooled score is high, but whose complement is the speaker's word, not a fact
    ("announce", "reported", ("that",)), ("warn", "reported", ("that",)), ("explain", "reported", ("that",)),
    ("stress", "reported", ("that",)), ("reiterate", "reported", ("that",)), ("complain", "reported", ("that",)),
    ("point_out", "reported", ("that",)), ("leak", "reported", ("that",)), ("share", "reported", ("that",)),
    ("cry", "reported", ("that",)), ("whine", "reported", ("that",)), ("gasp", "reported", ("that",)),
    ("grumble", "reported", ("that",)), ("groan", "reported", ("that",)), ("detail", "reported", ("that",)),
    ("document", "reported", ("that",)), ("update", "reported", ("that",)), ("underline", "reported", ("that",)),
    # directives: the complement is requested of the object, not done
    ("ask", "directive", ("np_to", "passive_to")), ("urge", "directive", ("np_to", "passive_to")),
    ("tell", "directive", ("np_to", "passive_to")), ("order", "directive", ("np_to", "passive_to")),
    ("advise", "directive", ("np_to", "passive_to")), ("call", "directive", ("np_to",)),
    ("request", "directive", ("np_to", "passive_to")), ("implore", "directive", ("np_to",)),
    ("beg", "directive", ("np_to",)), ("encourage", "directive", ("np_to", "passive_to")),
    ("press", "directive", ("np_to", "passive_to")), ("pressure", "directive", ("np_to", "passive_to")),
    ("instruct", "directive", ("np_to", "passive_to")), ("command", "directive", ("np_to", "passive_to")),
    ("invite", "directive", ("np_to", "passive_to")), ("petition", "directive", ("np_to",)),
    ("lobby", "directive", ("np_to",)), ("demand", "directive", ("np_to", "that")),
    ("recommend", "directive", ("np_to", "that")), ("counsel", "directive", ("np_to",)),
    ("persuade", "directive", ("np_to", "passive_to")), ("convince", "directive", ("np_to", "passive_to")),
    ("allow", "directive", ("np_to", "passive_to")), ("permit", "directive", ("np_to", "passive_to")),
    ("authorize", "directive", ("np_to", "passive_to")), ("forbid", "directive", ("np_to", "passive_to")),
    ("prohibit", "directive", ("np_to", "passive_to")), ("appeal", "directive", ("np_to",)),
    ("remind", "directive", ("np_to",)), ("challenge", "directive", ("np_to",)), ("require", "directive", ("np_to",)),
    ("mandate", "directive", ("np_to", "passive_to")), ("direct", "directive", ("np_to", "passive_to")),
    ("warn", "directive", ("np_to",)), ("caution", "directive", ("np_to",)),
    # verbs with a prepositional verbal complement ("accused X of V-ing", "prevented X from V-ing")
    ("accuse", "reported", ("np_to", "passive_to")), ("charge", "reported", ("np_to", "passive_to")),
    ("blame", "reported", ("np_to",)), ("convict", "factive", ("np_to", "passive_to")),
    ("prevent", "negative", ("np_to",)), ("stop", "negative", ("np_to",)), ("bar", "negative", ("np_to", "passive_to")),
    ("block", "negative", ("np_to",)), ("ban", "negative", ("np_to", "passive_to")),
    ("refrain", "negative", ("to",)), ("abstain", "negative", ("to",)),
    # adjectives with an infinitive ("is likely to V", "was unable to V"): no verb lexicon lists them
    ("likely", "planned", ("adj_to",)), ("due", "planned", ("adj_to",)), ("poised", "planned", ("adj_to",)),
    ("set", "planned", ("adj_to",)), ("bound", "planned", ("adj_to",)), ("certain", "planned", ("adj_to",)),
    ("sure", "planned", ("adj_to",)), ("ready", "planned", ("adj_to",)), ("willing", "planned", ("adj_to",)),
    ("eager", "planned", ("adj_to",)), ("keen", "planned", ("adj_to",)), ("about", "planned", ("adj_to",)),
    ("able", "implicative", ("adj_to",)), ("unable", "negative", ("adj_to",)),
    # intentions and schedules
    ("plan", "planned", ("to",)), ("intend", "planned", ("to", "np_to")), ("aim", "planned", ("to",)),
    ("prepare", "planned", ("to",)), ("schedule", "planned", ("to", "passive_to")), ("set", "planned", ("passive_to",)),
    ("expect", "planned", ("passive_to",)), ("decide", "planned", ("to",)), ("agree", "planned", ("to",)),
    ("promise", "planned", ("to",)), ("pledge", "planned", ("to",)), ("vow", "planned", ("to",)),
    ("threaten", "planned", ("to",)), ("offer", "planned", ("to",)), ("want", "planned", ("to",)),
    ("hope", "planned", ("to",)), ("seek", "planned", ("to",)), ("try", "planned", ("to",)),
    ("attempt", "planned", ("to",)), ("propose", "planned", ("to",)), ("wish", "planned", ("to",)),
    # reported beliefs and claims in the "NP was Ved to VP" frame: "is believed to", "is said to"
    ("believe", "reported", ("passive_to", "np_to")), ("say", "reported", ("passive_to",)),
    ("allege", "reported", ("passive_to", "np_to")), ("report", "reported", ("passive_to",)),
    ("suspect", "reported", ("passive_to", "np_to")), ("think", "reported", ("passive_to",)),
    ("rumor", "reported", ("passive_to",)), ("rumour", "reported", ("passive_to",)),
    ("claim", "reported", ("to", "that")), ("consider", "reported", ("passive_to", "np_to")),
]
# Horn (1978): predicates whose negation is read on their complement
NEG_RAISING = {"believe", "think", "expect", "suppose", "imagine", "reckon", "anticipate", "feel", "guess",
               "figure", "seem", "appear", "want", "intend", "plan", "advise", "suggest", "recommend", "figure"}


def derive(rows: list[dict[str, str]]) -> dict[tuple[str, str], tuple[str, float | None, str]]:
    """(lemma, frame) -> (class, pooled score or None, source) for every verb and frame of the data."""
    scores: dict[tuple[str, str], list[float]] = defaultdict(list)
    for row in rows:
        frame = FRAMES.get(row["frame"])
        if frame is None or row["polarity"] != "positive":      # the score is pooled: one row per frame is enough
            continue
        scores[(row["verb"], frame)].append(float(row["veridicalitynorm"]))
    table: dict[tuple[str, str], tuple[str, float | None, str]] = {}
    for (verb, frame), values in scores.items():
        score = max(values) if frame in ("to", "np_to", "passive_to") else sum(values) / len(values)
        if score <= ANTIVERIDICAL_SCORE:
            klass = "antiveridical"
        elif score >= (IMPLICATIVE_SCORE if frame == "np_to" else FACTIVE_SCORE):
            klass = "factive"      # true under both matrix polarities: "forced X to leave", "was amazed to see"
        else:
            klass = "reported"
        table[(verb, frame)] = (klass, round(score, 3), "megaveridicality")
    for verb, klass, frames in CURATED:
        for frame in frames:
            score = table.get((verb, frame), (None, None, ""))[1]
            table[(verb, frame)] = (klass, score, "curated")
    return table


def main(source_dir: str, out_path: str) -> None:
    source = Path(source_dir) / SOURCE
    with source.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    table = derive(rows)
    with Path(out_path).open("w", encoding="utf-8") as out:
        out.write(
            "# Veridicality of clause-embedding verbs: is the embedded clause a fact, a claim, a request, or false?\n"
            "# Derived from MegaVeridicality 2.1 (Aaron Steven White and Kyle Rawlins; http://megaattitude.io;\n"
            "# White & Rawlins 2018, NELS 48; White, Rudinger, Rawlins & Van Durme 2018, EMNLP), licensed under\n"
            "# CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); this derived table is licensed under\n"
            "# CC BY-SA 4.0 as well. Changes: normalized scores pooled per verb and frame and turned into classes;\n"
            "# rows marked 'curated' add standard classes the pooled scores cannot show (see the generator).\n"
            "# Regenerate: python kg/extract/generate_veridicality.py ../shared/lexicons/megaveridicality/ "
            "ontology/veridicality.tsv\n"
            "#\n"
            "# Columns (TAB-separated): lemma (phrasal verbs with '_'), frame (that: NP Ved that S; to: NP Ved to VP;\n"
            "# np_to: NP Ved NP to VP; passive_to: NP was Ved to VP; passive_that: NP was Ved that S; for_to: NP Ved\n"
            "# for NP to VP; adj_to: NP is ADJ to VP), class (factive implicative negative denial directive planned reported antiveridical),\n"
            "# negraise (yes: 'does not believe that p' reads as 'believes that not p'), score (pooled normalized\n"
            "# veridicality, empty when the data has no such row), source (megaveridicality or curated).\n"
            "# lemma\tframe\tclass\tnegraise\tscore\tsource\n")
        for (verb, frame), (klass, score, src) in sorted(table.items()):
            out.write(f"{verb}\t{frame}\t{klass}\t{'yes' if verb in NEG_RAISING else ''}\t"
                      f"{'' if score is None else score}\t{src}\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python kg/extract/generate_veridicality.py MEGAVERIDICALITY_DIR OUT.tsv")
    main(sys.argv[1], sys.argv[2])
