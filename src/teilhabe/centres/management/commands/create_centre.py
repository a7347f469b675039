"""``teilhabe create_centre``: a new centre with its first administrator, from the server."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from teilhabe.centres.services import create_centre


class Command(BaseCommand):
    help = (
        "Create a centre (Kommunales Integrationszentrum) for official area keys and invite "
        "its first administrator by e-mail. Example: teilhabe create_centre --name "
        '"KI Kreis Soest" --slug kreis-soest --area 05974 --city Soest '
        "--admin-first-name Eva --admin-last-name Berg --admin-email eva.berg@kreis-soest.de"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--name", required=True)
        parser.add_argument("--slug", required=True)
        parser.add_argument(
            "--area",
            required=True,
            action="append",
            help="area key: 5 digits (Kreis, kreisfreie Stadt) or 8 (municipality); repeatable",
        )
        parser.add_argument("--city", required=True)
        parser.add_argument("--street", default="")
        parser.add_argument("--postcode", default="")
        parser.add_argument("--phone", default="")
        parser.add_argument("--email", default="", help="the centre's contact address")
        parser.add_argument("--admin-first-name", required=True)
        parser.add_argument("--admin-last-name", required=True)
        parser.add_argument("--admin-email", required=True)
        parser.add_argument(
            "--site-url",
            default="",
            help="the installation's address for the invitation link (default TEILHABE_SITE_URL)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        keys = [k for value in options["area"] for k in value.replace(",", " ").split()]
        try:
            centre = create_centre(
                actor=None,
                name=options["name"],
                slug=options["slug"],
                area_keys=keys,
                city=options["city"],
                street=options["street"],
                postcode=options["postcode"],
                phone=options["phone"],
                email=options["email"],
                admin_first_name=options["admin_first_name"],
                admin_last_name=options["admin_last_name"],
                admin_email=options["admin_email"],
                site_url=options["site_url"],
            )
        except ImproperlyConfigured:
            raise CommandError(
                "The invitation needs a link: set TEILHABE_SITE_URL or pass --site-url."
            ) from None
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None
        self.stdout.write(
            f"Centre {centre.slug} ({', '.join(centre.area_keys)}) created; "
            f"invitation queued for {options['admin_email']}."
        )
