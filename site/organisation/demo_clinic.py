"""The demo clinic's identity: its name, a drawn logo and its medical director, marked sample.

A clinic that has named itself keeps its own settings: the demo fills them only while empty,
and its reset clears only what the demo wrote.
"""

from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model

from content.demo import wagtail_roots
from organisation.models import ClinicSettings

DEMO_CLINIC_NAME = "ReadyRoom Demo Clinic (sample)"
DEMO_DIRECTOR_NAME = "Dr Dana Whitfield"  # the demo's director login, Dana Whitfield
DEMO_DIRECTOR_CREDENTIALS = "MD (sample)"
DEMO_LOGO_TITLE = "ReadyRoom demo clinic logo (sample)"
TEAL = (15, 92, 99)
GOLD = (168, 135, 74)


def seed_clinic() -> ClinicSettings:
    """Name the clinic, draw its logo and name its director, unless a clinic name is set."""
    clinic = ClinicSettings.load()
    if clinic.name:
        return clinic
    clinic.name = DEMO_CLINIC_NAME
    clinic.medical_director_name = DEMO_DIRECTOR_NAME
    clinic.medical_director_credentials = DEMO_DIRECTOR_CREDENTIALS
    clinic.logo = _demo_logo()
    clinic.save()
    return clinic


def remove_demo_clinic() -> None:
    """Clear the settings the demo wrote and delete its logo; a clinic's own are kept."""
    clinic = ClinicSettings.load()
    if clinic.name == DEMO_CLINIC_NAME:
        clinic.name = clinic.medical_director_name = clinic.medical_director_credentials = ""
        clinic.logo = None
        clinic.save()
    # Wagtail deletes the files (and the renditions') once the transaction commits.
    for image in get_image_model().objects.filter(title=DEMO_LOGO_TITLE):
        image.delete()


def _demo_logo():
    Image_ = get_image_model()
    existing = Image_.objects.filter(title=DEMO_LOGO_TITLE).first()
    if existing is not None:
        return existing
    wagtail_roots()  # a flushed database has no root collection to hold the image
    image = Image_(title=DEMO_LOGO_TITLE, file=ImageFile(BytesIO(logo_png()), name="demo-logo.png"))
    image.save()
    return image


def logo_png() -> bytes:
    """A wide mark: a teal roundel holding a white cross, beside the words DEMO CLINIC."""
    scale = 4  # drawn large and scaled down, for smooth edges
    width, height = 430 * scale, 160 * scale
    picture = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(picture)
    centre, radius = 80 * scale, 70 * scale
    draw.ellipse((centre - radius, centre - radius, centre + radius, centre + radius), fill=TEAL)
    ring = radius - 9 * scale
    draw.ellipse(
        (centre - ring, centre - ring, centre + ring, centre + ring),
        outline=(255, 255, 255),
        width=3 * scale,
    )
    arm, reach = 13 * scale, 36 * scale
    draw.rectangle((centre - arm, centre - reach, centre + arm, centre + reach), fill="white")
    draw.rectangle((centre - reach, centre - arm, centre + reach, centre + arm), fill="white")
    words = ImageFont.load_default(size=64 * scale)
    small = ImageFont.load_default(size=30 * scale)
    draw.text((172 * scale, 22 * scale), "DEMO", font=words, fill=TEAL)
    draw.text((172 * scale, 88 * scale), "CLINIC  ·  SAMPLE", font=small, fill=GOLD)
    picture = picture.resize((width // scale, height // scale), Image.Resampling.LANCZOS)
    buffer = BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
