"""The ``teilhabe`` command: Django's management commands, plus the placement engine.

``teilhabe place`` is dispatched without setting up Django so that the engine starts fast
and stays usable without a database.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    """Run ``teilhabe <command> …``; returns the process exit code."""
    args = list(sys.argv if argv is None else ["teilhabe", *argv])
    if len(args) > 1 and args[1] == "place":
        from teilhabe.placement.cli import main as place_main

        return place_main(args[2:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "teilhabe.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
