"""The PDF report: the person's chosen areas, the clinician's shared ones, the command."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from pypdf import PdfReader

from .. import report
from ..models import AccessLog
from .data import fill, sitting
from .helpers import link_between

pytestmark = pytest.mark.django_db


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def test_a_person_with_a_phq9_sitting_sees_its_total_in_the_report(client: Any, user: Any) -> None:
    sitting(user, "phq9", 2)  # nine items answered 2: total 18
    response = client.get(reverse("care:report"), {"areas": ["assessments"]})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = _text(response.content)
    assert "PHQ-9" in text and "18" in text
    assert "Practice ladder" not in text


def test_the_report_is_a_tagged_pdf_with_charts(user: Any) -> None:
    fill(user)
    pdf = report.render_pdf(user, ["assessments", "ladder", "circle", "safety_plan", "checkins"])
    reader = PdfReader(io.BytesIO(pdf))
    root: Any = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    text = _text(pdf)
    for expected in ("Questionnaire scores", "Practice ladder progress", "Circle summary", "Safety plan"):
        assert expected in text
    html = report.report_html(user, ["assessments"])
    assert "<svg" in html and "<table" in html


def test_the_form_asks_for_areas_and_names_a_missing_choice(client: Any) -> None:
    page = client.get(reverse("care:report"))
    assert page.status_code == 200 and 'value="assessments"' in page.content.decode()
    bad = client.get(reverse("care:report"), {"areas": ["nonsense"]})
    assert bad.status_code == 400 and "Choose from the options offered" in bad.content.decode()
    empty = client.get(reverse("care:report") + "?areas=")
    assert empty.status_code == 400
    assert client.post(reverse("care:report")).status_code == 405


def test_the_clinician_report_holds_only_shared_areas_and_is_logged(
    user: Any, clinician: Any, clinician_client: Any
) -> None:
    fill(user)
    link = link_between(user, clinician, assessments=True, circle=True)
    response = clinician_client.get(reverse("care:client_report", args=[link.pk]))
    text = _text(response.content)
    assert response.status_code == 200
    assert "Questionnaire scores" in text and "Circle summary" in text
    assert "Practice ladder" not in text and "Secret Friend Name" not in text
    assert AccessLog.objects.filter(user=user, area="report").count() == 1
    asked = clinician_client.get(reverse("care:client_report", args=[link.pk]), {"areas": ["ladder"]})
    assert asked.status_code == 400


def test_a_clinician_gets_no_report_when_nothing_is_shared(user: Any, clinician: Any, clinician_client: Any) -> None:
    link = link_between(user, clinician)
    assert clinician_client.get(reverse("care:client_report", args=[link.pk])).status_code == 404


def test_without_weasyprint_the_page_says_so(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def unavailable(*args: Any, **kwargs: Any) -> bytes:
        raise report.PdfUnavailable("PDF reports need WeasyPrint and the pango libraries.")

    monkeypatch.setattr(report, "render_pdf", unavailable)
    response = client.get(reverse("care:report"), {"areas": ["assessments"]})
    assert response.status_code == 503 and "pango" in response.content.decode()


def test_the_command_writes_all_areas_by_default(user: Any, tmp_path: Path) -> None:
    sitting(user, "gad7", 3)  # total 21
    out = tmp_path / "report.pdf"
    call_command("report", "--user", user.email, "--out", str(out), stdout=io.StringIO())
    text = _text(out.read_bytes())
    assert "GAD-7" in text and "21" in text and "Safety plan" in text


def test_the_command_takes_chosen_areas(user: Any, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    call_command("report", "--user", user.email, "--out", str(out), "--areas", "circle,ladder",
                 stdout=io.StringIO())
    text = _text(out.read_bytes())
    assert "Circle summary" in text and "Safety plan" not in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--user", "nobody@example.org", "--out", "x.pdf"], "no account"),
        (["--user", "alice@example.org", "--out", "x.pdf", "--areas", "diary"], "unknown area"),
        (["--user", "alice@example.org", "--out", "/no/such/dir/x.pdf"], "does not exist"),
    ],
)
def test_the_command_refuses_bad_input(user: Any, args: list[str], message: str) -> None:
    with pytest.raises(CommandError, match=message) as error:
        call_command("report", *args)
    assert error.value.returncode == 2
