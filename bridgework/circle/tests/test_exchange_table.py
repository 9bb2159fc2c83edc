"""``ledger.exchange_table`` writes, character for character, what the template it replaced
wrote (kept here as the reference), with every value escaped."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.template import engines

from bridgework.circle import ledger
from bridgework.circle.models import Exchange, Person

pytestmark = pytest.mark.django_db

# circle/_exchange_table.html as it was.
TEMPLATE = """<table class="stack-table">
  <caption>{{ caption }}</caption>
  <thead><tr><th scope="col">Date</th>{% if not hide_person %}<th scope="col">With</th>{% endif %}<th scope="col">Which way</th><th scope="col">Kind</th><th scope="col">Size</th><th scope="col" class="number">Discomfort</th><th scope="col">Note</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
  <tbody>
  {% for row in rows %}{% with exchange=row.exchange %}
    <tr>
      <td data-label="Date">{{ row.occurred }}</td>
      {% if not hide_person %}<td data-label="With">{% if exchange.person %}<a href="{{ row.person_url }}">{{ exchange.person.name }}</a>{% else %}<span class="muted">{{ exchange.person_label }}</span>{% endif %}</td>{% endif %}
      <td data-label="Which way">{{ row.direction }}</td>
      <td data-label="Kind">{{ row.kind }}</td>
      <td data-label="Size">{{ row.size }}</td>
      <td class="number" data-label="Discomfort">{% if exchange.discomfort is not None %}{{ exchange.discomfort }}{% else %}—{% endif %}</td>
      <td data-label="Note">{{ exchange.note|truncatechars:80 }}</td>
      <td class="row-actions"><a href="{{ row.edit_url }}">Edit<span class="visually-hidden"> the exchange on {{ row.occurred }}</span></a>
        · <a href="{{ row.delete_url }}">Delete<span class="visually-hidden"> the exchange on {{ row.occurred }}</span></a></td>
    </tr>
  {% endwith %}{% endfor %}
  </tbody>
</table>
"""


def rows(user: Any) -> list[ledger.ExchangeRow]:
    sam = Person.objects.create(user=user, name='Sam <b>"& Co"</b>', ring="close", comfort=50)
    gone = Person.objects.create(user=user, name="Gone", ring="close", comfort=50)
    day = dt.date(2026, 1, 2)
    Exchange.objects.create(user=user, person=sam, direction="gave", kind="practical", size="small",
                            discomfort=3, occurred_on=day, note="Short <i>note</i> & 'quotes'")
    Exchange.objects.create(user=user, person=sam, direction="received", kind="emotional", size="large",
                            discomfort=None, occurred_on=day, note="x" * 200)
    Exchange.objects.create(user=user, person=gone, direction="gave", kind="practical", size="medium",
                            discomfort=0, occurred_on=day, note="")
    gone.delete()
    return ledger.exchange_rows(Exchange.objects.filter(user=user).select_related("person").order_by("pk"))


@pytest.mark.parametrize("hide_person", [False, True])
def test_it_writes_what_the_template_wrote(user: Any, hide_person: bool) -> None:
    table_rows = rows(user)
    caption = "Latest <first>"
    expected = engines["django"].from_string(TEMPLATE).render(
        {"rows": table_rows, "caption": caption, "hide_person": hide_person}
    )
    assert str(ledger.exchange_table(table_rows, caption, hide_person=hide_person)) == expected


def test_an_empty_table_is_the_same_too(user: Any) -> None:
    expected = engines["django"].from_string(TEMPLATE).render({"rows": [], "caption": "None"})
    assert str(ledger.exchange_table([], "None")) == expected
