"""The customer-tenet command, run as an instructor would run it."""
import json
import subprocess
import sys

import pytest

from customer_tenet_xblock import olx
from customer_tenet_xblock.exercise import Exercise
from customer_tenet_xblock.presets import MANAGERS


def run(*args, stdin=""):
    return subprocess.run(
        [sys.executable, "-m", "customer_tenet_xblock.cli", *args],
        input=stdin, capture_output=True, text=True, timeout=60,
    )


def test_grade_prints_readable_feedback():
    result = run("grade", "-", stdin="policyholders\nmy boss\nmy dog\n")
    assert result.returncode == 0, result.stderr
    assert "2 of 6 customer groups — 2/6 points" in result.stdout
    assert "[x] Policyholders" in result.stdout and "[ ] Coworkers" in result.stdout
    assert "my dog" in result.stdout.split("Not placed:")[1]


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
    assert lines[1]["id"] == 7 and lines[1]["entries"] == [] and lines[1]["earned"] == 0


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
