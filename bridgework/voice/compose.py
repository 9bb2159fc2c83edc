"""Build a message from the person's own words: a text message, words to say aloud, an e-mail.

Pure module: no Django import, no network, no language model — written templates that
keep the person's words and only add the joins ("I feel", "What I need is") when their
words do not already start that way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

# A calm speaking pace for the read-aloud guidance (words per minute).
SPEAKING_WPM = 130


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").strip())


def _sentence(text: str) -> str:
    """Capitalised, ending in a full stop unless it already ends in punctuation."""
    text = _clean(text)
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?…" else text + "."


def _starts(text: str, *openers: str) -> bool:
    low = text.lower().replace("\u2019", "'")
    return any(low == o or low.startswith(o + " ") for o in openers)


def _lower_first(text: str) -> str:
    # "Tired" → "tired", but keep "I" and names such as "I" or acronyms alone.
    if len(text) > 1 and text[0].isupper() and not text[1].isupper() and not text.startswith("I "):
        return text[0].lower() + text[1:]
    return text


def _strip_end(text: str) -> str:
    return _clean(text).rstrip(".!?…")


_FIRST_PERSON = ("i", "i'm", "i've", "i'd", "i'll", "im", "my", "it", "this", "that", "when", "since")
_ASKS = ("could", "can", "would", "will", "are", "is", "do", "shall", "may", "might")


@dataclass(frozen=True)
class Parts:
    to_name: str = ""
    situation: str = ""
    feeling: str = ""
    need: str = ""
    request: str = ""
    offer: str = ""

    def is_empty(self) -> bool:
        return not any(_clean(p) for p in (self.situation, self.feeling, self.need, self.request, self.offer))

    # -- the pieces, each a sentence in the person's words

    def _feeling(self, *, spoken: bool = False) -> str:
        text = _strip_end(self.feeling)
        if not text:
            return ""
        if _starts(text, *_FIRST_PERSON):
            return _sentence(text)
        return _sentence(("I'm feeling " if spoken else "I feel ") + _lower_first(text))

    def _need(self, *, spoken: bool = False) -> str:
        text = _strip_end(self.need)
        if not text:
            return ""
        if _starts(text, *_FIRST_PERSON, "what"):
            return _sentence(text)
        return _sentence(("What I need is " if spoken else "I need ") + _lower_first(text))

    def _request(self) -> str:
        text = _clean(self.request)
        if not text:
            return ""
        if text[-1] not in ".!?…" and _starts(text, *_ASKS):
            text += "?"
        return _sentence(text)

    def _greeting(self, word: str) -> str:
        name = _clean(self.to_name)
        return f"{word} {name}," if name else f"{word},"

    # -- the three forms

    def text_message(self) -> str:
        if self.is_empty():
            return ""
        body = " ".join(
            p for p in (_sentence(self.situation), self._feeling(), self._need(), self._request(), _sentence(self.offer)) if p
        )
        return f"{self._greeting('Hi')} {body}" if _clean(self.to_name) else body

    def spoken(self) -> str:
        if self.is_empty():
            return ""
        lines = ["Have you got a few minutes? There's something I'd like to ask you."]
        for part in (_sentence(self.situation), self._feeling(spoken=True), self._need(spoken=True)):
            if part:
                lines.append(part)
        if self._request():
            lines.append(self._request())
        if _clean(self.offer):
            lines.append(_sentence(self.offer))
        if self._request():
            lines.append("What do you think?")
        return "\n".join(lines)

    def email_subject(self) -> str:
        text = _strip_end(self.request) or _strip_end(self.need) or "A request"
        words = text.split()
        subject = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
        return subject[0].upper() + subject[1:] if subject else "A request"

    def email_body(self) -> str:
        if self.is_empty():
            return ""
        paragraphs = [
            self._greeting("Hi") if _clean(self.to_name) else "Hello,",
            _sentence(self.situation),
            " ".join(p for p in (self._feeling(), self._need()) if p),
            self._request(),
            _sentence(self.offer),
            "Thank you for reading this.",
        ]
        return "\n\n".join(p for p in paragraphs if p)


def speaking_seconds(text: str) -> int:
    """About how long reading ``text`` aloud at a calm pace takes (at least 5 seconds)."""
    words = len(re.findall(r"\w+", text or ""))
    return max(5, round(words * 60 / SPEAKING_WPM))


def sms_link(text: str, number: str = "") -> str:
    """An ``sms:`` link with the body filled in (``?&body=`` works on both iOS and Android)."""
    number = re.sub(r"[^\d+]", "", number or "")
    return f"sms:{number}?&body={quote(text)}"


def mailto_link(subject: str, body: str, address: str = "") -> str:
    address = address.strip() if looks_like_email(address) else ""
    return f"mailto:{quote(address, safe='@')}?subject={quote(subject)}&body={quote(body)}"


def looks_like_email(value: str) -> bool:
    return bool(re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", (value or "").strip()))


def looks_like_phone(value: str) -> bool:
    digits = re.sub(r"\D", "", value or "")
    return 5 <= len(digits) <= 16 and bool(re.fullmatch(r"[\d+\-\s().]+", (value or "").strip()))
