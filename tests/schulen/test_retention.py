"""A school account's link to its school goes one year after the account was deactivated."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from teilhabe.audit.retention import apply_retention
from teilhabe.centres.models import User
from teilhabe.centres.roles import Role
from teilhabe.core.registry import years
from teilhabe.schulen.models import SchoolMembership
from tests.factories import SchoolFactory, UserFactory, link_school

pytestmark = pytest.mark.django_db

T0 = timezone.now()
DAY = dt.timedelta(days=1)


def test_school_membership_goes_a_year_after_deactivation(staff):
    school = SchoolFactory()
    left = UserFactory(centre=staff.centre, role=Role.SCHOOL_STAFF, is_active=False)
    never = UserFactory(centre=staff.centre, role=Role.SCHOOL_STAFF, is_active=False)
    stays = UserFactory(centre=staff.centre, role=Role.SCHOOL_STAFF)
    for user in (left, never, stays):
        link_school(user, school)
    User.objects.filter(pk__in=[left.pk, stays.pk]).update(last_login=T0)
    User.objects.filter(pk=never.pk).update(last_login=None, date_joined=T0 - years(2))

    apply_retention(now=T0 + years(1) - DAY)
    assert set(SchoolMembership.objects.values_list("user_id", flat=True)) == {
        left.pk,
        stays.pk,
    }  # invited two years ago and never signed in: a year is over already
    apply_retention(now=T0 + years(1) + DAY)
    assert set(SchoolMembership.objects.values_list("user_id", flat=True)) == {stays.pk}
