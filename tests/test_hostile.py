"""
Hostile and broken input: every case of the hardening issue at handler level
(the recording runtime), plus smoke tests over real HTTP against the workbench.

Each refusal is a JSON error with a stable code and a translated message,
never a 500, uses no attempt, publishes no grade and leaves the learner's
stored state exactly as it was (over HTTP: the database row, byte for byte).
Input that is odd but legitimate (right-to-left text, emoji, markup, control
characters) is graded and stored as clean text.
"""
import json
import sqlite3

import pytest
from webob import Request

from customer_tenet_xblock.block import CustomerTenetXBlock
from customer_tenet_xblock.block.permissions import staff_only_handlers
from customer_tenet_xblock.block.studio import editor_data
from customer_tenet_xblock.exercise.settings import DEFAULT_MAX_CHARS, DEFAULT_MAX_ENTRIES, Exercise
from customer_tenet_xblock.exercise.submission import MAX_ANSWER_WORDS
from helpers import (
    RecordingRuntime,
    WorkbenchUser,
    call_handler,
    check_race,
    learner_fields,
    make_block,
    race,
    stored_row,
)

FIRST_ANSWER = "insureds\nbrokers\nmy boss"
# Handlers a learner may call; every other handler must be staff-only.
LEARNER_HANDLERS = {"submit", "learner_state"}
# Every handler of the block, discovered: a new one is fed every hostile body below without being listed.
HANDLERS = sorted(name for name in dir(CustomerTenetXBlock)
                  if getattr(getattr(CustomerTenetXBlock, name, None), "_is_xblock_handler", False))


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
    # within the characters, over the words: a symbol or a letter a word (grading's cost is per word)
    ("a symbol a character", json.dumps({"answer": "&" * (MAX_ANSWER_WORDS + 1)}).encode(), 400,
     "answer_too_many_words"),
    ("a letter a word", json.dumps({"answer": "a " * (MAX_ANSWER_WORDS + 1)}).encode(), 400, "answer_too_many_words"),
    ("circled letters fold to words", json.dumps({"answer": "\u24d0 " * (MAX_ANSWER_WORDS + 1)}).encode(), 400,
     "answer_too_many_words"),
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
    ("the most words an answer may hold", "a " * MAX_ANSWER_WORDS, "a " * MAX_ANSWER_WORDS),
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

    def test_every_handler_is_for_learners_or_staff_only(self):
        handlers = set(HANDLERS)
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


# ---- every handler x every hostile body and content type --------------------------------------

JSON = "application/json"
MULTIPART_BODY = (b'--hostile\r\nContent-Disposition: form-data; name="answer"\r\n\r\nagents\r\n'
                  b'--hostile\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n'
                  b"Content-Type: text/plain\r\n\r\nagents\r\n--hostile--\r\n")
# (case, content type, body): what an HTML form or a careless client sends; no handler reads any of them.
NOT_JSON = [
    ("multipart form", "multipart/form-data; boundary=hostile", MULTIPART_BODY),
    ("multipart, capitalised", "Multipart/Form-Data; boundary=hostile", MULTIPART_BODY),
    ("urlencoded form", "application/x-www-form-urlencoded", b"answer=agents&preset=insurance"),
    ("JSON sent as text/plain", "text/plain", b'{"answer": "agents"}'),
    ("XML", "application/xml", b"<answer>agents</answer>"),
]
# Raw JSON literals for a number that no float holds, or that is no number at all.
HOSTILE_NUMBERS = ["1" + "0" * 400, "-1" + "0" * 400, "1e400", "NaN", "Infinity", "-Infinity"]
NUMERIC_SETTINGS = ("max_attempts", "weight", "max_chars", "max_entries", "balance_points")
MARK = "#number#"


def with_number(template, literal):
    """`template` as a JSON body, each MARK string replaced by the raw number literal."""
    return json.dumps(template).replace(json.dumps(MARK), literal).encode()


def numbers_config(spots=NUMERIC_SETTINGS + ("groups.0.points",)):
    """The editor's configuration with MARK in the given numeric spots."""
    config = editor_data(Exercise())
    for spot in spots:
        if spot.startswith("groups."):
            config["groups"][int(spot.split(".")[1])]["points"] = MARK
        else:
            config[spot] = MARK
    return config


NUMBER_TEMPLATES = {
    "answer": {"answer": MARK},
    "reflection": {"answer": "agents", "reflection": MARK},
    "preset": {"preset": MARK},
    "every config number": numbers_config(),
    "config and answer": {"config": numbers_config(), "answer": MARK},
    "the whole body": MARK,
}
# (case, method, content type, body)
HOSTILE = [
    ("empty body", "POST", JSON, b""),
    *[(case, "POST", content_type, body) for case, content_type, body in NOT_JSON],
    ("no content type, not JSON", "POST", "", b"answer=agents"),
    ("invalid utf-8", "POST", JSON, b'{"answer": "agents\xff\xfe"}'),
    ("deeply nested arrays", "POST", JSON, b"[" * 100_000 + b"]" * 100_000),
    ("deeply nested objects", "POST", JSON, b'{"a": ' * 5_000 + b"1" + b"}" * 5_000),
    ("top-level array", "POST", JSON, b'["agents"]'),
    ("top-level string", "POST", JSON, b'"agents"'),
    ("top-level null", "POST", JSON, b"null"),
    ("non-strings where strings go", "POST", JSON, json.dumps({
        "answer": ["agents"], "reflection": {"a": 1}, "preset": ["insurance"],
        "config": {"display_name": 5, "prompt": None, "groups": "agents"}}).encode()),
    ("non-string preset", "POST", JSON, b'{"preset": ["insurance"]}'),
    ("non-string config texts", "POST", JSON, json.dumps(
        {**editor_data(Exercise()), "display_name": ["x"], "show_why": {}, "lexicon": 1}).encode()),
    *[(f"{literal[:9]} as {spot}", "POST", JSON, with_number(template, literal))
      for spot, template in NUMBER_TEMPLATES.items() for literal in HOSTILE_NUMBERS],
    ("GET", "GET", "", b""),
    ("PUT", "PUT", JSON, b'{"answer": "agents"}'),
    ("DELETE", "DELETE", "", b""),
]


def strict_json(text):
    """JSON as the standard defines it: NaN and Infinity are not JSON."""
    def refuse(literal):
        raise ValueError(f"not JSON: {literal}")
    return json.loads(text, parse_constant=refuse)


def send(block, name, method="POST", content_type=JSON, body=b""):
    """Call a handler with a raw request; returns (status, headers, strictly parsed JSON)."""
    request = Request.blank("/", method=method)
    if content_type:
        request.content_type = content_type
    if method != "GET":
        request.body = body
    response = block.runtime.handle(block, name, request)
    assert response.content_type == JSON
    return response.status_code, response.headers, strict_json(response.body.decode("utf-8"))


class NoLearners:
    """The LMS's user state client for a course nobody has answered yet: the staff reports answer 200."""

    def iter_all_for_block(self, block_key, scope=None):
        return iter(())


def answered_block(is_staff):
    block = marked_block(user_id="staff-1" if is_staff else "learner-1", is_staff=is_staff)
    block.runtime._services["user_state_client"] = NoLearners()
    assert call_handler(block, "submit", {"answer": FIRST_ANSWER, "reflection": "so many"})[0] == 200
    return block


def assert_answered_and_unchanged(block, name, method, content_type, body):
    """A 2xx, or a 4xx with a translated JSON error; no state changed, no event published."""
    before = (learner_fields(block), block.exercise, len(block.runtime.events))
    status, _headers, payload = send(block, name, method, content_type, body)
    assert 200 <= status < 300 or 400 <= status < 500, (name, status, payload)
    if status >= 400:
        assert payload["code"] and payload["error"].startswith("«"), (name, payload)
    assert (learner_fields(block), block.exercise, len(block.runtime.events)) == before, name
    return status, payload


class TestEveryHandlerAgainstHostileBodies:
    @pytest.mark.parametrize("is_staff", [False, True], ids=["learner", "staff"])
    @pytest.mark.parametrize("case, method, content_type, body", HOSTILE, ids=[case[0] for case in HOSTILE])
    def test_a_2xx_or_a_clear_4xx_and_nothing_changes(self, case, method, content_type, body, is_staff):
        block = answered_block(is_staff)
        for name in HANDLERS:
            assert_answered_and_unchanged(block, name, method, content_type, body)

    @pytest.mark.parametrize("case, content_type, body", NOT_JSON, ids=[case[0] for case in NOT_JSON])
    def test_bodies_that_are_not_json_are_refused_as_such(self, case, content_type, body):
        """
        Mirrors lms/djangoapps/courseware/block_render.py: _invoke_xblock_handler
        reads request.FILES before calling the handler, so a multipart body is
        consumed and request.body can no longer be read (a 500 before).
        """
        block = answered_block(is_staff=True)
        for name in HANDLERS:
            status, payload = assert_answered_and_unchanged(block, name, "POST", content_type, body)
            assert (status, payload["code"]) == (415, "unsupported_media_type"), name
            assert payload["error"] == "«Send the request as JSON (Content-Type: application/json).»"

    @pytest.mark.parametrize("content_type", [JSON, "application/json; charset=utf-8", "APPLICATION/JSON",
                                              "application/vnd.api+json", ""])
    def test_json_is_read_whatever_way_its_type_is_written(self, content_type):
        block = answered_block(is_staff=False)
        status, _headers, state = send(block, "submit", "POST", content_type, b'{"answer": "agents"}')
        assert status == 200 and state["attempts"] == 2

    def test_a_body_larger_than_the_platform_takes_is_refused_before_it_is_read(self):
        block = answered_block(is_staff=True)
        body = json.dumps({"answer": "agents " * 400_000}).encode()
        for name in HANDLERS:
            status, payload = assert_answered_and_unchanged(block, name, "POST", JSON, body)
            assert (status, payload["code"]) == (413, "request_too_large"), name

    def test_only_learner_state_answers_get(self):
        block = answered_block(is_staff=True)
        status, _headers, posted = send(block, "learner_state", "POST", JSON, b"{}")
        assert send(block, "learner_state", "GET", "") == (200, send(block, "learner_state", "GET", "")[1], posted)
        for name in HANDLERS:
            for method in ("GET", "PUT", "DELETE"):
                if (name, method) == ("learner_state", "GET"):
                    continue
                status, headers, payload = send(block, name, method, JSON, b"{}")
                assert (status, payload["code"]) == (405, "method_not_allowed"), (name, method)
                assert headers["Allow"] == ("GET, POST" if name == "learner_state" else "POST")

    @pytest.mark.parametrize("literal", ["1" + "0" * 400, "-1" + "0" * 400, "1e400", "Infinity", "-Infinity"])
    @pytest.mark.parametrize("spot, message", [
        ("weight", "«The weight must be between 0 and 100.»"),
        ("balance_points", "«Points must be between 0 and 100.»"),
        ("groups.0.points", "«Points must be between 0 and 100.»"),
        ("max_attempts", "«Attempts must be between 0 (unlimited) and 1000.»"),
        ("max_chars", "«This limit must be between 100 and 20000.»"),
        ("max_entries", "«This limit must be between 1 and 500.»"),
    ])
    def test_a_number_no_float_holds_is_out_of_range(self, spot, message, literal):
        """A 400-digit integer made float() raise OverflowError: a 500 in studio_save and studio_preview."""
        block = answered_block(is_staff=True)
        config = numbers_config([spot])
        for name, template in (("studio_save", config), ("studio_preview", {"config": config, "answer": "agents"})):
            status, payload = assert_answered_and_unchanged(block, name, "POST", JSON, with_number(template, literal))
            assert (status, payload["code"]) == (400, "invalid_configuration"), name
            assert payload["fields"][spot] == message

    @pytest.mark.parametrize("spot", NUMERIC_SETTINGS + ("groups.0.points",))
    def test_nan_is_not_a_number(self, spot):
        block = answered_block(is_staff=True)
        status, payload = assert_answered_and_unchanged(
            block, "studio_save", "POST", JSON, with_number(numbers_config([spot]), "NaN"))
        assert status == 400
        whole = spot in ("max_attempts", "max_chars", "max_entries")
        assert payload["fields"] == {spot: "«Enter a whole number.»" if whole else "«Enter a number.»"}

    @pytest.mark.parametrize("preset", [["insurance"], {"id": "insurance"}, 1, None, True])
    def test_a_preset_that_is_not_a_string_is_unknown(self, preset):
        """A list as the preset made the PRESETS look-up raise TypeError (unhashable): a 500."""
        block = answered_block(is_staff=True)
        status, payload = assert_answered_and_unchanged(
            block, "studio_preset", "POST", JSON, json.dumps({"preset": preset}).encode())
        assert (status, payload["code"]) == (400, "unknown_preset")


# ---- over HTTP, against the workbench ---------------------------------------------------------

SCENARIO = "customer_tenet.1"  # two attempts


def answered_learner(base, student, language="en"):
    learner = WorkbenchUser(base, student, language=language, scenario=SCENARIO)
    response = learner.post("submit", {"answer": FIRST_ANSWER, "reflection": "so many"})
    assert response.status_code == 200, response.text
    return learner


@pytest.mark.slow
class TestOverHttp:
    """Smoke tests through the real request stack and database; every case is asserted at handler level above."""

    def test_a_refusal_is_translated_json_and_leaves_the_stored_row_as_it_was(self, server):
        base, database = server
        learner = answered_learner(base, "hostile-spanish", language="es")
        before = stored_row(database, learner.name)
        assert before
        refusals = [
            (learner.post("submit", b"{broken"), 400, "bad_json", "No se pudo leer la solicitud como JSON."),
            (learner.post("submit", {"answer": " "}), 400, "empty_answer",
             "Escribe al menos un cliente antes de enviar."),
            (send_over_http(learner, "submit", "POST", NOT_JSON[0][1], NOT_JSON[0][2]), 415,
             "unsupported_media_type", "Envía la solicitud como JSON (Content-Type: application/json)."),
        ]
        for response, status, code, message in refusals:
            assert response.status_code == status and response.headers["Content-Type"].startswith(JSON)
            assert (response.json()["code"], response.json()["error"]) == (code, message)
        assert stored_row(database, learner.name) == before

    def test_odd_but_legitimate_input_is_stored_clean_and_read_back(self, server):
        base, database = server
        cases = {case: (answer, stored) for case, answer, stored in HANDLED}
        kinds = ("NUL and control characters", "lone surrogates", "right-to-left text", "emoji")
        learner = WorkbenchUser(base, "odd-characters", scenario=SCENARIO)
        body = json.dumps({"answer": "\n".join(cases[kind][0] for kind in kinds)})  # surrogates travel as \u escapes
        response = learner.post("submit", body.encode("utf-8"))
        assert response.status_code == 200, response.text[:500]
        state = response.json()
        assert state["answer"] == "\n".join(cases[kind][1] for kind in kinds) and state["attempts"] == 1
        assert json.loads(stored_row(database, learner.name)[0][1])["answer"] == state["answer"]
        again = WorkbenchUser(base, learner.name, scenario=SCENARIO)
        assert again.post("learner_state", {}).json()["answer"] == state["answer"]

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


# A representative subset of HOSTILE, over real HTTP: each kind of body, and the cases that gave 500s.
HOSTILE_OVER_HTTP = [case for case in HOSTILE if case[0] in {
    "empty body", "multipart form", "multipart, capitalised", "urlencoded form", "JSON sent as text/plain",
    "invalid utf-8", "deeply nested arrays", "top-level null", "non-strings where strings go",
    "non-string preset", f"{HOSTILE_NUMBERS[0][:9]} as every config number",
    f"{HOSTILE_NUMBERS[0][:9]} as config and answer", "NaN as answer", "GET", "PUT", "DELETE",
}] + [("larger than the platform takes", "POST", JSON, json.dumps({"answer": "agents " * 400_000}).encode())]

# Django's CSRF check parses these as forms and answers its own 400 page before any handler runs
# (MultiPartParserError: Django parses "multipart/..." case-sensitively). The LMS does the same check.
REFUSED_BEFORE_THE_HANDLER = {"multipart, capitalised"}


def send_over_http(user, handler, method, content_type, body):
    """A raw request from a page's session: any method, content type and body, with the page's CSRF token."""
    headers = {"X-CSRFToken": user.session.cookies["csrftoken"]}
    if content_type:
        headers["Content-Type"] = content_type
    return user.session.request(
        method, f"{user.base}/handler/{user.usage}/{handler}/", params={"student": user.name},
        data=body if method != "GET" else None, headers=headers, timeout=user.timeout,
    )


def all_rows(database):
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30) as connection:
        return connection.execute("SELECT * FROM workbench_xblockstate ORDER BY id").fetchall()


@pytest.mark.slow
@pytest.mark.parametrize("student", ["hostile-bodies", "staff-hostile-bodies"])
def test_every_handler_answers_hostile_bodies_over_http(server, student):
    """
    Mirrors lms/djangoapps/courseware/block_render.py (handle_xblock_callback
    and _invoke_xblock_handler: the CSRF check and request.FILES read a form
    body before the handler runs), as the workbench does: a multipart body
    was a 500 (RawPostDataException).
    """
    base, database = server
    user = answered_learner(base, student)
    assert len(HOSTILE_OVER_HTTP) == 17
    for case, method, content_type, body in HOSTILE_OVER_HTTP:
        for name in HANDLERS:
            before = all_rows(database)
            response = send_over_http(user, name, method, content_type, body)
            assert all_rows(database) == before, (case, name)
            if case in REFUSED_BEFORE_THE_HANDLER:
                assert response.status_code == 400, (case, name)
                continue
            assert 200 <= response.status_code < 300 or 400 <= response.status_code < 500, \
                (case, name, response.status_code, response.text[:300])
            assert response.headers["Content-Type"].startswith(JSON), (case, name)
            payload = strict_json(response.text)
            if response.status_code >= 400:
                assert payload["code"] and payload["error"], (case, name)
            if case.startswith("multipart"):
                assert (response.status_code, payload["code"]) == (415, "unsupported_media_type"), name



@pytest.mark.slow
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

from customer_tenet_xblock.exercise.refusals import Refusal  # noqa: E402
from customer_tenet_xblock.exercise.submission import Submission, clean_text, read_submission  # noqa: E402

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
