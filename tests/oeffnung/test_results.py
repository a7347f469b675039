"""Published survey results: Wilson intervals, roll-up of small units, and the property that
no suppressed count can be computed from what is published."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teilhabe.core.privacy import protect_table
from teilhabe.oeffnung.models import SurveyAnswer
from teilhabe.oeffnung.selectors.survey import roll_up, survey_results, wilson
from tests.factories import DepartmentFactory, WaveFactory

T = 5


def test_wilson_matches_known_values():
    low, high = wilson(20, 100)
    assert (round(low, 4), round(high, 4)) == (0.1334, 0.2888)
    assert wilson(0, 10)[0] == 0.0 and wilson(10, 10)[1] == pytest.approx(1.0)
    assert wilson(0, 0) == (0.0, 1.0)


# --- the oracle: every integer table consistent with what is published ---------------------


def _consistent_values(table, hidden, threshold, cap):
    """All values each hidden entry of the augmented table can take (brute force)."""
    n_r, n_c = len(table), len(table[0])
    spots = [(r, c) for r in range(n_r) for c in range(n_c) if hidden[r][c]]

    def domain(r, c):
        # an entry is at most its row's or column's total when that total is shown
        known = [table[r][-1]] if not hidden[r][-1] and c != n_c - 1 else []
        known += [table[-1][c]] if not hidden[-1][c] and r != n_r - 1 else []
        top = min([cap, *known])
        if table[r][c] < threshold:
            return range(0, min(threshold - 1, top) + 1)
        return range(threshold, top + 1)

    seen = {rc: set() for rc in spots}
    for values in itertools.product(*(domain(r, c) for r, c in spots)):
        trial = [row[:] for row in table]
        for (r, c), v in zip(spots, values, strict=True):
            trial[r][c] = v
        if all(sum(row[:-1]) == row[-1] for row in trial) and all(
            sum(trial[r][c] for r in range(n_r - 1)) == trial[-1][c] for c in range(n_c)
        ):
            for rc, v in zip(spots, values, strict=True):
                seen[rc].add(v)
    return seen


def _augmented_hidden(protection):
    rows = [
        cells + [total]
        for cells, total in zip(protection.cells, protection.row_totals, strict=True)
    ]
    return rows + [protection.column_totals + [protection.grand_total]]


small_tables = st.integers(1, 3).flatmap(
    lambda n_rows: st.lists(
        st.lists(st.integers(0, 9), min_size=2, max_size=2), min_size=n_rows, max_size=n_rows
    )
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_tables)
def test_no_hidden_count_can_be_computed_exactly(rows):
    protection = protect_table(rows, exact=False, threshold=T)
    table = [list(r) + [sum(r)] for r in rows]
    table.append([sum(r[c] for r in table) for c in range(len(table[0]))])
    hidden = _augmented_hidden(protection)
    grand = table[-1][-1]
    cap = grand if not hidden[-1][-1] else (T - 1 if grand < T else grand + 10)
    if sum(map(sum, hidden)) > 7:  # brute force stays small; everything hidden is safe anyway
        return
    seen = _consistent_values(table, hidden, T, cap)
    for (r, c), values in seen.items():
        assert len(values) >= 2, f"entry {(r, c)} of {table} is computable as {values}"
    for r, row in enumerate(table):
        for c, value in enumerate(row):
            if value < T:
                assert hidden[r][c], f"small count {value} at {(r, c)} shown"


@settings(max_examples=80, deadline=None)
@given(
    st.integers(1, 8).flatmap(
        lambda n_rows: st.lists(
            st.lists(st.integers(0, 40), min_size=3, max_size=3), min_size=n_rows, max_size=n_rows
        )
    )
)
def test_survey_shaped_tables_show_no_small_count_and_no_single_hidden_in_a_line(rows):
    """Units × (with, without, not classifiable): every line with a hidden entry has
    at least two, and no count below five is shown."""
    protection = protect_table(rows, exact=False, threshold=T)
    hidden = _augmented_hidden(protection)
    table = [list(r) + [sum(r)] for r in rows]
    table.append([sum(r[c] for r in table) for c in range(4)])
    lines = [list(range(4))] * len(table)
    for r, row in enumerate(hidden):
        assert sum(row) != 1, (rows, hidden)
        for c, value in enumerate(table[r]):
            assert hidden[r][c] or value >= T
    for c in range(4):
        assert sum(hidden[r][c] for r in range(len(table))) != 1, (rows, hidden)
    del lines


def test_exact_shows_everything():
    protection = protect_table([[1, 2], [3, 4]], exact=True, threshold=T)
    assert not any(map(any, protection.cells)) and not protection.grand_total


# --- roll-up and the results page ---------------------------------------------------------


@pytest.mark.django_db
def test_small_units_join_their_parent_and_the_rest_is_grouped(staff):
    dezernat = DepartmentFactory(centre=staff.centre, level="dezernat", name="Dezernat I")
    amt = DepartmentFactory(centre=staff.centre, parent=dezernat, name="Personalamt")
    tiny = DepartmentFactory(centre=staff.centre, parent=amt, level="abteilung", name="Ausbildung")
    other = DepartmentFactory(centre=staff.centre, level="dezernat", name="Dezernat II")
    wave = WaveFactory(centre=staff.centre, departments=[dezernat, amt, tiny, other])
    units = roll_up(wave, Counter({amt.pk: 6, tiny.pk: 2, dezernat.pk: 1, other.pk: 7, None: 2}))
    by_label = {u.label: set(u.department_ids) for u in units}
    assert by_label[str(amt)] == {amt.pk, tiny.pk}
    # Dezernat I (1 answer) and the 2 without department are too few on their own: they
    # join the smallest unit, whose label says so
    assert any(dezernat.pk in ids and None in ids for ids in by_label.values())
    assert sum(len(ids) for ids in by_label.values()) == 5


@pytest.mark.django_db
def test_results_hide_small_groups_and_give_intervals(staff):
    big = DepartmentFactory(centre=staff.centre, level="dezernat", name="Dezernat A")
    small = DepartmentFactory(centre=staff.centre, level="dezernat", name="Dezernat B")
    wave = WaveFactory(centre=staff.centre, departments=[big, small])

    def add(department, german_now, n):
        for _ in range(n):
            SurveyAnswer.objects.create(
                wave=wave,
                department=department,
                german_now=german_now,
                birth_country="DE" if german_now == "yes" else "TR",
                german_at_birth=german_now,
                immigration_year=None if german_now == "yes" else 1990,
                parent_1_birth_country="DE",
                parent_1_german_at_birth="yes",
                parent_2_birth_country="DE",
                parent_2_german_at_birth="yes",
            )

    add(big, "yes", 30)
    add(big, "no", 10)
    add(small, "yes", 8)
    add(small, "no", 2)  # only two people with a history in Dezernat B: must not show
    results = survey_results(user=staff.centre_admin, wave=wave)
    nrw = results.tables[0]
    rows = {r.label: r for r in nrw.rows}
    assert rows[str(small)].with_.hidden and rows[str(small)].share is None
    assert rows[str(big)].with_.hidden  # secondary: the column total would give B away
    assert nrw.total.with_.count == 12 and not nrw.total.with_.hidden
    assert nrw.total.share == pytest.approx(24.0)
    assert nrw.total.low < 24.0 < nrw.total.high
    assert results.reference.share == pytest.approx(34.5)
    assert "nicht deutlich" in results.tables[-1].comparison  # 50 answers: CI 14–37 %


def _mip_bounds(table, hidden, sensitive, threshold):
    """Independent oracle for bigger tables: integer programme (HiGHS MIP) per hidden
    entry, written here from scratch: every line adds up, entries are whole numbers, primary
    ones below the threshold, secondary sensitive ones at least the threshold."""
    import highspy
    import numpy as np

    from teilhabe.core.privacy import _quiet_solver

    n_r, n_c = len(table), len(table[0])
    spots = [(r, c) for r in range(n_r) for c in range(n_c) if hidden[r][c]]
    index = {rc: i for i, rc in enumerate(spots)}
    inf = highspy.kHighsInf
    lows, highs = [], []
    for r, c in spots:
        if not sensitive[c]:
            lows.append(0.0), highs.append(inf)
        elif table[r][c] < threshold:
            lows.append(0.0), highs.append(threshold - 1.0)
        else:
            lows.append(float(threshold)), highs.append(inf)
    bounds = {}
    for target in range(len(spots)):
        results = []
        for sense in (highspy.ObjSense.kMinimize, highspy.ObjSense.kMaximize):
            h = _quiet_solver()
            h.addVars(len(spots), np.array(lows), np.array(highs))
            h.changeColsIntegrality(
                len(spots),
                np.arange(len(spots), dtype=np.int32),
                np.array([highspy.HighsVarType.kInteger] * len(spots)),
            )
            lines = [[(r, c) for c in range(n_c)] for r in range(n_r)]
            lines += [[(r, c) for r in range(n_r)] for c in range(n_c)]
            for line in lines:
                *parts, total = line
                coeffs = {rc: 1.0 for rc in parts} | {total: -1.0}
                rhs = -sum(v * table[r][c] for (r, c), v in coeffs.items() if not hidden[r][c])
                unknown = [(index[rc], v) for rc, v in coeffs.items() if hidden[rc[0]][rc[1]]]
                if unknown:
                    h.addRow(
                        rhs,
                        rhs,
                        len(unknown),
                        np.array([i for i, _ in unknown], dtype=np.int32),
                        np.array([v for _, v in unknown]),
                    )
            h.changeColCost(target, 1.0)
            h.changeObjectiveSense(sense)
            h.run()
            status = h.getModelStatus()
            results.append(
                inf
                if status == highspy.HighsModelStatus.kUnbounded
                else h.getInfo().objective_function_value
            )
        bounds[spots[target]] = results
    return bounds


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1, 5).flatmap(
        lambda n_rows: st.lists(
            st.lists(st.integers(0, 25), min_size=3, max_size=3), min_size=n_rows, max_size=n_rows
        )
    )
)
def test_survey_tables_reveal_no_hidden_count_to_an_integer_programme(rows):
    sensitive = [True, True, False]
    protection = protect_table(rows, exact=False, threshold=T, sensitive_columns=sensitive)
    table = [list(r) + [sum(r)] for r in rows]
    table.append([sum(r[c] for r in table) for c in range(4)])
    hidden = _augmented_hidden(protection)
    guarded = [*sensitive, True]
    for (r, c), (low, high) in _mip_bounds(table, hidden, guarded, T).items():
        if guarded[c]:  # a "not classifiable" count may be known exactly: it harms nobody
            assert high - low >= 1, f"entry {(r, c)} of {table} is computable ({low}..{high})"


def test_the_integer_oracle_catches_a_single_hidden_cell():
    table = [[3, 10, 2, 15], [3, 10, 2, 15]]  # one row + its column totals
    hidden = [[True, False, False, False], [False, False, False, False]]
    bounds = _mip_bounds(table, hidden, [True, True, False, True], T)
    assert bounds[(0, 0)] == [3.0, 3.0]


def test_comparison_says_when_the_gap_is_beyond_chance():
    from teilhabe.oeffnung.selectors.survey import Cell, ShareRow, compare

    def row(with_, n):
        low, high = wilson(with_, n)
        return ShareRow(
            "x",
            Cell(n, False),
            Cell(with_, False),
            Cell(n - with_, False),
            Cell(0, False),
            100 * with_ / n,
            100 * low,
            100 * high,
        )

    assert "deutlich unter" in compare(row(120, 1000), 34.5)
    assert "deutlich über" in compare(row(500, 1000), 34.5)
    assert "nicht deutlich" in compare(row(340, 1000), 34.5)


@pytest.mark.django_db
def test_breakdown_by_age_band_is_protected_and_exported(staff, login):
    import io

    from django.urls import reverse
    from openpyxl import load_workbook

    department = DepartmentFactory(centre=staff.centre, level="dezernat", name="Dezernat A")
    wave = WaveFactory(centre=staff.centre, departments=[department])
    for age, german, n in (
        ("u30", "no", 6),
        ("u30", "yes", 9),
        ("60p", "no", 1),
        ("60p", "yes", 8),
    ):
        for _ in range(n):
            SurveyAnswer.objects.create(
                wave=wave,
                department=department,
                german_now=german,
                age_band=age,
                birth_country="DE",
                german_at_birth="yes",
                languages=["tr"] if german == "no" else [],
                parent_1_birth_country="DE",
                parent_1_german_at_birth="yes",
                parent_2_birth_country="DE",
                parent_2_german_at_birth="yes",
            )
    results = survey_results(user=staff.centre_admin, wave=wave)
    ages = {r.label: r for r in results.breakdowns[0].rows}
    assert ages["unter 30"].share == pytest.approx(40.0)
    assert ages["60 und älter"].with_.hidden  # a single person over 60
    assert [(f.label, f.count) for f in results.languages] == [("Türkisch", 7)]
    xlsx = login(staff.centre_admin).get(
        reverse("oeffnung:wave_export", kwargs={"pk": wave.pk, "fmt": "xlsx"})
    )
    book = load_workbook(io.BytesIO(xlsx.content))
    assert {"nrw-alter", "nrw-laufbahn", "sprachen"} <= set(book.sheetnames)
    values = [c.value for row in book["nrw-alter"].iter_rows() for c in row]
    assert 1 not in values  # the single answer is nowhere in the file
