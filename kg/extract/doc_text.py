"""A Doc's text, joined once: spaCy rebuilds ``doc.text`` from every token on each access."""
from __future__ import annotations

import weakref

from spacy.tokens import Doc

_last: tuple[weakref.ref, str] | None = None


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc (reading it for each name made a long article quadratic).

    The last Doc's text is kept, by a weak reference to the Doc and set in one assignment, so threads working
    on different Docs at once only join it again, never read another Doc's text."""
    global _last
    last = _last
    if last is None or last[0]() is not doc:
        last = _last = (weakref.ref(doc), doc.text)
    return last[1]
