"""Matching a week: 2,000 volunteers and 500 open needs in one run (issue 14).

Synthetic but shaped like Köln: volunteers spread over the city (lat/lon around the
centre), two to three languages each from the centre's frequent family languages with a
level, two to four kinds of help, two to five weekly windows of availability, a third with a
certificate of conduct; needs of one week (interpreting in a language, mentoring, homework
help, accompaniment, events), 1–3 hours, a quarter with child contact. Runs
``matching.assign_week`` (HiGHS MIP with conflict cliques, greedy warm start) and the
greedy first-fit on the same data, checks the answer for overlaps, and prints seconds,
needs met by both, and the solver status.

    PYTHONPATH=src .venv/bin/python benchmarks/volunteer_matching.py [--seed 1] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time

from teilhabe.engagement import matching as m

LANGUAGES = ["ar", "uk", "ru", "tr", "fa", "ps", "ku", "ro", "bg", "sq", "ti", "so", "en", "fr"]
KINDS = ["interpreting", "mentoring", "homework", "accompaniment", "events"]
MONDAY = dt.datetime(2026, 3, 2)


def make(seed: int, n_volunteers: int = 2000, n_needs: int = 500):
    rng = random.Random(seed)
    volunteers = []
    for vid in range(1, n_volunteers + 1):
        langs = {"de": 5}
        for code in rng.sample(LANGUAGES, rng.randint(1, 2)):
            langs[code] = rng.randint(2, 5)
        windows = []
        for day in rng.sample(range(7), rng.randint(2, 5)):
            start = rng.choice([8, 9, 10, 13, 14, 15, 16, 17]) * 60
            windows.append(m.Window(day, start, min(start + rng.choice([180, 240, 300]), 22 * 60)))
        volunteers.append(
            m.VolunteerIn(
                id=vid,
                languages=langs,
                offers=frozenset(rng.sample(KINDS, rng.randint(2, 4))),
                windows=tuple(windows),
                lat=50.94 + rng.uniform(-0.08, 0.08),
                lon=6.96 + rng.uniform(-0.12, 0.12),
                max_km=rng.choice([5.0, 10.0, 15.0]),
                certificate_seen=(
                    dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 900))
                    if rng.random() < 0.35
                    else None
                ),
                hours_this_month=rng.choice([0, 0, 2, 4, 8, 15]),
            )
        )
    needs = []
    for nid in range(1, n_needs + 1):
        day = rng.randrange(7)
        start = MONDAY + dt.timedelta(days=day, hours=rng.randint(8, 19))
        end = start + dt.timedelta(hours=rng.randint(1, 3))
        kind = rng.choice(KINDS)
        needs.append(
            m.NeedIn(
                id=nid,
                kind=kind,
                intervals=(m.Interval(start, end),),
                language=rng.choice(LANGUAGES) if kind in ("interpreting", "accompaniment") else "",
                lat=50.94 + rng.uniform(-0.08, 0.08),
                lon=6.96 + rng.uniform(-0.12, 0.12),
                child_contact=rng.random() < 0.25,
            )
        )
    return needs, volunteers


def overlaps(result, needs) -> int:
    by_id = {n.id: n for n in needs}
    per: dict[int, list] = {}
    for need_id, vid in result.items():
        per.setdefault(vid, []).append(by_id[need_id])
    count = 0
    for mine in per.values():
        for i, a in enumerate(mine):
            count += sum(m._conflicting(a, b) for b in mine[i + 1 :])
    return count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--volunteers", type=int, default=2000)
    parser.add_argument("--needs", type=int, default=500)
    args = parser.parse_args()
    columns = ["seed", "seconds (MIP incl. greedy)", "greedy s", "needs met", "greedy met"]
    columns += ["overlaps", "status"]
    print("| " + " | ".join(columns) + " |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for seed in range(args.seed, args.seed + args.repeat):
        needs, volunteers = make(seed, args.volunteers, args.needs)
        t0 = time.perf_counter()
        g = m.greedy(needs, volunteers)
        greedy_s = time.perf_counter() - t0
        result = m.assign_week(needs, volunteers)
        print(
            f"| {seed} | {result.seconds:.2f} | {greedy_s:.2f} | {result.needs_met} "
            f"| {len(g)} | {overlaps(result.assignment, needs)} | {result.status} |"
        )


if __name__ == "__main__":
    main()
