"""Date normalization: fast paths, dateparser fallback, datelines, never raising."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.readers.dates import looks_like_dateline, to_iso


@pytest.mark.parametrize("text,expected", [
    pytest.param("Sat 09 Oct 2021 | 06:30 PM", "2021-10-09T18:30:00", id="masthead-pipe-time"),
    pytest.param("Wednesday, January 23, 2019", "2019-01-23", id="wikinews-dateline"),
    pytest.param("2021-10-09", "2021-10-09", id="iso-date"),
    pytest.param("2019-01-23T10:00:00Z", "2019-01-23T10:00:00", id="iso-zulu-kept-as-written"),
    pytest.param("January 23, 2019 10:30 AM EST", "2019-01-23T10:30:00", id="us-time-tz"),
    pytest.param("Published: 5 March 2020, 14:05 GMT", "2020-03-05T14:05:00", id="published-prefix"),
    pytest.param("Oct. 9, 2021", "2021-10-09", id="abbrev-month-dot"),
    pytest.param("9th October 2021", "2021-10-09", id="ordinal"),
    pytest.param("March 2019", None, id="no-day"),
    pytest.param("2021-02-30", None, id="impossible-date"),
    pytest.param("hello", None, id="not-a-date"),
    pytest.param("", None, id="empty"),
])
def test_readers_to_iso(text: str, expected: str | None) -> None:
    assert to_iso(text) == expected


@pytest.mark.parametrize("line,expected", [
    pytest.param("Sat 09 Oct 2021 | 06:30 PM", True, id="masthead-dateline"),
    pytest.param("Wednesday, January 23, 2019 ", True, id="wikinews"),
    pytest.param("Updated on 2019-01-23", True, id="updated-prefix"),
    pytest.param("Thursday, United States military forces killed", False, id="sentence-with-weekday"),
    pytest.param("The talks began on 9 October 2021.", False, id="sentence-with-date"),
    pytest.param("Ahmad El-Assasy", False, id="name"),
])
def test_readers_looks_like_dateline(line: str, expected: bool) -> None:
    assert looks_like_dateline(line) is expected


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_readers_to_iso_never_raises(text: str) -> None:
    result = to_iso(text)
    assert result is None or result[:4].isdigit()
    looks_like_dateline(text)
