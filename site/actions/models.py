"""A manager's standing decisions about one person's requirements: exemptions, assignments."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from organisation.models import StaffProfile


class Exemption(models.Model):
    """One person excused from one requirement (any kind's, keyed as its ComplianceRow is)
        from `starts_on` through `ends_on`, both their local dates. While in force the requirement
        reads "Exempt until <ends_on>" and is not reminded; afterwards it is judged as before.

        Never deleted: revoking stamps `revoked_at`, and a revoked exemption is in force on no
        date. At most one exemption per person and requirement is in force or still to end (the
    granting service holds that, under a lock on the person: the rule turns on a date)."""

    staff = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="exemptions")
    kind = models.CharField(_("requirement kind"), max_length=40)
    requirement_key = models.CharField(_("requirement"), max_length=100)
    label = models.CharField(
        _("requirement name"), max_length=200, help_text=_("As it read when granted.")
    )
    reason = models.TextField(_("reason"))
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    granted_at = models.DateTimeField(_("granted at"))
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["ends_on", "pk"]
        verbose_name = _("exemption")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="exemption_ends_after_start"
            ),
        ]
        indexes = [models.Index(fields=["staff", "ends_on"], name="exemption_by_staff")]

    def __str__(self) -> str:
        return f"{self.label}: exempt until {self.ends_on:%-d %b %Y}"

    def in_force_on(self, day) -> bool:
        return self.revoked_at is None and self.starts_on <= day <= self.ends_on


class AssignmentWhat(models.TextChoices):
    MODULE = "module", _("Training module")
    DRILL = "drill", _("Drill")


class Assignment(models.Model):
    """A module or drill a manager set one person, due on a date: a requirement of its own
    (kinds "assigned_module" / "assigned_drill"), satisfied by a pass (module) or a finished
    run or team drill (drill) on or after `assigned_on`, the person's local date when set.

    Assigning to a role at a location makes one row per person holding it then (`role` and
    `location` say so), each with its own audit entry; people who join later are not
    assigned. Rows sharing a page and due date are one requirement (one matrix column)."""

    staff = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="assignments")
    what = models.CharField(_("what"), max_length=10, choices=AssignmentWhat.choices)
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.PROTECT, related_name="+", verbose_name=_("page")
    )
    title = models.CharField(_("title"), max_length=255, help_text=_("As it read when assigned."))
    assigned_on = models.DateField(_("assigned on"))
    due_on = models.DateField(_("due on"))
    role = models.ForeignKey(
        "organisation.JobRole", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    location = models.ForeignKey(
        "organisation.Location", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assigned_at = models.DateTimeField(_("assigned at"))

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("assignment")
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__gte=F("assigned_on")), name="assignment_due_after_assigned"
            ),
            models.UniqueConstraint(
                fields=["staff", "page", "due_on"], name="assignment_once_per_page_and_due_date"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title}, due {self.due_on:%-d %b %Y}"

    @property
    def requirement_key(self) -> str:
        """'module:<page pk>:<due date>': people set the same page for the same date share it."""
        return f"{self.what}:{self.page_id}:{self.due_on.isoformat()}"
