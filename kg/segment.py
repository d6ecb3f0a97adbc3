"""Paragraph breaks are sentence boundaries: a spaCy component run before the parser.

Readers join an article's paragraphs, headings, captions and credits with a blank line
(:func:`kg.readers._common.join_body`); the parser alone sometimes runs one sentence over that break
("Photo: AP\\n\\nTsai Ing-wen is ..."), which glues a caption to the next sentence. This component marks the
first token after every blank line as a sentence start, which the parser keeps.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "kg_paragraph_breaks"


def mark_paragraph_breaks(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first token after each blank line (a token or whitespace with two
    newlines), and on the break itself when it is a token of its own; other tokens are left to the parser."""
    after_break = False
    for token in doc:
        if token.i == 0:
            after_break = False
        elif after_break and not token.is_space:
            token.is_sent_start = True
            after_break = False
        if token.text.count("\n") >= 2 or token.whitespace_.count("\n") >= 2 or (
                token.is_space and "\n" in token.text and token.i > 0 and "\n" in doc[token.i - 1].whitespace_):
            after_break = True
    return doc


@Language.component(NAME)
def paragraph_breaks(doc: Doc) -> Doc:
    """The registered component (``nlp.add_pipe("kg_paragraph_breaks", before="parser")``)."""
    return mark_paragraph_breaks(doc)


def add_to(nlp: Language) -> Language:
    """Add the component before the parser (once); a pipeline without a parser is left as it is."""
    if NAME not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(NAME, before="parser")
    return nlp
