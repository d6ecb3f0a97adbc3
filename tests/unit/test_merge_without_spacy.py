"""The parent's merge-only path (a removal, a build whose articles all come from the cache, exporting, querying)
never loads spaCy: importing and running the cross-article merge leaves it out of ``sys.modules``."""
from __future__ import annotations

import subprocess
import sys

_PROBE = """
import sys
import kg.assemble, kg.graph, kg.pipeline, kg.resolve
from kg.models import Entity
from kg.resolve import merge_entities
merged = merge_entities([Entity(key="paris", label="Paris", type="Place", articles=("a1",), mentions=1,
                                 type_votes=(("Place", 2), ("cue:known-place", 1))),
                          Entity(key="paris", label="Paris", type="Place", articles=("a2",), mentions=2)])
assert merged["paris"].articles == ("a1", "a2"), merged
print(sorted(m for m in sys.modules if m == "spacy" or m.startswith(("spacy.", "thinc", "kg.extract"))))
"""


def test_merge_path_imports_no_spacy():
    done = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout


def test_type_cues_are_one_table():
    from kg.extract import types
    from kg.resolve import type_vote
    from kg.type_cues import CUE_TYPES, DEFINED

    assert types.CUE_TYPES is CUE_TYPES is type_vote.CUE_TYPES
    assert DEFINED == {c: k for c, (k, _) in CUE_TYPES.items() if c.startswith("defined-")} != {}
