"""The lines of one page with their positions, and the questions extraction asks of them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property

from ticket_assets.extract.labels import BRACKETED, NUMBER_WORD, Labels, folded, form_labels
from ticket_assets.lines import OcrLine
from ticket_assets.ocr.base import OcrResult

HEADER_FRACTION = 0.3
CLEARLY_NEARER = 0.85  # a value this much nearer one label than the next is that label's
AGREEING_OFFSETS = 0.25  # label heights apart, offsets of values below their labels that say the same
TOUCHING = 1 / 3  # line heights two boxes side by side may overlap: a box drawn round handwriting
SLANTED = 0.85  # a value its label's by the page's slant only (_up_a_row): a person confirms it where it must be sure
STEEPEST = 0.2  # the most a page's lines fall per pixel across it (11 degrees) that a column of labels is measured at
LEVEL = 0.015  # a page whose lines fall less per pixel (under a degree) is read as level
ON_THE_LINE = 0.25  # label heights a value may stand off its label's sloped line and be on it
LOW_VALUE = 1.2  # line heights a value beside its label may stand below it: a hand writes low on the rule
_HOLDS_NUMBER = re.compile(r"\d{4}")  # vendor headers sit in the top part of a ticket
_NUMBER_WORD = re.compile(NUMBER_WORD, re.I)
_AFTER_A_LABEL = re.compile(rf"\s*{BRACKETED.pattern}")
_JOINER = re.compile(r"\s*[/&]\s*")  # "Profile/Manifest": two spellings of one label
# A word no label knows joined by a slash to a label ("Trk/Irlr #": Trlr misread)
_UNKNOWN_JOINED = re.compile(r"\s*/\s*[^\W\d_]{2,10}\.?(?![^\W\d_])")
_VALUE_IN_PARTS = re.compile(r"\d\s*/\s*\w")


@dataclass(frozen=True)
class Found:
    """A value read from the page, the line it came from and how sure the reading is."""

    text: str
    line: OcrLine
    confidence: float
    label: str = ""  # the label it was read at, as written on the page


class PageText:
    def __init__(self, result: OcrResult):
        self.lines = [_without_accents(line) for line in result.lines if line.text.strip()]
        # Regions are measured from the top-left of the text, so that a ticket lying lower down or
        # to the right on a flatbed page still has its header and its top-right number where they belong.
        self.left = min((line.box[0] for line in self.lines), default=0.0)
        self.top = min((line.box[1] for line in self.lines), default=0.0)
        self.width = max(result.width - self.left, 1)
        self.height = max(result.height - self.top, 1)

    @cached_property
    def _value_lines(self) -> list[OcrLine]:
        """The lines that may hold a value: all but stamps and office marks ("RECEIVED" stamped over a label)."""
        return [line for line in self.lines if not form_labels().is_stamp(line.text)]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def body_text(self) -> str:
        """The text below the header: what the ticket says of the load, not the vendor's letterhead."""
        return "\n".join(line.text for line in self.lines if not self.is_header(line))

    def is_header(self, line: OcrLine) -> bool:
        return _centre_y(line) - self.top < HEADER_FRACTION * self.height

    def in_region(self, line: OcrLine, region: str) -> bool:
        """Whether the line stands in a template's ticket-number region: top_right, top_left or anywhere."""
        if region == "anywhere":
            return True
        right_half = _centre_x(line) - self.left > 0.5 * self.width
        return self.is_header(line) and right_half == (region == "top_right")

    def row_neighbours(self, line: OcrLine) -> list[OcrLine]:
        """Other lines on the same row, left to right. Measured by the taller of the two lines, up to half as tall
        again as this one: a handwritten value, taller than its printed label, may sit lower on the label's row
        than the label's height allows; a block of text three rows tall is on none of them."""
        height = max(line.box[3] - line.box[1], 1)
        reach = [0.6 * max(height, min(other.box[3] - other.box[1], 1.5 * height)) for other in self.lines]
        same_row = [
            other
            for other, within in zip(self.lines, reach)
            if other is not line and abs(_centre_y(other) - _centre_y(line)) < within
        ]
        return sorted(same_row, key=lambda other: other.box[0])

    def names_the_customer(self, line: OcrLine) -> bool:
        """Whether a line is on a customer label's row, or is read as that label's value (under it, beside it)."""
        return (bool(form_labels().of("customer").search(self.row_text_before(line)))
                or any(found.line is line for found in self._customer_values))

    @cached_property
    def _customer_values(self) -> list[Found]:
        return list(self.values_at("customer"))

    def on_row_of(self, line: OcrLine, labels: re.Pattern) -> bool:
        """Whether one of these labels stands on the line's row, left of it or in it ("GROSS  59,420  29.71")."""
        return bool(labels.search(self.row_text_before(line)))

    def row_text_before(self, line: OcrLine) -> str:
        """Everything on the line's row up to and including it: where a row label such as CUSTOMER stands."""
        left = [other.text for other in self.row_neighbours(line) if other.box[0] < line.box[0]]
        return " ".join([*left, line.text])

    def close_left(self, line: OcrLine) -> OcrLine | None:
        """The text just left of the line on its row (within three of its heights), if any: what labels it."""
        height = max(line.box[3] - line.box[1], 1)
        left = self._left_on_row(line, reach=3 * height)
        return left[-1] if left else None

    def left_and_over(self, line: OcrLine) -> list[OcrLine]:
        """The texts just left of the line on its row and straight over it: where its label would stand."""
        return [other for other in (self.close_left(line), self._line_above(line)) if other]

    def _left_on_row(self, line: OcrLine, reach: float = float("inf")) -> list[OcrLine]:
        return [o for o in self.row_neighbours(line) if 0 <= line.box[0] - o.box[2] < reach]

    def labels_around(self, line: OcrLine) -> tuple[str, str]:
        """Text that could label the line: (the line itself, its close left neighbour and the line above;
        the line below, where some forms print their labels). A neighbour holding a number of its own
        ("DISPATCH (214) 707-8768") labels that number, not this line."""
        neighbours = [self.close_left(line), self._line_above(line), self._line_below(line)]
        left_text, above, below = (o.text if o and not _HOLDS_NUMBER.search(o.text) else "" for o in neighbours)
        return f"{left_text} {line.text} {above}", below

    def values_at(self, field: str) -> Iterator[Found]:
        """Where each of the field's labels stands, the texts that could be its value, likeliest first: the rest
        of its line up to the next label, the text to its right, the text under it (in its own column when the
        label is one of a row of labels); on a form that prints its labels under their values, the text above
        comes before the text under. Other fields' labels are not read as this one's ("TRUCK NO.")."""
        for _, candidates in self.values_by_label(field):
            yield from candidates

    def values_by_label(self, field: str) -> Iterator[tuple[OcrLine, list[Found]]]:
        """The texts of values_at, label by label: the line each label stands on, and its candidates."""
        labels = form_labels()
        own, others = labels.of(field), labels.others(field)
        for line in self.lines:
            for match in own.finditer(_without_shorter_labels(line.text, own, others)):
                end = _label_end(line.text, match, own)
                label = line.text[match.start() : end]
                place, joined, end = _among_joined_labels(line.text, match.start(), end, labels.any_label)
                yield line, [_its_part(replace(found, label=label), place, joined)
                             for found in self._candidates(line, match.start(), end, labels)
                             if (found.line is line or not labels.same_line_only.fullmatch(label.strip())
                                 or labels.same_line_only.fullmatch(line.text.strip()))
                             and not labels.is_stamp(found.text)]

    def _candidates(self, line: OcrLine, start: int, end: int, labels: Labels) -> Iterator[Found]:
        rest = _up_to_next_label(line.text[end:], labels.any_label).strip(" :#.·-|")
        if rest and not _second_name(rest):
            yield Found(rest, line, line.confidence_of(rest))
        neighbour = self._right_of(line)
        if neighbour and not labels.is_label(neighbour.text):
            found = _whole_line(neighbour)
            yield replace(found, confidence=SLANTED * found.confidence) if self._up_a_row(neighbour, line) else found
        around = [self._value_above(line, start, end, labels), self._in_column_below(line, start, end, labels)]
        yield from filter(None, around if self.labels_under_values else around[1:])

    def _value_above(self, line: OcrLine, start: int, end: int, labels: Labels) -> Found | None:
        """The line straight over a label printed under its value; else, for a label of a row of labels printed
        under a row of boxes (a value written at its box's left, the label centred under it), the words of the
        row above in the label's column."""
        above = self._over_label(line)
        if above is not None and not labels.is_label(above.text):
            return _whole_line(above)
        if not self._in_a_row_of_labels(line, labels):
            return None
        return self._words_in_column(line, self._row_above(line), *self._column_of(line, start, end, labels), labels)

    def _in_a_row_of_labels(self, line: OcrLine, labels: Labels) -> bool:
        return (len(_spans_of(line, labels.any_label)) > 1
                or any(labels.is_label(other.text) for other in self.row_neighbours(line)))

    @cached_property
    def labels_under_values(self) -> bool:
        """Whether the form prints its labels under the values they name ("Truck" under the line holding "51"):
        most labels standing alone on their line have their value above them (alone on that side, or nearer),
        and none of the top row's has it below (the body's top row: a title in the header, "SCALE TICKET" over the
        ticket's number, is no row of labels). On a form with labels over handwritten values, a value written
        low can sit nearer the next label than its own, but the first row's labels have nothing above them; on
        a form of boxes with their labels under them, a label in the body may have its box's value out of its
        reach (written at the box's left) and the next row's value under it."""
        labels = form_labels()
        bare = [line for line in self.lines if labels.is_bare_label(line.text)]
        if not bare:
            return False
        sides = {id(line): self._side_of_value(line, labels) for line in bare}
        first = min([line for line in bare if not self.is_header(line)] or bare, key=lambda line: line.box[1])
        top_row = [first, *(line for line in self.row_neighbours(first) if id(line) in sides)]
        above, below = (sum(side == wanted for side in sides.values()) for wanted in ("above", "below"))
        return above >= 2 and above > below and all(sides[id(line)] != "below" for line in top_row)

    def _side_of_value(self, line: OcrLine, labels: Labels) -> str | None:
        middle = _centre_y(line)
        above, below = self._over_label(line), self._line_below(line)
        top = above.box[3] if above and above.box[3] <= middle and not labels.is_label(above.text) else None
        bottom = below.box[1] if below and below.box[1] >= middle and not labels.is_label(below.text) else None
        if top is None or bottom is None:
            return "above" if top is not None else "below" if bottom is not None else None
        gap_above, gap_below = line.box[1] - top, bottom - line.box[3]
        return "above" if gap_above < 0.7 * gap_below else "below" if gap_below < 0.7 * gap_above else None

    def _in_column_below(self, line: OcrLine, start: int, end: int, labels: Labels) -> Found | None:
        """The words under a label. Alone on its row, the label owns the line below; in a row of labels
        (`YARDS  TONS  TRUCK #` over `17  6181`), only the words whose middle falls in its column."""
        if not self._in_a_row_of_labels(line, labels):
            below = self._line_below(line)
            if below is None or labels.is_label(below.text):  # another label's line, not a value
                return None
            return _whole_line(below)
        left, right = self._column_of(line, start, end, labels)
        row = self._next_row(line)
        return (self._words_in_column(line, row, left, right, labels)
                or self._straight_below(line, left, right, labels)
                or self._at_its_box_left(line, row, start, labels))

    def _column_of(self, line: OcrLine, start: int, end: int, labels: Labels) -> tuple[float, float]:
        """From halfway to the label on its left to halfway to the one on its right."""
        return _column(line, start, end, self._heads_of_columns(line, labels))

    def _heads_of_columns(self, line: OcrLine, labels: Labels) -> list[tuple[float, float]]:
        """Where the labels of a label's row stand. On a row of labels in boxes of their own every text heads a
        column, one no label we know ("Project Ref.") too."""
        row = self.row_neighbours(line)
        spans = [span for other in row for span in _spans_of(other, labels.any_label)]
        if spans:
            spans = [(other.box[0], other.box[2]) for other in row]
        return _spans_of(line, labels.any_label) + spans

    def _at_its_box_left(self, label: OcrLine, row: list[OcrLine], start: int, labels: Labels) -> Found | None:
        """For a label of a row of labels printed well right of its box's left edge, with nothing in its own
        column (`TRUCK #   MATERIAL` over `101   FILL`, each value written at its box's left): the one phrase of
        the row of values that begins between the label on its left and this one."""
        x0 = _char_x(label, start)
        box_left = max((e for s, e in self._heads_of_columns(label, labels) if e <= x0 + 1), default=float("-inf"))
        values = [row_line for row_line in row if self._unlabelled(row_line, label, labels)]
        begun = [(phrase, row_line) for row_line in values
                 for phrase, begin, _ in _phrases(row_line) if box_left <= begin < x0]
        if len(begun) != 1:
            return None
        text, holder = begun[0]
        return Found(text, holder, holder.confidence_of(text))

    def _words_in_column(self, label: OcrLine, row: list[OcrLine], left: float, right: float,
                         labels: Labels) -> Found | None:
        """The words of a row of values whose middle falls in a label's column, as one value."""
        values = [row_line for row_line in row if self._unlabelled(row_line, label, labels)]
        words = [(phrase, row_line) for row_line in values for phrase, x in _phrase_centres(row_line) if left <= x < right]
        if not words:
            return None
        text = " ".join(word for word, _ in words)
        holder = words[0][1]
        return Found(text, holder, holder.confidence_of(text))

    def _straight_below(self, line: OcrLine, left: float, right: float, labels: Labels) -> Found | None:
        """The text straight under a label of a row of labels whose row of values OCR read out of line (a photo
        taken at a slant): the nearest line below that overlaps the label and stays inside its column."""
        below = self._line_below(line)
        if below is None or not self._unlabelled(below, line, labels) or not left <= below.box[0] <= below.box[2] <= right:
            return None
        return _whole_line(below)

    def _unlabelled(self, line: OcrLine, label: OcrLine, labels: Labels) -> bool:
        """Whether a line is no label, nor the value of another label left of it on its row ("Truck # 971" under a
        QTY label of the row above; "Yardas / CY ....... 12" under "Toneladas / Tons"): a value for the label above
        or below it. One on that label's row too (a page at a slant) may be its."""
        left = self._left_on_row(line)
        labelled = bool(left) and label not in left and labels.is_bare_label(left[-1].text)
        return not labels.is_label(line.text) and not labels.is_stamp(line.text) and not labelled

    def _next_row(self, line: OcrLine) -> list[OcrLine]:
        """The lines of the nearest row under this one, within two and a half line heights, measured along the
        slope of the label's row (a page at a slant: the row under a row of labels falls with it)."""
        height = max(line.box[3] - line.box[1], 1)
        slope = self._slope_of_row(line)

        def level(other: OcrLine, y: float) -> float:
            return y - slope * (_centre_x(other) - _centre_x(line))

        below = [o for o in self.lines if line.box[1] + 0.5 * height < level(o, o.box[1]) < line.box[3] + 2.5 * height]
        if not below:
            return []
        top = min(below, key=lambda o: level(o, o.box[1]))
        return [o for o in below if abs(level(o, _centre_y(o)) - level(top, _centre_y(top))) < 0.6 * height]

    def _slope_of_row(self, line: OcrLine) -> float:
        """How far a row of labels falls per pixel to the right: the line through the middles of the labels of its
        row, when they are three or more; else none."""
        row = self._row_of_labels(line)
        if len(row) < 3:
            return 0.0
        xs, ys = [_centre_x(other) for other in row], [_centre_y(other) for other in row]
        mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
        spread = sum((x - mean_x) ** 2 for x in xs)
        return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / spread if spread else 0.0

    def _row_of_labels(self, line: OcrLine) -> list[OcrLine]:
        """The label and the labels on its row, and on theirs in turn: a row of labels photographed at a slant
        falls from one end to the other further than a label's height."""
        labels = form_labels()
        row = [line]
        for member in row:  # grows as labels further along the row are reached
            row.extend(other for other in self.row_neighbours(member)
                       if labels.is_label(other.text) and all(other is not known for known in row))
        return row

    def _row_above(self, line: OcrLine) -> list[OcrLine]:
        """The lines of the nearest row over this one, within two and a half line heights."""
        height = max(line.box[3] - line.box[1], 1)
        above = [o for o in self.lines if line.box[1] - 2.5 * height < o.box[3] and _centre_y(o) < line.box[1]]
        if not above:
            return []
        bottom = max(above, key=lambda o: o.box[3])
        return [o for o in above if abs(_centre_y(o) - _centre_y(bottom)) < 0.6 * height]

    def _right_of(self, line: OcrLine) -> OcrLine | None:
        """The nearest text to the right of a label that belongs to it: on its row, or written low (half a
        line or more below it) when the label is still the nearest of the lines in its column; with no other
        text between them. Never a line further from the label than the page's values stand from theirs: an
        address a row above a label at the top of a form that writes its values low is no value of it. Of
        texts at different heights, the ones nearest the label's line (as the page slopes, at the page's
        offset) first: a value printed between two rows is not the lower row's when one stands on it."""
        height = max(line.box[3] - line.box[1], 1)
        right = [other for other in self._value_lines if _left_of(line, other)
                 and self._near_the_pages_offset((_centre_y(other) - _centre_y(line)) / height)]
        owned = [other for other in right if self._nearest_in_label_column(other, line) is line
                 and not self._between(line, other)]
        if not owned:
            return None
        off = {id(other): abs(self._off_the_line(other, line, self._writing_offset)) for other in owned}
        on_the_line = [other for other in owned if off[id(other)] < min(off.values()) + height / 2]
        return min(on_the_line, key=lambda other: other.box[0])

    def _off_the_line(self, value: OcrLine, label: OcrLine, offset: float) -> float:
        """How far a text right of a label stands below where the label's line reaches it at the page's slope,
        this many label heights lower (the page's writing offset, or 0 for the line itself)."""
        height = max(label.box[3] - label.box[1], 1)
        along = _centre_y(label) + self._slope * (_centre_x(value) - _centre_x(label))
        return _centre_y(value) - along - offset * height

    def _near_the_pages_offset(self, offset: float) -> bool:
        """Whether a text this many label heights below a label is near enough to be its value beside it."""
        return abs(offset) < LOW_VALUE and abs(offset - self._writing_offset) < LOW_VALUE

    def _up_a_row(self, value: OcrLine, label: OcrLine) -> bool:
        """Whether a value is its label's only because the page's values stand above their labels: no hand
        writes so, a page at a slant does, and OCR's square boxes round slanted lines cut off their ends. A
        value on the label's line as the page slopes is the label's, however near the row above it stands."""
        return (self._writing_offset < 0 and self._nearest_in_label_column(value, label, offset=0.0) is not label
                and not self._on_sloped_line(value, label))

    def _on_sloped_line(self, value: OcrLine, label: OcrLine) -> bool:
        """Whether a value right of its label stands where the label's line reaches it on a page that slopes."""
        height = max(label.box[3] - label.box[1], 1)
        return self._slope != 0.0 and abs(self._off_the_line(value, label, offset=0.0)) < ON_THE_LINE * height

    @cached_property
    def _slope(self) -> float:
        """How far the page's lines fall per pixel to the right, from its column of labels: on a page turned
        anticlockwise the labels printed one under another move right as they go down. The middle of the drifts
        of every two labels one over the other (six such pairs at least); 0 for a page turned too little to tell."""
        labels = form_labels()
        column = [line for line in self.lines if labels.is_bare_label(line.text)]
        drifts = sorted((b.box[0] - a.box[0]) / (_centre_y(b) - _centre_y(a)) for a in column for b in column
                        if _centre_y(b) > _centre_y(a) + (a.box[3] - a.box[1])
                        and abs(b.box[0] - a.box[0]) <= STEEPEST * (_centre_y(b) - _centre_y(a)))
        if len(drifts) < 6:
            return 0.0
        slope = -drifts[len(drifts) // 2]
        return slope if abs(slope) > LEVEL else 0.0

    def _between(self, label: OcrLine, value: OcrLine) -> bool:
        """Whether another text stands between a label and a value to its right, at the value's height
        ("Loads ....... Yds 21": the 21 is the yards')."""
        return any(_left_of(label, other) and _left_of(other, value) and _overlaps_y(other, value)
                   for other in self._value_lines if other is not label and other is not value)

    @cached_property
    def _writing_offset(self) -> float:
        """How far below their labels the page's values stand, in label heights: the offset most of its bare
        labels have a text to their right at (0 on a printed form, half a line on a pad a hand filled in low, a
        line above on a photo at a slant, where the values at the right edge rise), the nearest to 0 of equals;
        0 when no offset is shared by two of them and more than half. Each label's text at that offset, not its nearest:
        on a slanted photo a value may stand as near the next label's row as its own."""
        labels = form_labels()
        by_label = [offsets for line in self.lines if labels.is_bare_label(line.text)
                    if (offsets := self._offsets_right_of(line))]
        candidates = sorted({offset for offsets in by_label for offset in offsets}, key=abs)
        best = max(candidates, key=lambda offset: len(_agreeing(by_label, offset)), default=None)
        agreeing = _agreeing(by_label, best) if best is not None else []
        shared = len(agreeing) > len(by_label) / 2 and len(agreeing) > 1  # one label is no habit of the page's
        return sorted(agreeing)[len(agreeing) // 2] if shared else 0.0

    def _offsets_right_of(self, line: OcrLine) -> list[float]:
        height = max(line.box[3] - line.box[1], 1)
        offsets = [(_centre_y(other) - _centre_y(line)) / height for other in self.lines if _left_of(line, other)]
        return [offset for offset in offsets if abs(offset) < LOW_VALUE]

    def _nearest_in_label_column(self, value: OcrLine, label: OcrLine, offset: float | None = None) -> OcrLine | None:
        """Of the lines in the label's column left of the value (the label and the labels above and below it),
        the one clearly nearest the value's height (less the page's writing offset); None for a value about
        halfway between two."""
        column = [other for other in self.lines if _overlaps_x(other, label) and _left_of(other, value)]
        offset = self._writing_offset if offset is None else offset
        height = _centre_y(value) - offset * max(label.box[3] - label.box[1], 1)
        nearest = sorted(column, key=lambda other: abs(_centre_y(other) - height))
        gaps = [abs(_centre_y(other) - height) for other in nearest[:2]]
        return nearest[0] if len(gaps) == 1 or gaps[0] < CLEARLY_NEARER * gaps[1] else None

    def _over_label(self, line: OcrLine) -> OcrLine | None:
        """The text over a label: straight over it, else in the box over it when the label is printed centred
        under its box and the value written at the box's left (no part of it over the label)."""
        return self._line_above(line) or self._in_box_over(line)

    def _in_box_over(self, line: OcrLine) -> OcrLine | None:
        """The nearest line over a label, within a line height, that begins left of the label's middle and right
        of the text before the label on its row: in the label's box, at its left. Not further up: a section's
        heading or a phone number over a label further off is in no box of the label's."""
        height = line.box[3] - line.box[1]
        left = self._left_on_row(line)
        bound = left[-1].box[2] if left else float("-inf")
        over = [other for other in self._value_lines
                if other.box[3] <= _centre_y(line) and line.box[1] - other.box[3] < height
                and bound <= other.box[0] < _centre_x(line) and not _overlaps_y(other, line)]
        return max(over, key=lambda other: other.box[3]) if over else None

    def _line_below(self, line: OcrLine) -> OcrLine | None:
        return self._nearest_in_column(line, direction=1)

    def _line_above(self, line: OcrLine) -> OcrLine | None:
        return self._nearest_in_column(line, direction=-1)

    def _nearest_in_column(self, line: OcrLine, direction: int) -> OcrLine | None:
        """The closest line straight below (direction 1) or above (-1): one below starting within two and a half
        heights, the line's or its own, of the line's foot (a value written in the space under its label, taller
        than it, may start that low: "Yards -" over "11"; a number printed large in the box under its caption
        lower still); one above starting within two and a half line heights of its top."""
        height = line.box[3] - line.box[1]
        column = [
            other
            for other in self._value_lines
            if 0 < direction * (other.box[1] - line.box[1]) and _overlaps_x(line, other)
            and (other.box[1] - line.box[3] if direction > 0 else line.box[1] - other.box[1])
            < 2.5 * max(height, other.box[3] - other.box[1] if direction > 0 else 0)
        ]
        return min(column, key=lambda other: direction * other.box[1]) if column else None


def _agreeing(by_label: list[list[float]], offset: float) -> list[float]:
    """Of each label's offsets, the one nearest the given offset, for the labels that have one close to it."""
    nearest = [min(offsets, key=lambda other: abs(other - offset)) for offsets in by_label]
    return [other for other in nearest if abs(other - offset) < AGREEING_OFFSETS]


def _without_accents(line: OcrLine) -> OcrLine:
    """The line as read, accents dropped, so that labels match however a form accents them ("Camión"), and a
    middle dot OCR read between words a space ("No.·de Camión")."""
    text = _plain(line.text)
    return replace(line, text=text, words=tuple((_plain(word), score) for word, score in line.words),
                   characters=line.characters if len(text) == len(line.text) else ())


def _plain(text: str) -> str:
    return folded(text.replace("·", " "))


def _left_of(left: OcrLine, right: OcrLine) -> bool:
    """Whether a line ends before another begins, their boxes overlapping by a third of a line at most
    (a box drawn round handwriting reaches into its label's)."""
    return left.box[2] <= right.box[0] + TOUCHING * max(left.box[3] - left.box[1], 1)


def _centre_x(line: OcrLine) -> float:
    return (line.box[0] + line.box[2]) / 2


def _centre_y(line: OcrLine) -> float:
    return (line.box[1] + line.box[3]) / 2


def _overlaps_x(a: OcrLine, b: OcrLine) -> bool:
    return a.box[0] < b.box[2] and b.box[0] < a.box[2]


def _overlaps_y(a: OcrLine, b: OcrLine) -> bool:
    return a.box[1] < b.box[3] and b.box[1] < a.box[3]


def _label_end(text: str, match: re.Match, label: re.Pattern) -> int:
    """Where a label ends in the line's text, its number word ("No."), a second spelling joined to it
    ("Profile/Manifest #:") and a word in brackets after it ("Volume (CY)") included."""
    end = match.start() + len(match.group(0).rstrip())
    while (joiner := _JOINER.match(text, end)) and (more := label.match(text, joiner.end())):
        end = more.start() + len(more.group(0).rstrip())
    end += len(_NUMBER_WORD.match(text, end).group(0).rstrip())
    bracketed = _AFTER_A_LABEL.match(text, end)
    return bracketed.end() if bracketed else end


def _among_joined_labels(text: str, start: int, end: int, labels: re.Pattern) -> tuple[int, int, int]:
    """A label's place among the labels of other fields a slash joins it to ("Trk/Trlr #": the first of two),
    how many they are, and where the last of them ends: one value of as many parts names them all. A last word no
    label knows counts as one when a value in parts follows ("Trk/Irlr # 7479/228"), or nothing does (the value is
    in the box beside or under)."""
    spans = [match.span() for match in labels.finditer(text)]
    before = [(s, e) for s, e in spans if e <= start]
    after = [(s, e) for s, e in spans if s >= end]
    first, place = start, 0
    for s, e in reversed(before):
        if not _JOINER.fullmatch(text[e:first]):
            break
        first, place = s, place + 1
    last, joined = end, place + 1
    for s, e in after:
        if not _JOINER.fullmatch(text[last:s]):
            break
        last, joined = e, joined + 1
    unknown = _UNKNOWN_JOINED.match(text, last)
    if unknown and (_VALUE_IN_PARTS.search(text, unknown.end()) or not text[unknown.end():].strip(" :#.·")):
        last, joined = unknown.end(), joined + 1
    return place, joined, last


def _its_part(found: Found, place: int, joined: int) -> Found:
    """Of a value written in parts for labels joined by slashes ("7806/124" at "Trk/Trlr"), the part in the
    label's place; a value of another number of parts as it is."""
    parts = found.text.split("/")
    if joined == 1 or len(parts) != joined:
        return found
    part = parts[place].strip(" .,:#")
    return replace(found, text=part, confidence=min(found.confidence, found.line.confidence_of(part)))


def _without_shorter_labels(text: str, own: re.Pattern, others: re.Pattern) -> str:
    """The text with other fields' labels blanked out ("TRUCK NO." is no ticket label), except where one
    stands inside a longer label of this field ("NET" in "NET WEIGHT", "JOB" in "JOB SITE")."""
    longer = [match.span() for match in own.finditer(text)]

    def blank(match: re.Match) -> str:
        start, end = match.span()
        inside = any(s <= start and end <= e and e - s >= end - start for s, e in longer)
        return match.group(0) if inside else " " * (end - start)

    return others.sub(blank, text)


def _whole_line(line: OcrLine) -> Found:
    """A line beside, under or over a label, all of it the value."""
    return Found(line.text.strip(" :#|"), line, line.confidence)


def _second_name(rest: str) -> bool:
    """Words after a slash with no digit ("Manifest/Shipping Doc"): the label's other name, not its value."""
    return rest.startswith("/") and not any(char.isdigit() for char in rest)


def _up_to_next_label(rest: str, labels: re.Pattern) -> str:
    following = labels.search(rest)
    return rest[: following.start()] if following else rest


def _char_x(line: OcrLine, index: int) -> float:
    """Where the index-th character of a line stands, assuming characters of even width."""
    return line.box[0] + (line.box[2] - line.box[0]) * index / max(len(line.text), 1)


def _spans_of(line: OcrLine, labels: re.Pattern) -> list[tuple[float, float]]:
    return [(_char_x(line, m.start()), _char_x(line, m.end())) for m in labels.finditer(line.text)]


def _column(line: OcrLine, start: int, end: int, spans: list[tuple[float, float]]) -> tuple[float, float]:
    """A label's column: from halfway to the label on its left to halfway to the label on its right."""
    x0, x1 = _char_x(line, start), _char_x(line, end)
    lefts = [e for s, e in spans if e <= x0 + 1]
    rights = [s for s, e in spans if s >= x1 - 1]
    left = (max(lefts) + x0) / 2 if lefts else float("-inf")
    right = (min(rights) + x1) / 2 if rights else float("inf")
    return left, right


def _phrase_centres(line: OcrLine) -> list[tuple[str, float]]:
    """The line's phrases, each where its middle stands: a phrase is one value, in the column its middle falls in,
    never cut in two at a column's edge."""
    return [(phrase, (begin + end) / 2) for phrase, begin, end in _phrases(line)]


def _phrases(line: OcrLine) -> list[tuple[str, float, float]]:
    """The line's phrases, words one space apart ("3X5 ROCK"), each with where it begins and ends."""
    return [(m.group(0), _char_x(line, m.start()), _char_x(line, m.end()))
            for m in re.finditer(r"[^\s|]+(?: [^\s|]+)*", line.text)]
