"""What every `kg` command shares at the CLI boundary: library errors become one `Error: …` line."""
from __future__ import annotations

import sys
from typing import NoReturn

import click

from kg.errors import KGError


def fail(exc: KGError) -> NoReturn:
    """Print ``Error: message`` and the hint on stderr, then exit with the error's code (1 data, 2 usage)."""
    click.echo(f"Error: {exc.message}", err=True)
    if exc.hint:
        click.echo(f"Hint: {exc.hint}", err=True)
    sys.exit(exc.exit_code)
