"""kg: an offline knowledge-graph builder for news articles."""
from __future__ import annotations

__version__ = "0.1.0"
EXTRACTOR_VERSION = f"kg-rules/{__version__}"
