"""Generate a hostile-input corpus: a folder of articles a careless or hostile user could hand to ``kg build``.

    python -m tests.hostile_corpus DIR [--long]

writes DIR and prints what a build of it must do: the ids of the good articles (all must be in the graph)
and the sources of the bad inputs (each named on exactly one ``skipped`` line). ``--long`` adds a 20 MB
single-line file and a 2 MB article of real sentences (over spaCy's 1,000,000-character limit; issue 12
handles those, so the default corpus leaves them out).

Everything is generated from fixed seeds and text written here, so the corpus is the same on every run.
"""
from __future__ import annotations

import argparse
import codecs
import json
import os
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

SENTENCES = [
    "The Taliban said on Saturday that it will not work with the United States.",
    "Suhail Shaheen, the Taliban spokesman, told the Associated Press that the group rejected the offer.",
    "Zalmay Khalilzad met Taliban officials in Doha on Monday.",
    "Iran criticized Israel after the attack on the port.",
    "The European Union imposed new sanctions on Russia.",
    "Turkey invaded northern Syria in October.",
]


def body(n: int = 3, seed: int = 0) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(SENTENCES) for _ in range(n))


@dataclass
class Corpus:
    """What a build of the corpus must do: read ``good`` ids, name each of ``bad`` once."""

    root: Path
    good: list[str] = field(default_factory=list)
    bad: list[str] = field(default_factory=list)      # sources as the build names them
    notes: dict[str, str] = field(default_factory=dict)

    def file(self, rel: str, data: bytes | str, *, good: str | None = None, bad: bool = False,
             note: str = "") -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        if good:
            self.good.append(good)
        if bad:
            self.bad.append(str(path))
        if note:
            self.notes[rel] = note
        return path


def generate(root: Path, *, long: bool = False) -> Corpus:
    """Write the corpus into ``root`` (created; must be empty or missing) and return what a build must do."""
    root.mkdir(parents=True, exist_ok=True)
    c = Corpus(root)
    # --- good articles, some of them in odd clothes
    c.file("good.txt", f"Taliban Rules Out Cooperation\n\n2021-10-09\n\nBy Jane Doe\n\n{body(4, 1)}\n", good="good")
    c.file("front.md", f"---\ntitle: \"A [markup] title\"\ndate: 2021-10-10\n---\n\n# Heading\n\n{body(3, 2)}\n",
           good="front")
    c.file("page.html", f"<html><head><title>Page</title></head><body><article><h1>Page</h1>"
                        f"<p>{body(3, 3)}</p><p>{body(3, 4)}</p></article></body></html>", good="page")
    c.file("2024-01/index.txt", f"January\n\n{body(2, 5)}\n", good="2024-01-index")
    c.file("2024-02/index.txt", f"February\n\n{body(2, 6)}\n", good="2024-02-index")
    c.file("utf16.txt", codecs.BOM_UTF16_LE + f"Wide\n\n{body(2, 7)}\n".encode("utf-16-le"), good="utf16",
           note="UTF-16 with a byte-order mark is read")
    c.file("controls.txt", f"Bidi \u202eand zero\u200bwidth\n\n{body(2, 8)} \u202e\u2066x\u2069 \x07\x1b "
                           f"\ufeff\ufffe\uffff\U0010fffe done.\n", good="controls")
    c.file("cjk-rtl.txt", "东京 と ירושלים\n\n東京で会議が開かれた。 الرئيس يلتقي الوزير في القاهرة. "
                          f"{body(1, 9)}\n", good="cjk-rtl")
    c.file("iri-like <x> %2F#frag.txt", f"IRI-like\n\n{body(2, 10)}\n", good="iri-like-x-2f-frag")
    c.file("-dash [/] name.txt", f"Dash\n\n{body(2, 11)}\n", good="dash-name")
    c.file("x.", f"not an article suffix\n\n{body(1, 12)}\n")          # no supported suffix: left out silently
    lines = [
        json.dumps({"id": "j-ok", "title": "Fine", "text": body(2, 13)}),
        '{"id": "j-surrogate", "title": "Bad \\ud800 title \\udfff", "text": "%s"}' % body(2, 14),
        json.dumps({"id": "j-nonchar", "title": "T\ufffe\uffff", "author": "A\x00", "url": "https://x/\x1b",
                    "date": "0099-01-02", "text": body(2, 15)}),
        json.dumps({"id": "j.", "title": "ends with a dot", "date": "2020-13-01", "text": body(2, 16)}),
        json.dumps({"id": 12345, "title": {"en": "object title"}, "author": [{"name": "x"}], "text": body(2, 17)}),
        "{not json",
        json.dumps({"id": "j-notext", "text": ["a", "list"]}),
        "[" * 50_000 + "]" * 50_000,
        '{"id": ' + "9" * 5000 + ', "text": "x y z"}',
        json.dumps({"id": {"a": 1}, "text": body(1, 18)}),
        json.dumps({"id": True, "text": body(1, 19)}),
        json.dumps({"id": "j-ok", "text": body(1, 20)}),       # duplicate id
        "",
        "42",
    ]
    path = c.file("feed.jsonl", "\n".join(lines) + "\n")
    c.good += ["j-ok", "j-surrogate", "j-nonchar", "j.", "12345"]
    c.bad += [f"{path}:{n}" for n in (6, 7, 8, 9, 10, 11, 12, 14)]
    # --- bad files: each must be named once
    c.file("empty.txt", b"", bad=True)
    c.file("blank.md", b"  \n\n \t\n", bad=True)
    rng = random.Random(1)
    c.file("binary.txt", bytes(rng.randrange(256) for _ in range(4096)), bad=True)
    c.file("binary-bom.txt", codecs.BOM_UTF16_LE + bytes(rng.randrange(256) for _ in range(4096)), bad=True)
    c.file("latin1.txt", f"Caf\u00e9 news\n\n{body(2, 21)} Fran\u00e7ois.\n".encode("latin-1"), bad=True)
    c.file("scripts.html", "<html><body>" + "<script>var x = 1;</script>" * 50 + "</body></html>", bad=True)
    c.file("malformed.json", '{"id": "m", "text": ', bad=True)
    c.file("deep.json", "[" * 100_000 + "]" * 100_000, bad=True)
    c.file("wrong-type.json", json.dumps([1, "two", None]), bad=False)
    c.bad += [f"{root / 'wrong-type.json'}[{i}]" for i in range(3)]
    c.file("string.json", json.dumps("just a string"), bad=True)
    c.file("2024-03/good.jsonl", json.dumps({"id": "2024-03-good", "text": body(1, 23)}) + "\n",
           good="2024-03-good")
    c.file("2024-03/good.txt", f"Same id as the line above\n\n{body(1, 22)}\n", bad=True)   # read second: duplicate
    c.file("line\nbreak.txt", b"\xc3\x28 not text", bad=True)      # a name that would split the report
    # --- things that are not regular files
    os.mkfifo(root / "pipe.txt")
    c.bad.append(str(root / "pipe.txt"))
    (root / "loop.txt").symlink_to(root / "loop.txt")
    c.bad.append(str(root / "loop.txt"))
    (root / "dangling.txt").symlink_to(root / "no-such-file.txt")
    c.bad.append(str(root / "dangling.txt"))
    (root / "passwd.txt").symlink_to("/etc/passwd")
    c.bad.append(str(root / "passwd.txt"))
    (root / "etc-link").symlink_to("/etc")
    c.bad.append(str(root / "etc-link"))
    locked = c.file("locked.txt", f"Locked\n\n{body(1, 24)}\n")
    os.chmod(locked, 0)
    if os.geteuid() == 0:          # root reads it anyway: then it is a good article
        c.good.append("locked")
    else:
        c.bad.append(str(locked))
    if long:
        c.file("long-line.txt", ("word " * 4_000_000).encode(), note="20 MB on one line (issue 12)")
        c.file("long-article.txt", "Long\n\n" + "\n\n".join(body(8, s) for s in range(4000)),
               note="2 MB of real sentences (issue 12)")
    return c


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--long", action="store_true", help="add the 20 MB line and the 2 MB article")
    args = parser.parse_args(argv)
    if args.folder.exists() and any(args.folder.iterdir()):
        print(f"Error: {args.folder} is not empty", file=sys.stderr)
        return 2
    corpus = generate(args.folder, long=args.long)
    print(json.dumps({"good": corpus.good, "bad": corpus.bad, "notes": corpus.notes}, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
