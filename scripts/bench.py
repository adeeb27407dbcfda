"""
`make bench`: speed and size figures for the Customer Tenet XBlock, each
measured in this one run on this machine.

- grading time per answer at 10, 100 and 1,000 entries, and its growth;
- the submit and learner_state handlers' latency through the xblock-sdk
  workbench's request stack and database, in process, and submit in a runtime
  whose fields live in memory (beside the peer blocks: scripts/bench_peers.py);
- the student view's render time and its bytes of HTML, JS and CSS;
- the import time the package adds to a worker that already has XBlock,
  Django and the libraries an LMS loads (target < 100 ms);
- peak memory while grading the largest answer an instructor may allow;
- the staff class summary over 5,000 stored learner states: cold (read and
  graded), from the runtime's cache, and uncapped (what one request would
  cost if it read every learner);
- adversarial inputs (long words, glued punctuation, repeated fillers, long
  and many synonyms) at the longest allowed answer: time, extra peak memory
  and the ratio to a normal answer of the same length, beside their targets;
  compiling the largest taxonomies and rendering the longest prompts.

Every loop is bounded in count and in time; nothing leaves 127.0.0.1 (no
network at all: requests go through Django's test client).
"""
import json
import os
import pkgutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TIME_PER_FIGURE = 1.0  # seconds spent measuring one figure, at most about this
MAX_RUNS = 5_000
IMPORT_RUNS = 7
# Modules an LMS worker has loaded before it imports this block (the block's own imports among them).
ALREADY_LOADED = ("django", "django.template", "xblock.core", "xblock.fields", "xblock.scorable",
                  "xblock.validation", "xblock.utils.resources", "web_fragments.fragment", "webob",
                  "lxml.etree", "nh3")
ENTRY_POOL = ("insureds", "insurance brokers", "the agents' office staff", "underwriting",
              "my boss", "the people I work with", "the lighthouse keeper", "people who phone the helpline")
TYPICAL_ANSWER = "insureds\nbrokers\nthe agent's assistant\nunderwriting\nmy boss\ncoworkers"


def timed(function, min_runs=5):
    """Seconds per call: the median of repeated calls, within TIME_PER_FIGURE and MAX_RUNS."""
    times = []
    deadline = time.perf_counter() + TIME_PER_FIGURE
    while len(times) < MAX_RUNS and (len(times) < min_runs or time.perf_counter() < deadline):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def answer_with(count):
    return "\n".join(f"{ENTRY_POOL[n % len(ENTRY_POOL)]} of region {n}" for n in range(count))


def setup_workbench(home):
    """The workbench's Django app in this process, with a fresh SQLite database under `home`."""
    sys.path.insert(0, str(REPO / "scripts"))
    os.chdir(home)
    (home / "var").mkdir()
    os.environ["DJANGO_SETTINGS_MODULE"] = "workbench_settings"
    os.environ["WORKBENCH_DATABASES"] = json.dumps(
        {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(home / "var" / "bench.db")}})
    import django
    django.setup()
    from django.core.management import call_command
    call_command("migrate", run_syncdb=True, verbosity=0)


def block_usage(scenario):
    """The usage id of a workbench scenario's block (inside its vertical, if it has one)."""
    from workbench import scenarios
    from workbench.runtime import WorkbenchRuntime
    root = WorkbenchRuntime("bench").get_block(scenarios.SCENARIOS[scenario].usage_id)
    return str(root.children[0]) if getattr(root, "has_children", False) else str(root.scope_ids.usage_id)


def grading_figures():
    from customer_tenet_xblock.exercise.presets import default_taxonomy
    from customer_tenet_xblock.rubric import grade
    taxonomy = default_taxonomy()
    rows = {}
    for count in (10, 100, 1_000):
        text = answer_with(count)
        # grade() keeps recent results; the figure is for grading afresh.
        rows[count] = timed(lambda text=text: grade.__wrapped__(text, taxonomy))
    print("Grading (rubric core, default taxonomy):")
    for count, seconds in rows.items():
        print(f"  {count:>5} entries: {seconds * 1000:8.3f} ms per answer ({seconds / count * 1e6:6.1f} us per entry)")
    print(f"  growth: x{rows[100] / rows[10]:.1f} from 10 to 100 entries, x{rows[1_000] / rows[100]:.1f} "
          "from 100 to 1,000 (x10 is linear)")


def handler_figures():
    """Submit and learner_state through the workbench's Django request stack, and submit in memory."""
    from django.test import Client
    from workbench import scenarios

    from customer_tenet_xblock.rubric import grade

    scenarios.get_scenarios()
    ours = block_usage("customer_tenet.0")  # unlimited attempts
    client = Client()
    answer = json.dumps({"answer": TYPICAL_ANSWER, "reflection": "Everyone."})

    def post(name, body):
        response = client.post(f"/handler/{ours}/{name}/?student=bench", body, content_type="application/json")
        assert response.status_code == 200, response.content[:300]

    post("submit", answer)  # first use: templates, catalogs and rows created outside the timing
    submit = timed(lambda: (grade.cache_clear(), post("submit", answer)))  # a new answer each time
    state = timed(lambda: post("learner_state", "{}"))
    print("Handlers (workbench request stack and SQLite, in process; a 6-entry answer):")
    print(f"  learner_state: {state * 1000:7.2f} ms")
    print(f"  submit:        {submit * 1000:7.2f} ms")
    print(f"  submit in a runtime whose fields live in memory (no storage, no Django): "
          f"{in_memory_submit() * 1000:.2f} ms, the block's own work")


def in_memory_submit():
    """Submit in xblock's TestRuntime with in-memory fields: what the block itself costs."""
    from webob import Request
    from xblock.field_data import DictFieldData
    from xblock.fields import ScopeIds
    from xblock.runtime import NullI18nService
    from xblock.test.tools import TestRuntime

    from customer_tenet_xblock.block import CustomerTenetXBlock
    from customer_tenet_xblock.rubric import grade
    runtime = TestRuntime(services={"i18n": NullI18nService(), "field-data": DictFieldData({})})
    runtime.publish = lambda block, event_type, data: None
    answer = json.dumps({"answer": TYPICAL_ANSWER}).encode("utf-8")

    def call():
        block = runtime.construct_xblock_from_class(CustomerTenetXBlock, ScopeIds("bench", "submit", "d", "u"))
        response = runtime.handle(block, "submit", Request.blank("/", method="POST", body=answer))
        assert response.status_code == 200, response.body[:300]

    return timed(lambda: (grade.cache_clear(), call()))


def view_figures():
    from workbench.runtime import WorkbenchRuntime
    usage = block_usage("customer_tenet.0")
    block = WorkbenchRuntime("bench").get_block(usage)
    fragment = block.render("student_view", {})
    seconds = timed(lambda: WorkbenchRuntime("bench").get_block(usage).render("student_view", {}))

    def size(mimetype):
        return sum(len(resource.data.encode("utf-8")) for resource in fragment.resources
                   if resource.mimetype == mimetype and resource.kind == "text")

    print("Student view (a learner who has answered):")
    print(f"  render time: {seconds * 1000:.2f} ms (block loaded from the database and rendered)")
    print(f"  HTML {len(fragment.content.encode('utf-8')):,} bytes, JS {size('application/javascript'):,} bytes, "
          f"CSS {size('text/css'):,} bytes (uncompressed)")


def import_figures():
    """The package's own modules, imported after what an LMS worker already has loaded."""
    code = f"import {', '.join(ALREADY_LOADED)}; import customer_tenet_xblock.block"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    totals = []
    for _ in range(IMPORT_RUNS):
        result = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True,
                                env=env, cwd=REPO, timeout=60, check=True)
        ours = 0
        for line in result.stderr.splitlines():
            if not line.startswith("import time:") or "cumulative" in line:
                continue
            _self, cumulative, name = line[len("import time:"):].split("|")
            if name.startswith(" customer_tenet_xblock"):  # top level only: its cumulative holds its children
                ours += int(cumulative)
        totals.append(ours / 1000)
    print("Import time the package adds (python -X importtime, median of "
          f"{IMPORT_RUNS} fresh processes, after {len(ALREADY_LOADED)} modules an LMS already has):")
    print(f"  {statistics.median(totals):.1f} ms (min {min(totals):.1f}, max {max(totals):.1f}; target < 100 ms)")


def memory_figures():
    from xblock.runtime import NullI18nService

    from customer_tenet_xblock.exercise.assessment import assess
    from customer_tenet_xblock.exercise.settings import MAX_CHARS_BOUNDS, MAX_ENTRIES_BOUNDS, Exercise
    from customer_tenet_xblock.exercise.submission import read_submission
    max_chars, max_entries = MAX_CHARS_BOUNDS[1], MAX_ENTRIES_BOUNDS[1]
    exercise = Exercise(max_chars=max_chars, max_entries=max_entries)
    line = max_chars // max_entries - 1
    text = "\n".join(f"{ENTRY_POOL[n % len(ENTRY_POOL)]} of region {n} ".ljust(line, "x")
                     for n in range(max_entries))[:max_chars]
    i18n = NullI18nService()
    caches = rubric_caches()

    def check_grade_and_describe():
        """What a submit computes: the checks split the answer once, assess grades and words the feedback."""
        submission = read_submission({"answer": text}, exercise, i18n)
        assess(exercise, submission.answer, i18n, attempts_left=None, entries=submission.entries)
        return submission

    times = []
    for _ in range(6):  # the first run is Python's first call of the feedback code: not counted
        forget_answers(caches, exercise.taxonomy)
        started = time.perf_counter()
        check_grade_and_describe()
        times.append(time.perf_counter() - started)
    seconds = statistics.median(times[1:])
    forget_answers(caches, exercise.taxonomy)
    tracemalloc.start()
    submission = check_grade_and_describe()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"Largest allowed answer ({len(text):,} characters, {len(submission.entries)} entries: "
          "checks, grading and feedback, every rubric cache empty but the compiled taxonomy):")
    print(f"  {seconds * 1000:.1f} ms (median of 5), peak memory {peak / 1024 / 1024:.2f} MiB (tracemalloc, "
          "which slows the run it traces)")


SUMMARY_LEARNERS = 5_000


def class_summary_figures():
    """The class_summary handler over 5,000 learners' states in the workbench's SQLite store."""
    from django.core.cache import cache
    from django.test import Client
    from workbench import scenarios
    from workbench.models import XBlockState

    from customer_tenet_xblock.block import insights
    from customer_tenet_xblock.rubric import grade
    scenarios.get_scenarios()
    usage = block_usage("customer_tenet.0")
    client = Client()

    def post(student, name, body):
        response = client.post(f"/handler/{usage}/{name}/?student={student}", body, content_type="application/json")
        assert response.status_code == 200, response.content[:300]
        return response.json()

    # One real submission gives the stored row's exact shape; the class are copies with answers of their own.
    post("summary-learner-0", "submit", json.dumps({"answer": TYPICAL_ANSWER}))
    row = XBlockState.objects.get(scope_id=usage, user_id="summary-learner-0")
    template = json.loads(row.state)
    XBlockState.objects.filter(scope_id=usage, user_id__startswith="summary-learner-").delete()

    def state(n):
        answer = "\n".join(ENTRY_POOL[(n + k) % len(ENTRY_POOL)] for k in range(1 + n % 5)) + f"\nclient number {n}"
        return json.dumps({**template, "answer": answer, "best_answer": answer, "attempts": 1 + n % 3})

    XBlockState.objects.bulk_create(
        [XBlockState(scope=row.scope, scope_id=usage, user_id=f"summary-learner-{n}", scenario=row.scenario,
                     tag=row.tag, state=state(n)) for n in range(SUMMARY_LEARNERS)],
        batch_size=500,
    )

    def cold():
        cache.clear()
        grade.cache_clear()
        return post("staff-bench", "class_summary", "{}")

    summary = cold()
    cold_seconds = timed(cold, min_runs=3)
    cached_seconds = timed(lambda: post("staff-bench", "class_summary", "{}"))
    capped = insights.LEARNER_CAP
    insights.LEARNER_CAP = SUMMARY_LEARNERS * 10
    try:
        whole = cold()
        uncapped_seconds = timed(cold, min_runs=3)
    finally:
        insights.LEARNER_CAP = capped
        cache.clear()
    print(f"Class summary (staff handler, workbench request stack and SQLite, "
          f"{SUMMARY_LEARNERS:,} stored learner states):")
    print(f"  cold, at most {capped:,} learners read and graded: {cold_seconds * 1000:8.1f} ms "
          f"({summary['learners']:,} counted; limit note {'shown' if summary['limit_text'] else 'not shown'})")
    print(f"  from the cache service (5 minutes):             {cached_seconds * 1000:8.2f} ms")
    print(f"  uncapped, all {whole['learners']:,} learners (not served):     {uncapped_seconds * 1000:8.1f} ms")
    print(f"  cold per 1,000 learners: {cold_seconds / summary['learners'] * 1_000_000:.0f} ms; "
          f"a staff page view reads none (the summary loads on request)")


# --- adversarial inputs (issue 12): one ordinary-sized request must not take the server ---

ADVERSARIAL_TARGETS = {"ms": 50.0, "mib": 20.0, "ratio": 3.0}
COLD_RUNS = 5  # an adversarial input's figure is the median of these
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _random_words(rng, size, lengths):
    return " ".join("".join(rng.choice(LETTERS) for _ in range(rng.randrange(*lengths))) for _ in range(size))


def _repeat(unit, length):
    return (unit * (length // len(unit) + 1))[:length]


def normal_answer(length, entries):
    """An ordinary answer of this length: distinct realistic entries of equal size."""
    line = length // entries - 1
    rows = []
    for n in range(entries):
        words = (f"{ENTRY_POOL[n % 8]} at branch {n} who work with {ENTRY_POOL[n // 8 % 8]} and "
                 f"{ENTRY_POOL[n // 64 % 8]} in the northern region and the people they serve every day").split()
        row = ""
        for word in words:
            if len(row) + len(word) + 1 > line:
                break
            row = f"{row} {word}" if row else word
        rows.append(row.ljust(line))
    return "\n".join(rows)[:length]


def _at_word_limit(text):
    """`text` cut where it would pass the answer's limit of words (beyond it, an answer is refused)."""
    from customer_tenet_xblock.exercise.submission import MAX_ANSWER_WORDS
    from customer_tenet_xblock.rubric.normalizing import count_words
    while count_words(text) > MAX_ANSWER_WORDS:
        text = text[:len(text) * 15 // 16]
    return text


def _entries_of_units(unit, entries):
    """`entries` distinct lines of one repeated unit, as many words as the limit allows: the matcher reads them all."""
    from customer_tenet_xblock.exercise.submission import MAX_ANSWER_WORDS
    from customer_tenet_xblock.rubric.normalizing import count_words
    per_line = max(1, (MAX_ANSWER_WORDS // entries - 1) // max(1, count_words(unit)))
    return _at_word_limit("\n".join(f"e{n} " + unit * per_line for n in range(entries)))


def _entries_of(word, length, entries):
    """`entries` lines, each a head word and eight generated words: the splitter keeps each line an entry."""
    return "\n".join("agents " + " ".join(word() for _ in range(8)) for _ in range(entries))[:length]


def adversarial_answers(length, rng):
    """Learner inputs built to be the worst of their kind, each `length` characters long (before the word limit)."""
    initials = "".join(f"{rng.choice(LETTERS)}." for _ in range(length // 2))
    return {
        "one long word (random letters)": "".join(rng.choice(LETTERS) for _ in range(length)),
        "1,500-letter words, one per line": "\n".join(
            "".join(rng.choice(LETTERS) for _ in range(1_500)) for _ in range(length // 1_501 + 1))[:length],
        "apostrophes glue one word (ab'cd'ef...)": "'".join(
            "".join(rng.choice(LETTERS) for _ in range(2)) for _ in range(length // 3 + 1))[:length],
        "dotted initials glue one word (a.b.c...)": initials[:length],
        "head word + fillers (agent the the ...)": "agent " + _repeat("the ", length - 6),
        "phrase words + fillers (buy our our ...)": _repeat("buy " + "our " * 40 + "policies ", length),
        "glued punctuation and entities": _repeat("agents&amp;&#x27;s,;.:&&/+((brokers))'s'", length),
        "distinct unknown 10-letter words": _random_words(rng, length // 11 + 1, (10, 11))[:length],
        "distinct near-miss typos (agnetsxyzw)": " ".join(
            f"agnets{''.join(rng.choice(LETTERS) for _ in range(4))}" for _ in range(length // 11 + 1))[:length],
        "endless conjunctions (agents and their staff and ...)": _repeat("agents and their staff and ", length),
        "a token per character (2/2/2/...)": _repeat("2/", length),
        "a word per two characters (a a a ...)": _repeat("a ", length),
        "digits that could start a list marker (2 2 2 ...)": _repeat("2 ", length),
        "a symbol per character (&&&...)": "&" * length,
        "entities (&amp;&amp;...)": _repeat("&amp;", length),
        "accented words of one letter (é é é ...)": _repeat("\u00e9 ", length),
        "letters folding to two, and symbols (\u1e9e/\u1e9e/...)": _repeat("\u1e9e/", length),
        "distinct CJK characters (each folded once)": "".join(chr(0x4E00 + n % 20_000) for n in range(length)),
        "Hangul syllables, each folding to 2-3 letters": "".join(chr(0xAC00 + n % 11_172) for n in range(length)),
        "a ligature that decomposes into 18 (U+FDFA)": "\ufdfa" * length,
        "one short entry repeated (a,a,a,...)": _repeat("a,", length),
        "one short line repeated (a\\na\\n...)": _repeat("a\n", length),
        "a separator per character (,,,...)": "," * length,
        "a sentence end per character (...)": "." * length,
        "a line break per character": "\n" * length,
        "list markers in a row (1. 1. 1. ...)": _repeat("1. ", length),
        "distinct bullets and words (- a1, - a2, ...)": "".join(
            f"{rng.choice('-*~=+#>')} a{n % 400}, " for n in range(length // 6))[:length],
        "thousands of entries (a1,a2,...; refused past the limit)": ",".join(
            f"a{n}" for n in range(length // 3))[:length],
        # The most words an answer may hold, in 500 entries that the matcher reads whole.
        "500 entries: a token a character (e1 2/2/2/...)": _entries_of_units("2/", 500),
        "500 entries: a symbol a character (e1 &&&...)": _entries_of_units("&", 500),
        "500 entries: folding to two (e1 \u1e9e/\u1e9e/...)": _entries_of_units("\u1e9e/", 500),
        "500 entries: entities (e1 &amp;&amp;...)": _entries_of_units("&amp;", 500),
        "500 entries: accented letters (e1 \u00e9 \u00e9 ...)": _entries_of_units("\u00e9 ", 500),
        "500 entries: phrases (e1 agents of agents of ...)": _entries_of_units("agents of ", 500),
        "500 entries: abbreviations (e1 IT HR CEO VP ...)": _entries_of_units("IT HR CEO VP ", 500),
        "500 entries: possessives (e1 boss's boss's ...)": _entries_of_units("boss's ", 500),
    }


def largest_taxonomy(rng, word_lengths, near=None):
    """A taxonomy at every author limit: MAX_GROUPS groups of MAX_SYNONYMS synonyms of MAX_LABEL_LENGTH."""
    from customer_tenet_xblock.exercise.settings import MAX_LABEL_LENGTH
    from customer_tenet_xblock.exercise.validation import MAX_GROUPS, MAX_SYNONYMS
    from customer_tenet_xblock.rubric.taxonomy import Group, Taxonomy

    def phrase():
        if near is not None:  # near-identical words: every one within two edits of the others
            return " ".join(near(rng) for _ in range(MAX_LABEL_LENGTH // (len(near(rng)) + 1)))
        return _random_words(rng, MAX_LABEL_LENGTH, word_lengths)[:MAX_LABEL_LENGTH].strip()

    return Taxonomy(groups=tuple(
        Group(id=f"group_{g}", label=phrase(), synonyms=tuple(phrase() for _ in range(MAX_SYNONYMS)))
        for g in range(MAX_GROUPS)), lexicon="en")


def rubric_caches():
    """Every functools cache in the rubric core."""
    import customer_tenet_xblock.rubric as rubric
    modules = [__import__(f"{rubric.__name__}.{info.name}", fromlist=["_"])
               for info in pkgutil.iter_modules(rubric.__path__)]
    return [value for module in modules for value in vars(module).values()
            if hasattr(value, "cache_clear") and not isinstance(value, type)]  # a cache, not its class


def forget_answers(caches, taxonomy):
    """
    A new answer to an exercise already in use: every rubric cache emptied
    (graded answers, folded characters, and the compiled taxonomy's own word
    caches) but the compiled taxonomy itself, which a worker builds once.
    """
    from customer_tenet_xblock.rubric.matching import compile_taxonomy
    for cache in caches:
        if cache is not compile_taxonomy:
            cache.cache_clear()
    for name, value in vars(compile_taxonomy(taxonomy)).items():
        if name.endswith("_cache"):
            value.clear()


def _cold_grade(text, taxonomy, normal, default):
    """Seconds, extra peak bytes, time ratio to the normal answer and refusal code, to check and grade `text` afresh.

    Afresh: every cache of the rubric is empty but the compiled taxonomy, which a worker builds once
    (compiling is measured on its own; timing a grade right after a compile measured the compile's
    fresh heap too). The normal answer is timed in turn with `text`, so that a busy machine slows both
    alike.
    """
    from xblock.runtime import NullI18nService

    from customer_tenet_xblock.exercise.refusals import Refusal
    from customer_tenet_xblock.exercise.settings import MAX_CHARS_BOUNDS, MAX_ENTRIES_BOUNDS, Exercise
    from customer_tenet_xblock.exercise.submission import read_submission
    from customer_tenet_xblock.rubric import grade_entries

    def check_and_grade(text, taxonomy):
        exercise = Exercise(max_chars=MAX_CHARS_BOUNDS[1], max_entries=MAX_ENTRIES_BOUNDS[1], taxonomy=taxonomy)
        try:
            submission = read_submission({"answer": text}, exercise, NullI18nService())
        except Refusal as refusal:
            return refusal.code  # too many words, or entries once splitting has passed the limit
        grade_entries(submission.entries, taxonomy)  # as the block does: split once, by the checks
        return None

    caches = rubric_caches()

    def once(text, taxonomy):
        forget_answers(caches, taxonomy)  # nor tokenised texts: every run reads the answer afresh
        started = time.perf_counter()
        check_and_grade(text, taxonomy)
        return time.perf_counter() - started

    times, normal_times = [], []
    for _ in range(COLD_RUNS):
        times.append(once(text, taxonomy))
        normal_times.append(once(normal, default))
    forget_answers(caches, taxonomy)
    tracemalloc.start()
    refused = check_and_grade(text, taxonomy)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    seconds = statistics.median(times)
    return seconds, peak, seconds / statistics.median(normal_times), refused


def adversarial_figures():
    import random

    from customer_tenet_xblock.exercise.presets import default_taxonomy
    from customer_tenet_xblock.exercise.settings import MAX_CHARS_BOUNDS, MAX_ENTRIES_BOUNDS
    from customer_tenet_xblock.rubric.matching import compile_taxonomy
    length, entries = MAX_CHARS_BOUNDS[1], MAX_ENTRIES_BOUNDS[1]
    rng = random.Random(12)
    taxonomy = default_taxonomy()
    target = ADVERSARIAL_TARGETS
    normal = normal_answer(length, entries)
    normal_seconds, normal_peak, _, _ = _cold_grade(normal, taxonomy, normal, taxonomy)
    print(f"Adversarial inputs at the longest allowed answer ({length:,} characters; checks and grading, "
          f"every rubric cache empty but the compiled taxonomy; median of {COLD_RUNS}):")
    print(f"  a normal answer of that length ({entries} distinct entries): {normal_seconds * 1000:.1f} ms, "
          f"{normal_peak / 1024 / 1024:.2f} MiB")
    print(f"  {'input':<56} {'time':>9} {'(<= ' + str(int(target['ms'])) + ' ms)':>10} {'memory':>9} "
          f"{'(<= ' + str(int(target['mib'])) + ' MiB)':>11} {'ratio':>6} (<= {target['ratio']:.0f}x)")

    def row(label, text, tax=taxonomy):
        seconds, peak, ratio, refused = _cold_grade(text, tax, normal, taxonomy)
        ms, mib = seconds * 1000, peak / 1024 / 1024
        marks = ["ok" if ms <= target["ms"] else "OVER", "ok" if mib <= target["mib"] else "OVER",
                 "ok" if ratio <= target["ratio"] else "OVER"]
        print(f"  {label:<56} {ms:7.1f} ms {marks[0]:>10} {mib:5.2f} MiB {marks[1]:>11} {ratio:5.2f}x {marks[2]}"
              + (f"  (refused: {refused})" if refused else ""))

    answers = adversarial_answers(length, rng)
    # Each the longest of its kind an answer may be: within the characters and the words.
    for label, text in answers.items():
        row(label, _at_word_limit(text))
    row("over the limit of words (refused): a symbol per character", answers["a symbol per character (&&&...)"])
    # The author's side: the largest taxonomies validation allows.
    long_words = largest_taxonomy(rng, (150, 200))
    many_words = largest_taxonomy(rng, (5, 12))
    near = largest_taxonomy(rng, None, near=lambda r: "aaaaaaaa" + r.choice(LETTERS) + r.choice(LETTERS))
    permuted = largest_taxonomy(rng, None, near=lambda r: "a" + "".join(r.sample("bcdefghij", 9)))
    synonym_words = " ".join(many_words.groups[0].synonyms)
    print("  the author's side (every group, synonym and length at its limit):")
    row("30x200 synonyms of 150-200 letters; one long word", adversarial_answers(length, rng)[
        "one long word (random letters)"], long_words)
    row("30x200 synonyms of 5-12 letters; their words, typo'd", " ".join(
        w[:3] + w[4:] for w in _repeat(synonym_words + " ", length).split())[:length], many_words)
    row("near-identical synonyms (aaaaaaaaXY); near misses", " ".join(
        "aaaaaaa" + "".join(rng.choice(LETTERS) for _ in range(3)) for _ in range(length // 11 + 1))[:length], near)
    row("permuted synonyms (a+bcdefghij); other permutations", " ".join(
        "a" + "".join(rng.sample("bcdefghij", 9)) for _ in range(length // 11 + 1))[:length], permuted)
    # The matcher reads an entry's first MAX_ENTRY_TOKENS tokens: the same words in 500 entries, each with a head.
    row("  near misses, 500 entries of 'agents' + 8 words", _entries_of(lambda: "aaaaaaa" + "".join(
        rng.choice(LETTERS) for _ in range(3)), length, entries), near)
    row("  permutations, 500 entries of 'agents' + 8 words", _entries_of(lambda: "a" + "".join(
        rng.sample("bcdefghij", 9)), length, entries), permuted)
    print("  compiling a taxonomy (once per taxonomy and process, then cached):")
    for label, tax in (("the default taxonomy", taxonomy), ("largest allowed, 150-200-letter words", long_words),
                       ("largest allowed, 5-12-letter words", many_words), ("largest allowed, near-identical", near)):
        compile_taxonomy.cache_clear()
        started = time.perf_counter()
        compile_taxonomy(tax)
        seconds = time.perf_counter() - started
        compile_taxonomy.cache_clear()
        tracemalloc.start()
        compile_taxonomy(tax)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"    {label:<54} {seconds * 1000:8.1f} ms {peak / 1024 / 1024:7.1f} MiB")
    compile_taxonomy.cache_clear()
    prompt_figures()


# The author's prompt at its longest: the Markdown parser's worst cases (Python-Markdown's were
# quadratic: 55 s for "[" repeated), then ordinary prose.
PROMPT_KINDS = (("open brackets ([[[...)", "["), ("image openers (![![...)", "!["),
                ("unclosed links ([a](b...)", "[a](b"),
                ("emphasis openers (*a*a...)", "*a"), ("tags left open (<a<a...)", "<a"),
                ("setext underlines (a\\n=\\n...)", "a\n=\n"), ("nested quotes (> > > ...)", "> "),
                ("ordinary prose", "Who are your **customers**? Think of [everyone](https://example.org) you serve. "))


def prompt_figures():
    from customer_tenet_xblock.exercise.markup import render_markdown
    from customer_tenet_xblock.exercise.settings import MAX_PROMPT_LENGTH
    print(f"  rendering the prompt at its longest ({MAX_PROMPT_LENGTH:,} characters; once per prompt and process, "
          "then cached):")
    render_markdown.__wrapped__("*a*")  # the first render imports markdown-it (20-30 ms): not a parse of these
    for label, unit in PROMPT_KINDS:
        text = _repeat(unit, MAX_PROMPT_LENGTH)
        started = time.perf_counter()
        render_markdown.__wrapped__(text)  # uncached
        print(f"    {label:<54} {(time.perf_counter() - started) * 1000:8.1f} ms")


def main():
    if sys.argv[1:] == ["--adversarial"]:
        adversarial_figures()
        return
    print(f"Customer Tenet XBlock benchmark, Python {sys.version.split()[0]}\n")
    with tempfile.TemporaryDirectory(prefix="ct-bench-") as home:
        setup_workbench(Path(home))
        grading_figures()
        print()
        handler_figures()
        print()
        view_figures()
        print()
        memory_figures()
        print()
        class_summary_figures()
        print()
        # In a fresh process: the objects the sections above leave (5,000 stored learner
        # states among them) would make each garbage collection of these allocation-heavy
        # inputs walk a heap that is the bench's, not the block's.
        sys.stdout.flush()
        subprocess.run([sys.executable, __file__, "--adversarial"], check=True, cwd=REPO)
        print()
        import_figures()
        os.chdir(REPO)


if __name__ == "__main__":
    main()
