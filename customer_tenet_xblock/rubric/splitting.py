"""
Split a learner's free text into entries.

Learners write lists in every shape: one per line, bullets, numbers (also
inline: "1) clients 2) brokers"), commas and semicolons, or a sentence ("Our
customers are the policyholders, the agents who sell for us, and everyone in
accounting."). An "and" splits two customers ("my boss and my coworkers") but
not one department ("printing and mailing"), and "agents and their staff"
stays one entry whose two customers the matcher finds.

Every entry is a slice of the text (never rewritten, so HTML and emoji stay
text), entries are in order, and an entry that repeats an earlier one once
normalised is dropped. One pass over the text: linear time (its one
pattern is a character class and a fixed lookahead, nothing to backtrack).
"""
import re

from .lexicon import HEAD_ROLES, all_lexicons
from .normalizing import leading_tokens, singular, tokenize, written_forms

# The splitter reads the words of a piece (the text between two separators) in
# its first 4,096 characters: enough for a sentence of many customers joined by
# "and", and one piece of 50,000 symbols ("2/2/2/...") costs no more than that.
# The matcher then reads each entry's first words (matching.MAX_ENTRY_TOKENS).
MAX_PIECE_CHARS = 4_096
# The splitter reads an answer up to its 4,096th mark (line break, separator,
# sentence end, bracket or list marker; 500 entries on lines of "agents, brokers
# and staff." have 2,000): a Python step each, so 50,000 commas or "a\n"
# repeated cost no more than 4,096.
MAX_MARKS = 4_096
# List markers stripped at the start of a line; "1. 1. 1. ..." past them is read as text.
MAX_LEADING_MARKERS = 4

LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
SEPARATORS = frozenset(",;\t|\uff0c\uff1b\u3001")
SENTENCE_ENDS = frozenset(".?!\u3002\uff01\uff1f\u2026")
BULLETS = frozenset(
    "-*\u2022\u25e6\u00b7\u2023\u25aa\u25cf\u25cb\u25a0\u25a1\u25ba\u27a2\u2713\u2714\u2192>+=#~"
    "\u2013\u2014\u2043\u2219\u25b8\u25b9\u25c6\u25c7\u2605\u2606"
)
# Bullets that also separate entries in the middle of a line.
INLINE_BULLETS = BULLETS - frozenset("-*>+=#~\u2013\u2014")
EDGE_PUNCTUATION = (
    frozenset(" .,;:!?\u00bf\u00a1\"'`\u201c\u201d\u2018\u2019\u00ab\u00bb[]{}") | BULLETS | SEPARATORS
) - frozenset("<>+=#~")
ROMAN = frozenset("i ii iii iv v vi vii viii ix x xi xii".split())
# Words that end with a dot without ending a sentence ("dept. heads").
ABBREVIATIONS = frozenset(
    "dept depts mgmt mgr mgrs asst exec execs rep reps dir div co inc ltd corp etc "
    "e.g eg i.e ie vs mr mrs ms dr st jr sr no approx misc govt assoc pres admin "
    "acct sp "
    # Spanish: "dpto. de cobros", "RR. HH.", "Sra. García"
    "dpto dptos depto deptos rr hh sra srta gte cia aseg coord resp adm".split()
)
HEADER_WORDS = frozenset(
    "my our the your customer customers client clients internal external list answer "
    "who are is were include includes including main primary key groups group "
    "people i we serve me us of are: here these those follows "
    "mis nuestros nuestras tus los las cliente clientes interno internos externo externos "
    "internas externas lista respuesta quienes quien son es principales".split()
)
_DETERMINERS = frozenset("our my the your his her their all nuestros nuestras mis tus los las".split())
_QUALIFIERS = frozenset(
    "internal external main primary key biggest most important other real true "
    "internos externos principales".split()
)
_CUSTOMER_WORDS = frozenset("customer client cliente".split())
_INTRO_VERBS = frozenset(
    "are is include includes including would will could might be consist of as follow "
    "follows would be mainly mostly son serian seria incluyen incluye".split()
)
_HEADING_WORDS = frozenset(
    "who internal external list answer follows quienes internos externos internas externas "
    "lista respuesta".split()
)
_SPEAKERS = frozenset("i we".split())
_SPEAKER_VERBS = frozenset("serve have help support would say think consider".split())
_ANAPHORS = frozenset("their his her its su sus".split())
_CONJUNCTIONS = frozenset("and & or plus y e o u".split())
_FILLERS = frozenset("a an the el la los las".split())
# Spanish words that come before the noun they qualify ("otros empleados"), and
# first words of Spanish phrases that name no person on their own ("red de agentes").
_ES_NOT_HEADS = frozenset(
    "otro otra alto alta nuevo nueva mismo misma todo toda gran dema resto posible futuro "
    "red banca canal sucursal mano base empresa compania oficina".split()
)


def _person_words():
    """Head words naming people, in every lexicon: "X and Y" splits when both have one."""
    words = set()
    for lexicon in all_lexicons():
        lang = lexicon.name or "en"
        for concept in lexicon.concepts:
            if concept.person and concept.role in HEAD_ROLES:
                for phrase in concept.phrases:
                    tokens = [singular(t.word, lang) for t in tokenize(phrase)]
                    if lang == "es":
                        # Spanish puts the head first: "agente de seguros", "mi jefe".
                        heads = [w for w in tokens if w not in lexicon.fillers
                                 and w not in lexicon.boundaries and w not in _ES_NOT_HEADS]
                        words.update(heads[:1])
                        continue
                    # The head of "agent of record" is "agent"; of "sales agent", "agent".
                    cut = next((k for k, w in enumerate(tokens) if w in lexicon.boundaries), len(tokens))
                    if cut:
                        words.add(tokens[cut - 1])
        # Not "del" / "al": Spanish contractions, read as "de el" / "a el".
        words.update(short for short, _ in lexicon.abbreviations if short not in lexicon.boundaries)
    return frozenset(words - _FILLERS)


def _person_forms():
    """Every word a learner may write for a person word (plurals too): one set look-up per word."""
    people = _person_words()
    return frozenset(form for word in people for form in written_forms(word)
                     if singular(form) in people or singular(form, "es") in people)


_PERSON_FORMS = None


def person_forms():
    global _PERSON_FORMS
    if _PERSON_FORMS is None:
        _PERSON_FORMS = _person_forms()
    return _PERSON_FORMS


# --- characters -> raw pieces -----------------------------------------------

def _marker_end(text, i, end):
    """End of a list marker at text[i] ("1.", "2)", "(a)", "b.", "iv)"), or None."""
    j = i
    opened = text[j] == "("
    if opened:
        j += 1
    k = j
    while k < end and k - j < 4 and text[k].isalnum():
        k += 1
    label = text[j:k]
    if not label or k >= end:
        return None
    if not (label.isdigit() or len(label) == 1 and label.isalpha() or label.lower() in ROMAN):
        return None
    closer = text[k]
    if opened and closer != ")":
        return None
    if not opened and closer not in ".):":
        return None
    k += 1
    if k < end and not text[k].isspace():
        return None  # "1.5 million", "a.m."
    return k


def _strip_markers(text, i, end):
    """Skip leading whitespace, bullets and numbering of a line (nested numbering: "1. a) ii.")."""
    i = _SPACES_AND_BULLETS.match(text, i, end).end()
    for _ in range(MAX_LEADING_MARKERS):
        marker = _marker_end(text, i, end) if i < end else None
        if marker is None:
            break
        i = _SPACES_AND_BULLETS.match(text, marker, end).end()
    return i


def _inline_marker(text, i, end):
    """A marker inside a line: "1) clients 2) brokers", "(b) agents"."""
    if i == 0 or not text[i - 1].isspace():
        return None
    char = text[i]
    if char == "(" or char.isdecimal():  # what the pattern above calls a digit (\d)
        marker = _marker_end(text, i, end)
        if marker is not None and (char == "(" or text[marker - 1] in ")."):
            return marker
    elif char.isalpha() and i + 1 < end and text[i + 1] == ")":
        return _marker_end(text, i, end)
    return None


def _word_before(text, start, i):
    j = i
    while j > start and i - j < 12 and (text[j - 1].isalnum() or text[j - 1] == "."):
        j -= 1
    return text[j:i].lower()


def _entity_end(text, start, i):
    """True when the ';' at i closes an HTML entity such as &amp; (text, not a separator)."""
    j = i - 1
    while j > start and i - j <= 10 and (text[j].isalnum() or text[j] == "#"):
        j -= 1
    return j < i - 1 and text[j] == "&"


def _special_characters():
    chars = "".join(sorted(LINE_BREAKS | SEPARATORS | SENTENCE_ENDS | INLINE_BULLETS))
    # A single character class: linear, nothing to backtrack.
    line_breaks = re.escape("".join(sorted(LINE_BREAKS)))
    # A space matters only before what may be an inline marker ("(a)", "12)",
    # "3.", "b)"; _inline_marker decides): any other is skipped without a Python step.
    special = "[" + re.escape(chars) + r"()]|\s(?=\(|\d{1,4}[.)]|[^\W\d_]\))"
    # Whitespace after a line break is the next line's indent or blank lines: skipped with it.
    return re.compile(special), re.compile("[" + line_breaks + r"]\s*")


_SPECIAL, _LINE_BREAK = _special_characters()
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")  # what str.isalnum() accepts, found in C
_SPACES_AND_BULLETS = re.compile(r"[\s" + re.escape("".join(sorted(BULLETS))) + "]*")


def _lines(text):
    start = 0
    for match in _LINE_BREAK.finditer(text):  # a line break and the blank lines after it
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _cuts_sentence(text, piece_start, i, line_end):
    char = text[i]
    nxt = text[i + 1] if i + 1 < line_end else " "
    if not (nxt.isspace() or nxt in SENTENCE_ENDS or char != "."):
        return False  # "1.5", "www.example"
    if char != ".":
        return True
    word = _word_before(text, piece_start, i)
    return not (word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or "." in word)


def _pieces(text):
    """(start, end) spans between separators, markers and line breaks, within the first MAX_MARKS marks."""
    marks = 0
    for line_start, line_end in _lines(text):
        piece_start = skip_until = _strip_markers(text, line_start, line_end)
        last_close = text.rfind(")", piece_start, line_end)
        depth = 0  # inside brackets that close on this line: "departments (billing, claims)"
        for match in _SPECIAL.finditer(text, piece_start, line_end):
            i = match.start()
            marks += 1
            if marks > MAX_MARKS:
                yield piece_start, i
                return
            if i < skip_until:
                continue
            char, cut_to = text[i], None
            if char == "(":
                depth += i < last_close
                continue
            if char == ")":
                depth = max(0, depth - 1)
                continue
            if char in SEPARATORS:
                if depth or char == ";" and _entity_end(text, piece_start, i):
                    continue  # &amp;
                if char == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
                    continue  # 1,000
                cut_to = i + 1
            elif char.isspace():
                marker = _inline_marker(text, i + 1, line_end) if i + 1 < line_end else None
                if marker is not None:
                    yield piece_start, i
                    piece_start = skip_until = marker
                continue
            elif char in SENTENCE_ENDS:
                if not depth and _cuts_sentence(text, piece_start, i, line_end):
                    cut_to = i + 1
            elif char in INLINE_BULLETS:
                cut_to = i + 1
            if cut_to is not None:
                yield piece_start, i
                piece_start = skip_until = cut_to
        yield piece_start, line_end
        marks += 1
        if marks > MAX_MARKS:
            return


# --- pieces -> entries ------------------------------------------------------

def _trim(text, start, end):
    """Drop edge punctuation and unbalanced brackets."""
    opens, closes = text.count("(", start, end), text.count(")", start, end)
    while True:
        while start < end and (text[start].isspace() or text[start] in EDGE_PUNCTUATION):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in EDGE_PUNCTUATION):
            end -= 1
        if start < end and text[start] == "(" and not closes:
            start, opens = start + 1, opens - 1
            continue
        if start < end and text[end - 1] == ")" and not opens:
            end, closes = end - 1, closes - 1
            continue
        return start, end


def _words(text, start, end):
    """(word, start, end) of each token of text[start:end] read by the splitter, spans into `text`."""
    return [(t.word, start + t.start, start + t.end) for t in leading_tokens(text[start:end], MAX_PIECE_CHARS)]


def _drop_header(text, start, end):
    """'My customers: agents' -> 'agents'; 'Internal:' -> nothing."""
    colon = text.find(":", start, end)
    if colon < 0 or colon - start > MAX_PIECE_CHARS:
        return start
    words = [w for w, _, _ in _words(text, start, colon)]
    if words and all(w in HEADER_WORDS for w in words):
        return colon + 1
    return start


def _drop_intro(words):
    """Index of the first word after "our customers are", "I serve"...; 0 if none."""
    k = 0
    while k < len(words) and words[k] in _DETERMINERS:
        k += 1
    while k < len(words) and words[k] in _QUALIFIERS:
        k += 1
    if k < len(words) and singular(words[k]) in _CUSTOMER_WORDS:
        verbs = k + 1
        while verbs < len(words) and words[verbs] in _QUALIFIERS:
            verbs += 1  # Spanish puts them after: "mis clientes internos son"
        first_verb = verbs
        while verbs < len(words) and words[verbs] in _INTRO_VERBS:
            verbs += 1
        if verbs > first_verb and verbs < len(words):
            return verbs
        return 0
    if words and words[0] in _SPEAKERS:
        verbs = 1
        while verbs < len(words) and words[verbs] in _SPEAKER_VERBS:
            verbs += 1
        if verbs > 1 and verbs < len(words):
            return verbs
    return 0


def _split_conjunctions(words, start, end):
    """Split "my boss and my coworkers", keep "printing and mailing" and "agents and their staff".

    Yields (start, end, first word, last word + 1) for each part.
    """
    people = person_forms()
    plain = [word for word, _, _ in words]
    if _CONJUNCTIONS.isdisjoint(plain) or people.isdisjoint(plain):
        yield start, end, 0, len(words)  # most entries: nothing to split, and no word-by-word look
        return
    piece_start, first, left_names_person = start, 0, False
    for k, (word, w_start, w_end) in enumerate(words):
        if word in _CONJUNCTIONS and k > first and k + 1 < len(words):
            right_names_person, j = False, k + 1
            while j < len(words) and plain[j] not in _CONJUNCTIONS and not right_names_person:
                right_names_person = plain[j] in people
                j += 1
            if left_names_person and right_names_person and plain[k + 1] not in _ANAPHORS:
                yield piece_start, w_start, first, k
                piece_start, first, left_names_person = w_end, k + 1, False
                continue
        left_names_person = left_names_person or word in people
    yield piece_start, end, first, len(words)


def _key(words):
    return " ".join([word for word in map(singular, [word for word, _, _ in words]) if word not in _FILLERS])


def entry_key(text):
    """Entries equal under this key are the same entry."""
    return _key(_words(text, 0, len(text)))


def _entry_spans(text):
    """(start, end, words) of each piece, trimmed, without headers and intros."""
    for piece_start, piece_end in _pieces(text):
        start = _drop_header(text, piece_start, piece_end)
        start, end = _trim(text, start, piece_end)
        if start >= end:
            continue
        words = _words(text, start, end)
        plain = [w for w, _, _ in words]
        if plain and all(w in HEADER_WORDS for w in plain) and any(w in _HEADING_WORDS for w in plain):
            continue  # "Who are my customers?", "External customers"
        intro = _drop_intro(plain)
        if intro:
            start, words = words[intro][1], words[intro:]
        yield start, end, words


def split_entries(text, limit=None):
    """The entries of a learner's answer, in order, stripped and without repeats.

    With a `limit`, splitting stops as soon as there are more entries than
    that (the caller refuses the answer): a list of thousands of entries costs
    no more than one of `limit` + 1.
    """
    if not isinstance(text, str):
        return []
    entries, seen, seen_spans = [], set(), set()
    for span_start, span_end, words in _spans(text):
        span = text[span_start:span_end]
        if span in seen_spans:
            continue  # written before: its entries are kept or dropped already ("a, a, a, ...")
        seen_spans.add(span)
        for start, end, first, last in _split_conjunctions(words, span_start, span_end):
            start, end = _trim(text, start, end)
            piece = text[start:end]
            if not _LETTER_OR_DIGIT.search(piece):
                continue
            key = _key(words[first:last])
            if key in seen:
                continue
            seen.add(key)
            entries.append(piece)
        if limit is not None and len(entries) > limit:
            return entries[:limit + 1]
    return entries


def _spans(text):
    """(start, end, words) of each entry before conjunctions are split."""
    last = None
    for start, end, words in _entry_spans(text):
        # ", and their staff": belongs to the customer before it.
        if last is not None and len(words) > 1 and words[0][0] in _CONJUNCTIONS and words[1][0] in _ANAPHORS:
            last[2].extend(words)  # in place: linear however many follow
            last = (last[0], end, last[2])
            continue
        if len(words) > 1 and words[0][0] in _CONJUNCTIONS:
            start, words = words[1][1], words[1:]
        if last is not None:
            yield last
        last = (start, end, words)
    if last is not None:
        yield last
