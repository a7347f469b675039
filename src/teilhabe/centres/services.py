"""Writes about centres and accounts: creating users, second factor."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from teilhabe.audit.services import record
from teilhabe.centres.models import Centre, User
from teilhabe.centres.roles import Role


@transaction.atomic
def create_centre(
    *,
    actor: User | None,
    name: str,
    slug: str,
    area_keys: list[str],
    city: str,
    street: str = "",
    postcode: str = "",
    phone: str = "",
    email: str = "",
) -> Centre:
    centre = Centre(
        name=name,
        slug=slug,
        area_keys=area_keys,
        city=city,
        street=street,
        postcode=postcode,
        phone=phone,
        email=email,
    )
    centre.full_clean()
    centre.save()
    record(actor=actor, centre=centre, action="centres.centre.created", target=centre, summary=name)
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
