r"""Text every export can carry: the one filter between input text and RDF/XML/CSV literals.

Removed: C0 control characters except tab, newline and carriage return (XML 1.0 forbids them), and the
Unicode non-characters U+FDD0..U+FDEF and U+xFFFE/U+xFFFF of every plane (XML 1.0 forbids U+FFFE/U+FFFF,
rapper rejects all of them in Turtle, TriG and N-Quads). A lone surrogate (JSON allows ``"\ud800"``) cannot be
encoded at all and becomes U+FFFD, so a reader still sees that something was there.
"""
from __future__ import annotations

import re

__all__ = ["clean_text"]

_UNUSABLE_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ufdd0-\ufdef\ufffe\uffff"
    + "".join(chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(1, 17))
    + "]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_EITHER_RE = re.compile(_UNUSABLE_RE.pattern[:-1] + "\ud800-\udfff]")   # one scan for the common clean text


def clean_text(text: str) -> str:
    r"""``text`` without characters no export can carry; a lone surrogate becomes U+FFFD.

    >>> clean_text("a\x00b\ufffe\ud800c") == "ab\ufffdc"
    True
    """
    if not _EITHER_RE.search(text):
        return text
    if _UNUSABLE_RE.search(text):
        text = _UNUSABLE_RE.sub("", text)
    if _SURROGATE_RE.search(text):
        text = _SURROGATE_RE.sub("\ufffd", text)
    return text
