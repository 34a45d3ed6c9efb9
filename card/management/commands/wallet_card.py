"""Write a sample wallet card: the PDF, or with ``--image`` the phone image (PNG).

    python manage.py wallet_card --out sample.pdf --name "Ana Silva" --start-date 2026-01-05
    python manage.py wallet_card --image --out card.png --language es --last-dose-date 2026-01-05

One option per card field (every one optional, as on the form); dates as YYYY-MM-DD. The card
is written in ``--language`` from the site's own catalogue, as a page under /es/ would be.
"""

import datetime
from dataclasses import fields
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from isatuximab_portal.lib.language import speaking
from isatuximab_portal.lib.paper import PAPER_SIZES

from ...fields import CardDetails
from ...pdf.image import render_image
from ...pdf.wallet_card import LAYOUTS, render


class Command(BaseCommand):
    help = "Write a sample wallet card PDF (or, with --image, the phone image)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--out", type=Path, required=True, help="the file to write")
        parser.add_argument("--image", action="store_true", help="the phone image (PNG)")
        parser.add_argument("--paper", choices=sorted(PAPER_SIZES), default="a4")
        parser.add_argument("--layout", choices=LAYOUTS, default="sheet")
        languages = [code for code, _ in settings.LANGUAGES]
        parser.add_argument("--language", choices=languages, default=settings.LANGUAGE_CODE)
        parser.add_argument("--url", help="default: the local server's blood-bank page")
        for field in fields(CardDetails):
            date = field.name.endswith("_date")
            kind = (
                {"type": datetime.date.fromisoformat, "default": None} if date else {"default": ""}
            )
            parser.add_argument(f"--{field.name.replace('_', '-')}", **kind)

    def handle(self, *args, **options) -> None:
        language = options["language"]
        details = CardDetails(**{field.name: options[field.name] for field in fields(CardDetails)})
        url = options["url"] or blood_bank_page(language)
        with (
            translation.override(language),
            speaking(language, translation.gettext, translation.ngettext),
        ):
            if options["image"]:
                body = render_image(details, url)
            else:
                body = render(details, url, options["paper"], options["layout"])
        options["out"].write_bytes(body)
        self.stdout.write(f"Wrote {options['out']}")


def blood_bank_page(language: str) -> str:
    """The local development server's page for blood banks, in `language`."""
    prefix = "" if language == settings.LANGUAGE_CODE else f"{language}/"
    return f"http://127.0.0.1:8000/{prefix}for-blood-banks/"
