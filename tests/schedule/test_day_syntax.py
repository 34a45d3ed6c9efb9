import pytest
from hypothesis import given
from hypothesis import strategies as st

from schedule.day_syntax import DaySyntaxError, days_in_words, format_days, parse_days

LENGTHS = st.sampled_from([28, 42])


@pytest.mark.parametrize(
    ("text", "length", "days"),
    [
        ("1-21", 28, tuple(range(1, 22))),
        ("1, 8, 15, 22", 28, (1, 8, 15, 22)),
        ("1-14, 22-35", 42, (*range(1, 15), *range(22, 36))),
        (" 22 ,1;8 and 15 ", 28, (1, 8, 15, 22)),
        ("1 to 3, 2-4", 28, (1, 2, 3, 4)),
        ("28", 28, (28,)),
        ("1\u20133", 28, (1, 2, 3)),  # en dash
    ],
)
def test_it_reads_the_short_day_syntax(text, length, days):
    assert parse_days(text, length) == days


@pytest.mark.parametrize(
    ("text", "length", "words"),
    [
        ("", 28, "at least one day"),
        ("   ", 28, "at least one day"),
        ("0, 8", 28, "no day 0"),
        ("0-3", 28, "no day 0"),
        ("1-29", 28, "past the end of the cycle"),
        ("43", 42, "42 days"),
        ("1,,8", 28, "empty place"),
        ("1, 8,", 28, "empty place"),
        ("21-1", 28, "first day must come first"),
        ("monday", 28, "not a day"),
        ("1.5", 28, "not a day"),
        ("-3", 28, "not a day"),
        ("1-21 🙂", 28, "not a day"),
        ("none", 28, "not a day"),
    ],
)
def test_it_explains_bad_days(text, length, words):
    with pytest.raises(DaySyntaxError, match=words):
        parse_days(text, length)


def test_none_means_no_days_only_where_allowed():
    assert parse_days("None", 28, allow_none=True) == ()


@given(LENGTHS.flatmap(lambda n: st.tuples(st.just(n), st.sets(st.integers(1, n), min_size=1))))
def test_formatting_then_reading_gives_the_same_days(case):
    length, days = case
    text = format_days(tuple(days))
    assert parse_days(text, length) == tuple(sorted(days))
    assert len(text) <= 4 * len(days)


@given(st.text(max_size=40), LENGTHS)
def test_any_text_gives_days_in_the_cycle_or_a_clear_error(text, length):
    try:
        days = parse_days(text, length)
    except DaySyntaxError as error:
        assert str(error).endswith((".", "22."))
    else:
        assert days and days == tuple(sorted(set(days)))
        assert all(1 <= day <= length for day in days)


@given(LENGTHS.flatmap(lambda n: st.tuples(st.just(n), st.integers(n + 1, 999))))
def test_a_day_past_the_cycle_is_always_refused(case):
    length, day = case
    with pytest.raises(DaySyntaxError, match="past the end"):
        parse_days(f"1, {day}", length)


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (tuple(range(1, 22)), "days 1 to 21"),
        ((1, 8, 15, 22), "days 1, 8, 15 and 22"),
        ((*range(1, 15), *range(22, 36)), "days 1 to 14 and 22 to 35"),
        ((1,), "day 1"),
        ((1, 2), "days 1 and 2"),
    ],
)
def test_it_writes_days_in_words(days, words):
    assert days_in_words(days) == words
