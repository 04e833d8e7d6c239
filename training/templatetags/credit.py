"""What a module's pass is worth, written the same on its page and its certificate."""

from decimal import Decimal

from django import template

register = template.Library()


def hours_text(value: Decimal) -> str:
    """0.25 -> '0.25', 1.50 -> '1.5', 10.00 -> '10' (never '1E+1', as normalize() alone gives)."""
    return f"{value.normalize():f}"


@register.filter
def ce_hours(value: Decimal | None) -> str:
    return "" if value is None else hours_text(value)
