"""
Normalisation shared by the splitter and the matcher.

Everything here is a single left-to-right pass over the text (no regular
expressions), so the cost is linear in the text's length whatever it holds.

- `fold` / `fold_char`: Unicode compatibility form, accents dropped, case folded.
- `tokenize`: words with their spans in the original text, possessives and
  conjunction symbols (& + /) marked, HTML entities read as the character they
  stand for (the text itself is never treated as markup).
- `singular`: plural -> singular for the lexicon languages.
- `within_distance` and `DeletionIndex`: bounded typo distance, looked up in
  time independent of the vocabulary's size.
"""
import html
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

APOSTROPHES = "'\u2019\u2018\u02bc`\u00b4"
CONJUNCTION_SYMBOLS = "&+/"
# The longest HTML entity we decode ("&thetasym;" is 10 characters).
_MAX_ENTITY = 12


@lru_cache(maxsize=8192)
def _fold_non_ascii(char):
    # Decompose, drop accents, fold case, and repeat once: case folding can
    # produce characters that decompose again (so folding is idempotent).
    text = char
    for _ in range(2):
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = text.casefold()
    return unicodedata.normalize("NFKD", text)


def fold_char(char):
    """One character as the matcher sees it (may be empty or several)."""
    if char < "\x80":
        return char.lower()
    return _fold_non_ascii(char)


def fold(text):
    """Case-, accent- and compatibility-folded text."""
    return "".join(fold_char(c) for c in text)


def is_word_char(char):
    return char.isalnum()


@dataclass(frozen=True)
class Token:
    """A word (or a conjunction symbol) and where it stands in the text."""

    word: str  # folded, as typed (plural kept)
    start: int
    end: int
    possessive: bool = False  # agent's, agents'
    upper: bool = False  # written in capitals (IT, CSR)
    symbol: bool = False  # & + /


def _decoded_chars(text):
    """Yield (folded text, start, end) per source character or HTML entity."""
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == "&":
            j = i + 1
            limit = min(n, i + _MAX_ENTITY)
            while j < limit and (text[j].isalnum() or text[j] == "#"):
                j += 1
            if j < limit and j > i + 1 and text[j] == ";":
                decoded = html.unescape(text[i:j + 1])
                if decoded != text[i:j + 1]:
                    yield fold(decoded), i, j + 1
                    i = j + 1
                    continue
        yield fold_char(char), i, i + 1
        i += 1


def tokenize(text):
    """Words of `text` with spans into it; symbols & + / as their own tokens."""
    pieces = []  # (folded string, start, end), one per output character
    for folded, start, end in _decoded_chars(text):
        for c in folded:
            pieces.append((c, start, end))
    tokens = []
    word, word_start, word_end, dotted = [], 0, 0, False
    n = len(pieces)

    def flush(possessive=False):
        nonlocal word, dotted
        if word:
            raw = text[word_start:word_end]
            letters = [c for c in raw if c.isalpha()]
            upper = len(letters) >= 2 and all(c.isupper() for c in letters)
            tokens.append(Token("".join(word), word_start, word_end, possessive, upper))
        word, dotted = [], False

    i = 0
    while i < n:
        c, start, end = pieces[i]
        nxt = pieces[i + 1][0] if i + 1 < n else ""
        after = pieces[i + 2][0] if i + 2 < n else ""
        if is_word_char(c):
            if not word:
                word_start = start
            word.append(c)
            word_end = end
        elif c in APOSTROPHES and word:
            if nxt == "s" and not is_word_char(after):
                word_end = pieces[i + 1][2]
                flush(possessive=True)  # agent's
                i += 2
                continue
            if is_word_char(nxt):
                pass  # don't, o'brien: one word without the apostrophe
            else:
                if word[-1] == "s":
                    word_end = end
                    flush(possessive=True)  # agents'
                else:
                    flush()
        elif c == "." and word and (len(word) == 1 or dotted) and nxt.isalpha() and not is_word_char(after):
            dotted = True  # V.P., e.g., C.E.O. read as one word
        else:
            flush()
            if c in CONJUNCTION_SYMBOLS:
                tokens.append(Token("&", start, end, symbol=True))
        i += 1
    flush()
    return tokens


# --- singular forms ---------------------------------------------------------

_EN_IRREGULAR = {
    "people": "person", "men": "man", "women": "woman", "children": "child",
    "folks": "folk", "staffs": "staff", "wives": "wife", "lives": "life",
    "bosses": "boss", "analyses": "analysis", "businesses": "business",
    "classes": "class", "processes": "process", "statuses": "status",
}
_EN_KEEP = frozenset(
    "boss business process class status analysis basis series news always its this "
    "his was has is us yes gas bus plus canvas lens alias thus ops sales claims "
    "ss".split()
)


def singular_en(word):
    if word in _EN_IRREGULAR:
        return _EN_IRREGULAR[word]
    if len(word) <= 3 or word in _EN_KEEP or not word.endswith("s") or not word.isalpha():
        return word
    if word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return word[:-2]
    return word[:-1]


def singular_es(word):
    if len(word) <= 3 or not word.endswith("s") or not word.isalpha():
        return word
    if word.endswith("ces"):
        return word[:-3] + "z"
    if word.endswith("es") and len(word) > 4 and word[-3] in "lrndzj":
        return word[:-2]
    return word[:-1]


_SINGULAR = {"en": singular_en, "es": singular_es}


def singular(word, lang="en"):
    """The singular form of a folded word (the word itself if unknown)."""
    return _SINGULAR.get(lang, singular_en)(word)


# --- typo tolerance ---------------------------------------------------------

def typo_budget(typed_length):
    """Edits allowed for a word of this length: none for short words."""
    if typed_length < 6:
        return 0
    if typed_length < 10:
        return 1
    return 2


def within_distance(a, b, limit):
    """True when a and b differ by at most `limit` edits (adjacent swaps count once)."""
    if abs(len(a) - len(b)) > limit:
        return False
    if a == b:
        return True
    previous2, previous = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return False
        previous2, previous = previous, current
    return previous[-1] <= limit


def deletions(word, depth):
    """The word with up to `depth` characters removed (the word included)."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


class DeletionIndex:
    """Words reachable by a few deletions: finds typo candidates without a scan."""

    MAX_DEPTH = 2

    def __init__(self, words):
        self._by_deletion = {}
        for word in sorted(set(words)):
            if len(word) < 4:
                continue
            for variant in deletions(word, self.MAX_DEPTH):
                self._by_deletion.setdefault(variant, []).append(word)

    def closest(self, word, typed_length):
        """The vocabulary word nearest to `word` within its typo budget, or None.

        The first letter must agree (people rarely mistype it), and ties go to
        the alphabetically first word so the answer is deterministic.
        """
        limit = typo_budget(typed_length)
        if limit == 0 or not word.isalpha():
            return None
        best = None
        for depth in range(1, limit + 1):
            candidates = set()
            for variant in deletions(word, depth):
                candidates.update(self._by_deletion.get(variant, ()))
            matches = sorted(
                c for c in candidates
                if c[0] == word[0] and within_distance(word, c, depth)
            )
            if matches:
                best = matches[0]
                break
        return best
