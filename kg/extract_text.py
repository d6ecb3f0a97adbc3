"""``kg extract``: the statements of one text or file, as plain rows."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.errors import InputError, UsageError
from kg.models import Article, Skipped
from kg.nlp import DEFAULT_MODEL, load_pipeline
from kg.readers import SUPPORTED_SUFFIXES, read_file
from kg.resolve import analyze
from kg.safe_text import clean_text


def _is_path(source: str) -> bool:
    """Does ``source`` name an existing file or folder? A text is no path: asking the system about a long
    text ("File name too long") or one holding a NUL byte must not fail."""
    if len(source) >= 4096 or "\n" in source:
        return False
    try:
        return Path(source).exists()
    except (OSError, ValueError):
        return False


def _articles(source: str) -> list[Article]:
    path = Path(source)
    if _is_path(source):
        items = list(read_file(path))
        problems = [i for i in items if isinstance(i, Skipped)]
        found = [i for i in items if isinstance(i, Article)]
        if not found:
            reason = problems[0].reason if problems else "no article found"
            raise InputError(f"{source}: {reason}")
        return found
    if not source.strip():
        raise InputError("nothing to extract: the text is empty", hint="pass a sentence or a file path")
    if re.search("[\ud800-\udfff]", source):
        raise UsageError("the text is not valid UTF-8 (or names no existing file)",
                         hint="pass UTF-8 text or a file path")
    if " " not in source.strip() and (path.suffix.lower() in SUPPORTED_SUFFIXES or "/" in source):
        raise InputError(f"{source}: no such file", hint="check the path, or quote a sentence to extract from it")
    return [Article(id="text", text=clean_text(source.strip()), source="<text>")]


def extract_carb(path: Path, *, model: str = DEFAULT_MODEL) -> Iterator[str]:
    """Yield CaRB prediction lines (``sentence, confidence, relation, arg1, arg2...``) for a sentence file.

    ``path`` holds one pre-tokenised sentence per line; each is parsed with its own tokens and copied into
    the output exactly as written.

    Raises:
        InputError: the file cannot be read.

    Example:
        >>> lines = list(extract_carb(Path("dev.txt")))  # doctest: +SKIP
    """
    from kg.extract.carb import carb_lines

    lines = _sentence_lines(path)
    nlp = load_pipeline(model)
    yield from carb_lines(nlp, lines)


def _sentence_lines(path: Path) -> list[str]:
    """The lines of a sentence file, split on newlines only (``splitlines`` also breaks at \x0b, \x1c, \u2028)."""
    try:
        return path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the sentence file ({exc})",
                         hint="pass a UTF-8 text file with one sentence per line") from exc


def extract_triples(path: Path, *, model: str = DEFAULT_MODEL) -> Iterator[str]:
    """Yield ``sent_id<TAB>subject<TAB>relation<TAB>object`` lines for a file of pre-tokenised sentences
    (one per line; the id is the line number).

    Raises:
        InputError: the file cannot be read.
    """
    from kg.extract.triples import triple_lines

    lines = _sentence_lines(path)
    nlp = load_pipeline(model)
    yield from triple_lines(nlp, lines)


def extract_triples_text(source: str, *, model: str = DEFAULT_MODEL) -> Iterator[str]:
    """Yield ``sent_id<TAB>subject<TAB>relation<TAB>object`` lines for a text or an article file; the id
    numbers the sentences from 1 (spaCy's own tokenisation and sentence split).

    Example:
        >>> lines = list(extract_triples_text("The Taliban met US officials in Doha."))  # doctest: +SKIP
    """
    from kg.extract.triples import triples

    nlp = load_pipeline(model)
    n = 0
    for article in _articles(source):
        for sent in nlp(article.text).sents:
            n += 1
            for subject, relation, obj in triples(sent.as_doc()):
                yield "\t".join([str(n), subject, relation, obj])


def extract_carb_text(source: str, *, model: str = DEFAULT_MODEL) -> Iterator[str]:
    """Yield CaRB lines for a text or an article file, sentence by sentence (spaCy's own tokenisation).

    Example:
        >>> lines = list(extract_carb_text("The Taliban will not work with the US."))  # doctest: +SKIP
    """
    from kg.extract.carb import tuples

    articles = _articles(source)        # a bad source fails before the model loads
    nlp = load_pipeline(model)
    for article in articles:
        for sent in nlp(article.text).sents:
            text = " ".join(sent.text.split())
            for conf, rel, args in tuples(sent.as_doc()):
                # one tuple, one line: a line break or tab inside an argument would split the row
                yield "\t".join([text, f"{conf:.4f}", *(" ".join(x.split()) for x in (rel, *args))])


def extract_source(source: str, *, model: str = DEFAULT_MODEL) -> Iterator[dict[str, Any]]:
    """Yield one dict per resolved statement of a text or an article file.

    Example:
        >>> rows = list(extract_source("The Taliban will not work with the US."))  # doctest: +SKIP
    """
    articles = _articles(source)
    nlp = load_pipeline(model)
    for article in articles:
        result = analyze(nlp(article.text), article)
        labels = {e.key: e.label for e in result.entities}
        keys = dict(result.resolution)
        for s in result.statements:
            attribution = labels.get(keys.get(s.attribution.key, "")) if s.attribution else None
            yield {"article": article.id, "subject": labels.get(keys[s.subject.key], s.subject.text),
                   "relation": s.relation, "object": labels.get(keys[s.object.key], s.object.text),
                   "polarity": s.polarity, "modality": s.modality, "attribution": attribution,
                   "confidence": s.confidence, "relation_class": s.relation_class, "surface": s.surface,
                   "sentence": s.evidence.sentence, "start": s.evidence.start, "end": s.evidence.end,
                   "pattern": s.pattern}
