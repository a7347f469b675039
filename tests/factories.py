"""Test data factories. They write rows directly; behaviour is tested through services."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from teilhabe.centres.models import Centre, User
from teilhabe.centres.roles import Role
from teilhabe.schulen.models import Offer, OfferKind, School
from teilhabe.seiteneinstieg.choices import Status
from teilhabe.seiteneinstieg.matching import phone_digits, search_fields
from teilhabe.seiteneinstieg.models import (
    Appointment,
    Assessment,
    Child,
    ChildLanguage,
    CounsellingSlot,
    Document,
    Family,
    Guardian,
)

PASSWORD = "Teilhabe-Test-2026!"


class CentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Centre
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Kommunales Integrationszentrum {n}")
    slug = factory.Sequence(lambda n: f"ki-{n}")
    area_keys = factory.LazyFunction(lambda: ["05315"])
    city = "Köln"
    street = "Willy-Brandt-Platz 2"
    postcode = "50679"
    phone = "0221 221-0"
    email = "ki@example.org"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Alex"
    last_name = factory.Sequence(lambda n: f"Muster{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    centre = factory.SubFactory(CentreFactory)
    role = Role.COUNSELLOR
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class FamilyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Family

    centre = factory.SubFactory(CentreFactory)
    reference = factory.Sequence(lambda n: f"F-2026-{n:05d}")
    street = "Venloer Str. 1"
    postcode = "50672"
    city = "Köln"
    municipality_key = "05315000"
    municipality_name = "Köln"
    lat = 50.9413
    lon = 6.9391
    stadtteil_number = "104"
    stadtteil_name = "Neustadt/Nord"
    stadtbezirk_number = "1"
    stadtbezirk_name = "Innenstadt"


class GuardianFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Guardian

    family = factory.SubFactory(FamilyFactory)
    first_name = "Olena"
    last_name = factory.Sequence(lambda n: f"Kovalenko{n}")
    phone = "0176 1234567"
    email = factory.Sequence(lambda n: f"familie{n}@example.org")
    language = "uk"
    interpreter_needed = True
    # the search keys the services write with the names
    search_name = factory.LazyAttribute(
        lambda g: search_fields(g.first_name, g.last_name)["search_name"]
    )
    search_phonetic = factory.LazyAttribute(
        lambda g: search_fields(g.first_name, g.last_name)["search_phonetic"]
    )
    phone_digits = factory.LazyAttribute(lambda g: phone_digits(g.phone))


class ChildFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Child

    family = factory.SubFactory(FamilyFactory)
    centre = factory.SelfAttribute("family.centre")
    first_name = factory.Sequence(lambda n: f"Kind{n}")
    last_name = "Kovalenko"
    birth_date = dt.date(2014, 3, 1)
    nationality = "UA"
    first_language = "uk"
    arrived_in_germany_on = dt.date(2026, 8, 1)
    arrived_in_city_on = dt.date(2026, 8, 15)
    school_years = 5
    last_grade = 5
    status = Status.REGISTERED
    registered_at = factory.LazyFunction(timezone.now)
    # the search keys the services write with the names
    search_name = factory.LazyAttribute(
        lambda c: search_fields(c.first_name, c.last_name)["search_name"]
    )
    search_phonetic = factory.LazyAttribute(
        lambda c: search_fields(c.first_name, c.last_name)["search_phonetic"]
    )


class ChildLanguageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChildLanguage

    child = factory.SubFactory(ChildFactory)
    language = "ru"
    level = "fluent"


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    family = factory.SubFactory(FamilyFactory)
    kind = "id"
    file = factory.django.FileField(filename="pass.pdf", data=b"%PDF-1.4 Reisepass")
    original_name = "Reisepass.pdf"
    content_type = "application/pdf"
    size = 18
    uploaded_by = factory.SubFactory(UserFactory, centre=factory.SelfAttribute("..family.centre"))


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    child = factory.SubFactory(ChildFactory)
    german_level = "A1"
    maths_level = "age_appropriate"
    first_language_literacy = "age_appropriate"
    prior_school_type = "lower_secondary"
    recommended_level = "secondary"
    recommended_grade = 7
    recommended_school_forms = ["Gesamtschule"]
    assessed_by = factory.SubFactory(UserFactory, centre=factory.SelfAttribute("..child.centre"))
    assessed_at = factory.LazyFunction(timezone.now)


class SlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CounsellingSlot

    counsellor = factory.SubFactory(UserFactory)
    centre = factory.SelfAttribute("counsellor.centre")
    starts_at = factory.Sequence(
        lambda n: (
            timezone.now().replace(minute=0, second=0, microsecond=0)
            + dt.timedelta(days=1, hours=n)
        )
    )
    ends_at = factory.LazyAttribute(lambda s: s.starts_at + dt.timedelta(minutes=45))
    location = "KI Köln, Raum 3.12"


class AppointmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appointment

    slot = factory.SubFactory(SlotFactory)
    centre = factory.SelfAttribute("slot.centre")
    family = factory.SubFactory(FamilyFactory, centre=factory.SelfAttribute("..slot.centre"))
    interpreter_language = "uk"
    booked_by = factory.SelfAttribute("slot.counsellor")


# schulen
class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    schulnummer = factory.Sequence(lambda n: f"{900000 + n:06d}")
    name = factory.Sequence(lambda n: f"Städtische Gesamtschule {n}")
    school_form = "Gesamtschule"
    school_form_code = "15"
    street = "Borsigstr. 13"
    postcode = "50825"
    city = "Köln"
    email = factory.LazyAttribute(lambda s: f"{s.schulnummer}@schule.nrw.de")
    municipality_key = "05315000"
    operating_key = "1"
    lat = 50.957033
    lon = 6.906742


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offer

    centre = factory.SubFactory(CentreFactory)
    school = factory.SubFactory(SchoolFactory)
    kind = OfferKind.PREP_SECONDARY
    level = "secondary"
    grade_from = 5
    grade_to = 10
    seats_total = 18
    last_reported_at = factory.LazyFunction(timezone.now)


def link_school(user: User, school: School) -> None:
    """Make a school account work for ``school`` (its SchoolMembership)."""
    from teilhabe.schulen.models import SchoolMembership

    SchoolMembership.objects.update_or_create(user=user, defaults={"school": school})
    user.__dict__.pop("_teilhabe_school_id", None)


# --- oeffnung -----------------------------------------------------------------------------


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "oeffnung.Department"

    centre = factory.SubFactory(CentreFactory)
    level = "amt"
    number = factory.Sequence(lambda n: str(10 + n))
    name = factory.Sequence(lambda n: f"Amt für Beispielaufgaben {n}")
    staff_count = 120


class WaveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "oeffnung.SurveyWave"
        skip_postgeneration_save = True

    centre = factory.SubFactory(CentreFactory)
    title = "Beschäftigtenbefragung 2026"
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=7))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=21))

    @factory.post_generation
    def departments(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.departments.set(extracted)


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "oeffnung.Measure"

    centre = factory.SelfAttribute("department.centre")
    department = factory.SubFactory(DepartmentFactory)
    title = factory.Sequence(lambda n: f"Maßnahme {n}")
    category = "A"
    field_of_action = "staff"
    status = "in_progress"
    progress = 20
    starts_on = factory.LazyFunction(lambda: dt.date(2025, 1, 1))
    ends_on = factory.LazyFunction(lambda: dt.date(2027, 12, 31))
    updated_on = factory.LazyFunction(timezone.localdate)


def link_department(user: User, department) -> None:
    """Make a department contact work for ``department`` (its DepartmentMembership)."""
    from teilhabe.oeffnung.models import DepartmentMembership

    DepartmentMembership.objects.update_or_create(user=user, defaults={"department": department})
    user.__dict__.pop("_teilhabe_department_id", None)


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "oeffnung.Course"

    centre = factory.SubFactory(CentreFactory)
    title = factory.Sequence(lambda n: f"Interkulturelle Kompetenz {n}")
    capacity = 12


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "oeffnung.CourseSession"

    course = factory.SubFactory(CourseFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=14))
    ends_at = factory.LazyAttribute(lambda s: s.starts_at + dt.timedelta(hours=3))
    place = "Historisches Rathaus, Raum 12"
    trainer = "Dr. Ayşe Trainerin"


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "oeffnung.Registration"

    course = factory.SubFactory(CourseFactory)
    first_name = "Mira"
    last_name = factory.Sequence(lambda n: f"Beispiel{n}")
    email = factory.Sequence(lambda n: f"person{n}@stadt-koeln.de")
    token = factory.Sequence(lambda n: f"token-{n}-abcdefghijklmnopqrstuvwxyz")
    registered_at = factory.LazyFunction(timezone.now)
