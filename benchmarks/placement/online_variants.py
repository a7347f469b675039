"""Online mode: the kept policy against its variants, on simulated months.

Each month: 600 Köln arrivals in 30 days (generate.py, seeded), one earlier month as
history, the hindsight optimum's placements as the yardstick. The default seeds 1–5 are
the months the online parameters were chosen on; run.py reports seeds 101–108.

    .venv/bin/python benchmarks/placement/online_variants.py --seeds 1 2 3 4 5
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

from teilhabe.placement import parse_instance
from teilhabe.placement.online import solve_online
from teilhabe.placement.optimal import solve_optimal
from teilhabe.placement.problem import compile_problem

VARIANTS: dict[str, dict[str, Any]] = {
    "kept (refresh n/25, factor 1.5)": {},
    "refresh every 6 arrivals": {"refresh": 6},
    "forecast factor 1.3": {"demand_factor": 1.3},
    "forecast factor 1.8": {"demand_factor": 1.8},
    "flow re-solved per arrival": {"policy": "resolve"},
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, nargs="*", default=[1, 2, 3, 4, 5])
    ap.add_argument("--pupils", type=int, default=600)
    args = ap.parse_args(argv)
    placed = {name: 0 for name in VARIANTS}
    seconds = {name: 0.0 for name in VARIANTS}
    optimum = 0
    rows = []
    for seed in args.seeds:
        month = parse_instance(generate("koeln", seed=seed, pupils=args.pupils, horizon_days=30))
        history = parse_instance(
            generate("koeln", seed=seed + 1000, pupils=args.pupils, horizon_days=30)
        ).students
        prob = compile_problem(month)
        opt = int((solve_optimal(prob, time_limit=30).assign >= 0).sum())
        optimum += opt
        cells = [str(seed), str(opt)]
        for name, kwargs in VARIANTS.items():
            t0 = time.perf_counter()
            n = int((solve_online(prob, history=history, **kwargs).assign >= 0).sum())
            seconds[name] += time.perf_counter() - t0
            placed[name] += n
            cells.append(f"{n / opt:.2%}")
        rows.append(cells)
        print(f"# seed {seed} done", file=sys.stderr, flush=True)
    print("| seed | hindsight optimum placed | " + " | ".join(VARIANTS) + " |")
    print("|---|---:|" + "---:|" * len(VARIANTS))
    for cells in rows:
        print("| " + " | ".join(cells) + " |")
    total = [f"{placed[n] / optimum:.2%} ({seconds[n]:.0f} s)" for n in VARIANTS]
    print(f"| all | {optimum} | " + " | ".join(total) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
