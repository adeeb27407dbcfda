"""The customer-tenet command, run as an instructor would run it."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from customer_tenet_xblock.exercise import olx
from customer_tenet_xblock.exercise.presets import MANAGERS
from customer_tenet_xblock.exercise.settings import Exercise

# The console script pip installed, as an instructor runs it.
CLI = str(Path(sys.executable).parent / "customer-tenet")


def run(*args, stdin=""):
    return subprocess.run([CLI, *args], input=stdin, capture_output=True, text=True, timeout=60)


def run_bytes(*args, stdin=b"", shell_redirect=""):
    """Bytes in and out; `shell_redirect` (like "<&-") is applied by a real shell."""
    command = [CLI, *args]
    if shell_redirect:
        command = ["sh", "-c", '"$0" "$@" ' + shell_redirect, *command]
    return subprocess.run(command, input=None if shell_redirect else stdin, capture_output=True, timeout=60)


def strict_json(text):
    """JSON as the standard defines it: NaN and Infinity are not JSON."""
    def refuse(literal):
        raise ValueError(f"not JSON: {literal}")
    return json.loads(text, parse_constant=refuse)


def assert_refused(result, message):
    """One line on stderr, exit status 2, nothing on stdout."""
    stderr = result.stderr.decode("utf-8") if isinstance(result.stderr, bytes) else result.stderr
    assert (result.returncode, result.stdout) == (2, result.stdout[:0]), stderr
    assert stderr.count("\n") == 1 and stderr.startswith("customer-tenet: ") and stderr.endswith(f"{message}\n")


def test_grade_prints_readable_feedback():
    result = run("grade", "-", stdin="our insureds\nclaims dept\nmy dog\n")
    assert result.returncode == 0, result.stderr
    assert "2 of 6 customer groups — 2/6 points" in result.stdout
    assert "[x] Policyholders" in result.stdout and "[ ] Coworkers" in result.stdout
    # The evidence says in words which of the learner's words matched which term.
    assert "“our insureds”: the words “insureds” match “insured”" in result.stdout
    assert "“claims dept”: the words “claims dept” match “department + claims”" in result.stdout
    assert "my dog" in result.stdout.split("Not placed in any group:")[1]


def test_one_group_and_one_point_are_singular(tmp_path):
    block_xml = tmp_path / "block.xml"
    block_xml.write_text('<customer_tenet><group id="agents"><label>Agents</label></group></customer_tenet>')
    result = run("grade", "--taxonomy", str(block_xml), stdin="agents\n")
    assert result.stdout.startswith("1 of 1 customer group — 1/1 point\n"), result.stdout


def test_grade_json(tmp_path):
    answer = tmp_path / "answer.txt"
    answer.write_text("agents and their staff\n", encoding="utf-8")
    result = run("grade", "--json", str(answer))
    data = json.loads(result.stdout)
    assert data["covered"] == ["agents", "agent_staff"]
    assert data["earned"] == 2.0 and data["possible"] == 6.0


def test_taxonomy_takes_the_blocks_olx(tmp_path):
    block_xml = tmp_path / "block.xml"
    block_xml.write_text(olx.exercise_to_text(Exercise(taxonomy=MANAGERS)), encoding="utf-8")
    result = run("grade", "--json", "--taxonomy", str(block_xml), stdin="my direct reports\nclients\n")
    data = json.loads(result.stdout)
    assert data["covered"] == ["direct_reports", "customers"]
    assert data["possible"] == 4.0 and data["earned"] == 3.0


def test_batch_writes_one_line_per_answer(tmp_path):
    batch = tmp_path / "answers.jsonl"
    batch.write_text(
        json.dumps({"id": "a", "text": "brokers\nfinance"}) + "\n\n" + json.dumps({"id": 7, "text": ""}) + "\n",
        encoding="utf-8",
    )
    result = run("grade", "--batch", str(batch))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[0] == {
        "id": "a", "entries": [{"text": "brokers", "groups": ["agents"]}, {"text": "finance", "groups": ["departments"]}],
        "covered": ["agents", "departments"],
        "missed": ["policyholders", "agent_staff", "management", "coworkers"],
        "earned": 2.0, "possible": 6.0,
    }
    # An empty answer is refused as the course refuses it, in the block's words, and the batch goes on.
    assert lines[1] == {"id": 7, "refused": {
        "code": "empty_answer", "message": "Write at least one customer before you submit."}}


def test_batch_applies_the_courses_limits_to_each_answer(tmp_path):
    """What the block would refuse (too many entries, too long) is a refused line; the other answers are graded."""
    block = tmp_path / "block.xml"
    block.write_text(olx.exercise_to_text(Exercise().with_changes(max_entries=2, max_chars=100)), encoding="utf-8")
    batch = tmp_path / "answers.jsonl"
    answers = [("ok", "agents\ncoworkers"), ("many", "agents\ncoworkers\nbrokers"), ("long", "agents " * 30)]
    batch.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in answers), encoding="utf-8")
    result = run("grade", "--batch", str(batch), "--taxonomy", str(block))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[0]["covered"] == ["agents", "coworkers"]
    assert lines[1]["refused"]["code"] == "too_many_entries" and "at most 2 customers" in lines[1]["refused"]["message"]
    assert lines[2]["refused"]["code"] == "answer_too_long"


@pytest.mark.parametrize("content, message", [
    ('{"id": 1, "text": "agents"}\n{"id": 2, "text": ', "answers.jsonl:2: not valid JSON"),
    ('{"id": 1, "text": 5}\n', 'answers.jsonl:1: expected an object with "id" and a string "text"'),
    ('["agents"]\n', "answers.jsonl:1: expected an object"),
])
def test_bad_batch_lines_write_nothing(tmp_path, content, message):
    batch = tmp_path / "answers.jsonl"
    batch.write_text(content, encoding="utf-8")
    result = run("grade", "--batch", str(batch))
    assert result.returncode == 2 and result.stdout == ""
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("olx_text, message", [
    ("<customer_tenet><group>", "not well-formed"),
    ('<customer_tenet><group id="a" points="-1"><label>A</label></group></customer_tenet>', "groups.0.points"),
    ('<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><customer_tenet><prompt>&x;</prompt></customer_tenet>',
     "DTDs and entities are not allowed"),
])
def test_bad_olx_exits_2(tmp_path, olx_text, message):
    block_xml = tmp_path / "block.xml"
    block_xml.write_text(olx_text, encoding="utf-8")
    result = run("grade", "--taxonomy", str(block_xml), stdin="agents")
    assert result.returncode == 2 and result.stdout == ""
    assert message in result.stderr


def test_missing_file_exits_2(tmp_path):
    result = run("grade", str(tmp_path / "nope.txt"))
    assert result.returncode == 2 and "cannot read" in result.stderr


# ---- input that used to crash the command with a traceback ---------------------------------

def test_lone_surrogates_in_a_batch_line_are_escaped_in_ids_and_cleaned_in_texts(tmp_path):
    batch = tmp_path / "answers.jsonl"
    batch.write_text('{"id": "a\\ud800", "text": "agents\\udc00\\ncoworkers"}\n{"id": {"\\udfff": 1}, "text": "x"}\n',
                     encoding="utf-8")
    result = run_bytes("grade", "--batch", str(batch))
    assert result.returncode == 0 and result.stderr == b"", result.stderr
    first, second = [strict_json(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert first["id"] == "a\ud800" and second["id"] == {"\udfff": 1}  # the ids come back as sent
    assert first["entries"] == [{"text": "agents\ufffd", "groups": ["agents"]},
                                {"text": "coworkers", "groups": ["coworkers"]}]


@pytest.mark.parametrize("line, message", [
    ("[" * 100_000, "answers.jsonl:2: nested too deeply"),
    ('{"id": ' + "[" * 5_000 + "]" * 5_000 + ', "text": "agents"}', "answers.jsonl:2: nested too deeply"),
    ('{"id": NaN, "text": "agents"}', "answers.jsonl:2: not valid JSON"),
    ('{"id": Infinity, "text": "agents"}', "answers.jsonl:2: not valid JSON"),
    ('{"id": [-Infinity], "text": "agents"}', "answers.jsonl:2: not valid JSON"),
    ('{"id": 1e400, "text": "agents"}', "answers.jsonl:2: not valid JSON"),
])
def test_batch_lines_that_cannot_be_read_or_written_as_json_write_nothing(tmp_path, line, message):
    batch = tmp_path / "answers.jsonl"
    batch.write_text('{"id": 1, "text": "agents"}\n' + line + "\n", encoding="utf-8")
    assert_refused(run("grade", "--batch", str(batch)), message)


def test_a_400_digit_id_is_written_as_it_came():
    big = "1" + "0" * 400
    result = run("grade", "--batch", "-", stdin='{"id": ' + big + ', "text": "agents"}\n')
    assert result.returncode == 0, result.stderr
    assert strict_json(result.stdout)["id"] == 10 ** 400


@pytest.mark.parametrize("args", [("grade", "-"), ("grade", "--json", "-"), ("grade", "--batch", "-")])
def test_stdin_that_is_not_utf8_is_refused_like_a_file_that_is_not(tmp_path, args):
    content = b'{"id": 1, "text": "agents \xff"}\n'
    answer = tmp_path / "answer.txt"
    answer.write_bytes(content)
    from_file = run_bytes(*args[:-1], str(answer))
    assert_refused(from_file, f"{answer} is not UTF-8 text")
    assert_refused(run_bytes(*args, stdin=content), "<stdin> is not UTF-8 text")


@pytest.mark.parametrize("args", [("grade", "-"), ("grade", "--batch", "-"), ("grade",)])
def test_closed_stdin_is_reported(args):
    assert_refused(run_bytes(*args, shell_redirect="<&-"), "cannot read <stdin>: it is closed")


def test_closed_stdout_is_reported(tmp_path):
    answer = tmp_path / "answer.txt"
    answer.write_text("agents\n", encoding="utf-8")
    result = run_bytes("grade", str(answer), shell_redirect=">&-")
    assert result.returncode == 2
    assert result.stderr == b"customer-tenet: cannot write the output: standard output is closed\n"


def test_output_is_utf8_whatever_the_locale(tmp_path):
    answer = tmp_path / "answer.txt"
    answer.write_text("agents\nمدير\n", encoding="utf-8")
    result = subprocess.run([CLI, "grade", "--json", str(answer)], capture_output=True, timeout=60,
                            env={"PATH": "/usr/bin:/bin", "LC_ALL": "C", "PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert strict_json(result.stdout.decode("utf-8"))["unplaced"] == ["مدير"]


def test_the_refusal_is_in_the_users_language():
    result = subprocess.run(["sh", "-c", '"$0" grade - <&-', CLI], capture_output=True, timeout=60,
                            env={"PATH": "/usr/bin:/bin", "LANGUAGE": "es"})
    assert result.returncode == 2
    assert result.stderr.decode("utf-8") == "customer-tenet: no se puede leer <stdin>: está cerrada\n"


def test_the_course_limits_refuse_an_answer_as_the_block_does(tmp_path):
    assert_refused(run("grade", "-", stdin="\n  \n"), "<stdin>: Write at least one customer before you submit.")
    block_xml = tmp_path / "block.xml"
    block_xml.write_text(olx.exercise_to_text(Exercise(max_entries=2)), encoding="utf-8")
    assert_refused(run("grade", "--taxonomy", str(block_xml), "-", stdin="agents\nbrokers\nmy boss\n"),
                   "<stdin>: Your list has too many entries: list at most 2 customers.")


def test_why_a_missed_group_matters_follows_the_exercises_policy(tmp_path):
    def whys(*args):
        result = run("grade", *args, "-", stdin="policyholders\n")
        assert result.returncode == 0, result.stderr
        return result.stdout.count("Why it matters: ")

    assert whys() == 1  # unlimited attempts, shown after the last one: only the found group's
    assert whys("--show-why") == 6
    one_attempt = tmp_path / "block.xml"
    one_attempt.write_text(olx.exercise_to_text(Exercise(max_attempts=1)), encoding="utf-8")
    assert whys("--taxonomy", str(one_attempt)) == 6  # after the first attempt none is left
