from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from bridgework.core.http import AuthedRequest, is_htmx

from .content import Lesson, lesson_by_slug, lessons, topics
from .services import completed_slugs_for, lesson_complete, marked_topics_for, topic_toggle


def _get_lesson(slug: str) -> Lesson:
    lesson = lesson_by_slug(slug)
    if lesson is None:
        raise Http404("No such lesson")
    return lesson


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    done = completed_slugs_for(request.user) if request.user.is_authenticated else set()
    return render(request, "learn/index.html", {"lessons": lessons(), "done": done})


@require_GET
def lesson(request: HttpRequest, slug: str) -> HttpResponse:
    current = _get_lesson(slug)
    all_lessons = lessons()
    position = all_lessons.index(current)
    user = request.user if isinstance(request.user, User) else None
    return render(
        request,
        "learn/lesson.html",
        {
            "lesson": current,
            "previous": all_lessons[position - 1] if position > 0 else None,
            "next": all_lessons[position + 1] if position + 1 < len(all_lessons) else None,
            "done": user is not None and current.slug in completed_slugs_for(user),
            "marked": marked_topics_for(user) if user is not None else set(),
        },
    )


@login_required
@require_POST
def complete(request: AuthedRequest, slug: str) -> HttpResponse:
    current = _get_lesson(slug)
    lesson_complete(user=request.user, slug=current.slug)
    all_lessons = lessons()
    position = all_lessons.index(current)
    if position + 1 < len(all_lessons):
        return redirect("learn:lesson", slug=all_lessons[position + 1].slug)
    return redirect("learn:index")


@login_required
@require_POST
def toggle(request: AuthedRequest, topic_id: str) -> HttpResponse:
    found = topics().get(topic_id)
    if found is None:
        raise Http404("No such topic")
    topic, owner_lesson = found
    wanted = {"1": True, "0": False}.get(request.POST.get("marked", ""))
    marked = topic_toggle(user=request.user, topic_id=topic_id, marked=wanted)
    if is_htmx(request):
        return render(request, "learn/_topic_toggle.html", {"topic": topic, "is_marked": marked})
    return redirect(reverse("learn:lesson", args=[owner_lesson.slug]) + f"#topic-{topic_id}")


@login_required
@require_GET
def mine(request: AuthedRequest) -> HttpResponse:
    """Everything the person has marked as sounding like them."""
    marked = marked_topics_for(request.user)
    found = [(topic, lesson) for tid, (topic, lesson) in topics().items() if tid in marked]
    return render(request, "learn/mine.html", {"found": found})
