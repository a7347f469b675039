"""``teilhabe api_token USERNAME --scope cases:read [--scope ...] [--name ...] [--days N]``

For the operator: makes a token for an account and prints its secret once. The scopes are
limited to what the account's role holds, exactly as on the page "API-Zugänge".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from teilhabe.api.registry import scopes
from teilhabe.api.services import create_token
from teilhabe.centres.models import User


class Command(BaseCommand):
    help = "Legt einen API-Zugang für ein Konto an und gibt den Schlüssel einmal aus."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument(
            "--scope",
            action="append",
            dest="scopes",
            default=[],
            help="Bereich, mehrfach möglich: " + ", ".join(scopes()),
        )
        parser.add_argument("--name", default="Kommandozeile")
        parser.add_argument("--days", type=int, default=None, help="Gültigkeit in Tagen (≤ 366)")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.select_related("centre").filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"Kein Konto „{options['username']}“.")
        expires_at = None
        if options["days"] is not None:
            expires_at = timezone.now() + dt.timedelta(days=options["days"])
        try:
            token, secret = create_token(
                actor=None,
                user=user,
                name=options["name"],
                scopes=options["scopes"],
                expires_at=expires_at,
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stderr.write(f"API-Zugang {token.pk} für {user.username}: {', '.join(token.scopes)}")
        self.stdout.write(secret)
