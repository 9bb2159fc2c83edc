"""Demo data for the journal: a few entries most weeks, in ordinary words, some from prompts."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from bridgework.core.demo import bulk_create, moment, progress, sentences, span_days, weighted

from .models import Entry
from .prompts import prompts_by_id

DAY = [
    "Woke up before the alarm and lay there listing everything I had to do.",
    "Work was busy and I kept telling myself I could handle it alone.",
    "It rained all day and the flat felt small.",
    "Long day. I got through the list, but I skipped lunch again.",
    "Went for a run by the river after work; my head was quieter afterwards.",
    "Slept badly and felt on edge most of the morning.",
    "Quiet Sunday. Cleaned the kitchen, read, called nobody.",
    "The bus was late, so I rehearsed a conversation I will probably never have.",
    "Cooked a proper dinner for the first time this week.",
    "Spent the evening at the allotment. Digging is the one time my mind stops planning.",
    "The meeting ran long and I did not say that I was overwhelmed.",
    "Felt tired in the afternoon and let myself rest instead of pushing through.",
    "Had a dentist appointment, then went straight back to work as if nothing had happened.",
    "The heating broke again. I spent an hour watching videos so I would not have to call anyone.",
]
HELP = [
    "Maya called and I almost said everything was fine out of habit. I told her about the deadline instead.",
    "I asked Ruth to look over the report, which felt strange but went well.",
    "Dev offered to carry the shopping and I noticed the urge to refuse. I said yes.",
    "Jonas asked how I was really doing and I gave an honest answer for once.",
    "I was annoyed that I needed a lift, but accepting it saved me an hour.",
    "My manager offered to take one task off my plate and I said yes without explaining myself.",
    "I practised saying no to an extra shift and the world did not end.",
    "Had coffee with Priya and we talked about our parents, properly.",
    "Someone at work thanked me and I did not brush it off.",
    "Felt lonely in the evening and called Mum, which helped more than I expected.",
    "I caught myself planning every detail so I would not have to rely on anyone.",
    "Sent a message to an old friend I had been avoiding. She wrote back within the hour.",
    "Tom noticed I was quiet and didn't push. I told him a bit later anyway.",
    "I wanted to ask for help with the move and didn't. I carried the boxes alone and my back says so.",
]
FEELING = [
    "I keep thinking that needing people makes me a burden, but today that felt a little less true.",
    "There is a voice that says I should be able to do all of this on my own. It sounds a lot like being ten years old.",
    "I noticed my shoulders were up by my ears most of the day.",
    "It's strange how tired I get from looking like I have it all under control.",
    "Part of me wanted someone to notice without my having to say anything.",
    "I felt proud and uncomfortable at the same time, which seems to be how this goes.",
    "Receiving help still feels like owing something, but the feeling passed faster than usual.",
    "I don't know what I feel, exactly. Flat, maybe. Writing it down helps a little.",
    "I was irritated with everyone today and I think really I was just worn out.",
    "It helps to remember that the habit of doing everything myself made sense once.",
]
CLOSING = [
    "Tomorrow: one small ask, nothing heroic.",
    "Going to bed early.",
    "Small step, but a real one.",
    "I'd like to tell my therapist about this.",
    "Noting it here so I remember it went fine.",
    "Not sure what to do with this yet. Leaving it here for now.",
    "",
]
MOODS = [
    ("", 0.2),
    ("calm", 0.12),
    ("content", 0.1),
    ("hopeful", 0.1),
    ("tired", 0.16),
    ("anxious", 0.1),
    ("low", 0.06),
    ("frustrated", 0.06),
    ("lonely", 0.04),
    ("numb", 0.02),
    ("mixed", 0.04),
]


def _body(rng: random.Random, prompt: str) -> str:
    parts = []
    if prompt:
        parts.append(sentences(rng, FEELING, 1, 2))
    parts.append(sentences(rng, DAY, 1, 2))
    if rng.random() < 0.7:
        parts.append(sentences(rng, HELP, 1, 2))
    if rng.random() < 0.6:
        parts.append(sentences(rng, FEELING, 1, 2))
    # Now and then a long entry: several paragraphs written in one go.
    if rng.random() < 0.06:
        parts.extend(sentences(rng, pool, 3, 5) for pool in (DAY, HELP, FEELING, HELP))
    parts.append(rng.choice(CLOSING))
    return "\n\n".join(part for part in parts if part)


def create_demo_data(user: Any, *, years: float, rng: random.Random, today: dt.date) -> None:
    start = today - dt.timedelta(days=span_days(years))
    prompt_ids = sorted(prompts_by_id())
    entries = []
    for offset in range((today - start).days + 1):
        day = start + dt.timedelta(days=offset)
        # Journalling gets more regular with time: from about three to five days a week.
        if rng.random() > 0.42 + 0.3 * progress(day, start, today):
            continue
        prompt_id = rng.choice(prompt_ids) if rng.random() < 0.3 else ""
        written = moment(rng, day, earliest=18, latest=23)
        entries.append(
            Entry(
                user=user,
                date=day,
                prompt_id=prompt_id,
                mood=weighted(rng, MOODS),
                body=_body(rng, prompt_id),
                created_at=written,
                updated_at=written,
            )
        )
    bulk_create(Entry, entries)
