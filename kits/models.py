"""Emergency kits: each location's kits, their items, and the weekly checks logged on them.

A check is append-only: no code updates or deletes one, and each line keeps what the item was
(name, lot, expiry) when it was checked, so replacing a lot later never rewrites the log.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisation.bounds import validate_date_in_range
from organisation.models import Location, StaffProfile


class EmergencyKit(models.Model):
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="kits")
    name = models.CharField(_("kit"), max_length=120, help_text=_("e.g. Anaphylaxis kit"))
    place = models.CharField(
        _("where it is kept"), max_length=120, blank=True, help_text=_("e.g. Room 2")
    )
    is_active = models.BooleanField(_("in use"), default=True)
    # The demo's kits: their contents are for the medical director to review (content.sample).
    sample_content = models.BooleanField(_("sample content"), default=False)
    created_on = models.DateField(
        _("in use since"), help_text=_("The location's date; the first check is due on it.")
    )

    class Meta:
        ordering = ["location__name", "name", "place"]
        verbose_name = _("emergency kit")
        constraints = [
            models.UniqueConstraint(
                fields=["location", "name", "place"], name="kits_one_kit_per_name_and_place"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.place}" if self.place else self.name


class KitItem(models.Model):
    kit = models.ForeignKey(EmergencyKit, on_delete=models.CASCADE, related_name="items")
    name = models.CharField(
        _("item"), max_length=160, help_text=_("e.g. Adrenaline auto-injector 0.3 mg")
    )
    lot_number = models.CharField(_("lot number"), max_length=60, blank=True)
    quantity_expected = models.PositiveSmallIntegerField(_("quantity expected"), default=1)
    expires_on = models.DateField(
        _("expires on"),
        null=True,
        blank=True,
        validators=[validate_date_in_range],
        help_text=_("Empty for an item with no expiry date (a bag-valve mask, say)."),
    )
    position = models.PositiveSmallIntegerField(_("order in the kit"), default=0)

    class Meta:
        ordering = ["kit", "position", "name", "pk"]
        verbose_name = _("kit item")
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity_expected__gte=1), name="kits_item_quantity_at_least_one"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} (lot {self.lot_number})" if self.lot_number else self.name


class KitCheck(models.Model):
    """One weekly check of one kit, by a named person, on the location's date."""

    kit = models.ForeignKey(EmergencyKit, on_delete=models.PROTECT, related_name="checks")
    checked_by = models.ForeignKey(
        StaffProfile, on_delete=models.PROTECT, related_name="kit_checks"
    )
    checked_on = models.DateField(_("checked on"), help_text=_("The location's local date."))
    checked_at = models.DateTimeField(_("checked at"))
    all_ok = models.BooleanField(_("every item present and in date"))
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-checked_at", "-pk"]
        verbose_name = _("kit check")
        indexes = [models.Index(fields=["kit", "-checked_on"], name="kits_check_by_kit_date")]

    def __str__(self) -> str:
        return f"{self.kit} checked on {self.checked_on}"


class KitCheckLine(models.Model):
    """One item as the check found it, with what the item was at the time."""

    # Not "check": that name is Django's model checks classmethod.
    kit_check = models.ForeignKey(KitCheck, on_delete=models.CASCADE, related_name="lines")
    item = models.ForeignKey(KitItem, on_delete=models.PROTECT, related_name="check_lines")
    item_name = models.CharField(max_length=160)
    lot_number = models.CharField(max_length=60, blank=True)
    expires_on = models.DateField(null=True, blank=True)
    present = models.BooleanField()
    in_date = models.BooleanField()
    note = models.CharField(_("what was wrong or done"), max_length=500, blank=True)
    # Set when the item was replaced during the check: the new lot and expiry.
    new_lot_number = models.CharField(max_length=60, blank=True)
    new_expires_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["kit_check", "pk"]
        verbose_name = _("kit check line")

    def __str__(self) -> str:
        return f"{self.item_name}: {'all right' if self.ok else 'not all right'}"

    @property
    def ok(self) -> bool:
        return self.present and self.in_date

    @property
    def replaced(self) -> bool:
        return bool(self.new_lot_number or self.new_expires_on)
