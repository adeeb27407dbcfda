"""
Properties of the matching engine on any text: it never raises, is
deterministic, normalises idempotently, never invents text, and does work
linear in the answer's length (counted in executed lines, not timed).
"""
import html

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from customer_tenet_xblock.exercise.presets import PRESETS, default_taxonomy
from customer_tenet_xblock.rubric import splitting
from customer_tenet_xblock.rubric.matching import place_entries, place_entry
from customer_tenet_xblock.rubric.normalizing import (
    MAX_FOLDED,
    _fold_characters,
    _folded_with_positions,
    fold,
    singular,
    tokenize,
)
from customer_tenet_xblock.rubric.splitting import split_entries
from helpers import executed_lines

# Text that looks like answers: list syntax, lexicon words, markup, odd Unicode.
PIECES = st.sampled_from([
    "agents", "agent's", " and ", " & ", "their", "staff", "policy", "holders", "co-workers", "HR", "IT",
    "customer service", "department", "heads", "who", "at the agency", "1) ", "(a) ", "- ", "• ", "\n", ", ",
    "; ", ". ", "?", "&amp;", "&#x27;", "<b>", "</b>", "é", "İ", "ß", "ﬁ", "\u0301", "\ud800", "\u2028",
    "🙂", "\t", "(", ")", "'", "’", "s", ".", ":", "my", "team", "agnets", "e.g.", "V.P.",
])
ANSWERS = st.one_of(st.text(), st.lists(PIECES, max_size=40).map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANSWERS)
def test_never_raises_and_is_deterministic(text):
    for _, taxonomy in PRESETS.values():
        entries = split_entries(text)
        first = [p.matches for p in place_entries(entries, taxonomy)]
        assert split_entries(text) == entries
        assert [p.matches for p in place_entries(entries, taxonomy)] == first
        assert place_entry(text, taxonomy) == place_entry(text, taxonomy)


@settings(max_examples=300, deadline=None)
@given(ANSWERS)
def test_entries_are_distinct_stripped_slices_no_longer_than_the_text(text):
    entries = split_entries(text)
    assert sum(len(e) for e in entries) <= len(text)
    position = 0
    for entry in entries:
        assert entry and entry == entry.strip()
        position = text.index(entry, position) + len(entry)  # in order, never rewritten
    keys = [splitting.entry_key(e) for e in entries]
    assert len(keys) == len(set(keys))


@settings(max_examples=300, deadline=None)
@given(ANSWERS)
def test_normalisation_is_idempotent(text):
    folded = fold(text)
    assert fold(folded) == folded
    for token in tokenize(text):
        once = singular(token.word)
        assert singular(once) == once or len(once) < len(token.word)
        assert 0 <= token.start < token.end <= len(text)
    assert [t.word for t in tokenize(folded)] == [t.word for t in tokenize(text)] or "&" in text


@settings(max_examples=100, deadline=None)
@given(ANSWERS)
def test_evidence_words_are_the_learners_own(text):
    for match in place_entry(text, default_taxonomy()):
        assert match.words and match.words in text
        assert match.group_id in default_taxonomy().group_ids


def grade(text):
    place_entries(split_entries(text), default_taxonomy())


def test_work_grows_linearly_with_the_answer():
    # Typical answers, and shapes that would expose quadratic work: one huge
    # line, endless conjunctions and brackets, one giant entry.
    shapes = [
        lambda i: f"- the agent's office assistants {i}\n",
        lambda i: f"policyholders and agents and {i} ",
        lambda i: "printing and mailing and ",
        lambda i: "(((( agents ",
        lambda i: "the people who work for our agents at the agency in town ",
        lambda i: "a.b.c. &amp; ;;; ",
        lambda i: "agnets polcyholders managment ",
    ]
    place_entry("warm up the compiled taxonomy", default_taxonomy())
    for shape in shapes:
        small = "".join(shape(i) for i in range(20))
        large = "".join(shape(i) for i in range(160))
        grade(small)
        grade(large)  # warm the word caches, so both runs count the same kind of work
        ratio = executed_lines(grade, large) / executed_lines(grade, small)
        assert ratio < 8 * 1.25, (shape(0), ratio)


# Characters that fold to one, none or several, and entities real or not.
FOLDING = st.lists(st.sampled_from(
    ["a", "B", " ", "/", "'", ".", "é", "ß", "\u1e9e", "\u0130", "\ufb01", "\u0301", "\u00b2", "\u00bd",
     "&", ";", "#", "&amp;", "&#x27;", "&eacute;", "&bogus;", "&AElig;", "&#1;"]), max_size=40).map("".join)


def folded_one_character_at_a_time(text):
    """The reading _folded_with_positions gives, written plainly: each character or entity in turn."""
    chars, starts, ends, i = [], [], [], 0
    while i < len(text):
        char, j = text[i], i + 1
        if char == "&":
            k, limit = i + 1, min(len(text), i + 12)
            while k < limit and (text[k].isalnum() or text[k] == "#"):
                k += 1
            if k < limit and k > i + 1 and text[k] == ";" and html.unescape(text[i:k + 1]) != text[i:k + 1]:
                char, j = html.unescape(text[i:k + 1]), k + 1
        for folded in fold(char):
            chars.append(folded)
            starts.append(i)
            ends.append(j)
        i = j
    return "".join(chars), starts, ends


@settings(max_examples=400, deadline=None)
@given(FOLDING)
def test_folding_a_whole_text_at_once_reads_it_as_one_character_at_a_time(text):
    folded, positions = _folded_with_positions(text)
    starts, ends = positions if positions is not None else (list(range(len(text))), list(range(1, len(text) + 1)))
    assert (folded, starts, ends) == folded_one_character_at_a_time(text)


@settings(max_examples=300, deadline=None)
@given(FOLDING)
def test_every_token_points_at_what_the_learner_wrote(text):
    for token in tokenize(text):
        written = text[token.start:token.end]
        assert token.start < token.end and written
        if not token.symbol:
            assert token.word[0] in fold(html.unescape(written))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=60))
def test_characters_folded_together_fold_as_each_does_alone(chars):
    together = _fold_characters(chars)
    assert all(together[char] == _fold_characters([char])[char] for char in chars)
    assert all(len(together[char]) <= MAX_FOLDED and fold(together[char]) == together[char] for char in chars)


def test_a_character_that_folds_to_a_phrase_stays_as_written():
    """U+FDFA decomposes into 18 characters: 50,000 of them would fold to 900,000."""
    assert fold("\ufdfa") == "\ufdfa"
    assert len(_folded_with_positions("\ufdfa" * 1_000)[0]) == 1_000
    assert fold("\ufb03") == "ffi" and fold("\u00c9") == "e"  # ordinary ligatures and accents still fold
