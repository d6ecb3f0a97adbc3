"""kg build's limits, found before the model is wanted: one build per folder, --max-article-chars, and
--article-time-limit's values. One `Error:` line each, never a traceback."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.unit.test_cli_errors import NO_MODEL, invoke


def test_cli_build_second_build_into_a_folder_names_the_first_ones_pid(tmp_path: Path):
    articles = tmp_path / "a.jsonl"
    articles.write_text(json.dumps({"id": "a", "text": "Iran criticized Israel on Monday."}) + "\n")
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c",
                               "import sys, time; from pathlib import Path; from kg.publish import locked\n"
                               "with locked(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(60)",
                               str(out)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        result = invoke("build", str(articles), "-o", str(out), "-q", *NO_MODEL)
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == \
        f"Error: {out}: another kg build (pid {holder.pid}) is writing into this folder"


def test_cli_build_max_article_chars_names_the_long_article(tmp_path: Path):
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "long.txt").write_text("Iran criticized Israel on Monday. " * 10, encoding="utf-8")
    result = invoke("build", str(articles), "-o", str(tmp_path / "out"), "-q", "--max-article-chars", "100",
                    *NO_MODEL)
    assert result.exit_code == 1   # nothing left to build
    assert "long.txt: 339 characters, more than --max-article-chars 100; split it into several articles or " \
           "raise the limit" in result.output.splitlines()[0]


def test_cli_build_time_limit_must_not_be_negative(tmp_path: Path):
    result = invoke("build", str(tmp_path), "--article-time-limit", "-1", *NO_MODEL)
    assert result.exit_code == 2 and "--article-time-limit" in result.output
