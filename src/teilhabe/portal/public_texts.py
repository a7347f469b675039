"""Public strings that are not in a template: navigation labels and messages families read.

Kept in one module that is declared as a public source (see ``declarations.py``), so the
catalogue test holds every string here to all seven languages.
"""

from django.utils.translation import gettext_lazy as _

NAV_HOME = _("Start")
NAV_OFFERS = _("Angebote")
NAV_EVENTS = _("Veranstaltungen")
NAV_DOCUMENTS = _("Dokumente und Links")
NAV_CONTACT = _("Kontakt")
NAV_ACCESSIBILITY = _("Barrierefreiheit")

FEEDBACK_TOO_OFTEN = _(
    "Sie haben in kurzer Zeit schon viele Nachrichten geschickt. Bitte versuchen Sie es "
    "in einer Stunde noch einmal."
)
FEEDBACK_EMPTY = _("Bitte schreiben Sie eine Nachricht.")
FEEDBACK_TOO_LONG = _("Die Nachricht ist zu lang. Bitte schreiben Sie höchstens 5000 Zeichen.")
FEEDBACK_THANKS = _("Danke! Wir haben Ihre Nachricht bekommen.")

CHOOSE_PROMPT = _("Bitte wählen Sie Ihre Sprache.")
