"""What every `kg` command shares at the CLI boundary: library errors become one `Error: …` line."""
from __future__ import annotations

import re
import sys
from typing import NoReturn

import click

from kg.errors import KGError, UsageError


def fail(exc: KGError) -> NoReturn:
    """Print ``Error: message`` and the hint on stderr, then exit with the error's code (1 data, 2 usage)."""
    click.echo(f"Error: {exc.message}", err=True)
    if exc.hint:
        click.echo(f"Hint: {exc.hint}", err=True)
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
