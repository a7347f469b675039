"""Benchmark runner: engine vs FCFS vs HiGHS on the exact MIP, plus online months.

Instances are generated on the fly (generate.py, seeded) into a temporary directory, so
nothing big is committed. Every answer is re-checked with teilhabe.placement.cost
(independent validity and cost). The engine and FCFS are timed as whole commands
(``teilhabe place``, including Python start-up and JSON I/O); peak memory is the child
process' max RSS.

Usage (the tables in docs/placement.md come from exactly these):

    .venv/bin/python benchmarks/placement/run.py --regions koeln --seeds 1 2 \
        --mip-time-limit koeln=600 --online-months 8
    .venv/bin/python benchmarks/placement/run.py --regions nrw --seeds 1 \
        --mip-time-limit nrw=300 --online-months 0
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

from teilhabe.placement import evaluate, parse_instance  # noqa: E402
from teilhabe.placement.fcfs import solve_fcfs  # noqa: E402
from teilhabe.placement.online import solve_online  # noqa: E402
from teilhabe.placement.optimal import solve_optimal  # noqa: E402
from teilhabe.placement.problem import compile_problem  # noqa: E402

VENV_BIN = Path(sys.executable).parent
TEILHABE = VENV_BIN / "teilhabe"

MIP_SNIPPET = """
import json, sys, time
from teilhabe.placement import load_instance
from teilhabe.placement.mip import solve_mip
from teilhabe.placement.problem import answer_dict, compile_problem, Solution
t0 = time.perf_counter()
prob = compile_problem(load_instance(sys.argv[1]))
res = solve_mip(prob, time_limit=float(sys.argv[3]), rel_gap=1e-6)
sol = Solution(assign=res.assign, stats={"solver": "highs-mip", "status": res.status,
    "seconds": round(time.perf_counter() - t0, 3), "lower_bound": res.bound})
with open(sys.argv[2], "w") as fh:
    json.dump(answer_dict(prob, sol), fh)
"""


def run_child(cmd: list[str]) -> tuple[float, float, int]:
    """Run a command; returns (wall seconds, peak RSS in MB, exit code)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise RuntimeError(f"{cmd[0]} failed ({proc.returncode}): {err}")
    return seconds, usage.ru_maxrss / 1024.0, proc.returncode


def row(name: str, inst: Any, answer: dict[str, Any], seconds: float, mb: float) -> dict:
    check = evaluate(inst, answer)
    if not check.valid:
        raise RuntimeError(f"{name}: invalid answer: {check.errors[:3]}")
    return {
        "name": name,
        "cost": check.cost,
        "placed": check.placed,
        "pupils": len(inst.students),
        "mean_km": check.distance_km / max(check.placed, 1),
        "lb": answer["stats"].get("lower_bound"),
        "status": answer["stats"].get("status", ""),
        "seconds": seconds,
        "mb": mb,
        "load": os.getloadavg()[0],
    }


def bench_region(
    region: str, seed: int, mip_limit: float, work: Path, repeat: int = 3
) -> list[dict]:
    """Engine, FCFS (each ``repeat`` times, median) and the exact MIP on one instance."""
    doc = generate(region, seed=seed)
    path = work / f"{region}-{seed}.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    inst = parse_instance(doc)
    rows = []
    for name, extra in (("engine (optimal)", []), ("FCFS", ["--solver", "fcfs"])):
        out = work / f"{region}-{name.split()[0]}.answer.json"
        runs = [
            run_child([str(TEILHABE), "place", str(path), "-o", str(out), "-q", *extra])
            for _ in range(max(repeat, 1))
        ]
        secs = sorted(r[0] for r in runs)
        r = row(
            name, inst, json.loads(out.read_text()), secs[len(secs) // 2], max(r[1] for r in runs)
        )
        r["range"] = (secs[0], secs[-1]) if len(secs) > 1 else None
        rows.append(r)
    if mip_limit > 0:
        out = work / f"{region}-mip.answer.json"
        secs, mb, _ = run_child(
            [sys.executable, "-c", MIP_SNIPPET, str(path), str(out), str(mip_limit)]
        )
        rows.append(
            row(
                f"HiGHS exact MIP ({mip_limit:g} s limit)",
                inst,
                json.loads(out.read_text()),
                secs,
                mb,
            )
        )
    best_lb = max(r["lb"] for r in rows if r["lb"] is not None)
    for r in rows:
        r["gap"] = (r["cost"] - best_lb) / r["cost"]
        r["best_lb"] = best_lb
        r.setdefault("range", None)
    if mip_limit > 0:  # how many times faster than HiGHS (a lower bound if HiGHS stopped)
        rows[0]["speedup"] = rows[-1]["seconds"] / rows[0]["seconds"]
        rows[0]["speedup_capped"] = rows[-1]["status"] != "Optimal"
    return rows


def online_months(months: int, pupils: int) -> list[dict]:
    """Simulated months: hindsight optimum vs FCFS vs online (with/without history)."""
    out = []
    for seed in range(101, 101 + months):
        inst = parse_instance(generate("koeln", seed=seed, pupils=pupils, horizon_days=30))
        hist = parse_instance(
            generate("koeln", seed=seed + 1000, pupils=pupils, horizon_days=30)
        ).students
        prob = compile_problem(inst)

        def placed(sol: Any) -> int:
            return int((sol.assign >= 0).sum())

        opt = placed(solve_optimal(prob, time_limit=30))
        fcfs = placed(solve_fcfs(prob))
        bare = placed(solve_online(prob))
        t0 = time.perf_counter()
        with_hist = placed(solve_online(prob, history=hist))
        secs = time.perf_counter() - t0
        out.append(
            {
                "seed": seed,
                "opt": opt,
                "fcfs": fcfs,
                "online": bare,
                "online_hist": with_hist,
                "seconds": secs,
            }
        )
    return out


def markdown(results: dict[str, list[dict]], months: list[dict], args: Any) -> str:
    """The results as Markdown tables."""
    lines = []
    for (region, seed), rows in results.items():
        lines.append(
            f"**{region}** (seed {seed}; gap = (cost − best proven lower bound) "
            f"/ cost, best bound {rows[0]['best_lb']:.1f}; seconds: median of "
            f"{args.repeat} whole commands, range in brackets)\n"
        )
        lines.append(
            "| solver | cost | placed | mean km | own lower bound | gap | seconds "
            "| × faster than HiGHS | peak MB | load avg |"
        )
        lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            lb = f"{r['lb']:.1f}" if r["lb"] is not None else "–"
            status = f" ({r['status']})" if r["status"] else ""
            secs = f"{r['seconds']:.2f}"
            if r["range"]:
                secs += f" ({r['range'][0]:.2f}–{r['range'][1]:.2f})"
            speed = "–"
            if "speedup" in r:
                speed = (">" if r["speedup_capped"] else "") + f"{r['speedup']:.1f}"
            lines.append(
                f"| {r['name']}{status} | {r['cost']:.1f} | {r['placed']}/{r['pupils']} | "
                f"{r['mean_km']:.2f} | {lb} | {100 * r['gap']:.3f} % | {secs} | {speed} | "
                f"{r['mb']:.0f} | {r['load']:.1f} |"
            )
        lines.append("")
    if months:
        lines.append(
            f"**Online, simulated months** (Köln, {args.online_pupils} arrivals in 30 "
            "days; history = an independent month from the same generator)\n"
        )
        lines.append(
            "| seed | hindsight optimum placed | FCFS | online, no history | "
            "online + history | ratio (with history) | seconds |"
        )
        lines.append("|---|---:|---:|---:|---:|---:|---:|")
        for m in months:
            lines.append(
                f"| {m['seed']} | {m['opt']} | {m['fcfs']} ({m['fcfs'] / m['opt']:.1%}) | "
                f"{m['online']} ({m['online'] / m['opt']:.1%}) | {m['online_hist']} | "
                f"{m['online_hist'] / m['opt']:.2%} | {m['seconds']:.1f} |"
            )
        tot = {k: sum(m[k] for m in months) for k in ("opt", "fcfs", "online", "online_hist")}
        lines.append(
            f"| all | {tot['opt']} | {tot['fcfs'] / tot['opt']:.2%} | "
            f"{tot['online'] / tot['opt']:.2%} | {tot['online_hist']} | "
            f"{tot['online_hist'] / tot['opt']:.2%} | |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print Markdown tables."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--regions", nargs="*", default=["koeln", "nrw"])
    ap.add_argument("--seeds", type=int, nargs="*", default=[1])
    ap.add_argument("--repeat", type=int, default=3, help="runs of engine and FCFS (median)")
    ap.add_argument(
        "--mip-time-limit",
        nargs="*",
        default=["koeln=600", "nrw=300"],
        help="REGION=SECONDS for HiGHS on the exact MIP (0 = skip)",
    )
    ap.add_argument("--online-months", type=int, default=8)
    ap.add_argument("--online-pupils", type=int, default=600)
    ap.add_argument("--markdown", help="also write the tables to this file")
    args = ap.parse_args(argv)
    limits = dict(item.split("=") for item in args.mip_time_limit)
    results = {}
    with tempfile.TemporaryDirectory(prefix="placement-bench-") as tmp:
        for region in args.regions:
            for seed in args.seeds:
                results[region, seed] = bench_region(
                    region, seed, float(limits.get(region, 0)), Path(tmp), args.repeat
                )
                print(f"# {region} {seed} done", file=sys.stderr, flush=True)
    months = online_months(args.online_months, args.online_pupils) if args.online_months else []
    text = markdown(results, months, args)
    sys.stdout.write(text)
    if args.markdown:
        Path(args.markdown).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
