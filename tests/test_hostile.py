"""
Hostile and broken input: every case of the hardening issue, once at handler
level (the recording runtime) and once over real HTTP against the workbench.

Each refusal is a JSON error with a stable code and a translated message,
never a 500, uses no attempt, publishes no grade and leaves the learner's
stored state exactly as it was (over HTTP: the database row, byte for byte).
Input that is odd but legitimate (right-to-left text, emoji, markup, control
characters) is graded and stored as clean text.
"""
import json
import sqlite3
import threading

import pytest
from conftest import RecordingRuntime, WorkbenchUser, call_handler, learner_fields, make_block, serving

from customer_tenet_xblock.block import CustomerTenetXBlock
from customer_tenet_xblock.exercise import DEFAULT_MAX_CHARS, DEFAULT_MAX_ENTRIES, Exercise
from customer_tenet_xblock.permissions import staff_only_handlers

FIRST_ANSWER = "insureds\nbrokers\nmy boss"
# Handlers a learner may call; every other handler must be staff-only.
LEARNER_HANDLERS = {"submit", "learner_state"}


def entries(count):
    return "\n".join(f"customer c{n}x" for n in range(count))


# (case, raw request body, status, code): each must be refused and change nothing.
REFUSED = [
    # non-JSON bodies
    ("not json", b"{not json", 400, "bad_json"),
    ("empty body", b"", 400, "bad_json"),
    ("not utf-8", b"\xff\xfe\x00", 400, "bad_json"),
    ("utf-8 broken inside a string", b'{"answer": "agents\xc3"}', 400, "bad_json"),
    ("deeply nested", b"[" * 100_000, 400, "bad_json"),
    ("number too long to read", b'{"answer": ' + b"9" * 5_000 + b"}", 400, "bad_json"),
    ("json null", b"null", 400, "bad_request"),
    ("json list", b'["agents"]', 400, "bad_request"),
    ("json string", b'"agents"', 400, "bad_request"),
    # wrong types
    ("answer is a number", b'{"answer": 42}', 400, "bad_type"),
    ("answer is null", b'{"answer": null}', 400, "bad_type"),
    ("answer is a list", b'{"answer": ["agents"]}', 400, "bad_type"),
    ("answer is an object", b'{"answer": {"text": "agents"}}', 400, "bad_type"),
    ("answer is true", b'{"answer": true}', 400, "bad_type"),
    ("answer is infinity", b'{"answer": Infinity}', 400, "bad_type"),
    ("reflection is a number", b'{"answer": "agents", "reflection": 1}', 400, "bad_type"),
    # missing or extra fields
    ("no answer", b"{}", 400, "bad_type"),
    ("only a reflection", b'{"reflection": "hm"}', 400, "bad_type"),
    ("extra field", b'{"answer": "agents", "attempts": 0}', 400, "unexpected_field"),
    ("score smuggled in", b'{"answer": "agents", "raw_earned": 6}', 400, "unexpected_field"),
    ("prototype key", b'{"answer": "agents", "__proto__": {}}', 400, "unexpected_field"),
    # empty or whitespace-only answers
    ("empty answer", b'{"answer": ""}', 400, "empty_answer"),
    ("spaces and newlines", b'{"answer": "   \\n\\t \\r\\n  "}', 400, "empty_answer"),
    ("unicode spaces", b'{"answer": "\\u3000\\u00a0\\u2003"}', 400, "empty_answer"),
    ("only list markers", b'{"answer": "- \\n* \\n1."}', 400, "empty_answer"),
    ("only control characters", b'{"answer": "\\u0000\\u0001\\u001b\\u007f"}', 400, "empty_answer"),
    ("thousands of blank lines", json.dumps({"answer": "\n" * 19_000}).encode(), 400, "empty_answer"),
    # over the limits
    ("one character too many", json.dumps({"answer": "a" * (DEFAULT_MAX_CHARS + 1)}).encode(), 400,
     "answer_too_long"),
    ("a megabyte", json.dumps({"answer": "agents " * 150_000}).encode(), 400, "answer_too_long"),
    ("one entry too many", json.dumps({"answer": entries(DEFAULT_MAX_ENTRIES + 1)}).encode(), 400,
     "too_many_entries"),
    ("thousands of lines", json.dumps({"answer": "\n".join(f"c{n}x" for n in range(2_500))}).encode(), 400,
     "too_many_entries"),
    ("thousands of commas", json.dumps({"answer": ",".join(f"c{n}x" for n in range(3_000))}).encode(), 400,
     "too_many_entries"),
    ("reflection too long", json.dumps({"answer": "agents", "reflection": "r" * 5_001}).encode(), 400,
     "reflection_too_long"),
]

# (case, answer, what the stored answer must be): graded, one attempt used.
HANDLED = [
    ("NUL and control characters", "policy\x00holders\n\x1b[31mbrokers\x07\nmy\x7f boss",
     "policyholders\n[31mbrokers\nmy boss"),
    ("lone surrogates", "insureds\ud800\n\udfffbrokers", "insureds\ufffd\n\ufffdbrokers"),
    ("right-to-left text", "\u202eagents\u202c\nالموظفون\nעמיתים לעבודה", "\u202eagents\u202c\nالموظفون\nעמיתים לעבודה"),
    ("emoji", "👩‍💼 coworkers\n🏢 other departments 🎉", "👩‍💼 coworkers\n🏢 other departments 🎉"),
    ("HTML and JavaScript", '<script>alert(1)</script>\n<img src=x onerror="alert(1)">\n</script><b>agents</b>',
     '<script>alert(1)</script>\n<img src=x onerror="alert(1)">\n</script><b>agents</b>'),
    ("Windows line ends", "agents\r\ncoworkers\rmy boss", "agents\ncoworkers\nmy boss"),
    ("exactly the character limit", "agents\n" + "a" * (DEFAULT_MAX_CHARS - 7), None),
    ("exactly the entry limit", entries(DEFAULT_MAX_ENTRIES), None),
]


class MarkingI18n:
    """Translates every message into a visibly marked form: proves it went through the i18n service."""

    def gettext(self, text):
        return f"«{text}»"

    def ngettext(self, singular, plural, count):
        return f"«{singular if count == 1 else plural}»"

    def __getattr__(self, name):
        raise AttributeError(name)


def marked_block(exercise=None, user_id="learner-1", is_staff=False):
    runtime = RecordingRuntime(user_id=user_id, is_staff=is_staff)
    runtime._services["i18n"] = MarkingI18n()
    return make_block(exercise or Exercise(max_attempts=3), runtime)


def submitted_block():
    """A learner who has already answered once, so a refusal has state to lose."""
    block = marked_block()
    status, _state = call_handler(block, "submit", {"answer": FIRST_ANSWER, "reflection": "so many"})
    assert status == 200
    return block


def assert_refused_and_unchanged(block, body, status, code):
    before = learner_fields(block)
    events = len(block.runtime.events)
    got_status, response = call_handler(block, "submit", body)
    assert (got_status, response["code"]) == (status, code)
    assert response["error"].startswith("«") and response["error"].endswith("»")  # translated
    assert learner_fields(block) == before
    assert len(block.runtime.events) == events  # no grade, no completion


class TestAtHandlerLevel:
    @pytest.mark.parametrize("case, body, status, code", REFUSED, ids=[case[0] for case in REFUSED])
    def test_refused_and_nothing_changes(self, case, body, status, code):
        assert_refused_and_unchanged(submitted_block(), body, status, code)

    @pytest.mark.parametrize("case, answer, stored", HANDLED, ids=[case[0] for case in HANDLED])
    def test_odd_but_legitimate_input_is_graded_and_stored_clean(self, case, answer, stored):
        block = submitted_block()
        status, state = call_handler(block, "submit", {"answer": answer})
        assert status == 200
        assert block.attempts == 2 and len(block.runtime.grade_events()) == 2
        assert block.answer == (stored if stored is not None else answer)
        assert state["answer"] == block.answer
        block.answer.encode("utf-8")  # storable: no lone surrogates left
        json.dumps(state, ensure_ascii=False).encode("utf-8")

    def test_instructor_limits_are_enforced(self):
        block = marked_block(Exercise(max_attempts=3, max_chars=100, max_entries=2))
        assert_refused_and_unchanged(block, {"answer": "a" * 101}, 400, "answer_too_long")
        assert_refused_and_unchanged(block, {"answer": "agents\ncoworkers\nmy boss"}, 400, "too_many_entries")
        assert call_handler(block, "submit", {"answer": "agents\ncoworkers"})[0] == 200

    def test_submission_after_the_last_attempt(self):
        block = marked_block(Exercise(max_attempts=1))
        assert call_handler(block, "submit", {"answer": FIRST_ANSWER})[0] == 200
        assert_refused_and_unchanged(block, {"answer": "agents"}, 409, "no_attempts_left")
        # Even a broken body is refused as "no attempts left" and changes nothing.
        assert_refused_and_unchanged(block, b"{broken", 400, "bad_json")

    def test_get_and_other_methods_are_refused(self):
        block = submitted_block()
        for method in ("GET", "PUT", "DELETE"):
            before = learner_fields(block)
            status, response = call_handler(block, "submit", b"", method=method)
            assert (status, response["code"]) == (405, "method_not_allowed")
            assert learner_fields(block) == before

    def test_every_handler_is_for_learners_or_staff_only(self):
        handlers = {name for name in dir(CustomerTenetXBlock)
                    if getattr(getattr(CustomerTenetXBlock, name, None), "_is_xblock_handler", False)}
        assert LEARNER_HANDLERS <= handlers
        assert set(staff_only_handlers(CustomerTenetXBlock)) == handlers - LEARNER_HANDLERS

    @pytest.mark.parametrize("name", sorted(staff_only_handlers(CustomerTenetXBlock)))
    @pytest.mark.parametrize("body", [{}, {"config": {"display_name": "Hacked"}, "answer": "agents"}, b"null"])
    def test_learners_get_403_from_staff_only_handlers(self, name, body):
        block = submitted_block()
        config_before = block.exercise
        before = learner_fields(block)
        status, response = call_handler(block, name, body)
        assert (status, response["code"]) == (403, "staff_only")
        assert response["error"] == "«Only course staff can do this.»"
        assert learner_fields(block) == before and block.exercise == config_before
        assert len(block.runtime.grade_events()) == 1


# ---- over HTTP, against the workbench ---------------------------------------------------------

SCENARIO = "customer_tenet.1"  # two attempts


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """Our own development server, so the test can read its database."""
    home = tmp_path_factory.mktemp("hostile-workbench")
    with serving(home) as (_process, base):
        yield base, home / "var" / "workbench.db"


def stored_row(database, student):
    """The learner's user-state row as the workbench stored it: raw text, byte for byte."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30) as connection:
        rows = connection.execute(
            "SELECT scope_id, state FROM workbench_xblockstate WHERE scope = 'usage' AND user_id = ?",
            (student,),
        ).fetchall()
    return sorted(rows)


def answered_learner(base, student, language="en"):
    learner = WorkbenchUser(base, student, language=language, scenario=SCENARIO)
    response = learner.post("submit", {"answer": FIRST_ANSWER, "reflection": "so many"})
    assert response.status_code == 200, response.text
    return learner


class TestOverHttp:
    @pytest.mark.parametrize("case, body, status, code", REFUSED, ids=[case[0] for case in REFUSED])
    def test_refused_and_the_stored_row_is_unchanged(self, server, case, body, status, code):
        base, database = server
        student = "hostile-" + "".join(char if char.isalnum() else "-" for char in case)
        learner = answered_learner(base, student, language="es")
        before = stored_row(database, student)
        assert before
        response = learner.post("submit", body)
        assert response.status_code == status, response.text[:500]
        assert response.headers["Content-Type"].startswith("application/json")
        payload = response.json()
        assert payload["code"] == code and payload["error"]
        assert stored_row(database, student) == before

    def test_refusals_are_in_the_learners_language(self, server):
        base, _database = server
        learner = WorkbenchUser(base, "hostile-spanish", language="es", scenario=SCENARIO)
        assert learner.post("submit", b"{broken").json()["error"] == "No se pudo leer la solicitud como JSON."
        assert learner.post("submit", {"answer": " "}).json()["error"] == \
            "Escribe al menos un cliente antes de enviar."

    @pytest.mark.parametrize("case, answer, stored", HANDLED, ids=[case[0] for case in HANDLED])
    def test_odd_but_legitimate_input_is_graded(self, server, case, answer, stored):
        base, database = server
        student = "odd-" + "".join(char if char.isalnum() else "-" for char in case)
        learner = WorkbenchUser(base, student, scenario=SCENARIO)
        body = json.dumps({"answer": answer}).encode("utf-8")  # lone surrogates travel as \\u escapes
        response = learner.post("submit", body)
        assert response.status_code == 200, response.text[:500]
        state = response.json()
        assert state["answer"] == (stored if stored is not None else answer) and state["attempts"] == 1
        assert json.loads(stored_row(database, student)[0][1])["answer"] == state["answer"]
        again = WorkbenchUser(base, student, scenario=SCENARIO)
        assert again.post("learner_state", {}).json()["answer"] == state["answer"]

    def test_submission_after_the_last_attempt(self, server):
        base, database = server
        learner = answered_learner(base, "hostile-out-of-attempts")
        assert learner.post("submit", {"answer": "agents"}).status_code == 200
        before = stored_row(database, learner.name)
        response = learner.post("submit", {"answer": "coworkers"})
        assert response.status_code == 409 and response.json()["code"] == "no_attempts_left"
        assert stored_row(database, learner.name) == before

    def test_learners_get_403_from_every_staff_only_handler(self, server):
        base, database = server
        learner = answered_learner(base, "hostile-not-staff")
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
            everything_before = connection.execute("SELECT * FROM workbench_xblockstate ORDER BY id").fetchall()
        names = staff_only_handlers(CustomerTenetXBlock)
        assert names
        for name in names:
            response = learner.post(name, {"config": {"display_name": "Hacked"}, "answer": "agents"})
            assert response.status_code == 403, (name, response.text[:300])
            assert response.json()["code"] == "staff_only"
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
            assert connection.execute("SELECT * FROM workbench_xblockstate ORDER BY id").fetchall() \
                == everything_before

    def test_staff_pass_the_staff_only_check(self, server):
        base, _database = server
        staff = WorkbenchUser(base, "staff-hostile", scenario=SCENARIO)
        for name in staff_only_handlers(CustomerTenetXBlock):
            response = staff.post(name, b"null")
            assert response.status_code != 403 and response.status_code < 500, (name, response.text[:300])

    def test_the_page_never_carries_learner_markup_as_markup(self, server):
        base, _database = server
        payload = '</script><script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'
        learner = WorkbenchUser(base, "hostile-markup", scenario=SCENARIO)
        assert learner.post("submit", {"answer": "agents\n" + payload}).status_code == 200
        page = WorkbenchUser(base, "hostile-markup", scenario=SCENARIO).page
        assert "<script>window.pwned" not in page and "<img src=x onerror" not in page


def race(learner_names_and_bodies, base, scenario=SCENARIO):
    """Send the submissions at the same instant; return [(body, status, json)]."""
    learners = [(WorkbenchUser(base, name, scenario), body) for name, body in learner_names_and_bodies]
    barrier = threading.Barrier(len(learners))
    results = [None] * len(learners)

    def send(index, learner, body):
        barrier.wait(timeout=30)
        response = learner.post("submit", body)
        results[index] = (body, response.status_code, response.json())

    threads = [threading.Thread(target=send, args=(index, learner, body))
               for index, (learner, body) in enumerate(learners)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def check_race(results, stored, max_attempts, one_process=True):
    """
    What "correct" means for one learner's racing submissions: each is graded
    (200) or refused as out of attempts (409), never a 500; the stored
    attempts never exceed the maximum; the stored answer and reflection are
    those of one graded submission. Across processes the workbench writes
    each field separately, so there they are each from a graded submission,
    not necessarily the same one (README, "Limits and hardening").
    """
    assert {status for _body, status, _json in results} <= {200, 409}, results
    graded = [(body, state) for body, status, state in results if status == 200]
    assert graded
    assert stored["attempts"] <= max_attempts
    if one_process:
        assert any(stored["answer"] == body["answer"] and stored["reflection"] == body["reflection"]
                   for body, _state in graded), stored
    else:
        assert stored["answer"] in {body["answer"] for body, _state in graded}, stored
        assert stored["reflection"] in {body["reflection"] for body, _state in graded}, stored
    return graded


def test_two_submissions_racing_from_the_same_learner(server):
    """On one server process: at most one of the racing submissions takes the last attempt."""
    base, database = server
    for round_number in range(5):
        student = f"racer-{round_number}"
        answered_learner(base, student)  # one of two attempts left
        bodies = [{"answer": f"agents\nracer answer {n}", "reflection": f"reflection {n}"} for n in range(6)]
        results = race([(student, body) for body in bodies], base)
        stored = json.loads(stored_row(database, student)[0][1])
        graded = check_race(results, stored, max_attempts=2)
        assert len(graded) == 1, [status for _b, status, _j in results]
        assert stored["attempts"] == 2 and stored["answer"] == graded[0][0]["answer"]


# ---- properties of the submission checks (the matching engine's own are in test_engine_properties.py) -----

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from customer_tenet_xblock.answers import Refusal, Submission, clean_text, read_submission  # noqa: E402

# Any code point, with the troublesome ones (surrogates, controls, line ends, bidi marks) made common.
ANY_TEXT = st.text(st.characters(exclude_categories=()) | st.sampled_from(
    ["\ud800", "\udfff", "\ud83d", "\ude00", "\x00", "\x1b", "\r", "\n", "\t", " ", "\u202e", "\u200b", ","]),
    max_size=300)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | ANY_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner, max_size=4),
    max_leaves=12,
)
SUBMISSION_BODIES = JSON_VALUES | st.fixed_dictionaries(
    {"answer": ANY_TEXT}, optional={"reflection": ANY_TEXT | JSON_VALUES, "extra": JSON_VALUES})


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_clean_text_is_storable_bounded_and_idempotent(text):
    cleaned = clean_text(text)
    cleaned.encode("utf-8")  # no lone surrogate survives
    assert len(cleaned) <= len(text)
    assert clean_text(cleaned) == cleaned
    assert not any(ord(char) < 32 and char not in "\n\t" for char in cleaned)


@settings(max_examples=300, deadline=None)
@given(SUBMISSION_BODIES)
def test_read_submission_accepts_within_limits_or_refuses(data):
    exercise = Exercise(max_chars=200, max_entries=5)
    try:
        submission = read_submission(data, exercise, MarkingI18n())
    except Refusal as refusal:
        assert refusal.status == 400 and refusal.message.startswith("«")
        return
    assert isinstance(submission, Submission)
    assert submission.answer.strip() and len(submission.answer) <= exercise.max_chars
    assert 1 <= len(submission.entries) <= exercise.max_entries
    submission.answer.encode("utf-8")
