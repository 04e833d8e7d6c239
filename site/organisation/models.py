"""The clinic's organisation: locations, job roles, staff profiles and who manages where."""

import zoneinfo
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from organisation.bounds import validate_date_in_range


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(zone)s is not an IANA time zone."), params={"zone": value})


PREFETCHED_ROLES = "prefetched_roles"
PREFETCHED_LOCATIONS = "prefetched_locations"


class Location(models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        validators=[validate_time_zone],
        help_text=_("IANA name, e.g. America/Chicago. 'Today' at this location uses it."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("location")

    def __str__(self) -> str:
        return self.name

    def local_date(self, now: datetime) -> date:
        """The calendar date at this location at the instant `now` (an aware datetime)."""
        return now.astimezone(zoneinfo.ZoneInfo(self.time_zone)).date()


class JobRole(models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("job role")

    def __str__(self) -> str:
        return self.name


class StaffProfile(models.Model):
    """A person who works at the clinic. Managers are staff too: they also manage locations."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_profile"
    )
    roles = models.ManyToManyField(JobRole, related_name="staff", blank=True)
    locations = models.ManyToManyField(Location, related_name="staff", blank=True)
    home_location = models.ForeignKey(
        Location,
        on_delete=models.PROTECT,
        related_name="home_staff",
        null=True,
        blank=True,
        help_text=_("Whose calendar decides 'today' for this person."),
    )
    managed_locations = models.ManyToManyField(
        Location,
        related_name="managers",
        blank=True,
        help_text=_("Locations whose staff this person manages (several for a regional manager)."),
    )
    hire_date = models.DateField(
        _("hire date"), null=True, blank=True, validators=[validate_date_in_range]
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["user__last_name", "user__first_name"]
        verbose_name = _("staff profile")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.user.get_full_name() or self.user.get_username()

    # Pages over thousands of people prefetch roles and locations into plain lists
    # (`staff_at_locations`): a prefetched related manager per person costs more than the query.
    @property
    def role_list(self) -> list["JobRole"]:
        prefetched = self.__dict__.get(PREFETCHED_ROLES)
        return prefetched if prefetched is not None else list(self.roles.all())

    @property
    def location_list(self) -> list["Location"]:
        prefetched = self.__dict__.get(PREFETCHED_LOCATIONS)
        return prefetched if prefetched is not None else list(self.locations.all())

    def local_date(self, now: datetime) -> date:
        """Today for this person: their home location's date, or UTC's when they have none."""
        if self.home_location is None:
            return now.astimezone(zoneinfo.ZoneInfo("UTC")).date()
        return self.home_location.local_date(now)


class AuditEntry(models.Model):
    """One thing that happened to a person's records: who did it, when, and what.

    Written by the service that makes the change, never reconstructed later, and never edited:
    there is no admin form for it. Every app writes here, so a staff member's record shows one
    trail (uploads, verifications, overrides, reminders, attempts, drill logs...).

    Append-only: no code updates or deletes a row. Both foreign keys PROTECT, so neither the
    person nor the one who acted can be deleted while the trail names them (people leave by
    `deactivate_staff`, which is itself audited); a SET_NULL would be an UPDATE of the row. On
    PostgreSQL a trigger (migration 0004) refuses UPDATE and DELETE outright; the one exception
    is the demo reset (`organisation.demo.purge_demo_audit`), which sets a transaction-local
    setting the trigger checks.
    """

    at = models.DateTimeField(_("at"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Who did it; empty for the system (e.g. the reminder sweep)."),
    )
    staff = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="audit_entries")
    action = models.CharField(_("action"), max_length=60)  # e.g. "certification.verified"
    summary = models.CharField(_("summary"), max_length=300)
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["staff", "-at"])]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}: {self.summary}"


@register_setting(icon="home")
class ClinicSettings(BaseGenericSetting):
    """Who the clinic is, as certificates and the verification page name it. One per install;
    medical directors (and administrators) edit it in Wagtail admin, Settings."""

    name = models.CharField(
        _("clinic name"),
        max_length=120,
        blank=True,
        help_text=_("As it should read on certificates. Empty: the site's name."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logo"),
        help_text=_("Printed on certificates: a PNG or JPEG, ideally square or wide."),
    )
    medical_director_name = models.CharField(
        _("medical director's name"),
        max_length=120,
        blank=True,
        help_text=_("Signs certificates, e.g. Dr Dana Whitfield."),
    )
    medical_director_credentials = models.CharField(
        _("medical director's credentials"),
        max_length=120,
        blank=True,
        help_text=_("After the name, e.g. MD, FAAD."),
    )

    select_related = ["logo"]
    panels = [
        FieldPanel("name"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [FieldPanel("medical_director_name"), FieldPanel("medical_director_credentials")],
            heading=_("Medical director"),
        ),
    ]

    class Meta:
        verbose_name = _("clinic")

    def __str__(self) -> str:
        return self.name or str(_("Clinic"))
