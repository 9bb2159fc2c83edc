"""The one way an API list is paged: ``@paginate(Page)``.

``?limit=`` (1–100, default 100; more is served as 100) and ``?offset=`` give ``{"items": [...], "count": n}``.
The offset is bounded too: ninja's own accepts any integer, and one past what the
database can hold was a server error.
"""

from __future__ import annotations

from typing import Any

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

PAGE_MAX = 100
OFFSET_MAX = 2**31 - 1


class Page(LimitOffsetPagination):
    class Input(Schema):
        # More than PAGE_MAX is served as PAGE_MAX (as before); only absurd values are refused.
        limit: int = Field(PAGE_MAX, ge=1, le=OFFSET_MAX)
        offset: int = Field(0, ge=0, le=OFFSET_MAX)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=PAGE_MAX, **kwargs)
