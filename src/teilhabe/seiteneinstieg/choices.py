"""Vocabularies of the Seiteneinstieg casework."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from teilhabe.schulen.choices import SchoolLevel  # noqa: F401  (re-exported for the casework)


class Status(models.TextChoices):
    """The pipeline a child moves through, in order; WITHDRAWN and MOVED_AWAY end a case."""

    REGISTERED = "registered", _("Registriert")
    INVITED = "invited", _("Eingeladen")
    COUNSELLED = "counselled", _("Beraten")
    ASSESSED = "assessed", _("Eingestuft")
    READY = "ready", _("Bereit zur Zuweisung")
    PROPOSED = "proposed", _("Schulplatz vorgeschlagen")
    ACCEPTED = "accepted", _("Schulplatz zugesagt")
    PLACED = "placed", _("Schulplatz angetreten")
    WITHDRAWN = "withdrawn", _("Zurückgezogen")
    MOVED_AWAY = "moved_away", _("Verzogen")


PIPELINE: tuple[str, ...] = (
    Status.REGISTERED,
    Status.INVITED,
    Status.COUNSELLED,
    Status.ASSESSED,
    Status.READY,
    Status.PROPOSED,
    Status.ACCEPTED,
    Status.PLACED,
)
CLOSED_STATUSES: frozenset[str] = frozenset({Status.PLACED, Status.WITHDRAWN, Status.MOVED_AWAY})
WAITING_STATUSES: tuple[str, ...] = PIPELINE[:-1]  # everyone not yet placed nor closed

# Which moves a service may make. Backwards moves are allowed where the real work
# goes back: a proposal the school declines returns the child to READY.
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    Status.REGISTERED: frozenset({Status.INVITED}),
    Status.INVITED: frozenset({Status.COUNSELLED, Status.REGISTERED}),
    Status.COUNSELLED: frozenset({Status.ASSESSED}),
    Status.ASSESSED: frozenset({Status.READY}),
    Status.READY: frozenset({Status.PROPOSED, Status.ASSESSED}),
    Status.PROPOSED: frozenset({Status.ACCEPTED, Status.READY}),
    # the school accepted with a first school day; attending that day places the child
    Status.ACCEPTED: frozenset({Status.PLACED, Status.READY}),
    Status.PLACED: frozenset(),
    Status.WITHDRAWN: frozenset(),
    Status.MOVED_AWAY: frozenset(),
}
for _open in PIPELINE[:-1]:
    ALLOWED_TRANSITIONS[_open] = ALLOWED_TRANSITIONS[_open] | {Status.WITHDRAWN, Status.MOVED_AWAY}


class GermanLevel(models.TextChoices):
    NONE = "none", _("Keine Deutschkenntnisse")
    A1 = "A1", _("A1")
    A2 = "A2", _("A2")
    B1_PLUS = "B1+", _("B1 oder besser")


class SkillLevel(models.TextChoices):
    NONE = "none", _("Nicht vorhanden")
    BASIC = "basic", _("Grundlegend")
    AGE_APPROPRIATE = "age_appropriate", _("Altersgemäß")
    ADVANCED = "advanced", _("Fortgeschritten")


class LanguageLevel(models.TextChoices):
    NATIVE = "native", _("Erstsprache")
    FLUENT = "fluent", _("Fließend")
    GOOD = "good", _("Gut")
    BASIC = "basic", _("Grundkenntnisse")


class PriorSchoolType(models.TextChoices):
    NONE = "none", _("Kein Schulbesuch")
    PRIMARY = "primary", _("Grundschule")
    LOWER_SECONDARY = "lower_secondary", _("Weiterführende Schule (Sek. I)")
    UPPER_SECONDARY = "upper_secondary", _("Weiterführende Schule (Sek. II)")
    VOCATIONAL = "vocational", _("Berufliche Schule")
    INTERRUPTED = "interrupted", _("Unterbrochen / unregelmäßig")


class SchoolForm(models.TextChoices):
    """NRW school forms a counsellor may recommend (names as in the school directory)."""

    GRUNDSCHULE = "Grundschule", _("Grundschule")
    HAUPTSCHULE = "Hauptschule", _("Hauptschule")
    REALSCHULE = "Realschule", _("Realschule")
    SEKUNDARSCHULE = "Sekundarschule", _("Sekundarschule")
    GESAMTSCHULE = "Gesamtschule", _("Gesamtschule")
    GYMNASIUM = "Gymnasium", _("Gymnasium")
    BERUFSKOLLEG = "Berufskolleg", _("Berufskolleg")
    FOERDERSCHULE = "Förderschule", _("Förderschule")


class DocumentKind(models.TextChoices):
    ID = "id", _("Ausweis / Pass")
    REGISTRATION = "registration", _("Meldebescheinigung")
    SCHOOL_RECORD = "school_record", _("Zeugnis / Schulnachweis")
    MEDICAL = "medical", _("Schuleingangsuntersuchung")
    OTHER = "other", _("Sonstiges")


class AppointmentStatus(models.TextChoices):
    BOOKED = "booked", _("Gebucht")
    ATTENDED = "attended", _("Wahrgenommen")
    NO_SHOW = "no_show", _("Nicht erschienen")
    CANCELLED = "cancelled", _("Abgesagt")


# Languages offered for counselling and letters (ISO 639-1), with their German names.
LANGUAGE_CHOICES: list[tuple[str, str]] = [
    ("de", _("Deutsch")),
    ("en", _("Englisch")),
    ("uk", _("Ukrainisch")),
    ("ru", _("Russisch")),
    ("ar", _("Arabisch")),
    ("fa", _("Farsi/Dari")),
    ("tr", _("Türkisch")),
    ("ku", _("Kurdisch")),
    ("ti", _("Tigrinya")),
    ("so", _("Somali")),
    ("ps", _("Paschtu")),
    ("ro", _("Rumänisch")),
    ("bg", _("Bulgarisch")),
    ("pl", _("Polnisch")),
    ("sq", _("Albanisch")),
    ("sr", _("Serbisch")),
    ("fr", _("Französisch")),
    ("es", _("Spanisch")),
    ("it", _("Italienisch")),
    ("el", _("Griechisch")),
    ("ur", _("Urdu")),
    ("hi", _("Hindi")),
    ("zh", _("Chinesisch")),
    ("vi", _("Vietnamesisch")),
    ("other", _("Andere Sprache")),
]
