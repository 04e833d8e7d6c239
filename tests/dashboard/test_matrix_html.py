"""The matrix's cells are put together in Python for speed: they must read exactly as the
template used to write them."""

import datetime

from django.template import Context, Template

from dashboard.matrix import MatrixCell
from dashboard.matrix_html import NOT_REQUIRED, CellMaker
from organisation.compliance import Status

# The cell as manage.html rendered it before the cells moved to Python.
TEMPLATE = Template(
    "{% if cell %}"
    '<td class="cell cell--{{ cell.status.value }}"><span class="cell__status">'
    "{{ cell.status.label }}</span>{% if cell.due_on %}<br>"
    # A missing requirement's date is the day it went missing (issue 16).
    '{% if cell.status.value == "missing" %}since {% endif %}'
    '<time datetime="{{ cell.due_on|date:\'Y-m-d\' }}">{{ cell.due_on|date:"j M Y" }}</time>'
    "{% endif %}</td>"
    '{% else %}<td class="cell cell--na"><span class="visually-hidden">Not required</span>—</td>'
    "{% endif %}"
)


def test_every_status_and_a_year_of_dates_read_as_the_template_wrote_them():
    make = CellMaker()
    days = [datetime.date(2026, 1, 1) + datetime.timedelta(days=n) for n in range(0, 366, 7)]
    cells = [None] + [MatrixCell(s, d) for s in Status for d in [None, *days]]
    for cell in cells:
        assert make(cell) == TEMPLATE.render(Context({"cell": cell})), cell


def test_a_one_digit_day_has_no_leading_zero():
    cell = MatrixCell(Status.DUE_SOON, datetime.date(2027, 3, 4))
    assert '<time datetime="2027-03-04">4 Mar 2027</time>' in CellMaker()(cell)


def test_each_cell_names_its_column_for_the_phone_card():
    make = CellMaker(["BLS (certification)", 'Peel "A&B" (training)'])
    cell = MatrixCell(Status.OVERDUE, datetime.date(2026, 11, 3))
    assert make(cell, 0).startswith(
        '<td class="cell cell--overdue" data-label="BLS (certification)"><span'
    )
    # A requirement's name is the educator's text: escaped inside the attribute.
    assert 'data-label="Peel &quot;A&amp;B&quot; (training)"' in make(cell, 1)
    # Where a requirement does not apply there is nothing to label (a phone hides the cell).
    assert make(None, 1) == NOT_REQUIRED
