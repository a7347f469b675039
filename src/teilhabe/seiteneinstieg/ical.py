"""One appointment as an iCalendar file, for the family's calendar (mail and download)."""

from __future__ import annotations

from django.utils import timezone
from icalendar import Calendar, Event

from teilhabe.seiteneinstieg.models import Appointment


def appointment_ics(appointment: Appointment, *, summary: str) -> bytes:
    """A VCALENDAR with one event: time, place and the centre; no names of the children.

    The UID stays the same for the booking, so importing it again updates the entry; a
    moved appointment is a new booking and thus a new entry.
    """
    slot = appointment.slot
    centre = slot.centre
    calendar = Calendar()
    calendar.add("prodid", "-//Teilhabe//Beratungstermin//DE")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"appointment-{appointment.pk}@{centre.slug}.teilhabe")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", slot.starts_at)
    event.add("dtend", slot.ends_at)
    event.add("summary", f"{summary} – {centre.name}")
    event.add("location", slot.location or f"{centre.street}, {centre.postcode} {centre.city}")
    calendar.add_component(event)
    return calendar.to_ical()
