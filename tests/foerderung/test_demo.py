import pytest

from teilhabe.foerderung import demo
from teilhabe.foerderung.choices import ApplicationStatus
from teilhabe.foerderung.models import Application, Call

pytestmark = pytest.mark.django_db


def test_demo_loads_once_through_the_services(staff):
    assert demo.load(staff.centre) is True
    assert demo.load(staff.centre) is False
    assert Call.objects.filter(centre=staff.centre, status="open").count() == 4
    statuses = set(Application.objects.values_list("status", flat=True))
    assert {
        ApplicationStatus.DRAFT,
        ApplicationStatus.CHANGES_REQUESTED,
        ApplicationStatus.REVIEWED,
        ApplicationStatus.APPROVED,
    } <= statuses
