"""Crisis-language screening of free text. Pure: no Django import.

``screen(text)`` is the one function every save of free text in the app goes through
(via ``bridgework.safety.services.screening_record``). It never blocks saving; it only
decides whether help should be shown at once.

Levels: ``none`` · ``concern`` · ``urgent`` (intent, plan, method or imminence).

How it works, in order:

1. **Normalise** — Unicode NFKC, accents stripped, lower case, look-alike digits and
   symbols inside words read as letters (``k1ll``), stretched letters squeezed
   (``diiiie``), contractions and chat shorthand expanded (``im`` → ``i am``,
   ``wanna`` → ``want to``), slang and euphemisms mapped to plain words (``kms``,
   ``unalive``, ``sewerslide``), and misspellings of the few words that matter corrected
   by a small edit-distance search (``suicde``, ``myslef``).
2. **Idioms out** — phrases like "this deadline is killing me" or "I'd rather die than
   ask" are blanked so no rule can see them.
3. **Rules per clause** — each rule has a level and says whether it names the writer
   explicitly ("kill *myself*") or depends on who the subject is ("want to die").
4. **Modifiers** — a third-person subject, a news/report context, negation before the
   phrase, or past tense can lower the level; they never silence a phrase that names the
   writer. Method or imminence words next to a concern raise it to urgent.

5. **Net** — clauses the rules left at none are checked for broad risk words about
   one's own death or self-harm (``_NET``), under the same gates.
6. **Model** — what is still none is scored clause by clause by a small linear model
   over words and character n-grams (:mod:`bridgework.screening.crisis_model`), which
   recognises phrasings no rule names; it can only raise a clause to concern.

The rules, the net and the model were written or trained on the ``train`` rows of
``tests/data/crisis_sentences.csv``; the ``held_out`` rows only measure them
(``bridgework evaluate``). Measured honestly on sentences written fresh, before any
rule or training saw them, the whole screener caught 10 of 15, 22 of 30 and 11 of 20
indirect statements: a real safety net, not a guarantee, which is why "Get help now" is
on every page whatever the screener says.

Worst-case cost is linear in the text length: every regular expression below is free of
nested quantifiers, and per-word work is cached.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Literal, cast

Level = Literal["none", "concern", "urgent"]
LEVELS: tuple[Level, ...] = ("none", "concern", "urgent")
_RANK = {"none": 0, "concern": 1, "urgent": 2}

# Longer texts are screened in full, but one pathological "word" cannot slow us down.
_MAX_TOKEN = 40
# Who is speaking and whether it is negated is read from the words just before a match;
# reading the whole clause before every match made a long repetitive text quadratic.
_CONTEXT = 160
# One rule's matches in one clause: the first few decide its level.
_MAX_MATCHES = 25


@dataclass(frozen=True)
class Screening:
    level: Level
    # The phrases that raised the level, for tests and evaluation; never stored.
    matches: tuple[str, ...] = field(default_factory=tuple)

    @property
    def crisis(self) -> bool:
        return self.level != "none"


# --------------------------------------------------------------------------- normalise

_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})

# Whole-word replacements applied after tokenising; values may be several words.
_WORDS: dict[str, str] = {
    # contractions and shorthand
    "im": "i am",
    "i'm": "i am",
    "ima": "i am going to",
    "imma": "i am going to",
    "ive": "i have",
    "i've": "i have",
    "i'd": "i would",
    "id": "i would",
    "i'll": "i will",
    "dont": "do not",
    "don't": "do not",
    "doesnt": "does not",
    "doesn't": "does not",
    "didnt": "did not",
    "didn't": "did not",
    "cant": "can not",
    "can't": "can not",
    "cannot": "can not",
    "wont": "will not",
    "won't": "will not",
    "wouldnt": "would not",
    "wouldn't": "would not",
    "isnt": "is not",
    "isn't": "is not",
    "aint": "am not",
    "ain't": "am not",
    "wasnt": "was not",
    "wasn't": "was not",
    "shouldnt": "should not",
    "shouldn't": "should not",
    "couldnt": "could not",
    "couldn't": "could not",
    "theyd": "they would",
    "they'd": "they would",
    "they'll": "they will",
    "theyll": "they will",
    "it's": "it is",
    "its": "it is",
    "that's": "that is",
    "thats": "that is",
    "there's": "there is",
    "what's": "what is",
    "whats": "what is",
    "he's": "he is",
    "she's": "she is",
    "they're": "they are",
    "you're": "you are",
    "youre": "you are",
    "we're": "we are",
    "i'd've": "i would have",
    "wanna": "want to",
    "wana": "want to",
    "wnat": "want",
    "wnt": "want",
    "watn": "want",
    "gonna": "going to",
    "gona": "going to",
    "gunna": "going to",
    "finna": "going to",
    "gotta": "got to",
    "tryna": "trying to",
    "u": "you",
    "ur": "your",
    "r": "are",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "abt": "about",
    "rn": "right now",
    "tn": "tonight",
    "tonite": "tonight",
    "2nite": "tonight",
    "2night": "tonight",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "2moro": "tomorrow",
    "2morrow": "tomorrow",
    "every1": "everyone",
    "evry1": "everyone",
    "evryone": "everyone",
    "ppl": "people",
    "w/o": "without",
    "wo": "without",
    "tbh": "",
    "lol": "",
    "lmao": "",
    "ngl": "",
    "lowkey": "",
    "highkey": "",
    "honestly": "",
    "literally": "",
    "fr": "",
    "srsly": "",
    "anymroe": "anymore",
    "4ever": "forever",
    "4eva": "forever",
    "w": "with",
    "dissapear": "disappear",
    "dissappear": "disappear",
    "disapear": "disappear",
    "dissapeared": "disappeared",
    "anymor": "anymore",
    "nomore": "no more",
    "wuld": "would",
    "wuold": "would",
    "wan": "want",
    "lfie": "life",
    "burdon": "burden",
    "woud": "would",
    "beter": "better",
    "bettr": "better",
    "alive.": "alive",
    "ded": "dead",
    "deaad": "dead",
    # slang and euphemisms for suicide and self-harm
    "kms": "kill myself",
    "kmsl": "kill myself",
    "unalive": "kill myself",
    "unaliving": "killing myself",
    "unalived": "killed myself",
    "sewerslide": "suicide",
    "sewersliding": "suicide",
    "suicided": "suicide",
    "ctb": "kill myself",
    "selfharm": "self harm",
    "self-harm": "self harm",
    "selfharming": "self harm",
    "self-harming": "self harm",
    "sh": "sh",
    "od": "overdose",
    "oding": "overdosing",
    "od'd": "overdosed",
    "odd": "odd",
    "kil": "kill",
    "kll": "kill",
    "kiil": "kill",
    "kilk": "kill",
    "klll": "kill",
    "kilin": "killing",
    "killin": "killing",
    "dye": "die",
    "dei": "die",
    "diee": "die",
    "dieee": "die",
    "dy": "die",
    "mysef": "myself",
    "myslef": "myself",
    "myselff": "myself",
    "mysel": "myself",
    "meself": "myself",
    "mysefl": "myself",
    "myselve": "myself",
    "comit": "commit",
    "commmit": "commit",
    "comitt": "commit",
    "pils": "pills",
    "pillz": "pills",
    "overdoes": "overdose",
}

# Joined forms first ("kill my self" -> "kill myself") on the normalised text.
_PHRASES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bmy self\b"), "myself"),
    (re.compile(r"\bwant too\b"), "want to"),
    (re.compile(r"\bend my live\b"), "end my life"),
    (re.compile(r"\bbetter of\b"), "better off"),
    (re.compile(r"\bwith out\b"), "without"),
    (re.compile(r"\bevery (one|body)\b"), r"every\1"),
    (re.compile(r"\bsewer slide\b"), "suicide"),
    (re.compile(r"\bself (?:delete|deleting|destruct)\b"), "kill myself"),
    (re.compile(r"\b(?:off|yeet|delete|end) myself\b"), "kill myself"),
    # "kys" is aimed at someone else, except when the writer is the subject.
    (
        re.compile(
            r"\b((?:i|i will|i am going to|want to|going to|should|might|just|gonna)\b.{0,20}?)kys\b"
        ),
        r"\1kill myself",
    ),
    (re.compile(r"\bkys myself\b"), "kill myself"),
    (re.compile(r"\b(going to|want to|will|might|gonna|just) rope(?: myself)?\b"), r"\1 kill myself"),
    (re.compile(r"\bcatch(?:ing)? the bus\b(?= for good| tonight| forever)"), "kill myself"),
    (re.compile(r"\bkill myself myself\b"), "kill myself"),
    (re.compile(r"\ban hero\b"), "kill myself"),
    (re.compile(r"\b(?:i )?want 2 die\b"), "want to die"),
]

# Misspellings of these (and only these) are corrected by edit distance; short or
# common words are listed explicitly in _WORDS instead, because "will" is one edit
# from "kill" and "bills" one from "pills".
_FUZZY_TARGETS = (
    "suicide",
    "suicidal",
    "myself",
    "overdose",
    "overdosing",
    "goodbye",
    "anymore",
    "everyone",
    "everybody",
    "without",
    "unalive",
    "wrists",
    "hopeless",
    "worthless",
    "burden",
    "existing",
    "killing",
    "yourself",
    "noose",
)
_PROTECTED = frozenset(
    [
        "herself",
        "himself",
        "itself",
        "themselves",
        "ourselves",
        "yourselves",
        "willing",
        "filling",
        "billing",
        "milling",
        "spilling",
        "thrilling",
        "chilling",
        "drilling",
        "grilling",
        "sewing",
        "suicides",
        "wrist",
        "worst",
        "burned",
        "burden",
        "burdens",
        "hopeful",
        "goodbyes",
        "nose",
        "noise",
        "loose",
        "moose",
        "goose",
        "anyone",
        "anybody",
        "everyones",
        "eveyone",
        "without",
        "within",
        "withhold",
        "wither",
        "alive",
        "alike",
        "olive",
        "mysterious",
        "anyway",
        "killings",
        "skilling",
        "kissing",
        "gulping",
    ]
)


def _edits1(word: str) -> set[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in letters}
    inserts = {a + c + b for a, b in splits for c in letters}
    return deletes | transposes | replaces | inserts


def _build_fuzzy_index() -> dict[str, str]:
    """Every string one edit from a target (two for long targets via deletions)."""
    index: dict[str, str] = {}
    for target in _FUZZY_TARGETS:
        for variant in _edits1(target):
            index.setdefault(variant, target)
        if len(target) >= 7:
            # Two deletions or a deletion plus a swap: the commonest double slips.
            for once in {target[:i] + target[i + 1 :] for i in range(len(target))}:
                for twice in {once[:i] + once[i + 1 :] for i in range(len(once))}:
                    index.setdefault(twice, target)
    for word in _PROTECTED:
        index.pop(word, None)
    for target in _FUZZY_TARGETS:
        index[target] = target
    return index


_FUZZY = _build_fuzzy_index()
# Words a stretched spelling ("diiie", "kiiill") is squeezed back to.
_KEYWORDS = frozenset(_FUZZY_TARGETS) | {
    "die",
    "dead",
    "kill",
    "pills",
    "rope",
    "cut",
    "end",
    "life",
    "gone",
}
_TOKEN = re.compile(r"[a-z0-9@$!'/]+|[^a-z0-9@$!'/\s]+")
_STRETCH = re.compile(r"(.)\1{2,}")


@lru_cache(maxsize=65536)
def _normalise_token(token: str) -> str:
    if len(token) > _MAX_TOKEN:
        return token
    token = token.rstrip("!")
    if token in _WORDS:  # before look-alike digits: "4ever", "2nite"
        return _WORDS[token]
    if (
        any(c.isalpha() for c in token)
        and any(c in "013457@$!" for c in token)
        and "2" not in token
    ):
        token = token.translate(_LEET)
    token = re.sub(r"(?<=[a-z])2(?=[a-z])", " to ", token)
    token = _STRETCH.sub(r"\1\1", token)
    if " " in token:
        return " ".join(_normalise_token(part) for part in token.split())
    if token in _WORDS:
        return _WORDS[token]
    squeezed = re.sub(r"(.)\1", r"\1", token)
    if squeezed != token and (squeezed in _WORDS or squeezed in _KEYWORDS):
        return _WORDS.get(squeezed, squeezed)
    if len(token) >= 5 and token in _FUZZY:
        return _FUZZY[token]
    return token


# Emoji used for self-harm and death: "🔪 myself", "thinking about ⚰️".
_EMOJI_SELF = re.compile("(?:\U0001f480|\u2620\ufe0f?|\U0001f52a|\U0001faa2|\u26b0\ufe0f?|\U0001f52b)\\s*myself", re.IGNORECASE)
_EMOJI_DEATH = re.compile("\u26b0\ufe0f?|\U0001faa6")


def normalise(text: str) -> str:
    """Plain, lower-case, corrected English words separated by single spaces.

    Sentence punctuation survives as `` . `` so rules can respect clause boundaries.
    """
    folded = unicodedata.normalize("NFKC", text)
    # A few characters expand enormously under compatibility folding (U+FDFA becomes 18
    # letters); a text made of them would take seconds, so such text is only composed.
    compatible = len(folded) <= 2 * len(text) + 64
    text = folded if compatible else unicodedata.normalize("NFC", text)
    text = text.translate(_APOSTROPHES)
    text = _EMOJI_SELF.sub(" kill myself ", text)
    text = _EMOJI_DEATH.sub(" death ", text)
    decomposed = unicodedata.normalize("NFKD" if compatible else "NFD", text)
    text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    out: list[str] = []
    for token in _TOKEN.findall(text):
        if token[0].isalnum() or token[0] in "@$'":
            token = token.strip("'")
            if token:
                out.append(_normalise_token(token))
        elif any(c in ".?;:\n" for c in token):
            out.append(".")
        elif "," in token:
            out.append(",")
        # other symbols and emoji carry no signal for these rules
    joined = " ".join(word for word in out if word)
    for pattern, replacement in _PHRASES:
        joined = pattern.sub(replacement, joined)
    return joined


# --------------------------------------------------------------------------- idioms

_IDIOMS = re.compile(
    r"\b(?:"
    r"(?:is|are|was|were|be|been|it is|that is) (?:killing|murdering|going to kill|gonna kill|the death of) me"
    r"|(?:it|this|that|work|everything|the \w+) (?:is|has been)? ?(?:killing|murdering) me(?: slowly)?"
    r"|(?:kill|killing|killed) (?:it|time|the \w+)"
    r"|(?:could|would|gonna|going to|will) (?:murder|kill) (?:a|an|for|some) \w+"
    r"|(?:i would|i could) kill for\b"
    r"|(?:boss|mum|mom|dad|mother|father|wife|husband|partner|teacher|coach|sister|brother) (?:is|will|would|is going to|going to) (?:literally )?(?:kill|murder) me"
    r"|rather die than"
    r"|dying (?:to|for|of|here|laughing)|died (?:laughing|of (?:embarrassment|laughter|shame))"
    r"|(?:nearly|almost) (?:died|killed myself) laughing|killed myself laughing|killed myself at the gym"
    r"|die (?:of|from) (?:embarrassment|shame|boredom|laughter|thirst|hunger)"
    r"|(?:bored|scared|frightened|worried|tired|sick) to death|to die for|dead (?:tired|serious|set|on my feet)"
    r"|over my dead body|(?:phone|battery|laptop|car|plant|plants) (?:is |are |was )?(?:dead|died|dying)"
    r"|going to die if i have to|i will die if i have to"
    r"|kill(?:ing)? myself (?:trying|working|to (?:get|finish|make|please|keep))"
    r"|that joke killed me|(?:the )?suspense is (?:killing me|murder)"
    r"|dy(?:e|ing|eing) (?:my|her|his|the|your|our) (?:hair|beard|clothes|jeans|shirt)"
    r"|(?:lose|losing|lost) my mind"
    r")"
)

# ---------------------------------------------------------------------------- rules

_ME = r"(?:myself|me)"
_SELF_METHOD = (
    r"(?:hang(?:ing)? myself|noose|slit(?:ting)? my wrists?|cut(?:ting)? my wrists?"
    r"|jump(?:ing)? (?:off|from) (?:a|the|my) (?:bridge|building|roof|cliff|balcony|tower|car park)"
    r"|(?:jump|step|walk)(?:ing)? in front of (?:a|the) (?:train|bus|lorry|truck|car)"
    r"|(?:overdos(?:e|ing)|od) (?:on|tonight|today|now)|overdose tonight|take (?:all|every one) of (?:my|the|them)"
    r"|take (?:every|all the|all my) (?:pills?|tablets?)|saving (?:up )?(?:my )?(?:pills|tablets)"
    r"|stockpil\w* (?:pills|tablets|medication)|pills in front of me"
    r"|shoot(?:ing)? myself|gun (?:to|against) my head|using it on myself"
    r"|drive (?:my car )?(?:into|off) (?:a|the) (?:wall|tree|cliff|bridge|river|traffic)"
    r"|how many (?:pills|tablets) (?:it would take|to take) to die|(?:easiest|painless|quickest|best) ways? to (?:kill myself|die)"
    r"|(?:ways|methods|how) to (?:die|kill myself|end my life)\b(?! of)"
    r"|(?:took|taken|swallowed) (?:a bunch|a handful|loads|lots|a lot|a load|a whole bottle|the whole bottle) of (?:pills|tablets|my meds|meds)"
    r"|(?:took|taken|just took|swallowed) (?:an overdose|all (?:my|the) (?:pills|tablets)|too many (?:pills|tablets))"
    r"|(?:bridge|roof|cliff|edge|ledge|platform)\b.{0,30}\b(?:to jump|and jump|jump off)"
    r"|bought a (?:rope|gun) .{0,40}(?:hang|kill|shoot|myself)|tied a noose|standing on the roof|thinking of jumping)"
)
_SOON = r"(?:tonight|right now|tomorrow|this weekend|when everyone is asleep|in an hour)"
_IMMINENT = r"(?:tonight|right now|today|tomorrow|this weekend|this week|after the exam|when everyone is asleep|this morning|in an hour|soon)"

# (name, level, explicit, pattern). ``explicit``: the phrase itself names the writer, so
# negation or tense can lower it to concern but never to none.
_RULES: list[tuple[str, Level, bool, re.Pattern[str]]] = [
    (name, cast(Level, level), explicit, re.compile(pattern))
    for name, level, explicit, pattern in [
        # -- urgent: intent, plan, method, farewell
        (
            "intent",
            "urgent",
            True,
            r"\b(?:i am|i will|going to|gonna|about to|ready to|decided to|made up my mind to|i am done .{0,12}going to)\s?(?:go )?(?:kill(?:ing)? myself|end (?:my life|it all|it tonight|things|it)\b|commit suicide|suicide)",
        ),
        (
            "intent_time",
            "urgent",
            True,
            r"\b(?:kill(?:ing)? myself|end(?:ing)? (?:my life|it all)|commit suicide|suicide)\b.{0,30}\b"
            + _IMMINENT,
        ),
        ("killing_now", "urgent", True, r"\bi am killing myself\b(?! laughing)"),
        ("method", "urgent", True, _SELF_METHOD),
        (
            "plan",
            "urgent",
            True,
            r"\b(?:i have|i have got|i have made|made) a plan\b(?! (?:for|to (?!die|kill|end))|with)|\bpicked (?:the|a) (?:date|day|spot|place)\b|\b(?:decided|know) (?:how|when|where) i am going to (?:do it|die)"
            r"|\bplanning (?:my suicide|my death|to (?:kill myself|end (?:my life|it)))\b|\beverything is ready\b.{0,40}\bgo through with it|\bday i (?:end|kill) ",
        ),
        (
            "note",
            "urgent",
            True,
            r"\b(?:suicide|goodbye|farewell) (?:note|letters?)\b(?<!farewell card)|\bwrote my (?:goodbye|suicide)|\bwritten my (?:suicide|goodbye)",
        ),
        (
            "farewell",
            "urgent",
            True,
            r"\bby the time (?:anyone|you|someone|they) (?:reads?|finds?|sees?) this\b|\bthis is (?:my )?(?:goodbye|last entry\W*goodbye)|\bsaid my goodbyes\b"
            r"|\bgiving away my (?:things|stuff|belongings|possessions)\b|\btake care of my \w+ when i am gone|\bwill not be (?:here|around|alive) tomorrow"
            r"|\bgoodbye (?:forever|cruel world)\b|\bgoodbye world\b(?= *(?:$|\.|,))|\bafter i am gone\b|\bready to go\b(?<=goodbyes i am ready to go)|\bi will be gone\b",
        ),
        # -- concern: ideation, passive wishes, self-harm, hopelessness
        (
            "suicidal_self",
            "concern",
            True,
            r"\b(?:i am|i feel|i have been|i was|feeling|felt) (?:\w+ ){0,2}suicidal\b",
        ),
        ("suicidal", "concern", False, r"\bsuicidal\b|\bsuicide\b"),
        (
            "kill_self",
            "concern",
            True,
            r"\b(?:kill|killing|killed|kills) myself\b|\bend(?:ing)? my (?:own )?life\b|\btake my (?:own )?life\b|\bcommit suicide\b|\battempted suicide\b",
        ),
        (
            "want_die",
            "concern",
            False,
            r"\b(?:want|wanted|wanting|wish|wishing|hope|hoping|need|long|ready) (?:to|i could|i would|i was|i were|i) ?(?:just )?(?:die|be dead|not wake up|stop existing|not exist|disappear forever|disappear and never come back)\b"
            r"|\bwant (?:my life|it all|everything) to (?:be over|end)\b|\bwant it all to end\b|\bwish i (?:was|were) dead\b|\bwish i had never been born\b"
            r"|\bwants to die\b|\bpart of me wants to die\b|\bwish (?:something|someone) would (?:just )?kill me\b|\bthinking (?:about|of) (?:dying|ending it|death)\b"
            r"|\bi (?:hope|wish) i (?:do not|never) wake up\b|\bdie in my sleep\b|\b(?:do not|not) want to (?:be alive|live|exist|wake up|be here)(?: anymore)?\b"
            r"|\b(?:thinking|thought|thoughts|think) (?:about|of) (?:suicide|killing myself|ending (?:my life|it))\b|\bend it\b(?! with)(?= *(?:$|\.|,|all|now|tonight))"
            r"|\bfeel(?:ing)? like (?:dying|i want to die|ending it|i should die)\b|\bsleep forever\b|\bnever wake up\b"
            r"|\b(?:should|could) (?:just )?die\b|\b(?:deserve|deserved|need) to (?:just )?die\b|\bwant to (?:just )?end (?:things|it all)\b|\bwant (?:it|this|everything)(?: all)? to be over\b"
            r"|\bwant out of (?:this |my )?life\b|\bgive up on (?:life|living)\b|\bwill be dead soon\b"
            r"|\bthink(?:ing)? (?:about|of) dying\b|\b(?:want|wish) (?:it|everything|this)(?: all)? to (?:stop|end) forever\b"
            r"|\bif i (?:was|were) dead\b|\bi want out\b(?= *(?:$|\.|,))|\bstop living\b|\bwish i (?:was|were) not (?:alive|here|born)\b"
            r"|\bi am (?:a|such a|just a) (?:burden|waste of space)\b(?! when)"
            r"|\bnot sure i want to (?:keep living|live|be here)\b|\bdo not care if i live or die\b",
        ),
        (
            "burden",
            "concern",
            False,
            r"\b(?:better off|happier|relieved|be better) (?:without me|if i (?:was|were|wasn't|was not|were not) (?:gone|dead|around|here)|if i died)\b"
            r"|\bbetter off dead\b|\brather be dead\b|\bworld would be better without me\b|\bwould be better for everyone if i\b"
            r"|\b(?:nobody|no one|no-one) would (?:even )?(?:notice|miss me|care) if i (?:was|were|died|disappeared|was gone)\b(?<!notice if i skipped)"
            r"|\bno one would miss me\b|\bnobody will miss me\b|\bif i died (?:tomorrow|today)\b.{0,20}\b(?:no one|nobody) would care",
        ),
        (
            "hopeless",
            "concern",
            False,
            r"\b(?:no|nothing) (?:point|reason|left) (?:in |to )?(?:living|going on|keep living|live for|to live for|being alive)\b|\bwhat is the point of (?:going on|living|anything)\b"
            r"|\blife (?:is not|is no longer) worth (?:living|it)\b|\bcan not go on\b(?! holiday)|\bcan not do this anymore\b(?!\s*\w)|\bdone with life\b|\btired of (?:being alive|living|life)\b"
            r"|\bno way out except dying\b|\bonly way out\b|\bdeath seems like\b|\bliving (?:feels|is|seems) pointless\b|\bwould be easier if i (?:just )?(?:was not|were not|was n't) here\b"
            r"|\bcan not (?:keep|go on) living\b|\b(?:do not|did not) deserve to (?:live|be alive|exist|be here)\b"
            r"|\bno reason (?:for me )?to be alive\b|\bbetter off gone\b"
            r"|\b(?:do not|can not|could not) see (?:a|any) (?:reason|point) (?:to|in) (?:keep living|living|live|go on|going on)\b|\breason to keep living\b|\bnothing left to live for\b|\bstop existing\b|\bnot exist(?: anymore)?\b|\bdo not want to exist\b",
        ),
        (
            "self_harm",
            "concern",
            True,
            r"\b(?:cut|cutting|burn|burned|burnt|burning|hurt|hurting|harm|harming|hit|hitting|punish|punishing|scratch|scratching) myself\b(?! laughing)"
            r"|\bself harm\b(?=.{0,25}\b(?:urges?|again|relapse|clean|today|tonight|days|strong))|\b(?:urge|urges) to (?:self harm|cut|hurt myself)\b|\brelapsed on (?:self harm|sh)\b"
            r"|\b(?:started|start|stop) cutting\b|\bcutting again\b|\bscratching my (?:arms|legs|skin) until\b|\buntil (?:my hand|it|they) bled\b.{0,30}\bdeserved"
            r"|\brelapsed (?:and|on) (?:cut|cutting|sh|self harm|hurt)\w*|\bpunish myself physically\b|\bcut my (?:arms?|legs?|thighs?|wrists?)\b",
        ),
        # -- added from a second round of training sentences (indirect and method talk)
        (
            "burden_feel",
            "concern",
            True,
            r"\bfeel(?:ing)? like (?:a|such a|just a|nothing but a) burden\b(?! (?:when|if|asking|to ask|for asking|by asking))|\bi am (?:nothing but )?a burden (?:to|on) (?:everyone|everybody|my family|them|people|all)\b",
        ),
        (
            "pain_stop",
            "concern",
            True,
            r"\b(?:want|need|wish) (?:the|this|all the|all this) (?:pain|hurt|suffering) to (?:stop|end) (?:for good|forever|permanently)\b"
            r"|\b(?:thinking|thought|think) (?:about|of) ending (?:things|it all|everything)\b(?! with)|\bending things\b(?= *(?:$|\.|,|tonight|soon))",
        ),
        (
            "no_future",
            "concern",
            True,
            r"\b(?:do not|can not|could not) see (?:a|any) future (?:for myself|for me|at all|ahead)\b|\bthere is no future for me\b"
            r"|\bno reason to (?:keep going|go on|carry on|stay alive|stay here|be here)\b|\bgiv(?:e|ing) up on (?:life|living|being alive)\b"
            r"|\bplanning my (?:own )?funeral\b|\bbetter off with (?:the|my) (?:life )?insurance\b",
        ),
        (
            "method_more",
            "urgent",
            True,
            r"\bhow many (?:pills|tablets|meds|paracetamol|sleeping pills) (?:it )?(?:would take|it takes|to take|would kill|would be enough)\b"
            r"|\bstockpil\w* (?:my |the )?(?:pills|tablets|meds|medication)\b|\b(?:keep|keeping|kept|hiding|hidden) (?:my |some |the )?(?:old )?(?:prescription )?(?:pills|tablets|meds) (?:just )?in case\b"
            r"|\bdriv(?:e|ing) (?:my car )?(?:into|off) (?:a|the) (?:wall|tree|cliff|bridge|river|traffic|lorry|truck)\b"
            r"|\b(?:edge|ledge) of (?:a|the) (?:platform|bridge|roof|cliff|building)\b.{0,30}\bthinking (?:about|of) (?:it|jumping|doing it|ending it)\b",
        ),
        (
            "method_items",
            "concern",
            True,
            r"\bbought (?:a |some )?(?:rope|noose|razor blades)\b(?! (?:for|to (?!hang)|swing|ladder|bridge|light))|\b(?:written|wrote|writing) (?:letters|notes) to (?:everyone|everybody|all the people) i love\b"
            r"|\bthis is my last (?:entry|message|post)\b(?! (?:of|for|before|this|today|until|in))"
            r"|\b(?:scratched|scratching|cut|cutting|burned|burnt|hit|punched) (?:my )?(?:arms?|legs?|skin|thighs?|wrists?|stomach) until (?:they|it|i) (?:bled|bleed|was bleeding)\b",
        ),
        # -- third round: passive wishes, preparation, losing trust in one's own safety
        (
            "passive_more",
            "concern",
            True,
            r"\b(?:would not|do not) mind if (?:a|the) (?:bus|car|train|truck|lorry) (?:hit|hits|killed|kills) me\b"
            r"|\bif i (?:got|get|was|were) (?:hit|run over) by (?:a|the) (?:car|bus|train|truck|lorry)\b.{0,30}\b(?:would not|do not) (?:care|mind)\b"
            r"|\bwould not mind (?:dying|not waking up|if i died)\b"
            r"|\bwish i could (?:just )?(?:vanish|disappear|fade away|cease to exist|not exist)\b"
            r"|\b(?:everyone|everybody|they|my family|my kids|the world|people) would be (?:fine|okay|ok|better|happier|better off) (?:without me|if i (?:disappeared|vanished|was not here|were not here|was gone|were gone|died|was dead))\b"
            r"|\b(?:had enough of|sick of|tired of) (?:life|living|being alive|existing)\b"
            r"|\b(?:trapped|stuck)\b.{0,30}\bno way out\b|\bno way out\b(?= *(?:$|\.|,|anymore|of this life|of life))"
            r"|\bwant to (?:be with|see|join) (?:my )?\w+ again\b.{0,40}\b(?:died|passed|dead|gone)\b|\bjoin (?:my )?\w+ in heaven\b"
            r"|\bcan not take (?:it|this)(?: anymore| any more)?\b(?= *(?:$|\.|,|!))|\bmy life is over\b"
            r"|\bwants? (?:it all|everything|this|all of it) to stop\b|\b(?:should|must) not be (?:alive|here)\b"
            r"|\bthere is no point\b(?= *(?:$|\.|,|anymore|any more|in anything|to anything|in living))|\bno point (?:anymore|any more|in anything)\b",
        ),
        (
            "self_harm_more",
            "concern",
            True,
            r"\bwant to (?:cut|burn|hurt|harm)(?: myself)?(?: again)?\b(?= *(?:$|\.|,|so|because|tonight))|\b(?:been |started )?self harming\b|\bself harm(?:ed)? again\b"
            r"|\b(?:burned|burnt|cut|hit|punched|bit) myself\b.{0,30}\bon purpose\b|\bwant to jump\b(?= *(?:$|\.|,|off))"
            r"|\b(?:will not|not going to) be a (?:problem|burden|bother) (?:for|to) (?:anyone|anybody|you|them|everyone) (?:much longer|for long|anymore|soon)\b"
            r"|\b(?:will not|not going to|am not going to) be (?:around|here|alive) (?:much longer|for long|anymore|next week|tomorrow)\b",
        ),
        (
            "preparation",
            "urgent",
            True,
            r"\bdo something stupid (?:tonight|today|to myself|right now)\b|\bsorted (?:out )?my affairs\b|\bwritten my will\b.{0,40}\b(?:goodbye|letters|affairs|sorted)\b"
            r"|\blooked up (?:the )?(?:tallest|highest) (?:building|bridge|cliff|car park)\b|\bhow i (?:would|could|will|am going to) (?:do it|end it|kill myself|die)\b"
            r"|\b(?:pills|tablets|meds) (?:lined up|counted out|laid out|ready)\b|\bhave (?:the|my) (?:knife|pills|rope|gun|blade|razor|tablets) ready\b"
            r"|\bscared of what i (?:might|will|could) do to myself\b|\bdo not trust myself (?:to (?:be|stay) safe|tonight|alone|around)\b|\bnot safe (?:with|from) myself\b",
        ),
        (
            "death_thoughts",
            "concern",
            True,
            r"\bdark thoughts\b(?! about (?:work|the|my (?:job|boss)))|\b(?:thoughts?|thinking|think) (?:about|of) not (?:being here|being alive|existing|waking up)\b"
            r"|\bthink(?:ing)? about (?:death|dying) (?:all the time|constantly|every day|a lot|more and more)\b"
            r"|\bwhat if i (?:just )?(?:did not|do not|never) wake up\b|\bwhat if i (?:just )?(?:died|was gone|were gone|disappeared)\b"
            r"|\b(?:imagining|imagine|picturing|planning) my (?:own )?funeral\b|\bthinking about death every day\b",
        ),
        (
            "veiled",
            "concern",
            True,
            r"\bwish (?:it|the \w+|they|cancer|god|the accident) had taken me\b|\b(?:taken|take) me instead\b"
            r"|\b(?:paracetamol|tylenol|acetaminophen|sleeping pills|painkillers|tablets)\b.{0,40}\b(?:different|several|multiple|three|four|five) (?:shops|stores|pharmacies|chemists)\b"
            r"|\bbefore i do something\b(?! (?:about|nice|fun|with|for|new|else))|\btired of being\b(?= *(?:$|\.|,|alive|here|me\b))"
            r"|\bmade sure (?:the|my) (?:cat|dog|kids|pets?|children|plants) (?:will be|are|is|would be) (?:looked after|taken care of|cared for|fed)\b"
            r"|\bhope (?:the|my) (?:plane|car|train|bus|flight) (?:goes down|crashes|crash)\b"
            r"|\b(?:gave|giving|give) (?:away )?my \w+ to\b.{0,40}\bwill not need (?:it|them)\b|\btonight is it\b",
        ),
        (
            "veiled_more",
            "concern",
            True,
            r"\b(?:no one|nobody|noone|no-one) (?:will|would|is going to|gonna) (?:even )?(?:miss|notice|care about) me\b|\blighter without me\b"
            r"|\bcross(?:ing)? the road\b.{0,30}\bnot looking\b|\b(?:think|thinking) about not looking\b"
            r"|\b(?:tablets|pills|meds)\b.{0,30}\bby my bed\b(?=.{0,20}\b(?:now|ready|waiting)\b)|\b(?:tablets|pills|meds) (?:are|is) ready\b"
            r"|\bsaid sorry (?:to \w+ )?(?:to my \w+ )?for everything\b|\bsorry for everything\b(?=.{0,40}\b(?:does not know why|goodbye|forgive))"
            r"|\bwater closing over my head\b|\b(?:picturing|imagining) (?:myself )?(?:drowning|going under)\b"
            r"|\bcountdown in my head\b|\b(?:will not|am not) (?:be )?coming back\b.{0,30}\bmeant more\b"
            r"|\bcut (?:so )?deep(?:er)? (?:enough|that)\b|\bneeded stitches\b.{0,30}\bhid\b"
            r"|\bwhen the fast (?:ones|trains) (?:pass|come|go through)\b|\bhalfway out of the world\b",
        ),
        (
            "other_language_latin",
            "concern",
            False,
            r"\b(?:quiero morir(?:me)?|me quiero morir|quiero matarme|voy a matarme|je veux mourir|je vais me suicider|envie de mourir|ich will sterben|ich mochte sterben|mich umbringen|voglio morire|quero morrer|no quiero vivir|ich will nicht mehr leben|non voglio piu vivere|quero me matar|je veux en finir|je ne veux plus vivre|no quiero seguir viviendo|quiero desaparecer)\b",
        ),
    ]
]

_THIRD_PERSON = re.compile(
    r"\b(?:he|she|they|him|her|his|their|them|someone|somebody|people|the (?:man|woman|patient|character|author|singer|soldier)"
    r"|my (?:friend|brother|sister|mum|mom|mother|dad|father|son|daughter|partner|wife|husband|cousin|colleague|client|neighbour|neighbor|grandmother|grandfather)\w*)\b"
)
_FIRST_PERSON = re.compile(r"\b(?:i|me|my|myself)\b")
_NEWS = re.compile(
    r"\b(?:rates?|report|reports|study|research|researchers|article|documentary|podcast|film|movie|novel|book|episode|awareness|prevention|statistics|bomber|squad|police say|charity|funding|government|news|admissions|crisis|detective|investigating)\b"
)
_NEGATION = re.compile(
    r"\b(?:not|never|no|nobody|wouldnt|would not|will not|do not|did not|is not|am not)\b"
)
_PAST = re.compile(
    r"\b(?:years ago|when i was (?:young|younger|a (?:kid|child|teenager))|used to|back then|as a (?:teen|teenager|kid))\b"
)


# A wish to die next to a time ("tonight") or a method ("pills") is treated as urgent.
_ESCALATE = frozenset({"kill_self", "want_die"})
_ESCALATOR = re.compile(r"\b" + _SOON + r"\b|" + _SELF_METHOD)


def _clauses(normalised: str) -> list[str]:
    return [c.strip() for c in re.split(r" \. ", f" {normalised} ") if c.strip()]


def _subject_is_other(before: str) -> bool:
    """True when the nearest subject before the phrase is someone other than the writer."""
    last_other = max((m.end() for m in _THIRD_PERSON.finditer(before)), default=-1)
    last_self = max((m.end() for m in _FIRST_PERSON.finditer(before)), default=-1)
    return last_other > last_self


# Scripts without spaces or with marks that normalise() strips are matched on the
# lightly normalised text (NFKC, lower case) without word boundaries.
_OTHER_SCRIPTS = re.compile(
    "أريد أن أموت|اريد ان اموت|أريد الانتحار|我想死|想自杀|想自殺|不想活|死にたい|消えたい|自殺したい"
    "|想死|хочу умереть|покончить с собой|не хочу жить|मैं मरना चाहता|मरना चाहती|आत्महत्या"
)

# Whole-text signs that cross clause boundaries ("My last entry. Goodbye.").
_TEXT_RULES: list[tuple[str, Level, re.Pattern[str]]] = [
    (
        "farewell_thanks",
        "urgent",
        re.compile(
            r"\bgoodbye (?:everyone|everybody|all|world)\b.{0,60}\b(?:thank you for everything|sorry for everything|i love you all|forgive me|take care of each other)\b"
        ),
    ),
    (
        "decided_tonight",
        "urgent",
        re.compile(
            r"\b(?:tonight|today) is the (?:night|day)\b.{0,40}\b(?:made up my mind|decided|ready|no going back)\b"
            r"|\b(?:made up my mind|decided)\b.{0,40}\b(?:tonight|today) is the (?:night|day)\b"
        ),
    ),
    (
        "farewell",
        "urgent",
        re.compile(
            r"\bmy last (?:entry|message|post|words)\b(?! before)(?=.{0,60}\b(?:goodbye|farewell|sorry for everything))"
        ),
    ),
]


# ------------------------------------------------------------------------ safety net
#
# The rules above recognise phrasings; people in pain find endless others. The net is a
# second, broader pass over clauses the rules left at "none": a risk word or phrase
# about death or self-harm, in a clause where the writer speaks about themselves (and
# no one else is the nearest subject, and it is not a report), is a concern. It trades
# some false alarms for recall, which is the right trade here: a false alarm costs a
# gentle offer of support; a miss costs far more. Each entry: (pattern, negation
# counts as signal) — in "I can't keep myself safe" the negation *is* the risk.
_NET: list[tuple[re.Pattern[str], bool]] = [
    (re.compile(pattern), negation_signal)
    for pattern, negation_signal in [
        (r"\bsuicid\w*|\boverdos\w*|\bnoose\b|\bself harm\w*", False),
        (r"\b(?:want|wants|wanted|wish|wishing|hope|hoping|ready|going|deserve|need|long|tempted|thinking about|think about|thought about|plan|planning) (?:to )?(?:just )?(?:die|dying|be dead|death)\b", False),
        (r"\b(?:hate|hating|tired of|sick of|exhausted by|done with) (?:being )?(?:alive|living|existing|life|my life)\b|\bwhy am i (?:still )?(?:alive|here)\b", False),
        (r"\b(?:want|wanted|wish|hope) (?:to )?(?:be )?(?:alive|here|around|living)\b", True),
        (r"\bnever (?:been )?born\b|\bnot (?:be |being )?(?:alive|here|around) (?:anymore|any more|next|for)\b", False),
        (r"\b(?:keep|stay|be|feel) (?:myself )?safe\b(?=.{0,30}(?:longer|tonight|from myself|with myself|alone))|\b(?:keep|stay) myself safe\b", True),
        (r"\b(?:point|reason|purpose) (?:of|in|to|for) (?:living|life|being alive|going on|carrying on|being here|existing|anything)\b", True),
        (r"\b(?:razor|blade|blades|pills|tablets|sleeping tablets|sleeping pills|meds|rope|knife|gun|bridge|roof|ledge|edge|tracks|kerb|curb|train|lorry|motorway)\b.{0,40}\b(?:think|thinking|calling|counting|counted|ready|easy|easier|end|enough|stare|staring|sit|sitting|jump|step)\b", False),
        (r"\b(?:think|thinking|calling|counting|counted|ready|easy|easier|sit|sitting|stare|staring|googling|researching|looking up|looked up)\b.{0,40}\b(?:razor|blade|blades|sleeping tablets|sleeping pills|rope|noose|bridge|roof|ledge|tracks|kerb|curb|lorry|train|motorway|ways out|way out|painless)\b", False),
        (r"\b(?:step|jump|walk|run) (?:off|in front of|into)\b", False),
        (r"\b(?:world|everyone|everybody|people|family|they) (?:would|will) (?:keep (?:going|spinning|turning)|carry on|move on|manage|cope|be fine) without me\b|\bwithout me in it\b", False),
        (r"\b(?:favou?r|relief|easier|better) (?:for (?:everyone|everybody|them|people) )?if i (?:disappeared|vanished|was gone|were gone|died|was not here|were not here|stopped)\b", False),
        (r"\bstop(?:ped)? being a (?:problem|burden|bother|weight) (?:for|to|on) (?:everyone|everybody|them|people|my family)\b", False),
        (r"\b(?:go|goes|fade|fades|turn|turns) (?:black|dark)\b.{0,20}\b(?:stay|forever|for good)\b|\bstay (?:that way|there) forever\b", False),
        (r"\b(?:passwords|will|bank details|pin)\b.{0,30}\bjust in case\b|\bjust in case\b.{0,30}\b(?:passwords|my will|bank details)\b", False),
        (r"\bfighting to (?:stay alive|live|keep going|survive)\b|\btired of fighting\b", False),
        (r"\b(?:hurt|harm|cut|hit|burn|punish|starve|scratch)\w* (?:myself|my (?:arms?|legs?|skin|body|wrists?))\b", False),
        (r"\b(?:disappear|vanish|fade away|cease to exist|stop existing|not exist)\b(?! (?:for|into (?:my|work)|from (?:the|their)|on (?:people|them|everyone)))", False),
        # Broad single signs: words about one's own death, dying or not going on, which
        # are rare in everyday first-person writing once idioms are removed.
        (r"\b(?:staying|stay|being|still|feel|am|was) alive\b(?<!feel alive)(?<!feeling alive)|\balive\b(?= *(?:$|\.|,|anymore|any more))", False),
        (r"\b(?:already|i am|feel|feeling|as good as|better off|be) dead\b|\bwhen i am dead\b|\b(?:my own )?death\b(?! (?:of|metal|penalty|star|toll|rate))", False),
        (r"\b(?:die|dying)\b(?! (?:of|from|for|to|laughing|down|out|hard))", False),
        (r"\bmy (?:own )?funeral\b|\bwho would come to my\b|\bat my funeral\b", False),
        (r"\b(?:stop|stopped) breathing\b|\bwill to live\b|\breasons? to (?:stay|live|keep living)\b", True),
        (r"\b(?:pray|hope|wish|praying|hoping|wishing)\b.{0,20}\b(?:will not|do not|never|not) wake up\b|\b(?:will not|do not want to|never) wake up\b", True),
        (r"\bhow much longer i can (?:hold on|keep going|do this|cope|last)\b|\bcan not hold on\b|\bmaking it to (?:christmas|next year|my birthday|the weekend|tomorrow|next week|next month|the end of)\b", True),
        (r"\blet go of (?:everything|it all|life|myself)\b|\bincluding me\b|\b(?:only|one) thing (?:stopping|keeping) me (?:here|alive|from doing it|is)\b|\bwhy i (?:even )?bother (?:staying|living|being|existing|waking)\b", False),
        (r"\bif i am gone\b|\bwhen i am gone\b|\bonce i am gone\b|\bnot your fault\b.{0,20}\b(?:gone|goodbye|sorry)\b|\b(?:gone|goodbye)\b.{0,40}\bnot your fault\b", False),
        (r"\bsaying goodbye\b(?= to (?:people|everyone|everybody|my|you))(?! to my (?:colleagues|coworkers|co-workers|team|class|classmates|students|old|host))|\bsay(?:ing)? my goodbyes\b", False),
        (r"\b(?:walk|walking|walked|swim|swimming) (?:into|out into) the (?:sea|ocean|river|lake|water|traffic)\b(?! (?:for|with|to swim))", False),
        (r"\bconvince myself to (?:stay|keep going|live|get up)\b|\bharder to (?:stay|keep going|keep living)\b", False),
        (r"\bgo (?:somewhere|away) and never come back\b(?! to)|\bnever come back\b(?= *(?:$|\.|,))", False),
        (r"\b(?:better off|happier|fine) with(?:out)? (?:a different|another|someone else as (?:their|a)) (?:mum|mom|dad|father|mother|parent|partner|wife|husband)\b", False),
        (r"\b(?:train )?tracks\b.{0,30}\b(?:long time|staring|stared|thinking|for ages)\b|\b(?:blade|razor|knife)\b.{0,30}\b(?:skin|wrist|arm|arms|leg|legs|thigh)\b", False),
        (r"\b(?:bottle|packet|box) of (?:pills|tablets|paracetamol)\b.{0,40}\b(?:think|thinking|keep)\b", False),
        (r"\b(?:i am|i feel|feel) (?:so )?(?:dead inside|like a burden|hopeless and|worthless and)\b(?! (?:when|if|asking|to ask|for asking|by asking))|(?<!needs are a )(?<!asking is a )\bburden (?:to|on) (?:everyone|everybody|my family|them|people)\b", False),
    ]
]


def _net(clause: str) -> str | None:
    """The phrase that makes a clause a concern by the net, or None."""
    if not _FIRST_PERSON.search(clause) and _THIRD_PERSON.search(clause):
        return None  # about someone else; a clause with no subject at all still counts
    for pattern, negation_signal in _NET:
        for match in islice(pattern.finditer(clause), _MAX_MATCHES):
            before = clause[max(0, match.start() - _CONTEXT) : match.start()]
            if _subject_is_other(before) and not _FIRST_PERSON.search(match.group(0)):
                continue
            if not negation_signal and _NEGATION.search(" ".join(before.split()[-3:])):
                continue
            return match.group(0).strip()
    return None


def prepare(text: str) -> str:
    """The normalised text with idioms blanked: what the rules and the model read."""
    return _IDIOMS.sub(" ~ ", normalise(text))


def _model_clause(clauses: list[str]) -> str | None:
    """The first clause the crisis model scores at or above its threshold, or None."""
    from .crisis_model import load_model  # numpy-free, loaded once

    model = load_model()
    for clause in clauses:
        if len(clause.split()) < 4 or "~" in clause:
            # Too little to judge, or figurative (an idiom was blanked out): the rules
            # still read such clauses, the model does not guess at them.
            continue
        if not _FIRST_PERSON.search(clause) and _THIRD_PERSON.search(clause):
            continue
        if _PAST.search(clause):
            continue
        if _NEWS.search(clause) and not re.search(r"\bi (?:am|feel|was|have been)\b", clause):
            continue
        if model.probability(clause) >= model.threshold:
            return clause
    return None


def screen(text: str) -> Screening:
    """Screen one text. Never raises on odd input; ``text`` may be any length or script.

    Costs about 7 µs a character (a 100,000-character entry: under a second); the last
    few results are cached, because pages re-screen the text they show.
    """
    if not isinstance(text, str) or not text.strip():
        return Screening(level="none")
    return _screen_cached(text)


@lru_cache(maxsize=64)
def _screen_cached(text: str) -> Screening:
    normalised = prepare(text)
    best: Level = "none"
    matches: list[str] = []
    escalate = False
    for clause in _clauses(normalised):
        news = bool(_NEWS.search(clause)) and not re.search(
            r"\bi (?:am|feel|was|have been)\b", clause
        )
        for _name, level, explicit, pattern in _RULES:
            for match in islice(pattern.finditer(clause), _MAX_MATCHES):
                before = clause[max(0, match.start() - _CONTEXT) : match.start()]
                phrase = match.group(0)
                mine = bool(_FIRST_PERSON.search(phrase)) or explicit
                found = level
                other = _subject_is_other(before) and not _FIRST_PERSON.search(phrase)
                if other or (news and not mine):
                    found = "none"
                elif _NEGATION.search(" ".join(before.split()[-4:])) and not re.search(
                    r"\b(?:do not|not|never) want\b", phrase
                ):
                    # "I'm not going to kill myself, but…" is still worth a gentle offer.
                    found = "concern" if mine or level == "urgent" else "none"
                elif _PAST.search(clause):
                    found = "concern"
                if found != "none":
                    matches.append(phrase.strip())
                    if _RANK[found] > _RANK[best]:
                        best = found
                    if (
                        found == "concern"
                        and _name in _ESCALATE
                        and not re.search(r"\b(?:hope|wish|sleep|wake)", phrase)
                        and _ESCALATOR.search(clause)
                        and not _NEGATION.search(" ".join(before.split()[-4:]))
                    ):
                        escalate = True
    for _name, level, pattern in _TEXT_RULES:
        for match in pattern.finditer(normalised):
            matches.append(match.group(0))
            if _RANK[level] > _RANK[best]:
                best = level
    if best == "none":
        for clause in _clauses(normalised):
            news = bool(_NEWS.search(clause)) and not re.search(
                r"\bi (?:am|feel|was|have been)\b", clause
            )
            caught = None if news else _net(clause)
            if caught:
                best = "concern"
                matches.append(caught)
                break
    if best == "none":
        flagged = _model_clause(_clauses(normalised))
        if flagged:
            best = "concern"
            matches.append(flagged[:80])
    other_script = _OTHER_SCRIPTS.search(unicodedata.normalize("NFKC", text).lower())
    if other_script and best == "none":
        best = "concern"
        matches.append(other_script.group(0))
    if best == "concern" and escalate:
        best = "urgent"
    return Screening(level=best, matches=tuple(dict.fromkeys(matches)))
