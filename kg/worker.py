"""The per-article stage, engine-neutral: articles in, spaCy-free :class:`~kg.models.ArticleResult` out.

:func:`analyze_batch` parses a batch of articles and extracts and resolves each one in the same process, so
every engine (in-process, a process pool, a dask cluster, and equally a Spark or Ray adapter) runs parse +
extraction + in-article resolution together, and only small picklable values cross process boundaries: the
:class:`~kg.models.Article` going in and the :class:`~kg.models.ArticleResult` coming out, never a ``Doc``.
The model is loaded once per process (:func:`kg.nlp.load_pipeline` is cached).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from kg import DEFAULT_MODEL
from kg.models import Article, ArticleResult


def analyze_stream(articles: Iterable[Article], *, model: str = DEFAULT_MODEL, batch_size: int = 16
                   ) -> Iterator[ArticleResult]:
    """Yield one result per article, in order, streaming through ``nlp.pipe`` in this process."""
    from kg.nlp import load_pipeline, parse_articles
    from kg.resolve import analyze

    nlp = load_pipeline(model)
    for doc, article in parse_articles(nlp, articles, batch_size=batch_size):
        yield analyze(doc, article)


def analyze_batch(articles: Sequence[Article], model: str = DEFAULT_MODEL) -> list[ArticleResult]:
    """The results of ``articles`` (in order): the task every engine runs, wherever the parse runs."""
    return list(analyze_stream(articles, model=model, batch_size=max(1, len(articles))))


def warm_up(model: str = DEFAULT_MODEL) -> None:
    """Load the model (and the data files resolution reads) before the first task arrives."""
    from kg.nlp import load_pipeline

    load_pipeline(model)
