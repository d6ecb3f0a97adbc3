"""Hand-built spaCy Docs for unit tests: no model is loaded.

``make_doc`` takes a compact token table so each test shows the parse it relies on::

    doc = make_doc([
        # text      lemma     pos     tag    dep      head  ent
        ("Taliban", "Taliban", "PROPN", "NNP", "nsubj", 1, "B-ORG"),
        ("met",     "meet",    "VERB",  "VBD", "ROOT",  1, "O"),
        ...
    ])

``head`` is the absolute index of the head token (the root points at itself).
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

Row = tuple[str, str, str, str, str, int, str]


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    return spacy.blank("en").vocab   # English lexical attributes (lower_, like_num, is_punct)


def make_doc(rows: Sequence[Row], *, spaces: Sequence[bool] | None = None) -> Doc:
    """A parsed, tagged, lemmatized, NER-annotated Doc with one sentence per ROOT."""
    words = [r[0] for r in rows]
    if spaces is None:
        spaces = [i + 1 < len(rows) and rows[i + 1][2] != "PUNCT" and rows[i + 1][0] not in ("'s", "n't")
                  for i in range(len(rows))]
    sent_starts = []
    for i, r in enumerate(rows):
        sent_starts.append(i == 0 or (rows[i - 1][2] == "PUNCT" and rows[i - 1][0] in (".", "!", "?")))
    doc = Doc(vocab(), words=list(words), spaces=list(spaces), lemmas=[r[1] for r in rows],
              pos=[r[2] for r in rows], tags=[r[3] for r in rows], deps=[r[4] for r in rows],
              heads=[r[5] for r in rows], ents=[r[6] for r in rows], sent_starts=sent_starts)
    return doc
