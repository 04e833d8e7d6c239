"""Blocks whose editor inputs always have an accessible name.

Wagtail 8 leaves two kinds of input unnamed for assistive technology (axe: `label`,
`aria-input-field-name`):
- a field block placed directly in a StreamBlock (e.g. a list of one-line objectives) gets a
  block heading but no <label> for its input;
- the rich text editor's editable area (Draftail's role="textbox") is not tied to the field's
  <label>, which points at a hidden input (wagtail/wagtail#14205).
These name the input after the block's own label, so what a screen reader announces is what
a sighted editor reads above the field.
"""

from functools import cached_property

from wagtail import blocks


class LabelledCharBlock(blocks.CharBlock):
    """A CharBlock whose input carries the block's label as `aria-label`."""

    def set_name(self, name):
        super().set_name(name)
        self.field.widget.attrs["aria-label"] = self.label


class LabelledRichTextBlock(blocks.RichTextBlock):
    """A RichTextBlock whose editable area is named after the block's label."""

    @cached_property
    def field(self):
        field = super().field
        # Draftail passes its options on to the editable element (ariaLabel -> aria-label).
        field.widget.options = {**field.widget.options, "ariaLabel": str(self.label)}
        return field
