"""A Doc's text, joined once: spaCy rebuilds ``doc.text`` from every token on each access."""
from __future__ import annotations

import threading
import weakref

from spacy.tokens import Doc

_last = threading.local()    # per thread: (weak reference to the last Doc, its text)


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc (reading it for each name made a long article quadratic).

    Each thread keeps its last Doc's text, by a weak reference to the Doc: threads analyzing different
    articles at once (a dask worker with several threads) neither read each other's text nor evict it."""
    last = getattr(_last, "doc", None)
    if last is None or last[0]() is not doc:
        last = _last.doc = (weakref.ref(doc), doc.text)
    return last[1]


_words = threading.local()   # per thread: (weak reference to the last Doc, its word positions)


def word_positions(doc: Doc) -> dict[str, list[int]]:
    """Where each word (a token's exact text) stands in ``doc``: its token indices in order, made once per Doc
    and thread as :func:`doc_text` is (asking "does the article write this word elsewhere?" by a walk over every
    token, once per name, made a long article quadratic)."""
    last = getattr(_words, "doc", None)
    if last is None or last[0]() is not doc:
        positions: dict[str, list[int]] = {}
        for i, text in enumerate(t.text for t in doc):
            positions.setdefault(text, []).append(i)
        last = _words.doc = (weakref.ref(doc), positions)
    return last[1]
