"""A person's answers, matched to the content and the item they were given for.

An answer belongs to a page's place and content (the file's SHA-256 and the page
number): a renamed file keeps its answers (its content moved), a new scan saved
under an old name does not inherit them (they are shown on its items as
suggestions instead), and of two identical scans each keeps its own answers.
Each answer closes its own item only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ticket_assets.extract.reasons import DECISIONS, Decision, Finding
from ticket_assets.schema import place_of


@dataclass(frozen=True)
class PageKey:
    """A page by its content: the file's SHA-256 and the page number (None for a whole file)."""

    file_hash: str
    page_number: int | None


@dataclass
class PageAnswers:
    """Every answer given for one page's content, oldest first."""

    answers: list[dict] = field(default_factory=list)
    elsewhere: list[dict] = field(default_factory=list)  # answers given at this page's place for other content

    def corrections(self) -> dict:
        """The values people gave, dates back from their stored text: answers to the page add up, a later one over
        an earlier one field by field. A material answered anew drops the values given with the earlier one:
        they were for the load as that material (answered clean from SPG to LDI_YARD, then contaminated, the load
        went on naming the clean-fill yard as its landfill)."""
        merged: dict = {}
        given_with_material: set[str] = set()
        for answer in self.answers:
            given = answer["corrections"]
            if "material" in given and given["material"] != merged.get("material"):
                for name in given_with_material - set(given):
                    merged.pop(name, None)
                given_with_material = set()
            merged.update(given)
            given_with_material |= set(given) if "material" in given else set()
        if merged.get("ticket_date"):
            merged["ticket_date"] = date.fromisoformat(merged["ticket_date"])
        return merged

    def for_item(self, finding: Finding) -> dict | None:
        """The latest answer to this item, if it closes it (see `closes`)."""
        latest = self.latest(finding)
        return latest if latest and closes(latest, finding) else None

    def latest(self, finding: Finding) -> dict | None:
        """The latest answer given to this item, whatever it says."""
        given = [a for a in self.answers if (a["reason"], a["field_name"]) == (finding.reason.value, finding.about)]
        return given[-1] if given else None

    def decision(self, finding: Finding) -> Decision | None:
        answer = self.for_item(finding)
        return Decision(answer["decision"]) if answer and answer["decision"] else None

    def answered_items(self) -> list[tuple[str, str | None, dict]]:
        """(reason, field, latest answer) of every item answered, for the history of items no longer raised."""
        latest = {(a["reason"], a["field_name"]): a for a in self.answers if a["reason"]}
        return [(reason, field_name, answer) for (reason, field_name), answer in latest.items()]

    def earlier_elsewhere(self) -> dict:
        """Answers given for an earlier content of this page, as suggestions for the new one."""
        if not self.elsewhere:
            return {}
        latest = self.elsewhere[-1]
        return {"earlier_answer": {"corrections": latest["corrections"], "by": latest["resolved_by"],
                                   "for_file_hash": latest["file_hash"],
                                   "note": "given for other content under this name: not applied"}}


def closes(answer: dict, finding: Finding) -> bool:
    """An answer closes a finding that is still raised only when it says what the finding needs:
    one of its reason's decisions, or for a finding that needs a value a decision in words (the value
    itself, once given, makes the finding go away)."""
    allowed = DECISIONS.get(finding.reason)
    if allowed:
        return answer["decision"] in {d.value for d in allowed}
    if finding.reason.needs_value:
        return bool(answer["because"])
    return True


class DayAnswers:
    """The day's answers, found for each page by its place and content."""

    def __init__(self, answers: list[dict], places: dict[str, PageKey], held_before: set[tuple[str, PageKey]]):
        """`places`: which content each page id of the day holds now; `held_before`: (page id, content) of the
        day's records as the last run left them."""
        self.answers = sorted(answers, key=lambda a: (a["resolved_at"], a["id"]))
        self.places = places
        self.held_before = held_before

    def for_page(self, page_id: str, content: PageKey) -> PageAnswers:
        """Answers given here for this content, and answers that followed this content when it moved here
        (a renamed file). Two places holding the same content keep their own."""
        place = place_of(page_id)
        own = [a for a in self.answers if _content(a) == content
               and (place_of(a["page_id"]) == place or self._moved(a, place, content))]
        elsewhere = [a for a in self.answers if place_of(a["page_id"]) == place and _content(a) != content]
        return PageAnswers(own, elsewhere)

    def _moved(self, answer: dict, place: str, content: PageKey) -> bool:
        """The answer's place no longer holds its content, and the content came here: in this run (this place
        did not hold it last time), or before it (its old place held it no longer last time either)."""
        answered_at = place_of(answer["page_id"])
        if self.places.get(answered_at) == content:
            return False
        return (place, content) not in self.held_before or (answered_at, content) not in self.held_before


def _content(answer: dict) -> PageKey:
    return PageKey(answer["file_hash"], answer["page_number"])
