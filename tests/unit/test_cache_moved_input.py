"""The build cache finds an article again when its input file moves (or is read from a copy elsewhere): it is
keyed by the article's content, not its path (issue 9's rough edge "the build cache misses when the input
file moves"). No model: the cached result is a hand-made one."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.models import Article, ArticleResult
from kg.pipeline import _Cache, analyze_articles
from kg.readers import read_paths

ROOT = Path(__file__).resolve().parents[2]


def _articles(path: Path) -> list[Article]:
    found = [a for a in read_paths([path]) if isinstance(a, Article)]
    assert found
    return found


def test_cache_hits_after_the_input_moves(tmp_path: Path) -> None:
    first = tmp_path / "in" / "news.jsonl"
    first.parent.mkdir()
    shutil.copy(ROOT / "articles" / "wikinews.jsonl", first)
    cache = _Cache(tmp_path / "cache", "no-model")
    before = _articles(first)
    for article in before:
        cache.put(ArticleResult(article))
    moved = tmp_path / "elsewhere" / "deeper" / "renamed.jsonl"
    moved.parent.mkdir(parents=True)
    shutil.move(str(first), moved)
    after = _articles(moved)
    assert [a.source for a in after] != [a.source for a in before]      # they do come from another path
    stats: dict[str, int] = {}
    results = list(analyze_articles(after, model="no-model", cache=cache, stats=stats))
    assert stats == {"cached": len(after)}      # every one from the cache: nothing was parsed
    assert [r.article for r in results] == after   # and each carries where it was read from now


def test_cache_misses_when_the_text_changes(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Kabul\n\nThe Taliban said on Saturday they will not work with the US.\n", encoding="utf-8")
    cache = _Cache(tmp_path / "cache", "no-model")
    (article,) = _articles(path)
    cache.put(ArticleResult(article))
    path.write_text("Kabul\n\nThe Taliban said on Sunday they will not work with the US.\n", encoding="utf-8")
    (changed,) = _articles(path)
    assert cache.get(changed) is None and cache.get(article) is not None


def test_few_new_articles_parse_in_a_forked_process_and_its_errors_arrive_here(tmp_path: Path, monkeypatch) -> None:
    """With -j 2, the few articles not in the cache are parsed by a forked process while this one reads the cache
    and runs ``meanwhile``; an error there (here: no model) is raised here, after the cached results."""
    import kg.nlp
    from kg.errors import ModelNotFoundError

    path = tmp_path / "news.jsonl"
    shutil.copy(ROOT / "articles" / "wikinews.jsonl", path)
    articles = _articles(path)
    assert len(articles) >= 2
    cache = _Cache(tmp_path / "cache", "no-model")
    for article in articles[1:]:
        cache.put(ArticleResult(article))

    def missing(model: str):
        raise ModelNotFoundError(f"spaCy pipeline {model!r} is not installed")

    monkeypatch.setattr(kg.nlp, "load_pipeline", missing)
    seen: list[object] = []
    with pytest.raises(ModelNotFoundError, match="no-model"):
        for result in analyze_articles(articles, model="no-model", cache=cache, n_process=2,
                                       meanwhile=lambda: seen.append("meanwhile")):
            seen.append(result.article.id)
    assert seen == [a.id for a in articles[1:]] + ["meanwhile"]
