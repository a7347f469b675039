"""Privacy texts: versions are added, never changed; the current one is the latest."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from teilhabe.audit.models import AuditEntry
from teilhabe.centres.selectors import current_privacy_notice
from teilhabe.centres.services import publish_privacy_notice

pytestmark = pytest.mark.django_db


def test_versions_count_up_per_centre_and_purpose(staff, other_staff):
    assert current_privacy_notice(staff.centre, "self_registration") is None
    first = publish_privacy_notice(
        actor=staff.centre_admin, purpose="self_registration", texts={"de": "Text 1", "en": " "}
    )
    second = publish_privacy_notice(
        actor=staff.centre_admin,
        purpose="self_registration",
        texts={"de": "Text 2", "uk": "Текст 2"},
    )
    other = publish_privacy_notice(
        actor=staff.centre_admin, purpose="volunteers", texts={"de": "Ehrenamt"}
    )
    assert (first.version, second.version, other.version) == (1, 2, 1)
    assert first.texts == {"de": "Text 1"}  # empty languages are left out
    assert current_privacy_notice(staff.centre, "self_registration") == second
    assert current_privacy_notice(other_staff.centre, "self_registration") is None
    assert second.text_for("uk") == "Текст 2"
    assert second.text_for("ar") == "Text 2"  # falls back to German
    assert AuditEntry.objects.filter(action="centres.privacy_notice.published").count() == 3


def test_german_text_required_and_only_admins(staff):
    with pytest.raises(ValidationError):
        publish_privacy_notice(
            actor=staff.centre_admin, purpose="self_registration", texts={"en": "only English"}
        )
    with pytest.raises(ValidationError):
        publish_privacy_notice(
            actor=staff.centre_admin, purpose="self_registration", texts={"de": "x", "xx": "y"}
        )
    with pytest.raises(PermissionDenied):
        publish_privacy_notice(
            actor=staff.counsellor, purpose="self_registration", texts={"de": "x"}
        )
    assert current_privacy_notice(staff.centre, "self_registration") is None
