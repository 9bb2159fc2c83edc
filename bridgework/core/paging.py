"""One way to page a long list: ``page_of`` + ``core/_pagination.html``.

Pages that list a history (journal entries, a person's exchanges, a step's attempts,
an instrument's sittings) show a fixed number of rows, so their cost does not grow with
years of use. Paging a lazy queryset reads (and decrypts) only the rows of the page
shown, plus one ``COUNT``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet


def page_of[T](items: QuerySet[Any] | Sequence[T], value: str | None, per_page: int) -> Page[Any]:
    """The requested page (``?page=``), or the nearest valid one for junk, 0 or past the end."""
    paginator: Paginator[Any] = Paginator(items, per_page)
    try:
        number = max(int(value or 1), 1)
    except ValueError:
        # Junk means the first page; digits too many for int() are past the end.
        number = paginator.num_pages if (value or "").isdigit() else 1
    return paginator.get_page(number)


def page_numbers(page: Page[Any]) -> Iterator[str | int]:
    """The page links to show (with "…" gaps), for ``core/_pagination.html``."""
    return page.paginator.get_elided_page_range(page.number)
