"""What every `kg` command shares at the CLI boundary: library errors become one `Error: …` line."""
from __future__ import annotations

import re
import sys
from typing import NoReturn

import click

from kg.errors import KGError, UsageError


def fail(exc: KGError) -> NoReturn:
    """Print ``Error: message`` and the hint on stderr, then exit with the error's code (1 data, 2 usage)."""
    click.echo(f"Error: {printable(exc.message)}", err=True)
    if exc.hint:
        click.echo(f"Hint: {printable(exc.hint)}", err=True)
    sys.exit(exc.exit_code)


def utf8_text(value: str, what: str) -> str:
    """``value``, or a UsageError when the shell passed bytes that are not UTF-8 (Python keeps each such byte
    as a lone surrogate, which nothing downstream can encode)."""
    bad = re.search("[\ud800-\udfff]", value)
    if bad:
        code = ord(bad.group())
        byte = f" (byte 0x{code - 0xDC00:02x})" if 0xDC80 <= code <= 0xDCFF else ""
        raise UsageError(f"{what} is not valid UTF-8 text{byte}", hint="pass the text in UTF-8")
    return value


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` safe to print on one line: control, line-separator and bidi-override characters and lone
    surrogates (undecodable bytes of a file name) written as escapes ("a\\nb" -> "a\\\\nb")."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), text)
