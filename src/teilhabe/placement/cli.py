"""``teilhabe place``: solve a placement instance from the command line.

Exit codes: 0 success, 2 invalid instance or usage (message on stderr naming the
offending item). The answer is written to a temporary file and renamed only on
success, so a failed run never leaves a partial or stale-looking answer behind.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from teilhabe.placement.explain import explain as explain_assignment
from teilhabe.placement.explain import explain_text
from teilhabe.placement.model import InstanceError, Student, loads_instance
from teilhabe.placement.optimal import DEFAULT_TIME_LIMIT
from teilhabe.placement.problem import answer_dict, compile_problem

EXIT_INVALID = 2


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="teilhabe place",
        description="Place waiting pupils on free school seats (format teilhabe-placement/1).",
    )
    ap.add_argument("instance", help="instance JSON file, or - for stdin")
    ap.add_argument(
        "-o", "--output", default=None, help="answer JSON file, or - for stdout (default: -)"
    )
    ap.add_argument(
        "--solver",
        choices=("optimal", "fcfs"),
        default="optimal",
        help="optimal (default) or fcfs = first come, first served at the nearest free seat",
    )
    ap.add_argument(
        "--time-limit",
        type=float,
        default=DEFAULT_TIME_LIMIT,
        metavar="SECONDS",
        help=f"time budget of the optimal solver (default {DEFAULT_TIME_LIMIT:g})",
    )
    ap.add_argument(
        "--online",
        action="store_true",
        help="decide pupils one at a time in order of registration (bid prices)",
    )
    ap.add_argument(
        "--history",
        metavar="INSTANCE",
        help="online mode: an earlier instance whose pupils forecast future arrivals",
    )
    ap.add_argument("--explain", metavar="ID", help="explain the outcome for this pupil")
    ap.add_argument("--explain-json", action="store_true", help="print the explanation as JSON")
    ap.add_argument(
        "--answer", metavar="ANSWER", help="explain this existing answer instead of solving"
    )
    ap.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    return ap


def _read_text(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise InstanceError(f"{path}: cannot read ({exc.strerror})") from None


def _write_atomic(path: str, text: str) -> None:
    """Write to a temporary file next to the target, then rename it into place."""
    if path == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _assignment_from(prob: Any, answer: dict[str, Any], source: str) -> Any:
    from teilhabe.placement import assignment_from_answer

    try:
        return assignment_from_answer(prob, answer)
    except (KeyError, TypeError) as exc:
        raise InstanceError(f"{source}: answer names unknown item {exc}") from None


def main(argv: list[str]) -> int:
    """Run ``teilhabe place``; returns the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed the message
        return int(exc.code or 0) and EXIT_INVALID
    try:
        instance = loads_instance(_read_text(args.instance), source=args.instance)
        history: tuple[Student, ...] = ()
        if args.history:
            history = loads_instance(_read_text(args.history), source=args.history).students
        prob = compile_problem(instance)
        if args.answer:
            try:
                answer = json.loads(_read_text(args.answer))
            except json.JSONDecodeError as exc:
                raise InstanceError(f"{args.answer}: not valid JSON ({exc.msg})") from None
            assign = _assignment_from(prob, answer, args.answer)
        else:
            if args.online:
                from teilhabe.placement.online import solve_online

                sol = solve_online(prob, history=history)
            elif args.solver == "fcfs":
                from teilhabe.placement.fcfs import solve_fcfs

                sol = solve_fcfs(prob)
            else:
                from teilhabe.placement.optimal import solve_optimal

                sol = solve_optimal(prob, time_limit=args.time_limit)
            answer = answer_dict(prob, sol)
            assign = sol.assign
        info = None
        if args.explain:
            try:
                info = explain_assignment(prob, assign, args.explain)
            except KeyError as exc:
                raise InstanceError(str(exc.args[0])) from None
    except InstanceError as exc:
        print(f"teilhabe place: error: {exc}", file=sys.stderr)
        return EXIT_INVALID

    output = args.output if args.output is not None else (None if args.explain else "-")
    if output is not None and not args.answer:
        # compact: the indenting encoder is pure Python and costs 50 ms on Köln
        _write_atomic(output, json.dumps(answer, ensure_ascii=False) + "\n")
    if info is not None:
        text = (
            json.dumps(info, ensure_ascii=False, indent=1)
            if args.explain_json
            else (explain_text(info))
        )
        stream = sys.stderr if output == "-" else sys.stdout
        print(text, file=stream)
    if not args.quiet and not args.answer:
        st = answer["stats"]
        lb = st.get("lower_bound")
        extra = f", lower bound {lb:.3f}" if lb is not None else ""
        print(
            f"teilhabe place: {st['solver']}: placed {st['placed']} of "
            f"{st['placed'] + st['unplaced']}, cost {answer['cost']:.3f}{extra}, "
            f"{st['seconds']:.2f} s",
            file=sys.stderr,
        )
    return 0
