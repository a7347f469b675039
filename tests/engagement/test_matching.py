"""The pure matching core: hard rules, ranking reasons, the week's programme."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from teilhabe.engagement import matching as m

MONDAY = dt.datetime(2026, 3, 2)
ALL_DAY = tuple(m.Window(d, 0, 24 * 60) for d in range(7))


def vol(i, **kw):
    base = dict(
        id=i,
        languages={"ar": 5},
        offers=frozenset({"interpreting", "mentoring"}),
        windows=ALL_DAY,
        lat=50.94,
        lon=6.96,
    )
    base.update(kw)
    return m.VolunteerIn(**base)


def need(i, start_h, hours=1, day=0, **kw):
    start = MONDAY + dt.timedelta(days=day, hours=start_h)
    base = dict(
        id=i,
        kind="interpreting",
        intervals=(m.Interval(start, start + dt.timedelta(hours=hours)),),
        language="ar",
        lat=50.94,
        lon=6.96,
    )
    base.update(kw)
    return m.NeedIn(**base)


def test_language_level_below_three_excludes():
    assert m.evaluate(vol(1, languages={"ar": 2}), need(1, 10)) is None
    assert m.evaluate(vol(1, languages={"ar": 3}), need(1, 10)) is not None


def test_outside_weekly_window_or_exception_day_excludes():
    evening = (m.Window(0, 18 * 60, 21 * 60),)
    assert m.evaluate(vol(1, windows=evening), need(1, 10)) is None
    assert m.evaluate(vol(1, windows=evening), need(1, 18, hours=2)) is not None
    assert (
        m.evaluate(vol(1, windows=evening, unavailable=frozenset({MONDAY.date()})), need(1, 18))
        is None
    )


def test_child_contact_needs_a_certificate_valid_on_the_day():
    child = need(1, 10, child_contact=True)
    assert m.evaluate(vol(1), child) is None
    assert m.evaluate(vol(1, certificate_seen=dt.date(2021, 3, 3)), child) is not None
    # five years and a day: expired
    assert m.evaluate(vol(1, certificate_seen=dt.date(2021, 3, 2)), child) is None


def test_distance_limit_and_reasons():
    far = vol(1, lat=51.2, lon=7.2, max_km=10)
    assert m.evaluate(far, need(1, 10)) is None
    candidate = m.evaluate(vol(2), need(1, 10))
    codes = [r.code for r in candidate.reasons]
    assert codes == ["language", "available", "distance", "hours"]


def test_rank_prefers_fewer_hours_this_month_and_better_language():
    ranked = m.rank(
        need(1, 10),
        [vol(1, hours_this_month=20), vol(2), vol(3, languages={"ar": 3})],
    )
    assert [c.volunteer_id for c in ranked] == [2, 3, 1]


def test_busy_volunteer_is_not_proposed():
    busy = vol(
        1, busy=(m.Interval(MONDAY + dt.timedelta(hours=10), MONDAY + dt.timedelta(hours=11)),)
    )
    assert m.rank(need(1, 10), [busy]) == []


def test_week_never_overlaps_and_beats_greedy_on_a_trap():
    # greedy takes volunteer 1 for need 1 (first fit); then need 2 (only 1 fits) stays open
    needs = [need(1, 9), need(2, 9, language="tr")]
    volunteers = [vol(1, languages={"ar": 5, "tr": 5}), vol(2)]
    assert len(m.greedy(needs, volunteers)) == 1
    result = m.assign_week(needs, volunteers)
    assert result.needs_met == 2
    assert result.assignment == {1: 2, 2: 1}


def test_conflict_cliques_cover_every_overlapping_pair():
    needs = [need(1, 9, 2), need(2, 10, 2), need(3, 11, 2), need(4, 14)]
    cliques = m.conflict_cliques(needs)
    pairs = {frozenset(p) for c in cliques for p in [(a, b) for a in c for b in c if a < b]}
    assert pairs == {frozenset({0, 1}), frozenset({1, 2})}


def test_spreads_the_load():
    needs = [need(1, 9), need(2, 12), need(3, 15)]
    volunteers = [vol(1), vol(2), vol(3)]
    result = m.assign_week(needs, volunteers)
    assert sorted(result.assignment.values()) == [1, 2, 3]


interval = st.tuples(st.integers(0, 6), st.integers(6, 20), st.integers(1, 4))


@settings(max_examples=60, deadline=None)
@given(
    needs=st.lists(
        st.tuples(interval, st.booleans(), st.sampled_from(["ar", "tr"])), min_size=1, max_size=14
    ),
    volunteers=st.lists(
        st.tuples(
            st.sampled_from([None, dt.date(2020, 1, 1), dt.date(2024, 5, 1)]),
            st.sets(st.sampled_from(["ar", "tr"]), min_size=1),
            st.integers(1, 3),
        ),
        min_size=1,
        max_size=6,
    ),
)
def test_property_no_overlap_and_certificates(needs, volunteers):
    need_objs = [
        need(i + 1, h, hours=d, day=day, child_contact=child, language=lang)
        for i, ((day, h, d), child, lang) in enumerate(needs)
    ]
    vol_objs = [
        vol(
            j + 1,
            certificate_seen=cert,
            languages={code: 5 for code in langs},
            max_per_week=cap,
        )
        for j, (cert, langs, cap) in enumerate(volunteers)
    ]
    result = m.assign_week(need_objs, vol_objs, time_limit=5)
    by_id = {n.id: n for n in need_objs}
    vols = {v.id: v for v in vol_objs}
    per: dict[int, list] = {}
    for need_id, vid in result.assignment.items():
        n = by_id[need_id]
        per.setdefault(vid, []).append(n)
        if n.child_contact:
            until = m.certificate_valid_until(vols[vid].certificate_seen)
            assert until is not None
            assert vols[vid].certificate_seen <= n.intervals[0].start.date() < until
    for vid, mine in per.items():
        assert len(mine) <= vols[vid].max_per_week
        for i, a in enumerate(mine):
            for b in mine[i + 1 :]:
                assert not a.intervals[0].overlaps(b.intervals[0])
    assert result.needs_met >= result.greedy_met


@settings(max_examples=80, deadline=None)
@given(
    start=interval,
    child=st.booleans(),
    lang=st.sampled_from(["", "ar", "tr"]),
    people=st.lists(
        st.tuples(
            st.sampled_from([None, dt.date(2020, 1, 1), dt.date(2021, 3, 3), dt.date(2024, 5, 1)]),
            st.dictionaries(st.sampled_from(["ar", "tr"]), st.integers(1, 5), min_size=1),
            st.floats(50.85, 51.05),
            st.sampled_from([1.0, 5.0, 15.0]),
            st.integers(0, 60),
            st.booleans(),
        ),
        min_size=1,
        max_size=8,
    ),
)
def test_fast_candidates_agree_with_evaluate(start, child, lang, people):
    day, hour, length = start
    n = need(1, hour, hours=length, day=day, child_contact=child, language=lang)
    volunteers = [
        vol(
            i + 1,
            certificate_seen=cert,
            languages=langs,
            lat=lat,
            max_km=max_km,
            hours_this_month=hours,
            windows=(m.Window(day, 8 * 60, 18 * 60),) if narrow else ALL_DAY,
            unavailable=frozenset({MONDAY.date()}) if i == 0 else frozenset(),
        )
        for i, (cert, langs, lat, max_km, hours, narrow) in enumerate(people)
    ]
    fast = m._Index(volunteers).candidates(n)
    slow = [(i, c.cost) for i, v in enumerate(volunteers) if (c := m.evaluate(v, n)) is not None]
    assert fast == slow
