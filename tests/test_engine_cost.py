"""
The matching engine's cost is bounded for every input, learner's or author's
(issue 12): work is counted in executed lines of the rubric core (as the
linearity check in test_engine_properties.py does), never timed, on inputs
generated to be the worst of their kind. And the bounds change no ordinary
result: the typo index finds exactly what a scan of the whole vocabulary finds
while its caps do not bind, which they never do for the built-in lexicons.
"""
import random
import string

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from customer_tenet_xblock.exercise.presets import default_taxonomy
from customer_tenet_xblock.rubric import matching, normalizing, splitting
from customer_tenet_xblock.rubric.matching import compile_taxonomy, place_entries, place_entry
from customer_tenet_xblock.rubric.normalizing import (
    MAX_TYPO_BUCKET,
    MAX_TYPO_CHECKS,
    MAX_TYPO_WORD,
    TypoIndex,
    forget_texts,
    tokenize,
    typo_budget,
    within_distance,
)
from customer_tenet_xblock.rubric.splitting import split_entries
from customer_tenet_xblock.rubric.taxonomy import Group, Taxonomy
from helpers import executed_lines

LETTERS = string.ascii_lowercase
FEW_LETTERS = "abc"  # near-identical words: the worst case for a typo index
HEADS = ["agent", "agents", "staff", "people", "buy", "customer", "department", "head", "team", "brokers"]
FILLERS = ["the", "our", "of", "all", "a", "to", "in", "their", "and", "who"]
GLUE = ["'", ".", "\u2019", "&amp;", "&#x27;", "&", "/", "+", ";", ",", "(", ")", "-", "s"]
WORDS = st.text(alphabet=LETTERS, min_size=1, max_size=12)


def sized(unit_strategy, length):
    """A text of `length` characters made by repeating the generated unit: worst cases are periodic."""
    return unit_strategy.map(lambda unit: (unit * (length // max(1, len(unit)) + 1))[:length])


LENGTH = 3_000
ADVERSARIAL = st.one_of(
    # One long word, or words glued by apostrophes, dots and entities into one token.
    st.text(alphabet=LETTERS, min_size=LENGTH, max_size=LENGTH),
    sized(st.lists(st.tuples(WORDS, st.sampled_from(GLUE)), min_size=1, max_size=20).map(
        lambda pairs: "".join(word + glue for word, glue in pairs)), LENGTH),
    # Glued punctuation runs.
    sized(st.text(alphabet="".join(GLUE) + "ab", min_size=1, max_size=30), LENGTH),
    # A head word followed by many fillers, repeated.
    sized(st.tuples(st.sampled_from(HEADS), st.integers(1, 60), st.sampled_from(FILLERS)).map(
        lambda t: f"{t[0]} " + f"{t[2]} " * t[1]), LENGTH),
    # Distinct near-misses of lexicon words and long unknown words.
    st.lists(st.tuples(st.sampled_from(HEADS + ["policyholders", "underwriting", "management"]),
                       st.text(alphabet=LETTERS, min_size=1, max_size=4)), min_size=300, max_size=300).map(
        lambda pairs: " ".join(w[:2] + extra + w[2:] for w, extra in pairs)[:LENGTH]),
)


def fresh_work(text, taxonomy):
    """Lines executed to split and place `text`, with the compiled taxonomy's word caches and the
    tokenised texts empty: the count never depends on what was read before."""
    compile_taxonomy.cache_clear()
    compile_taxonomy(taxonomy)  # compiling is counted on its own, below
    forget_texts()
    return executed_lines(lambda: place_entries(split_entries(text), taxonomy))


NORMAL_TEXT = "\n".join(
    f"the agents' office staff who help our brokers in region {n}\nunderwriting team {n}\n"
    f"my boss and the people I work with at office {n}" for n in range(20))
NORMAL_WORK = fresh_work(NORMAL_TEXT, default_taxonomy())
NORMAL = NORMAL_WORK / len(NORMAL_TEXT)  # per character
NORMAL_PER_TOKEN = NORMAL_WORK / len(tokenize(NORMAL_TEXT))
# A normal answer has about six characters a token; text with a token per
# character ("2/2/2/", "x&x&") does up to about 9x its work per character,
# while its work per token stays under the normal answer's.
TOKEN_DENSE = 10
RANDOM_LONG_WORD = "".join(random.Random(1).choices(LETTERS, k=199))


def assert_bounded(work, text):
    """At most 3x a normal answer's work, per character or per token; a constant per character whatever."""
    tokens = len(tokenize(text))
    assert work <= 3 * max(NORMAL * len(text), NORMAL_PER_TOKEN * tokens), (
        text[:80], work / len(text) / NORMAL, work / max(1, tokens) / NORMAL_PER_TOKEN)
    assert work <= TOKEN_DENSE * NORMAL * len(text), (text[:80], work / len(text) / NORMAL)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(ADVERSARIAL)
def test_no_learner_input_costs_more_than_three_times_a_normal_answer(text):
    assert_bounded(fresh_work(text, default_taxonomy()), text)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.sampled_from([FEW_LETTERS, LETTERS]).flatmap(
    lambda alphabet: st.lists(st.text(alphabet=alphabet, min_size=6, max_size=200), min_size=1, max_size=20)),
    st.integers(1, 8))
@example([RANDOM_LONG_WORD], 1)
def test_long_and_repeated_synonyms_cost_work_linear_in_the_answer(words, repeat):
    """Synonyms of long words and of near-identical words, and an answer made of them with typos.

    Compiling the taxonomy counts too: the author's synonyms are input as much as the learner's answer.
    """
    synonym = " ".join(words)[:200]
    taxonomy = Taxonomy(groups=(Group(id="g", label="Group", synonyms=(synonym,) * repeat + tuple(words)),),
                        lexicon="")
    typed = [w[:3] + "c" + w[4:] for w in words]
    text = (" ".join(typed + [synonym]) * (LENGTH // (len(synonym) + 1) + 1))[:LENGTH]
    compile_taxonomy.cache_clear()
    compiling = executed_lines(compile_taxonomy, taxonomy)
    grading = executed_lines(lambda: place_entries(split_entries(text), taxonomy))
    size = len(text) + sum(len(s) for s in taxonomy.groups[0].synonyms)  # the learner's and the author's input
    assert compiling + grading <= 3 * NORMAL * size, (text[:80], compiling / size / NORMAL, grading / size / NORMAL)


def placing_work(entry, taxonomy):
    """Lines executed to place one entry, with the word caches and the tokenised texts empty."""
    compile_taxonomy.cache_clear()
    compile_taxonomy(taxonomy)
    forget_texts()
    return executed_lines(place_entry, entry, taxonomy)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.one_of(st.text(alphabet="".join(GLUE) + "ab2 ", min_size=1, max_size=12),
                 st.lists(st.sampled_from(HEADS + FILLERS), min_size=1, max_size=6).map(" ".join)))
@example("2/")
@example("x&")
def test_one_long_entry_costs_what_its_first_tokens_cost(unit):
    """The matcher reads an entry's first MAX_ENTRY_TOKENS tokens: 20,000 characters of "2/2/..." cost
    no more than the few characters that hold them, and give the same matches."""
    taxonomy = default_taxonomy()
    entry = (unit * (20_000 // len(unit) + 1))[:20_000]
    tokens = tokenize(entry)
    first = entry[:tokens[matching.MAX_ENTRY_TOKENS].end] if len(tokens) > matching.MAX_ENTRY_TOKENS else entry
    assert place_entry(entry, taxonomy) == place_entry(first, taxonomy)
    assert placing_work(entry, taxonomy) <= 2 * placing_work(first, taxonomy) + 100


def test_a_customer_past_the_entry_bound_is_not_read():
    """The bound is a limit a learner could meet only in a paragraph written as one entry."""
    taxonomy = default_taxonomy()
    within = "we mostly sell " + "very " * (matching.MAX_ENTRY_TOKENS - 5) + "to brokers"
    assert [m.group_id for m in place_entry(within, taxonomy)]
    assert place_entry("we mostly sell " + "very " * matching.MAX_ENTRY_TOKENS + "to brokers", taxonomy) == ()


def test_a_customer_past_the_entrys_first_characters_is_not_read():
    """Nor past its first MAX_ENTRY_CHARS characters, and a word the cut runs through is not read."""
    taxonomy = default_taxonomy()
    assert [m.group_id for m in place_entry("x" * (matching.MAX_ENTRY_CHARS - 100) + " brokers", taxonomy)]
    assert place_entry("x" * matching.MAX_ENTRY_CHARS + " brokers", taxonomy) == ()
    assert place_entry("x " * 40 + "brokers" * 200, taxonomy) == ()  # not "brokers", the first 7 letters of it


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="".join(GLUE) + "ab. \u00e9\u1e9e", max_size=80), st.integers(0, 80))
@example("ab&#x27;s", 40)
def test_what_is_read_of_a_prefix_never_depends_on_what_follows_it(text, cut):
    """leading_tokens(text, n) are the first tokens of the whole text, exactly (spans included)."""
    prefix = normalizing.leading_tokens(text, cut)
    assert prefix == tokenize(text)[:len(prefix)]
    assert normalizing.leading_tokens(text, len(text)) == tokenize(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(st.sampled_from(["a", "x", "agents", " ", ",", ";", ".", "\n", "(", ")", "- ", "1. ", "e.g.",
                                 "&amp;", "\u2022", "?", ":", "&", "b)", "(a)", " 2) ", "\t", "|", "my customers: ",
                                 "and their staff"]), min_size=1, max_size=8).map("".join))
@example(",")
@example("a\n")
@example(")")
def test_marks_past_the_bound_are_not_read(unit):
    """50,000 commas, "a\n" repeated or brackets: the splitter reads the answer up to its MAX_MARKS-th
    mark (line break, separator, sentence end, bracket or list marker), a Python step each."""
    taxonomy = default_taxonomy()
    bound = splitting.MAX_MARKS
    many, more = (unit * (2 * bound), unit * (4 * bound))
    assert split_entries(more) == split_entries(many) or not _has_marks(unit)
    assert fresh_work(more, taxonomy) <= fresh_work(many, taxonomy) + 300 or not _has_marks(unit)


def _has_marks(unit):
    return any(char in unit for char in ",;.\n()\u2022?") or "1. " in unit


def test_a_customer_past_the_last_mark_read_is_not_read():
    within = "x," * splitting.MAX_MARKS + "agents"
    assert split_entries(within) == ["x", "agents"]
    assert split_entries("x," * (splitting.MAX_MARKS + 1) + "agents") == ["x"]


def test_the_splitter_reads_a_pieces_words_in_its_first_characters():
    """ "my boss and my coworkers" splits when the "and" is within MAX_PIECE_CHARS of the piece's start."""
    padding = "very " * ((splitting.MAX_PIECE_CHARS - 100) // 5)
    assert len(split_entries(f"my boss {padding}and my coworkers")) == 2
    assert len(split_entries(f"my boss {padding}{padding}and my coworkers")) == 1


def test_the_longest_word_does_no_typo_work():
    """A 50,000-letter word is never compared with the vocabulary: no more work than 500 letters."""
    taxonomy = default_taxonomy()
    short, long = "qwertyuiop" * 50, "qwertyuiop" * 5_000
    # A few more steps of reading the entry's prefix (4 times more characters a step), no typo work.
    assert fresh_work(long, taxonomy) <= fresh_work(short, taxonomy) + 100


def test_compiling_the_largest_taxonomy_costs_work_linear_in_its_synonyms():
    def taxonomy(length):
        words = ["".join(LETTERS[(n * 7 + k) % 26] for k in range(length)) for n in range(26)]
        synonyms = tuple(" ".join(words[(s + k) % 26] for k in range(200 // (length + 1)))[:200] for s in range(200))
        return Taxonomy(groups=tuple(Group(id=f"g{g}", label=f"Group {g}", synonyms=synonyms) for g in range(3)),
                        lexicon="")

    def work(length):
        compile_taxonomy.cache_clear()
        return executed_lines(compile_taxonomy.__wrapped__, taxonomy(length))

    # The same number of synonym characters in short words and in 199-letter words.
    assert work(199) <= 2 * work(9)


# --- the bounds change no result ------------------------------------------

def full_distance(a, b):
    """Optimal string alignment distance: the whole table, no band, no early exit."""
    table = [[i + j if not i or not j else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1,
                              table[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
    return table[-1][-1]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=FEW_LETTERS, max_size=12), st.text(alphabet=FEW_LETTERS, max_size=12), st.integers(0, 3))
def test_the_banded_distance_agrees_with_the_whole_table(a, b, limit):
    assert within_distance(a, b, limit) == (full_distance(a, b) <= limit)


def scan_closest(vocabulary, word, typed_length):
    """What the typo index must answer: a scan of every eligible vocabulary word."""
    limit = typo_budget(typed_length)
    if not limit or not word.isalpha():
        return None
    for depth in range(1, limit + 1):
        found = sorted(c for c in vocabulary if 5 <= len(c) <= MAX_TYPO_WORD and c.isalpha()
                       and c[0] == word[0] and full_distance(word, c) <= depth)
        if found:
            return found[0]
    return None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=FEW_LETTERS, min_size=4, max_size=14), max_size=MAX_TYPO_CHECKS, unique=True),
       st.text(alphabet=FEW_LETTERS, min_size=1, max_size=16))
def test_the_typo_index_finds_what_a_scan_of_the_vocabulary_finds(vocabulary, word):
    """Exactly, while no more words than MAX_TYPO_CHECKS pass its cheap checks (ordinary vocabularies)."""
    assert TypoIndex(vocabulary).closest(word, len(word)) == scan_closest(vocabulary, word, len(word))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=FEW_LETTERS, min_size=8, max_size=12), min_size=100, max_size=300, unique=True),
       st.text(alphabet=FEW_LETTERS, min_size=8, max_size=12))
def test_near_identical_words_cost_a_bounded_number_of_distance_tables(vocabulary, word):
    """Hundreds of synonyms within two edits of each other: at most MAX_TYPO_CHECKS distances per depth,
    and what the index finds is a vocabulary word within the budget."""
    tables = []

    def counted(a, b, limit):
        tables.append(b)
        return within_distance(a, b, limit)

    normalizing.within_distance, original = counted, normalizing.within_distance
    try:
        found = TypoIndex(vocabulary).closest(word, len(word))
    finally:
        normalizing.within_distance = original
    assert len(tables) <= 2 * MAX_TYPO_CHECKS
    assert found is None or (found in vocabulary and full_distance(word, found) <= typo_budget(len(word)))


def test_an_answer_corrects_its_first_words_that_could_be_typos_not_thousands():
    """Past MAX_TYPO_LOOKUPS distinct unfamiliar words, an answer's words are read as written."""
    taxonomy = default_taxonomy()
    rng = random.Random(3)
    noise = ["".join(rng.choices(LETTERS, k=9)) for _ in range(matching.MAX_TYPO_LOOKUPS)]
    assert [entry.matches[0].group_id for entry in place_entries(["polcyholders"], taxonomy)] == ["policyholders"]
    placed = place_entries([*noise[:-1], "polcyholders"], taxonomy)
    assert placed[-1].matches[0].group_id == "policyholders"  # the 64th look-up: still corrected
    assert place_entries([*noise, "polcyholders"], taxonomy)[-1].matches == ()
    assert place_entries([*noise, "policyholders"], taxonomy)[-1].matches  # a word as written is always read


def test_the_built_in_lexicon_fits_the_typo_index_whole():
    """No built-in word loses its typo tolerance to the caps: they only ever bind authors' words."""
    for lexicon in ("en", "es"):
        compiled = compile_taxonomy(Taxonomy(groups=(), lexicon=lexicon))
        words = [w for w in compiled.vocabulary if len(w) >= 5 and w.isalpha()]
        assert max(map(len, words)) <= MAX_TYPO_WORD
        buckets = {}
        for word in words:
            buckets[word[0], len(word)] = buckets.get((word[0], len(word)), 0) + 1
        assert max(buckets.values()) <= MAX_TYPO_BUCKET


def test_an_authors_word_beyond_the_caps_matches_as_written():
    long_word = "supercalifragilisticexpialidocious"  # 34 letters
    taxonomy = Taxonomy(groups=(Group(id="g", label="Group", synonyms=(long_word, "brokerage")),), lexicon="")
    assert [m.group_id for m in place_entry(long_word, taxonomy)] == ["g"]
    assert place_entry(long_word[:10] + long_word[11:], taxonomy) == ()
    assert [m.group_id for m in place_entry("brokerag", taxonomy)] == ["g"]  # an ordinary word keeps its tolerance


def test_a_phrase_may_hold_a_few_fillers_not_a_run():
    taxonomy = Taxonomy(groups=(Group(id="g", label="Group", synonyms=("lighthouse keepers",)),), lexicon="en")
    assert [m.group_id for m in place_entry("lighthouse of all of our keepers", taxonomy)] == ["g"]
    run = "lighthouse " + "the " * (matching.MAX_FILLERS_IN_A_ROW + 1) + "keepers"
    assert "g" not in [m.group_id for m in place_entry(run, taxonomy)]


def test_caches_that_outlive_the_answer_keep_no_long_word():
    taxonomy = default_taxonomy()
    place_entry("agents " + "x" * 50_000 + " holders", taxonomy)
    compiled = compile_taxonomy(taxonomy)
    assert all(len(word) <= 2 * MAX_TYPO_WORD for word, _upper, _symbol in compiled._word_cache)
    assert all(len(word) <= 2 * MAX_TYPO_WORD for word, _typed_length in compiled._typo_cache)


def test_compiled_taxonomies_are_kept_within_a_size_budget(monkeypatch):
    """Large taxonomies push the least recently used out; a course's few small ones all stay compiled."""
    def taxonomy(name, synonyms):
        return Taxonomy(groups=(Group(id="g", label=name, synonyms=tuple(f"{name} {n}" for n in range(synonyms))),),
                        lexicon="")

    small = [taxonomy(f"small{n}", 3) for n in range(4)]
    large = [taxonomy(f"large{n}", 40) for n in range(3)]
    monkeypatch.setattr(matching, "COMPILED_CHARACTERS", 2 * matching.taxonomy_size(large[0]) + 200)
    compile_taxonomy.cache_clear()
    compiled = [compile_taxonomy(t) for t in small]
    assert all(compile_taxonomy(t) is c for t, c in zip(small, compiled, strict=True))  # compiled once
    for t in large:
        compile_taxonomy(t)
    assert large[1] in compile_taxonomy and large[2] in compile_taxonomy
    assert large[0] not in compile_taxonomy  # the least recently used large one
    kept = sum(matching.taxonomy_size(t) for t in small + large if t in compile_taxonomy)
    assert kept <= matching.COMPILED_CHARACTERS
    # One taxonomy larger than the whole budget is still compiled once per request, and kept alone.
    monkeypatch.setattr(matching, "COMPILED_CHARACTERS", 10)
    assert compile_taxonomy(large[0]) is compile_taxonomy(large[0])
    assert not any(t in compile_taxonomy for t in small + large[1:])
    compile_taxonomy.cache_clear()
