"""The arithmetic of the annual statistics: reporting years, percentages, working-day bands,
Stage 1 figures from grouped counts, and small-number suppression. Every expected figure is
worked out by hand in the comments."""

from __future__ import annotations

import random
from datetime import date

import pytest

from portal.domain.calendar import WorkingCalendar
from portal.domain.statistics import (
    AFTER,
    BEFORE,
    StageOneGroup,
    YearError,
    bands,
    due_dates,
    due_window,
    marker,
    month_index,
    parse_year,
    percent,
    response_band,
    stage_one_year,
    suppress_counts,
    suppress_table,
    suppressed_cells,
)

CALENDAR = WorkingCalendar()
D = date.fromisoformat


# Reporting years ---------------------------------------------------------------------------------

def test_a_reporting_year_runs_from_april_to_march():
    year = parse_year("2023-24")
    assert (year.label, year.start, year.end) == ("2023-24", D("2023-04-01"), D("2024-03-31"))
    # The turn of the century: 1999-00 ends in March 2000.
    assert parse_year("1999-00").end == D("2000-03-31")
    assert parse_year(" 2024-25 ").label == "2024-25"


def test_its_months_start_in_april_and_its_quarters_hold_three_each():
    months = parse_year("2023-24").months()
    assert [m.label for m in months] == [
        "2023-04", "2023-05", "2023-06", "2023-07", "2023-08", "2023-09",
        "2023-10", "2023-11", "2023-12", "2024-01", "2024-02", "2024-03"]
    # 2024 is a leap year: February ends on the 29th.
    assert (months[10].start, months[10].end) == (D("2024-02-01"), D("2024-02-29"))
    quarters = parse_year("2023-24").quarters()
    assert [(q.label, q.start, q.end) for q in quarters] == [
        ("2023-24 Q1", D("2023-04-01"), D("2023-06-30")),
        ("2023-24 Q2", D("2023-07-01"), D("2023-09-30")),
        ("2023-24 Q3", D("2023-10-01"), D("2023-12-31")),
        ("2023-24 Q4", D("2024-01-01"), D("2024-03-31"))]


def test_the_years_before_come_oldest_first():
    assert [y.label for y in parse_year("2023-24").back(3)] == ["2021-22", "2022-23", "2023-24"]


@pytest.mark.parametrize("text, says", [
    ("2023", "write it like 2023-24"),
    ("2023-25", "so write 2023-24"),
    ("2023-2024", "write it like 2023-24"),
    ("23-24", "write it like 2023-24"),
    ("2023/24", "write it like 2023-24"),
    ("", "write it like 2023-24"),
    ("1989-90", "from 1990"),
])
def test_a_year_written_wrongly_is_refused_with_how_to_write_it(text, says):
    with pytest.raises(YearError, match=says):
        parse_year(text)


# Percentages -------------------------------------------------------------------------------------

@pytest.mark.parametrize("part, whole, expected", [
    (4, 10, 40),    # Harrow: 4 of 10 escalated
    (4, 9, 44),     # 44.4... -> 44
    (1, 8, 13),     # 12.5 -> 13: halves go up (Python's round would give 12)
    (2, 3, 67),     # 66.7 -> 67
    (1, 6, 17),     # 16.7 -> 17
    (0, 5, 0),
    (5, 5, 100),
    (0, 0, "N/A"),  # no denominator: never 0% and never an error
    (3, 0, "N/A"),
])
def test_percentages_are_whole_numbers_or_not_applicable(part, whole, expected):
    assert percent(part, whole) == expected


def test_a_negative_count_is_a_mistake():
    with pytest.raises(ValueError):
        percent(-1, 4)


# Working days -------------------------------------------------------------------------------------

def test_ten_working_days_from_the_thursday_before_easter_2024_is_15_april():
    # Thursday 28 March 2024 is day 0. Good Friday (29 March) and Easter Monday (1 April) are
    # bank holidays: Tue 2 (1), Wed 3 (2), Thu 4 (3), Fri 5 (4), Mon 8 (5), Tue 9 (6),
    # Wed 10 (7), Thu 11 (8), Fri 12 (9), Mon 15 April (10).
    due = due_dates(CALENDAR, [D("2024-03-28")], (3, 10))
    assert due == {D("2024-03-28"): (D("2024-04-04"), D("2024-04-15"))}


def test_the_band_of_a_response_follows_its_due_dates():
    # Monday 5 June 2023, no bank holidays until 28 August: the 10th working day is Monday 19
    # June, the 20th Monday 3 July, the 25th Monday 10 July.
    due = dict(zip((10, 20, 25), due_dates(CALENDAR, [D("2023-06-05")], (10, 20, 25))[
        D("2023-06-05")]))
    assert due == {10: D("2023-06-19"), 20: D("2023-07-03"), 25: D("2023-07-10")}
    assert response_band(D("2023-06-19"), due) == "0-10"      # the 10th working day itself
    assert response_band(D("2023-06-20"), due) == "11-20"     # the 11th
    assert response_band(D("2023-07-03"), due) == "11-20"
    assert response_band(D("2023-07-10"), due) == "21-25"
    assert response_band(D("2023-07-11"), due) == "over_25"


def test_bands_come_from_the_counts_within_each_limit():
    # 16 responses: 10 within 10 days, 15 within 20, 16 within 25 (Medway's shape).
    assert bands(16, {10: 10, 20: 15, 25: 16}) == {"0-10": 10, "11-20": 5, "21-25": 1,
                                                    "over_25": 0}


def test_the_due_window_reaches_back_as_far_as_a_due_date_can_reach_into_the_year():
    # 25 working days back from Monday 3 April 2023 (the first working day of 2023-24): 3 Apr,
    # 31, 30, 29, 28, 27 Mar, 24-20 Mar, 17-13 Mar, 10-6 Mar, 3, 2, 1 Mar, 28 Feb: the 25th
    # working day after Monday 27 February is 3 April; after Sunday 26 February, 31 March.
    window = due_window(CALENDAR, parse_year("2023-24"), 25)
    assert (window[0], window[-1]) == (D("2023-02-27"), D("2024-03-31"))
    # 2 days of February, 31 of March, 366 days of 2023-24.
    assert len(window) == 2 + 31 + 366


def test_month_index_places_a_date_in_the_year():
    year = parse_year("2023-24")
    assert [month_index(year, d) for d in (D("2023-03-31"), D("2023-04-01"), D("2023-12-31"),
                                           D("2024-03-31"), D("2024-04-01"), None)] == \
        [BEFORE, 0, 8, 11, AFTER, None]


# Stage 1 figures from grouped counts ---------------------------------------------------------------

def group(start, responded=None, withdrawn=None, acknowledged=True, band=None, outcome=None,
          late_reason=None, count=1):
    return StageOneGroup(start, responded, withdrawn, acknowledged, band, outcome, late_reason,
                         count)


def test_stage_one_figures_add_up_from_groups():
    figures = stage_one_year([
        # 2 started before the year, answered in April after 21-25 working days (band 2).
        group(BEFORE, responded=0, band=2, outcome="not_upheld", late_reason="staff_unavailable",
              count=2),
        # 3 started in April, answered in May within 10 days, acknowledged in time.
        group(0, responded=1, band=0, outcome="upheld", count=3),
        # 1 started in May, not acknowledged in time, withdrawn in June, never answered.
        group(1, withdrawn=2, acknowledged=False),
        # 1 started in March, answered after the year: carried forward.
        group(11, responded=AFTER, band=1, outcome="upheld"),
        # 1 started in June, answered in July after 11-20 days, then withdrawn in August:
        # withdrawn after a response is not a Stage 1 withdrawal.
        group(2, responded=3, withdrawn=4, band=1, outcome="partially_upheld",
              late_reason=None),
    ])
    assert figures.received == [3, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]
    assert figures.acknowledged == [3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]
    assert figures.responded == [2, 3, 0, 1] + [0] * 8
    assert figures.within[10] == [0, 3, 0, 0] + [0] * 8
    assert figures.within[20] == [0, 3, 0, 1] + [0] * 8
    assert figures.within[25] == [2, 3, 0, 1] + [0] * 8
    assert figures.withdrawn == [0, 0, 1] + [0] * 9
    # Open as each month begins: April 2 (brought forward); May: the 3 April starts;
    # June: the May start; July: the June start; then none until the March start is open at
    # the year's end (carried forward 1).
    assert figures.open_at == [2, 3, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]
    assert figures.outcomes == {"not_upheld": 2, "upheld": 3, "partially_upheld": 1}
    assert figures.late_reasons == {"staff_unavailable": 2, None: 1}


# Small numbers -------------------------------------------------------------------------------------

def test_the_marker_follows_the_threshold():
    assert marker() == "<5"
    assert marker(9) == "<10"


def test_a_lone_small_count_takes_the_next_smallest_with_it():
    # 3 is hidden. Shown alone with the total of 25, it would be 25 - 10 - 12 - 0: so the
    # smallest other non-zero count (10) is hidden too; 0 never is.
    assert suppress_counts({"a": 3, "b": 10, "c": 12, "d": 0}) == \
        {"a": "<5", "b": "<5", "c": 12, "d": 0, "total": 25}


def test_two_small_counts_protect_each_other_unless_both_must_be_one():
    # 2 and 4 hidden beside 9, total 15: a + b = 6 with a, b >= 1: (1,5), (2,4)... not known.
    assert suppress_counts({"a": 2, "b": 4, "c": 9}) == \
        {"a": "<5", "b": "<5", "c": 9, "total": 15}
    # 1 and 1 beside 7, total 9: a + b = 2 with both at least 1 gives both away as 1, so
    # the 7 is hidden too: a + b + c = 9.
    assert suppress_counts({"a": 1, "b": 1, "c": 7}) == \
        {"a": "<5", "b": "<5", "c": "<5", "total": 9}


def test_a_small_total_is_hidden_too():
    # 3 and 0: the total is 3, itself from 1 to 4.
    assert suppress_counts({"a": 3, "b": 0}) == {"a": "<5", "b": 0, "total": "<5"}
    assert suppress_counts({"a": 5, "b": 7}) == {"a": 5, "b": 7, "total": 12}
    assert suppress_counts({"a": 0, "b": 0}) == {"a": 0, "b": 0, "total": 0}


def test_the_threshold_is_a_setting():
    # Threshold 9: 7 is small now; 12 goes with it.
    assert suppress_counts({"a": 7, "b": 12, "c": 30}, threshold=9) == \
        {"a": "<10", "b": "<10", "c": 30, "total": 49}


def test_a_two_way_table_hides_a_rectangle():
    # [[3, 10], [8, 12]] with totals: rows 13, 20; columns 11, 22; 33.
    # 3 is small; its row then hides 10, its column 8, and 10's column 12. The four hidden
    # cells x, y, z, w satisfy x + y = 13, z + w = 20, x + z = 11, y + w = 22: any x from 1 to
    # 10 fits (y = 13 - x, z = 11 - x, w = 9 + x), so none can be worked out.
    assert suppress_table([[3, 10], [8, 12]]) == [["<5", "<5", 13], ["<5", "<5", 20],
                                                  [11, 22, 33]]


def groups_of(rows, columns):
    """The groups of a table with margins, as suppress_table makes them."""
    found = [([(i, j) for j in range(columns)], (i, columns)) for i in range(rows + 1)]
    found += [([(i, j) for i in range(rows)], (rows, j)) for j in range(columns + 1)]
    return found


def test_no_hidden_count_can_be_worked_out_from_the_totals_beside_it():
    """Brute force over many tables: every group of cells with its total hides either nothing,
    or its total, or at least two cells (so a difference never gives one away)."""
    rng = random.Random(20231)
    for _ in range(500):
        rows, columns = rng.randint(1, 5), rng.randint(1, 4)
        table = [[rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 8, 13, 40]) for _ in range(columns)]
                 for _ in range(rows)]
        published = suppress_table(table)
        hidden = {(i, j) for i, row in enumerate(published) for j, value in enumerate(row)
                  if value == "<5"}
        for i, row in enumerate(published):
            for j, value in enumerate(row):
                true = table[i][j] if i < rows and j < columns else None
                if true is not None and 1 <= true <= 4:
                    assert value == "<5", (table, published)
                if value != "<5":
                    continue
                for cells, total in groups_of(rows, columns):
                    if (i, j) in cells:
                        hidden_cells = [c for c in cells if c in hidden]
                        assert len(hidden_cells) >= 2 or total in hidden, (table, published)


def test_a_hidden_count_of_a_breakdown_has_more_than_one_possible_value():
    """Exhaustively: a reader who knows the total, the shown counts and that a hidden count is
    1 or more (zeros are never hidden) still finds two or more values for each hidden one."""
    rng = random.Random(7)
    checked = 0
    for _ in range(400):
        counts = {f"g{n}": rng.choice([0, 1, 1, 2, 3, 4, 6, 9]) for n in range(rng.randint(1, 6))}
        published = suppress_counts(counts)
        names = [name for name in counts if published[name] == "<5"]
        if not names or published["total"] == "<5":
            continue  # nothing hidden, or no total to work from
        shown = sum(value for name, value in published.items()
                    if name != "total" and value != "<5")
        possible: dict[str, set[int]] = {name: set() for name in names}
        for values in _splits(published["total"] - shown, len(names)):
            for name, value in zip(names, values):
                possible[name].add(value)
        assert all(len(found) >= 2 for found in possible.values()), (counts, published)
        checked += 1
    assert checked > 100


def _splits(amount: int, parts: int):
    """Every way of writing `amount` as `parts` whole numbers of 1 or more, in order."""
    if parts == 1:
        if amount >= 1:
            yield (amount,)
        return
    for first in range(1, amount - parts + 2):
        for rest in _splits(amount - first, parts - 1):
            yield (first, *rest)


def test_suppressed_cells_accepts_any_groups():
    # The cells of one group, and a total that belongs to nobody else.
    values = {"a": 1, "b": 20, "t": 21}
    assert suppressed_cells(values, [(["a", "b"], "t")]) == {"a", "b"}
    with pytest.raises(ValueError):
        suppressed_cells(values, [], threshold=0)
