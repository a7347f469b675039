"""Tenancy: every record belongs to a centre (a Kommunales Integrationszentrum)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from teilhabe.centres.roles import STATEWIDE_ROLES, Role


def validate_area_keys(value: object) -> None:
    """A centre's area: official keys of a Kreis or kreisfreie Stadt (5 digits) or of
    single municipalities (8 digits). Whether a key exists is checked by the service."""
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Mindestens ein Gebietsschlüssel (5 oder 8 Ziffern)."))
    for key in value:
        if not isinstance(key, str) or not key.isdigit() or len(key) not in (5, 8):
            raise ValidationError(
                _("„%(key)s“ ist kein Kreis- (5 Ziffern) oder Gemeindeschlüssel (8 Ziffern)."),
                params={"key": key},
            )


class Centre(models.Model):
    """One Kommunales Integrationszentrum; one installation serves several."""

    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kurzname"), unique=True)
    area_keys = models.JSONField(
        _("Gebiet"),
        default=list,
        validators=[validate_area_keys],
        help_text=_(
            "Amtliche Schlüssel: Kreis oder kreisfreie Stadt (5 Ziffern, Köln: 05315, "
            "Kreis Soest: 05974) oder einzelne Gemeinden (8 Ziffern)."
        ),
    )
    is_active = models.BooleanField(_("Aktiv"), default=True)
    street = models.CharField(_("Straße"), max_length=200, blank=True)
    postcode = models.CharField(_("PLZ"), max_length=5, blank=True)
    city = models.CharField(_("Ort"), max_length=100)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)

    class Meta:
        verbose_name = _("Zentrum")
        verbose_name_plural = _("Zentren")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        # The public site lives at /<slug>/; a slug that is the first part of another page's
        # address (/api/, /portal/, /land/ …) would hide the centre's site behind that page.
        if self.slug and self.slug in reserved_slugs():
            raise ValidationError(
                {
                    "slug": _("„%(slug)s“ ist als Kurzname vergeben; bitte einen anderen wählen.")
                    % {"slug": self.slug}
                }
            )


def reserved_slugs() -> frozenset[str]:
    """The first path segments of the installation's own pages (read from the URLconf)."""
    from django.urls import URLPattern, URLResolver, get_resolver

    reserved = {"static", "media", "media-not-served"}

    def walk(patterns: list[URLPattern | URLResolver]) -> None:
        for entry in patterns:
            route = str(entry.pattern).lstrip("^")
            head = route.split("/", 1)[0]
            if head and "<" not in head and "(" not in head:
                reserved.add(head)
            elif not head and isinstance(entry, URLResolver):
                walk(entry.url_patterns)

    walk(get_resolver().url_patterns)
    return frozenset(reserved)


class AccountStatus(models.TextChoices):
    """Where an account stands; derived from ``is_active`` and a pending invitation."""

    INVITED = "invited", _("eingeladen")
    ACTIVE = "active", _("aktiv")
    DEACTIVATED = "deactivated", _("deaktiviert")


class User(AbstractUser):
    """A staff member of one centre (or of a school within its area) with exactly one role."""

    centre = models.ForeignKey(
        Centre,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("Zentrum"),
    )
    role = models.CharField(_("Rolle"), max_length=32, choices=Role.choices, blank=True)
    languages = models.CharField(
        _("Sprachen"),
        max_length=200,
        blank=True,
        help_text=_("Sprachen, in denen die Person berät, kommagetrennt (ISO 639-1)."),
    )
    calendar_feed_version = models.PositiveIntegerField(
        _("Version der Kalender-Adresse"),
        default=1,
        help_text=_(
            "Wird beim Erneuern der Kalender-Adresse erhöht; ältere Adressen gelten nicht mehr."
        ),
    )

    class Meta:
        verbose_name = _("Benutzerkonto")
        verbose_name_plural = _("Benutzerkonten")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role="")
                | (models.Q(role__in=sorted(STATEWIDE_ROLES)) & models.Q(centre__isnull=True))
                | (~models.Q(role__in=sorted(STATEWIDE_ROLES)) & models.Q(centre__isnull=False)),
                name="user_role_matches_centre",
            )
        ]

    # An invitation link carries this nonce; a new invitation replaces it and accepting
    # clears it, so every older link and a used link stop working.
    invitation_nonce = models.CharField(_("Einladungs-Kennung"), max_length=64, blank=True)
    invited_at = models.DateTimeField(_("Eingeladen am"), null=True, blank=True)

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def account_status(self) -> AccountStatus:
        if self.is_active:
            return AccountStatus.ACTIVE
        if self.invitation_nonce:
            return AccountStatus.INVITED
        return AccountStatus.DEACTIVATED

    @property
    def language_codes(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    def get_account_status_display(self) -> str:
        return str(self.account_status.label)

    def has_perm(self, perm: str, obj: object = None) -> bool:
        """Ask the rules only: unlike Django's default, ``is_superuser`` grants nothing."""
        from django.contrib.auth.models import _user_has_perm

        return self.is_active and _user_has_perm(self, perm, obj)

    def has_module_perms(self, app_label: str) -> bool:
        return False


def validate_notice_texts(value: object) -> None:
    """The privacy text per public language (``{"de": "...", ...}``), German required."""
    from teilhabe.centres.public import PUBLIC_LANGUAGES

    if not isinstance(value, dict) or not str(value.get("de", "")).strip():
        raise ValidationError(_("Der Datenschutzhinweis braucht mindestens den deutschen Text."))
    for code, text in value.items():
        if code not in PUBLIC_LANGUAGES:
            raise ValidationError(
                _("„%(code)s“ ist keine Sprache der öffentlichen Seiten."), params={"code": code}
            )
        if not isinstance(text, str):
            raise ValidationError(_("Jeder Text muss eine Zeichenkette sein."))


class PrivacyNotice(models.Model):
    """One version of the privacy text (Datenschutzhinweis) a family or volunteer consents to.

    Versions are never changed once published: a new text is a new version, so that the
    version a person consented to stays readable (records keep a FK to it).
    """

    centre = models.ForeignKey(
        Centre, on_delete=models.PROTECT, related_name="privacy_notices", verbose_name=_("Zentrum")
    )
    purpose = models.SlugField(
        _("Zweck"),
        max_length=50,
        help_text=_("Wofür der Hinweis gilt, z. B. self_registration oder volunteers."),
    )
    version = models.PositiveIntegerField(_("Version"))
    texts = models.JSONField(
        _("Texte"), default=dict, validators=[validate_notice_texts], help_text=_("Je Sprache.")
    )
    published_at = models.DateTimeField(_("Veröffentlicht am"))
    published_by = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Veröffentlicht von"),
    )

    class Meta:
        verbose_name = _("Datenschutzhinweis")
        verbose_name_plural = _("Datenschutzhinweise")
        ordering = ["centre", "purpose", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "purpose", "version"], name="privacy_notice_one_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.purpose} v{self.version}"

    def text_for(self, lang: str) -> str:
        """The text in ``lang``, or German where that language is missing."""
        return str(self.texts.get(lang) or self.texts.get("de", ""))

    def has_language(self, lang: str) -> bool:
        return bool(str(self.texts.get(lang, "")).strip())
