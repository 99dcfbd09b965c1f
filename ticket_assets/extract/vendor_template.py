"""A new vendor's template, written from one of its pages: `tickets vendor add`.

The template is data like every packaged one (templates/vendor.schema.json); it is written to the
installation's own vendors folder, so adding a vendor changes no code and survives an upgrade.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ticket_assets.atomic import write_atomically
from ticket_assets.errors import UserError
from ticket_assets.extract.fields import find_ticket_number
from ticket_assets.extract.page_text import PageText
from ticket_assets.extract.templates import VendorTemplate, load_vendor_templates
from ticket_assets.extract.vendors import BODY_SCORE, header_company, known_keyword_in, match_vendors

VENDOR_NAME = re.compile(r"[A-Z][A-Z0-9_]*")


def template_from_page(page: PageText, vendor: str, display_name: str | None, kind: str,
                       known: tuple[VendorTemplate, ...]) -> dict:
    """The template that makes the page's header name its vendor, with its ticket number where it stands."""
    if not VENDOR_NAME.fullmatch(vendor):
        raise UserError(f"{vendor!r} is not a vendor name: write it in capitals, digits and underscores "
                        "(for example CORPOTECH or BIG_CITY)")
    if vendor in {t.vendor for t in known}:
        raise UserError(f"vendor {vendor} already has a template: its pages are read with it when their day is "
                        "processed (`tickets process --date DAY`)")
    _refuse_a_name_holding_another(vendor, known)
    recognised = [m for m in match_vendors(page, known) if m.confidence > BODY_SCORE]  # in the header
    if recognised:
        raise UserError(f"the page's header already names {recognised[0].vendor} ({recognised[0].why}): "
                        f"answer its review item with that vendor instead of adding one")
    company = header_company(page)
    if company is None:
        raise UserError("the page's header holds no company name to recognise the vendor by")
    holder = known_keyword_in(company.text, known)
    if holder:
        raise UserError(f"the header {company.text!r} holds a keyword of {holder.vendor}: answer the page's review "
                        f"item with {holder.vendor}, or edit that vendor's template")
    return {"vendor": vendor, "display_name": display_name or company.text.title(), "kind": kind,
            "header_keywords": [company.text.upper()], "ticket_number_region": _number_region(page, known)}


def _refuse_a_name_holding_another(vendor: str, known: tuple[VendorTemplate, ...]) -> None:
    """A name whose words hold a known vendor's whole name, or are held in it (ROBERTS_ACME beside ROBERTS): a
    person, a filename token or a report filtered by vendor would take one for the other."""
    words = vendor.split("_")
    for template in known:
        other = template.vendor.split("_")
        if _holds(words, other) or _holds(other, words):
            raise UserError(f"{vendor} holds the name of the known vendor {template.vendor} (or is part of it): "
                            f"the two would be taken for one another; if the page is {template.vendor}'s, answer "
                            "its review item with that vendor, else give a name of its own")


def _holds(words: list[str], part: list[str]) -> bool:
    return any(words[start:start + len(part)] == part for start in range(len(words) - len(part) + 1))


def _number_region(page: PageText, known: tuple[VendorTemplate, ...]) -> str:
    found = find_ticket_number(page, "anywhere", known)
    if found is None or not page.is_header(found.line):
        return "anywhere"
    return "top_right" if page.in_region(found.line, "top_right") else "top_left"


def write_vendor_template(folder: Path, template: dict) -> Path:
    """Write the template into the folder, checked by loading the folder as the pipeline will."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{template['vendor'].lower()}.yaml"
    if path.exists():
        raise UserError(f"{path} already exists")
    write_atomically(path, lambda temporary: temporary.write_text(yaml.safe_dump(template, sort_keys=False)))
    try:
        load_vendor_templates(folder)
    except UserError:
        path.unlink()
        raise
    return path
