"""The per-article stage, engine-neutral: articles in, spaCy-free :class:`~kg.models.ArticleResult` out.

:func:`analyze_batch` parses a batch of articles and extracts and resolves each one in the same process, so
every engine (in-process, a process pool, a dask cluster, and equally a Spark or Ray adapter) runs parse +
extraction + in-article resolution together, and only small picklable values cross process boundaries: the
:class:`~kg.models.Article` going in and the :class:`~kg.models.ArticleResult` coming out, never a ``Doc``.
The model is loaded once per process (:func:`kg.nlp.load_pipeline` is cached).
"""
from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from kg import DEFAULT_MODEL
from kg.models import Article, ArticleResult, Skipped
from kg.vocab import DEFAULT_BASE

if TYPE_CHECKING:
    from spacy.language import Language


def analyze_stream(articles: Iterable[Article], *, model: str = DEFAULT_MODEL, batch_size: int = 16,
                   time_limit: float | None = None, base: str = DEFAULT_BASE, compact: bool = False
                   ) -> Iterator[ArticleResult | Skipped]:
    """Yield one result per article, in order, streaming through ``nlp.pipe`` in this process; an article
    whose extraction and resolution outlast ``time_limit`` seconds yields a :class:`~kg.models.Skipped`.

    Each result carries its article's named graph as export chunks (``result.graph``, IRIs under ``base``:
    :mod:`kg.article_graph`), built here, beside the parse. ``compact`` leaves out what a build no longer
    needs once that graph is built (mentions, statements, resolution), so less crosses process boundaries
    and goes into the cache."""
    from kg.article_graph import article_graph
    from kg.budget import OverBudget, time_budget
    from kg.extract.doc_text import parsed_text
    from kg.graph import prefixes
    from kg.nlp import parse_articles
    from kg.resolve import analyze

    nlp = _loaded(model)
    names = prefixes(base)
    for doc, article in parse_articles(nlp, articles, batch_size=batch_size):
        try:
            with time_budget(time_limit):
                parsed_text(doc, article.text)    # the Doc's text is the article's: kept, not joined again
                result = analyze(doc, article)
        except OverBudget:
            yield Skipped(article.source, f"analysis took longer than {time_limit:g}s ({len(article.text):,} "
                                          f"characters), stopped; split the article or raise --article-time-limit")
            continue
        chunk = article_graph(result, base, names)
        yield (replace(result, mentions=(), statements=(), resolution=(), graph=chunk) if compact
               else replace(result, graph=chunk))


def analyze_batch(articles: Sequence[Article], model: str = DEFAULT_MODEL, time_limit: float | None = None,
                  base: str = DEFAULT_BASE, compact: bool = False) -> list[ArticleResult | Skipped]:
    """The results of ``articles`` (in order): the task every engine runs, wherever the parse runs."""
    return list(analyze_stream(articles, model=model, batch_size=max(1, len(articles)), time_limit=time_limit,
                               base=base, compact=compact))


def warm_up(model: str = DEFAULT_MODEL) -> None:
    """Load the model (and the data files resolution reads) before the first task arrives."""
    _loaded(model)


_frozen: set[str] = set()


def _loaded(model: str) -> Language:
    """The pipeline ``model``, loaded once per process; after the first load, the objects alive then (the
    model's, the modules') are moved out of the garbage collector's generations (``gc.freeze``): they live
    as long as the process, and every full collection walked them again (on the first 300 Wikinews articles,
    -j 1, collections took 3.7 s CPU of 55, 1.9 s with them frozen). Freezing changes no output."""
    from kg.nlp import load_pipeline

    nlp = load_pipeline(model)
    if model not in _frozen:
        _frozen.add(model)
        gc.freeze()
    return nlp
