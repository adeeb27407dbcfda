"""
Normalisation shared by the splitter and the matcher.

Everything here reads the text left to right, once, with regular expressions
made of single character classes (nothing to backtrack), so the cost is linear
in the text's length whatever it holds; where it can, the work per character
is done in C (each distinct character is folded once, the text mapped).

- `fold`: Unicode compatibility form, accents dropped, case folded.
- `tokenize`: words with their spans in the original text, possessives and
  conjunction symbols (& + /) marked, HTML entities read as the character they
  stand for (the text itself is never treated as markup).
- `singular`: plural -> singular for the lexicon languages.
- `within_distance` and `TypoIndex`: bounded typo distance, looked up in
  time independent of the vocabulary's size and of the learner's word.
"""
import html
import re
import unicodedata
from functools import lru_cache, partial
from itertools import chain, filterfalse, repeat
from typing import NamedTuple

APOSTROPHES = "'\u2019\u2018\u02bc`\u00b4"
CONJUNCTION_SYMBOLS = "&+/"
# The longest HTML entity we decode ("&thetasym;" is 10 characters).
_MAX_ENTITY = 12
# What a token's reading may look past its end: a glue character written as an entity, then a run.
_CUT_MARGIN = 2 * _MAX_ENTITY


# The most characters one character folds to: U+FDFA, one Arabic ligature, decomposes
# into a phrase of 18, which would let 50,000 characters become 900,000. A character
# whose fold is longer stays as written (none a learner types for a customer).
MAX_FOLDED = 4


def _fold_characters(chars):
    """Each of the distinct `chars` as the matcher sees it, all folded in one pass.

    Decompose, drop accents, fold case, and repeat once: case folding can
    produce characters that decompose again (so folding is idempotent). The
    characters are folded joined by NUL, a starter that decomposes, folds and
    reorders with nothing, so each one folds as it would alone.
    """
    chars = list(set(chars) - {"\0"})  # NUL separates them below (and folds to itself)
    if not chars:
        return {"\0": "\0"}
    text = "\0".join(chars)
    for _ in range(2):
        text = unicodedata.normalize("NFKD", text)
        text = "".join(filterfalse(unicodedata.combining, text))
        text = text.casefold()
    folds = dict(zip(chars, unicodedata.normalize("NFKD", text).split("\0"), strict=True))
    folds.update((char, char) for char, folded in folds.items() if len(folded) > MAX_FOLDED)
    return folds | {"\0": "\0"}


def fold(text):
    """Case-, accent- and compatibility-folded text."""
    return "".join(map(_fold_characters(text).__getitem__, text))


class Token(NamedTuple):
    """A word (or a conjunction symbol) and where it stands in the text."""

    word: str  # folded, as typed (plural kept)
    start: int
    end: int
    possessive: bool = False  # agent's, agents'
    upper: bool = False  # written in capitals (IT, CSR)
    symbol: bool = False  # & + /


# An '&' that may start an entity (a name of 1-10 letters, digits or '#', then ';': _MAX_ENTITY).
_ENTITY_START = re.compile(r"&(?=[\w#]{1,10};)")


def _entities(text):
    """(start, end, the character it stands for) of each HTML entity in `text`, in order."""
    found = []
    for match in _ENTITY_START.finditer(text):
        i = match.start()
        k, limit = i + 1, min(len(text), i + _MAX_ENTITY)
        while k < limit and (text[k].isalnum() or text[k] == "#"):
            k += 1
        if k < limit and k > i + 1 and text[k] == ";":
            decoded = html.unescape(text[i:k + 1])
            if decoded != text[i:k + 1]:
                found.append((i, k + 1, decoded))
    return found


def _folded_with_positions(text):
    """The folded text and, per folded character, its (start, end) in `text` (None: one for one).

    HTML entities are read as the character they stand for; the source text is
    never changed, so spans still point at what the learner wrote.
    """
    if text.isascii() and "&" not in text:
        return text.lower(), None  # one folded character per source character
    # Each distinct character is folded once, and the text mapped with map, not a
    # loop: an answer may hold 50,000 accented letters.
    folds = _fold_characters(text)
    entities = _entities(text) if "&" in text else []
    if not entities and all(len(folded) == 1 for folded in folds.values()):
        return "".join(map(folds.__getitem__, text)), None
    pieces, starts, ends, i = [], [], [], 0
    for start, end, decoded in [*entities, (len(text), len(text), "")]:
        stretch = list(map(folds.__getitem__, text[i:start]))
        sizes = list(map(len, stretch))  # a character may fold to none or several
        pieces += stretch
        starts += chain.from_iterable(map(repeat, range(i, start), sizes))
        ends += chain.from_iterable(map(repeat, range(i + 1, start + 1), sizes))
        folded = fold(decoded)
        pieces.append(folded)
        starts += [start] * len(folded)
        ends += [end] * len(folded)
        i = end
    return "".join(pieces), (starts, ends)


# Character classes (two disjoint ones for tokens), no nesting: linear, cannot backtrack.
_TOKEN_RUN = re.compile(r"[^\W_]+|[&+/]")
_JOINERS_AFTER_WORD = frozenset(APOSTROPHES + ".")
# An apostrophe or a dot may glue a word to the next: without one, every run is a token.
_GLUE = re.compile("[" + re.escape(APOSTROPHES + ".") + "]")
# Token((...)) without the Python-level __new__ a NamedTuple has: tokenising is per character of every answer.
_token = partial(tuple.__new__, Token)


_CACHED_TEXT = 200  # characters: a typical entry; longer texts are tokenised afresh (bounded memory)


def tokenize(text):
    """Words of `text` with spans into it (a tuple of Token); symbols & + / as their own tokens."""
    return _recent_tokens(text) if len(text) <= _CACHED_TEXT else _tokenize(text)


def count_words(text):
    """About how many tokens `text` holds (entities count as written), counted in C: what reading it costs."""
    return len(_TOKEN_RUN.findall(fold(text)))


def leading_tokens(text, max_chars):
    """The tokens of `text`'s first `max_chars` characters that the cut cannot have changed.

    A token is read up to one glue character (or an entity standing for one)
    and the run after it, so one that ends within _CUT_MARGIN characters of
    the cut may have been cut, glued or decoded otherwise: it is left out.
    """
    if len(text) <= max_chars:
        return tokenize(text)
    tokens, safe_end = tokenize(text[:max_chars]), max_chars - _CUT_MARGIN
    kept = len(tokens)
    while kept and tokens[kept - 1].end > safe_end:
        kept -= 1
    return tokens[:kept]


def forget_texts():
    """Empty the caches of tokenised texts and singular words (to measure a text never seen)."""
    _recent_tokens.cache_clear()
    _recent_singular.cache_clear()


# The splitter and the matcher both read each entry's words: tokenised once.
@lru_cache(maxsize=4096)
def _recent_tokens(text):
    return _tokenize(text)


def _tokenize(text):
    folded, positions = _folded_with_positions(text)
    if not _GLUE.search(folded):
        # The common case: words, spaces and symbols, nothing to join.
        capitals = positions is not None or folded != text
        tokens = []
        for match in _TOKEN_RUN.finditer(folded):
            start, end = match.span()
            word = match.group()
            if positions is not None:  # spans into the text as written
                start, end = positions[0][start], positions[1][end - 1]
            if word in CONJUNCTION_SYMBOLS:
                tokens.append(_token(("&", start, end, False, False, True)))
            else:
                tokens.append(_token((word, start, end, False,
                                      capitals and len(word) > 1 and text[start:end].isupper(), False)))
        return tuple(tokens)
    # Words and symbols in one pass, in order; a word glued to the next by an
    # apostrophe or a dot takes it in ("don't", "agent's", "V.P.").
    runs = [(m.start(), m.end()) for m in _TOKEN_RUN.finditer(folded)]
    tokens, k, n = [], 0, len(runs)
    while k < n:
        begin, end = runs[k]
        k += 1
        if folded[begin] in CONJUNCTION_SYMBOLS:
            s, e = (begin, end) if positions is None else (positions[0][begin], positions[1][begin])
            tokens.append(_token(("&", s, e, False, False, True)))
            continue
        possessive = False
        if folded[end:end + 1] not in _JOINERS_AFTER_WORD:
            word = folded[begin:end]  # the common case: a space or a symbol follows
        else:
            parts, dotted = [folded[begin:end]], False  # joined once at the end: linear
            while True:
                gap = folded[end:end + 1]
                nxt = runs[k] if k < n else None
                adjacent = nxt is not None and nxt[0] == end + 1 and folded[nxt[0]] not in CONJUNCTION_SYMBOLS
                if gap and gap in APOSTROPHES:
                    if adjacent and folded[nxt[0]:nxt[1]] == "s":
                        possessive, end, k = True, nxt[1], k + 1  # agent's
                    elif adjacent:
                        parts.append(folded[nxt[0]:nxt[1]])  # don't, o'brien: one word
                        end, k = nxt[1], k + 1
                        continue
                    elif parts[-1].endswith("s"):
                        possessive, end = True, end + 1  # agents'
                elif (gap == "." and adjacent and (dotted or end - begin == 1)
                        and nxt[1] - nxt[0] == 1 and folded[nxt[0]].isalpha()):
                    parts.append(folded[nxt[0]])  # V.P., e.g., C.E.O. read as one word
                    dotted, end, k = True, nxt[1], k + 1
                    continue
                break
            word = "".join(parts)
        s, e = (begin, end) if positions is None else (positions[0][begin], positions[1][end - 1])
        tokens.append(_token((word, s, e, possessive, len(word) >= 2 and text[s:e].isupper(), False)))
    return tuple(tokens)


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
    # "-es" is a plural ending after a vowel + l r n d ("titulares", "unidades"),
    # but part of the word after a consonant ("responsables", "padres").
    if word.endswith("es") and len(word) > 4 and word[-3] in "lrnd" and word[-4] in "aeiou":
        return word[:-2]
    return word[:-1]


_SINGULAR = {"en": singular_en, "es": singular_es}


def written_forms(word):
    """The words whose singular may be `word` in either language: itself, its plurals, irregular plurals.

    A superset (callers keep those whose singular is a word they want): the
    inverse of each rule of singular_en and singular_es.
    """
    forms = {word, word + "s", word + "es", word[:-1] + "ies", word[:-1] + "ces"}
    forms.update(plural for plural, single in _EN_IRREGULAR.items() if single == word)
    return forms


def singular(word, lang="en"):
    """The singular form of a folded word (the word itself if unknown)."""
    if len(word) <= _CACHED_WORD:
        return _recent_singular(word, lang)
    return _SINGULAR.get(lang, singular_en)(word)


_CACHED_WORD = 64  # letters: the caches outlive the answer, so they keep no longer word


# A list repeats its words ("agents", "the", "staff"): each is made singular once.
@lru_cache(maxsize=8192)
def _recent_singular(word, lang):
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
    """True when a and b differ by at most `limit` edits (adjacent swaps count once).

    At the first difference, one edit must substitute, delete, insert or swap
    there: each way is tried on the rest of both words with one edit fewer,
    and with none left the rests must be equal, a comparison done in C. At
    most 4**limit rests are compared (typo budgets are at most 2: 16).
    """
    return _within(a, b, limit)


def _within(a, b, limit):  # the recursion: a caller (or a test counting checks) sees one call a pair
    if a == b:
        return True
    if limit <= 0 or abs(len(a) - len(b)) > limit:
        return False
    i = 0  # where they first differ
    for x, y in zip(a, b, strict=False):  # the shorter word may end first
        if x != y:
            break
        i += 1
    else:
        return True  # one is the other and at most `limit` more letters
    spare = limit - 1
    return (_within(a[i + 1:], b[i + 1:], spare)  # substituted
            or _within(a[i + 1:], b[i:], spare)  # deleted
            or _within(a[i:], b[i + 1:], spare)  # inserted
            or a[i + 1:i + 2] == b[i] and a[i] == b[i + 1:i + 2] and _within(a[i + 2:], b[i + 2:], spare))  # swapped


def _letter_mask(word):
    """A bit per letter (modulo 64): an edit changes at most two bits of it."""
    mask = 0
    for char in word:
        mask |= 1 << (ord(char) & 63)
    return mask


def _pairs(word):
    """The kinds of adjacent letter pairs: an edit spoils at most three pairs of each word."""
    return frozenset(word[i:i + 2] for i in range(len(word) - 1))


def _typo_candidate(word):
    """A vocabulary word with what the cheap checks compare: its letters, its letter pairs and their count."""
    pairs = _pairs(word)
    return word, _letter_mask(word), pairs, len(pairs)


# Typo tolerance is for words of ordinary length. A longer vocabulary word
# (an author's 200-letter "synonym") matches only as written, and a longer
# learner word is never corrected. The longest built-in word is 29 letters
# ("customerservicerepresentative", a joined phrase).
MAX_TYPO_WORD = 32
# Vocabulary words kept per first letter and length: bounds how many words one
# learner word is compared with, however many synonyms an author writes (the
# built-in lexicons have at most 22 in one place).
MAX_TYPO_BUCKET = 32
# Distances checked for one learner word, nearest lengths and the
# lexicon's own words first. Ordinary vocabularies never reach it (at most 14
# words pass the cheap checks, over ten taxonomies and 4,600 answers); an
# author's hundreds of near-identical synonyms would otherwise cost 160.
MAX_TYPO_CHECKS = 24
MIN_TYPO_WORD = 5


class TypoIndex:
    """Vocabulary words by first letter and length: a typo's candidates, without a scan.

    The cost of a look-up depends neither on the learner's word (its length is
    capped) nor on the vocabulary's size (each bucket is capped): at most
    5 buckets of MAX_TYPO_BUCKET words, each checked on its letters and its
    letter pairs, then at most MAX_TYPO_CHECKS distance checks of at most
    16 comparisons each.
    """

    def __init__(self, words):
        """`words` in order of priority: when a bucket is full, later words match only as written."""
        buckets = {}
        for word in dict.fromkeys(words):
            if MIN_TYPO_WORD <= len(word) <= MAX_TYPO_WORD and word.isalpha():
                bucket = buckets.setdefault((word[0], len(word)), [])
                if len(bucket) < MAX_TYPO_BUCKET:
                    bucket.append(word)
        self._buckets = {key: tuple(map(_typo_candidate, bucket)) for key, bucket in buckets.items()}

    @staticmethod
    def corrects(word, typed_length):
        """True when `word` (typed in `typed_length` letters) may be read as a typo."""
        limit = typo_budget(typed_length)
        return limit > 0 and len(word) <= MAX_TYPO_WORD + limit and word.isalpha()

    def closest(self, word, typed_length):
        """The vocabulary word nearest to `word` within its typo budget, or None.

        The first letter must agree (people rarely mistype it), and ties go to
        the alphabetically first word so the answer is deterministic.
        """
        if not self.corrects(word, typed_length):
            return None
        limit = typo_budget(typed_length)
        mask, pairs, first, length = _letter_mask(word), _pairs(word), word[0], len(word)
        # Cheap checks first: an edit changes the length by at most one, at most two letters
        # of the mask, and spoils at most three letter pairs; the distance last.
        candidates = []  # (word, the fewest edits the cheap checks allow)
        for size in sorted(range(length - limit, length + limit + 1), key=lambda size: abs(size - length)):
            for candidate, letters, its_pairs, its_pair_count in self._buckets.get((first, size), ()):
                changed = (mask ^ letters).bit_count()
                if changed > 2 * limit:
                    continue
                lost = max(len(pairs), its_pair_count) - len(pairs & its_pairs)
                if lost <= 3 * limit:
                    candidates.append((candidate, max(abs(size - length), (changed + 1) // 2, (lost + 2) // 3)))
        del candidates[MAX_TYPO_CHECKS:]
        for depth in range(1, limit + 1):
            # Alphabetical: the first within reach is the answer.
            for candidate in sorted(candidate for candidate, fewest in candidates if fewest <= depth):
                if within_distance(word, candidate, depth):
                    return candidate
        return None
