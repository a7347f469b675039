"""Writes about centres and accounts: inviting, changing, deactivating users; second factor.

Mail (invitations) is queued through ``teilhabe.core.registry.queue_mail``, which the
``notify`` app fills: centres sits below the shared services and does not import them.
"""

from __future__ import annotations

import re
import secrets
from importlib import import_module

from axes.utils import reset as reset_lockout
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice

from teilhabe.audit.services import record
from teilhabe.centres.areas import validate_area
from teilhabe.centres.models import AccountStatus, Centre, PrivacyNotice, User
from teilhabe.centres.permissions import role_holds
from teilhabe.centres.roles import CENTRE_ROLES, Role
from teilhabe.centres.selectors import invitation_token, invited_user
from teilhabe.core.registry import queue_mail

MANAGE_USERS = "centres.manage_users"
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


def _clean_keys(area_keys: list[str] | str) -> list[str]:
    """Keys as typed (comma, space or one per line) → a list without blanks and repeats."""
    if isinstance(area_keys, str):
        area_keys = area_keys.replace(",", " ").split()
    return list(dict.fromkeys(k.strip() for k in area_keys if k and k.strip()))


def _check_manage_centres(actor: User | None) -> None:
    """``actor=None`` is the command line (an operator on the server)."""
    if actor is not None and not actor.has_perm("centres.manage_centres"):
        raise PermissionDenied


@transaction.atomic
def create_centre(
    *,
    actor: User | None,
    name: str,
    slug: str,
    area_keys: list[str] | str,
    city: str,
    street: str = "",
    postcode: str = "",
    phone: str = "",
    email: str = "",
    admin_first_name: str = "",
    admin_last_name: str = "",
    admin_email: str = "",
    site_url: str = "",
) -> Centre:
    """Create a centre for an area of NRW and, given an e-mail, invite its first administrator.

    The area keys must name Kreise/kreisfreie Städte or municipalities of NRW
    (``validate_area``). The administrator gets an account without a password and a mail
    with a one-time link to set a password (``site_url``: the installation's address, by
    default ``TEILHABE_SITE_URL``); nothing is written when anything is invalid.
    """
    _check_manage_centres(actor)
    keys = _clean_keys(area_keys)
    errors: dict[str, list[str]] = {}
    try:
        validate_area(keys)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if slug and Centre.objects.filter(slug=slug).exists():
        errors.setdefault("slug", []).append(
            _("Der Kurzname „%(slug)s“ ist schon vergeben.") % {"slug": slug}
        )
    if admin_email and not (admin_first_name.strip() and admin_last_name.strip()):
        errors.setdefault("admin_last_name", []).append(
            _("Vor- und Nachname der ersten Verwaltungskraft fehlen.")
        )
    if admin_email and User.objects.filter(username__iexact=admin_email.strip()).exists():
        errors.setdefault("admin_email", []).append(
            _("Für %(email)s gibt es schon ein Konto.") % {"email": admin_email.strip()}
        )
    if errors:
        raise ValidationError(errors)
    centre = Centre(
        name=name,
        slug=slug,
        area_keys=keys,
        city=city,
        street=street,
        postcode=postcode,
        phone=phone,
        email=email,
    )
    centre.full_clean()
    centre.save()
    data: dict[str, object] = {"area_keys": keys}
    if admin_email:
        admin = _invite_first_admin(
            actor=actor,
            centre=centre,
            email=admin_email.strip(),
            first_name=admin_first_name.strip(),
            last_name=admin_last_name.strip(),
            site_url=site_url,
        )
        data["first_admin"] = {"user_id": admin.pk, "email": admin.email}
    record(
        actor=actor,
        centre=centre,
        action="centres.centre.created",
        target=centre,
        summary=name,
        data=data,
    )
    return centre


def _invite_first_admin(
    *,
    actor: User | None,
    centre: Centre,
    email: str,
    first_name: str,
    last_name: str,
    site_url: str,
) -> User:
    """The centre's first administrator: an invitation with a one-time link (no own audit
    entry: ``centres.centre.created`` names the account)."""
    user = User(
        username=email.lower(),
        email=email.lower(),
        first_name=first_name,
        last_name=last_name,
        centre=centre,
        role=Role.CENTRE_ADMIN,
        is_active=False,
    )
    try:
        return _create_invitation(
            actor=actor, user=user, languages="", site_url=site_url, record_it=False
        )
    except ValidationError as exc:
        raise ValidationError(
            {
                ("admin_" + k if k in ("email", "first_name", "last_name") else k): v
                for k, v in exc.message_dict.items()
            }
        ) from None


@transaction.atomic
def update_centre(
    *,
    actor: User | None,
    centre: Centre,
    name: str,
    area_keys: list[str] | str,
    city: str,
    street: str = "",
    postcode: str = "",
    phone: str = "",
    email: str = "",
    is_active: bool = True,
) -> Centre:
    """Change a centre's name, area, contact or deactivate it; the slug stays."""
    _check_manage_centres(actor)
    centre = Centre.objects.select_for_update().get(pk=centre.pk)
    keys = _clean_keys(area_keys)
    validate_area(keys)
    new = {
        "name": name,
        "area_keys": keys,
        "street": street,
        "postcode": postcode,
        "city": city,
        "phone": phone,
        "email": email,
        "is_active": is_active,
    }
    changed = {k: v for k, v in new.items() if getattr(centre, k) != v}
    if not changed:
        return centre
    before = {k: getattr(centre, k) for k in changed}
    for k, v in changed.items():
        setattr(centre, k, v)
    centre.full_clean()
    centre.save(update_fields=list(changed))
    record(
        actor=actor,
        centre=centre,
        action="centres.centre.changed",
        target=centre,
        summary=_("Geändert: %(fields)s")
        % {"fields": ", ".join(str(Centre._meta.get_field(k).verbose_name) for k in changed)},
        data={"before": before, "after": changed},
    )
    return centre


@transaction.atomic
def create_user(
    *,
    actor: User | None,
    centre: Centre,
    username: str,
    password: str,
    role: Role | str,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    languages: str = "",
    check_password: bool = True,
) -> User:
    """Create a staff account. ``check_password=False`` only for generated demo accounts."""
    user = User(
        username=username,
        centre=centre,
        role=role,
        first_name=first_name,
        last_name=last_name,
        email=email,
        languages=languages,
    )
    if check_password:
        validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    user.save()
    record(
        actor=actor,
        centre=centre,
        action="centres.user.created",
        target=user,
        summary=username,
        data={"role": str(role)},
    )
    return user


@transaction.atomic
def start_totp_setup(*, actor: User) -> TOTPDevice:
    """Return the user's unconfirmed TOTP device, creating it when there is none."""
    device = TOTPDevice.objects.filter(user=actor, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=actor, name="Authenticator-App", confirmed=False)
    return device


@transaction.atomic
def confirm_totp_device(*, actor: User, device: TOTPDevice, token: str) -> bool:
    """Confirm the device with a first valid code; False when the code is wrong."""
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=actor)
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    if actor.centre is not None:
        record(actor=actor, centre=actor.centre, action="centres.totp.confirmed", target=actor)
    return True


# --- accounts ----------------------------------------------------------------------------


def normalise_languages(value: str) -> str:
    """``"UK, ru ar"`` → ``"uk,ru,ar"``; each an ISO 639 code of two or three letters."""
    codes: list[str] = []
    for code in re.split(r"[\s,;]+", value.strip().lower()):
        if not code:
            continue
        if not LANGUAGE_CODE.match(code):
            raise ValidationError(
                {
                    "languages": _(
                        "„%(code)s“ ist kein Sprachkürzel. Bitte Kürzel nach ISO 639-1 "
                        "angeben, kommagetrennt (z. B. uk, ar, tr)."
                    )
                    % {"code": code[:20]}
                }
            )
        if code not in codes:
            codes.append(code)
    return ",".join(codes)


def _check_centre_role(role: str) -> None:
    if role not in {str(r) for r in CENTRE_ROLES}:
        raise ValidationError(
            {"role": _("Diese Rolle kann einem Konto im Zentrum nicht gegeben werden.")}
        )


def _may_manage(actor: User, user: User, *, statewide: bool = False) -> None:
    """The centre's administrators manage its accounts; with ``statewide`` also the office."""
    if actor.has_perm(MANAGE_USERS, user):
        return
    if statewide and actor.has_perm("centres.manage_centres", user.centre):
        return
    raise PermissionDenied


def _lock_centre(centre_id: int | None) -> None:
    """Serialise account changes of one centre, so two of them cannot both remove the last
    administrator."""
    Centre.objects.select_for_update().filter(pk=centre_id).first()


def _keeps_an_administrator(user: User, *, new_role: str | None = None) -> None:
    """Refuse a change after which the centre has no active account holding manage_users.

    ``new_role=None`` means the account is deactivated.
    """
    if not user.has_perm(MANAGE_USERS, user):
        return  # not an active administrator now: nothing is lost
    if new_role is not None and role_holds(new_role, MANAGE_USERS):
        return
    others = User.objects.filter(centre_id=user.centre_id, is_active=True).exclude(pk=user.pk)
    if any(other.has_perm(MANAGE_USERS, other) for other in others):
        return
    message = _(
        "Das Zentrum braucht mindestens ein aktives Konto, das Konten verwalten darf. "
        "Geben Sie zuerst einer anderen Person diese Rolle."
    )
    raise ValidationError({"role": message} if new_role is not None else message)


def _site_url(site_url: str) -> str:
    base = (site_url or settings.TEILHABE_SITE_URL).rstrip("/")
    if not base:
        raise ImproperlyConfigured("TEILHABE_SITE_URL must be set to send links outside a page")
    return base


def _queue_invitation(*, actor: User, user: User, site_url: str) -> None:
    link = _site_url(site_url) + reverse(
        "centres:invitation_accept", kwargs={"token": invitation_token(user)}
    )
    context = {
        "user": user,
        "inviter": actor,
        "centre": user.centre,
        "role": user.get_role_display(),
        "link": link,
        "days": settings.TEILHABE_INVITATION_DAYS,
        "login_url": _site_url(site_url) + reverse("centres:login"),
    }
    queue_mail(
        to=[user.email],
        subject=_("Einladung zu Teilhabe – %(centre)s") % {"centre": user.centre},
        body=render_to_string("centres/mail/invitation.txt", context),
        centre=user.centre,
        reply_to=(actor.email if actor else "") or "",
        language="de",
        topic=f"{user._meta.label_lower}:{user.pk}",
    )


def _new_invitation(user: User) -> None:
    user.invitation_nonce = secrets.token_urlsafe(24)
    user.invited_at = timezone.now()


@transaction.atomic
def invite_user(
    *,
    actor: User,
    centre: Centre,
    email: str,
    first_name: str,
    last_name: str,
    role: Role | str,
    languages: str = "",
    site_url: str = "",
) -> User:
    """Create an inactive account and mail its holder a one-time link to set a password.

    The centre's administrators invite colleagues; the statewide office (``manage_centres``)
    invites a new centre's first administrator. The e-mail address is the user name.
    ``site_url`` is the installation's address for the link (default TEILHABE_SITE_URL).
    """
    email = (email or "").strip().lower()
    user = User(
        username=email,
        email=email,
        first_name=(first_name or "").strip(),
        last_name=(last_name or "").strip(),
        centre=centre,
        role=str(role),
        is_active=False,
    )
    _may_manage(actor, user, statewide=True)
    return _create_invitation(
        actor=actor, user=user, languages=languages, site_url=site_url, record_it=True
    )


def _create_invitation(
    *, actor: User | None, user: User, languages: str, site_url: str, record_it: bool
) -> User:
    """Check, save and mail an invitation (``record_it=False``: the caller's audit entry
    names the account, e.g. a new centre's first administrator)."""
    email, centre, role = user.email, user.centre, user.role
    errors: dict[str, list[str]] = {}
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = [_("Bitte eine gültige E-Mail-Adresse angeben.")]
    if not user.first_name:
        errors["first_name"] = [_("Bitte den Vornamen angeben.")]
    if not user.last_name:
        errors["last_name"] = [_("Bitte den Nachnamen angeben.")]
    try:
        _check_centre_role(str(role))
    except ValidationError as exc:
        errors.update(exc.message_dict)
    try:
        user.languages = normalise_languages(languages)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    if User.objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).exists():
        raise ValidationError({"email": _duplicate_message(email)})
    user.set_unusable_password()
    _new_invitation(user)
    try:
        user.full_clean()
    except ValidationError as exc:
        raise ValidationError(_email_for_username(exc)) from exc
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as exc:  # the same address invited at the same moment
        raise ValidationError({"email": _duplicate_message(email)}) from exc
    _queue_invitation(actor=actor, user=user, site_url=site_url)
    if not record_it:
        return user
    record(
        actor=actor,
        centre=centre,
        action="centres.user.invited",
        target=user,
        summary=_("%(user)s eingeladen (%(role)s)")
        % {"user": user, "role": user.get_role_display()},
        data={"role": user.role, "languages": user.languages},
    )
    return user


def _duplicate_message(email: str) -> str:
    return _(
        "Für die E-Mail-Adresse %(email)s gibt es in dieser Installation schon ein Konto. "
        "Jede Adresse kann nur ein Konto haben."
    ) % {"email": email}


def _email_for_username(exc: ValidationError) -> dict[str, list[str]]:
    """The user name is the e-mail address: its errors belong to the e-mail field."""
    errors = dict(exc.message_dict)
    if "username" in errors:
        if "email" not in errors:
            errors["email"] = [_("Aus dieser E-Mail-Adresse lässt sich kein Benutzername bilden.")]
        del errors["username"]
    return errors


def _locked(user: User) -> User:
    _lock_centre(user.centre_id)
    return User.objects.select_for_update(of=("self",)).select_related("centre").get(pk=user.pk)


@transaction.atomic
def resend_invitation(*, actor: User, user: User, site_url: str = "") -> User:
    """A new link for an account that never set a password; every older link stops working."""
    _may_manage(actor, user, statewide=True)
    user = _locked(user)
    if user.is_active or user.has_usable_password():
        raise ValidationError(
            _("Dieses Konto hat die Einladung bereits angenommen; eine neue ist nicht nötig.")
        )
    _new_invitation(user)
    user.full_clean()
    user.save(update_fields=["invitation_nonce", "invited_at"])
    _queue_invitation(actor=actor, user=user, site_url=site_url)
    record(
        actor=actor,
        centre=user.centre,
        action="centres.user.invited",
        target=user,
        summary=_("%(user)s erneut eingeladen") % {"user": user},
        data={"resent": True},
    )
    return user


@transaction.atomic
def accept_invitation(*, actor: User, token: str, password: str) -> User:
    """The invitee sets a password: the account becomes active and the link is used up."""
    invited = invited_user(token)
    if invited is None or invited.pk != actor.pk:
        raise ValidationError(
            _("Dieser Einladungslink ist abgelaufen, wurde schon benutzt oder ist ersetzt.")
        )
    user = _locked(actor)
    if user.is_active or user.invitation_nonce != invited.invitation_nonce:
        raise ValidationError(_("Dieser Einladungslink wurde gerade schon benutzt."))
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"new_password1": exc.messages}) from exc
    user.set_password(password)
    user.is_active = True
    user.invitation_nonce = ""
    user.invited_at = None
    user.full_clean()
    user.save()
    record(
        actor=user,
        centre=user.centre,
        action="centres.user.activated",
        target=user,
        summary=_("%(user)s hat die Einladung angenommen") % {"user": user},
    )
    return user


@transaction.atomic
def change_user(
    *,
    actor: User,
    user: User,
    role: Role | str | None = None,
    languages: str | None = None,
    first_name: str | None = None,
    last_name: str | None = None,
) -> User:
    """Change a colleague's role, languages and names (None: unchanged); the centre keeps
    an administrator."""
    _may_manage(actor, user)
    user = _locked(user)
    role = user.role if role is None else str(role)
    _check_centre_role(role)
    _keeps_an_administrator(user, new_role=role)
    new = {
        "role": role,
        "languages": user.languages if languages is None else normalise_languages(languages),
        "first_name": user.first_name if first_name is None else first_name.strip(),
        "last_name": user.last_name if last_name is None else last_name.strip(),
    }
    if not new["first_name"] or not new["last_name"]:
        raise ValidationError(
            {
                name: _("Bitte den Namen angeben.")
                for name in ("first_name", "last_name")
                if not new[name]
            }
        )
    changes = {
        name: [getattr(user, name), value]
        for name, value in new.items()
        if getattr(user, name) != value
    }
    for name, value in new.items():
        setattr(user, name, value)
    user.full_clean()
    user.save(update_fields=list(new))
    record(
        actor=actor,
        centre=user.centre,
        action="centres.user.changed",
        target=user,
        summary=_("%(user)s geändert: %(fields)s")
        % {
            "user": user,
            "fields": ", ".join(str(User._meta.get_field(n).verbose_name) for n in changes)
            or _("nichts"),
        },
        data={"changes": changes},
    )
    return user


def end_sessions(user: User) -> int:
    """Delete every stored session of ``user`` (they are logged out everywhere).

    Works with database-backed session engines; with sessions in the cache alone the
    inactive flag still turns them away on their next request.
    """
    engine = import_module(settings.SESSION_ENGINE)
    store = engine.SessionStore
    if not hasattr(store, "get_model_class"):
        return 0
    ended = 0
    model = store.get_model_class()
    for session in model.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get(SESSION_KEY) == str(user.pk):
            store(session_key=session.session_key).delete()
            ended += 1
    return ended


@transaction.atomic
def deactivate_user(*, actor: User, user: User) -> User:
    """Close an account (never deleted: the audit trail names it); its sessions end.

    For an invited account this withdraws the invitation.
    """
    _may_manage(actor, user)
    user = _locked(user)
    status = user.account_status
    if status == AccountStatus.DEACTIVATED:
        raise ValidationError(_("Das Konto ist bereits deaktiviert."))
    _keeps_an_administrator(user)
    user.is_active = False
    user.invitation_nonce = ""
    user.invited_at = None
    user.full_clean()
    user.save(update_fields=["is_active", "invitation_nonce", "invited_at"])
    sessions = end_sessions(user)
    record(
        actor=actor,
        centre=user.centre,
        action="centres.user.deactivated",
        target=user,
        summary=(
            _("Einladung an %(user)s zurückgezogen")
            if status == AccountStatus.INVITED
            else _("%(user)s deaktiviert")
        )
        % {"user": user},
        data={"was": str(status), "sessions_ended": sessions},
    )
    return user


@transaction.atomic
def reactivate_user(*, actor: User, user: User) -> User:
    """Open a deactivated account again (with its old password and second factor)."""
    _may_manage(actor, user)
    user = _locked(user)
    if user.account_status != AccountStatus.DEACTIVATED:
        raise ValidationError(_("Das Konto ist nicht deaktiviert."))
    if not user.has_usable_password():
        raise ValidationError(
            _(
                "Dieses Konto hat nie ein Passwort festgelegt. "
                "Senden Sie stattdessen eine neue Einladung."
            )
        )
    user.is_active = True
    user.full_clean()
    user.save(update_fields=["is_active"])
    record(
        actor=actor,
        centre=user.centre,
        action="centres.user.reactivated",
        target=user,
        summary=_("%(user)s wieder aktiviert") % {"user": user},
    )
    return user


@transaction.atomic
def reset_second_factor(*, actor: User, user: User) -> User:
    """Remove the colleague's authenticator devices; at the next page they set up a new one."""
    _may_manage(actor, user)
    user = _locked(user)
    devices = list(devices_for_user(user, confirmed=None))
    if not any(device.confirmed for device in devices):
        raise ValidationError(_("Für dieses Konto ist keine Zwei-Faktor-Anmeldung eingerichtet."))
    for device in devices:
        device.delete()
    record(
        actor=actor,
        centre=user.centre,
        action="centres.totp.reset",
        target=user,
        summary=_("Zweiter Faktor von %(user)s zurückgesetzt") % {"user": user},
        data={"devices": len(devices)},
    )
    return user


@transaction.atomic
def complete_password_reset(*, actor: User, password: str) -> User:
    """The holder of a valid reset link sets a new password (other sessions end with it)."""
    user = User.objects.select_for_update(of=("self",)).select_related("centre").get(pk=actor.pk)
    if not user.is_active or (user.centre is not None and not user.centre.is_active):
        raise ValidationError(_("Dieses Konto ist deaktiviert."))
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"new_password1": exc.messages}) from exc
    user.set_password(password)
    user.full_clean()
    user.save(update_fields=["password"])
    # Whoever holds the mailbox may log in again at once, also after a lockout.
    lifted = reset_lockout(username=user.username)
    record(
        actor=user,
        centre=user.centre,
        action="centres.user.password_reset",
        target=user,
        summary=_("%(user)s hat das Passwort über den Link zurückgesetzt") % {"user": user},
        data={"lockouts_lifted": lifted},
    )
    return user


@transaction.atomic
def publish_privacy_notice(*, actor: User, purpose: str, texts: dict[str, str]) -> PrivacyNotice:
    """Publish a new version of the actor's centre's privacy text for ``purpose``.

    Earlier versions stay unchanged (people consented to them); the new one gets the next
    number. Empty languages are left out, so the page falls back to German for them.
    """
    if actor.centre_id is None or not actor.has_perm("centres.manage_privacy_notices"):
        raise PermissionDenied
    # lock the centre row: two publications at once must not both take the same number
    centre = Centre.objects.select_for_update().get(pk=actor.centre_id)
    cleaned = {code: text.strip() for code, text in texts.items() if text and text.strip()}
    latest = (
        PrivacyNotice.objects.filter(centre=centre, purpose=purpose).order_by("-version").first()
    )
    notice = PrivacyNotice(
        centre=centre,
        purpose=purpose,
        version=(latest.version + 1) if latest else 1,
        texts=cleaned,
        published_at=timezone.now(),
        published_by=actor,
    )
    notice.full_clean()
    notice.save()
    record(
        actor=actor,
        centre=centre,
        action="centres.privacy_notice.published",
        target=notice,
        summary=_("Datenschutzhinweis „%(purpose)s“ Version %(version)d veröffentlicht")
        % {"purpose": purpose, "version": notice.version},
        data={"purpose": purpose, "version": notice.version, "languages": sorted(cleaned)},
    )
    return notice
