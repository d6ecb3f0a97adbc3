"""A Doc's text, joined once: spaCy rebuilds ``doc.text`` from every token on each access."""
from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import TypeVar

from spacy.attrs import ORTH
from spacy.tokens import Doc

T = TypeVar("T")
_last = threading.local()    # per thread and kind of value: (weak reference to the last Doc, its value)


def _per_doc(kind: str, doc: Doc, make: Callable[[Doc], T]) -> T:
    """``make(doc)``, made once per Doc: each thread keeps its last Doc's value of each kind, by a weak reference
    to the Doc, so threads analyzing different articles at once (a dask worker with several threads) neither
    read each other's values nor evict them."""
    last = getattr(_last, kind, None)
    if last is None or last[0]() is not doc:
        last = (weakref.ref(doc), make(doc))
        setattr(_last, kind, last)
    return last[1]


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc (reading it for each name made a long article quadratic)."""
    return _per_doc("text", doc, lambda d: d.text)


def parsed_text(doc: Doc, text: str) -> str:
    """``doc``'s text when the caller parsed ``text`` into ``doc`` (spaCy's tokenizer keeps every character, and
    :func:`kg.nlp.parse_articles` joins a long article's pieces back exactly): kept as the Doc's
    :func:`doc_text` (for this thread's next calls, e.g. :func:`kg.resolve.analyze` right after) without
    joining it again from every token. A ``text`` whose length is not the Doc's is not its text: then the
    Doc's own is joined."""
    last = doc[-1] if len(doc) else None
    if (last.idx + len(last.text_with_ws) if last is not None else 0) != len(text):
        return doc_text(doc)
    return _per_doc("text", doc, lambda d: text)


def word_positions(doc: Doc) -> dict[str, list[int]]:
    """Where each word (a token's exact text) stands in ``doc``: its token indices in order, made once per Doc
    (asking "does the article write this word elsewhere?" by a walk over every token, once per name, made a
    long article quadratic)."""
    return _per_doc("words", doc, _positions)


def _positions(doc: Doc) -> dict[str, list[int]]:
    # by the tokens' ORTH ids (one array from C) and each id's string once: making a Token per word cost more
    by_id: dict[int, list[int]] = {}
    for i, orth in enumerate(doc.to_array(ORTH).tolist()):
        by_id.setdefault(orth, []).append(i)
    strings = doc.vocab.strings
    return {strings[orth]: positions for orth, positions in by_id.items()}
