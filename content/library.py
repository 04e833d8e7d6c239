"""Protocols as files (library/protocols/<slug>.md): read and check one, and write them all as
pages of the protocol library. The format is in library/README.md."""

from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from content.markdown_blocks import PROTOCOL_BLOCKS, ProtocolReference, markdown_to_blocks
from content.models import HomePage, ProtocolIndexPage, ProtocolPage
from content.services import put_under_medical_director_approval
from content.sources import SourceError, check_schema, split_front_matter
from organisation.models import JobRole

LIBRARY_SLUG = "protocols"
LIBRARY_INTRO = (
    "<p>The clinic's standardised protocols. Read them before a procedure; the training "
    "modules and drills are built on them.</p>"
)
NAME_NOT_SLUG = "the file is named {name} but its slug is {slug}: they must match"
EMPTY_BODY = "the protocol has no body after its front matter"
UNKNOWN_PROTOCOL = "no protocol with the slug '{slug}' (protocols/{slug}.md)"
UNKNOWN_ROLE = "attest_yearly names the role '{slug}', which no job role has"


@dataclass(frozen=True)
class ProtocolSpec:
    path: str
    slug: str
    title: str
    summary: str
    sample: bool
    body: list  # (block type, value); protocol-link values hold a ProtocolReference
    attest_yearly: tuple[str, ...] = ()  # slugs of the roles that sign it every 12 months

    def references(self) -> list[ProtocolReference]:
        return [value["page"] for kind, value in self.body if kind == "protocol_link"]


def read_protocol(path: Path, *, shown_as: str | None = None) -> ProtocolSpec:
    """One protocol file, checked; SourceError (file and line) at the first problem."""
    name = shown_as or str(path)
    front, body, body_line = split_front_matter(path.read_text(encoding="utf-8"), path=name)
    errors = check_schema(front, "protocol")
    if errors:
        raise errors[0]
    data = front.data
    if data["slug"] != path.stem:
        raise SourceError(
            name, front.line_of(["slug"]), NAME_NOT_SLUG.format(name=path.name, slug=data["slug"])
        )
    blocks = markdown_to_blocks(body, path=name, first_line=body_line, allowed=PROTOCOL_BLOCKS)
    if not blocks:
        raise SourceError(name, body_line, EMPTY_BODY)
    return ProtocolSpec(
        path=name,
        slug=data["slug"],
        title=data["title"],
        summary=data["summary"].strip(),
        sample=data["sample"],
        body=blocks,
        attest_yearly=tuple(data.get("attest_yearly", ())),
    )


def check_references(path: str, references: list[ProtocolReference], known: set[str]) -> None:
    """SourceError at the first protocol-link (or other slug) that names no known protocol."""
    for reference in references:
        if reference.slug not in known:
            raise SourceError(path, reference.line, UNKNOWN_PROTOCOL.format(slug=reference.slug))


def resolve_links(blocks: list, pages: dict[str, ProtocolPage]) -> list:
    """The blocks with each protocol-link's ProtocolReference replaced by its page."""
    return [
        (kind, {**value, "page": pages[value["page"].slug]} if kind == "protocol_link" else value)
        for kind, value in blocks
    ]


@transaction.atomic
def write_protocols(
    *, home: HomePage, specs: list[ProtocolSpec], publisher: AbstractBaseUser
) -> ProtocolIndexPage:
    """The protocol library under `home` with a published page per spec; any page whose slug
    exists is kept as it is.

    Published as `publisher` (the demo's medical director) without the workflow: the loader
    stands in for the director's approval of content a real director must still review.
    A role named by `attest_yearly` that no job role has raises SourceError.
    """
    roles = {r.slug: r for r in JobRole.objects.all()}
    for spec in specs:
        for slug in spec.attest_yearly:
            if slug not in roles:
                raise SourceError(spec.path, None, UNKNOWN_ROLE.format(slug=slug))
    library = ProtocolIndexPage.objects.child_of(home).first()
    if library is None:
        library = home.add_child(
            instance=ProtocolIndexPage(title="Protocols", slug=LIBRARY_SLUG, intro=LIBRARY_INTRO)
        )
        library.save_revision(user=publisher).publish(user=publisher, skip_permission_checks=True)
    put_under_medical_director_approval(page=library)

    pages = {p.slug: p for p in ProtocolPage.objects.child_of(library)}
    created: list[tuple[ProtocolPage, ProtocolSpec]] = []
    for spec in specs:
        if spec.slug in pages:
            continue
        page = ProtocolPage(
            title=spec.title,
            slug=spec.slug,
            summary=spec.summary,
            sample_content=spec.sample,
            body=[(kind, value) for kind, value in spec.body if kind != "protocol_link"],
        )
        library.add_child(instance=page)
        pages[spec.slug] = page
        created.append((page, spec))

    # Links need their targets to exist, so bodies are completed in a second pass.
    for page, spec in created:
        page.body = resolve_links(spec.body, pages)
        page.attestation_roles.set([roles[slug] for slug in spec.attest_yearly])
        page.save_revision(user=publisher).publish(user=publisher, skip_permission_checks=True)
    return library
