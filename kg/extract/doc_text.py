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
