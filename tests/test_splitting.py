"""Splitting a learner's free text into entries."""
import pytest

from customer_tenet_xblock.rubric.splitting import split_entries


@pytest.mark.parametrize("text, entries", [
    ("underwriters\nbrokers", ["underwriters", "brokers"]),
    ("- my supervisor\n* the mailroom\n• peers\n◦ claims\n· billing", ["my supervisor", "the mailroom", "peers", "claims", "billing"]),
    ("1. insureds\n2) producers\n(c) payroll\nd. interns\niv) directors", ["insureds", "producers", "payroll", "interns", "directors"]),
    ("1) clients 2) brokers 3) HR", ["clients", "brokers", "HR"]),
    ("clients, colleagues; supervisors\tpayroll", ["clients", "colleagues", "supervisors", "payroll"]),
    ("My customers include the insureds, the brokers who sell for us, and everyone in payroll.",
     ["the insureds", "the brokers who sell for us", "everyone in payroll"]),
    ("Internal:\n- HR\nExternal customers:\n- agents", ["HR", "agents"]),
    ("Who are my customers? Policyholders! Agents.", ["Policyholders", "Agents"]),
    ("my boss and my coworkers", ["my boss", "my coworkers"]),
    ("the CEO & the CFO", ["the CEO", "the CFO"]),
    ("agents and their staff", ["agents and their staff"]),
    ("agents & their assistants", ["agents & their assistants"]),
    ("brokers, and their assistants", ["brokers, and their assistants"]),
    ("printing and mailing", ["printing and mailing"]),
    ("research and development", ["research and development"]),
    ("\n\n  brokers \n\n\n   \nfinance\n", ["brokers", "finance"]),
    ("Agents\nagents\nAGENTS\nthe agents\nagent", ["Agents"]),
    ("👔 my boss 🙂\n🙂\n---", ["👔 my boss 🙂"]),
    ("<b>policyholders</b>\n<script>alert(1)</script>", ["<b>policyholders</b>", "<script>alert(1)</script>"]),
    ("agents &amp; their assistants", ["agents &amp; their assistants"]),
    ("dept. heads\nthe V.P. of sales. The CEO.", ["dept. heads", "the V.P. of sales", "The CEO"]),
    ("departments (billing, claims)", ["departments (billing, claims)"]),
    ("1.5 million policyholders", ["1.5 million policyholders"]),
    ("Ärzte, Versicherte; 代理店", ["Ärzte", "Versicherte", "代理店"]),
    ("", []),
    ("   \n\t ", []),
    # Spanish
    ("asegurados, agentes, compañeros de trabajo", ["asegurados", "agentes", "compañeros de trabajo"]),
    ("Nuestros clientes son los asegurados, los agentes que venden por nosotros y todo el personal de contabilidad.",
     ["los asegurados", "los agentes que venden por nosotros", "todo el personal de contabilidad"]),
    ("mi jefe y mis compañeros", ["mi jefe", "mis compañeros"]),
    ("corredores e intermediarios", ["corredores", "intermediarios"]),
    ("agentes y sus asistentes", ["agentes y sus asistentes"]),
    ("agentes, y su personal", ["agentes, y su personal"]),
    ("impresión y envío", ["impresión y envío"]),
    ("cobros y pagos", ["cobros y pagos"]),
    ("¿Quiénes son mis clientes?\nClientes internos:\n- RR. HH.\n- dpto. de cobros", ["RR. HH", "dpto. de cobros"]),
    ("¡los asegurados!\nLos asegurados", ["los asegurados"]),
])
def test_split_entries(text, entries):
    assert split_entries(text) == entries


def test_entries_are_slices_of_the_text_in_order():
    text = "• agents\n2) the folks in billing, my boss"
    entries = split_entries(text)
    position = 0
    for entry in entries:
        position = text.index(entry, position) + len(entry)


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\u2029", "\v", "\f", "\r", "\r\n", "\x1e"])
def test_every_line_break_still_separates_entries_once_the_answer_is_cleaned(separator):
    """NEL (U+0085) and VT/FF are control characters: cleaning must not delete them and glue two entries."""
    from xblock.runtime import NullI18nService

    from customer_tenet_xblock.exercise.settings import Exercise
    from customer_tenet_xblock.exercise.submission import read_submission
    submission = read_submission({"answer": f"agents{separator}brokers"}, Exercise(), NullI18nService())
    assert submission.entries == ("agents", "brokers")
    assert submission.answer == "agents\nbrokers"


def test_splitting_with_a_limit_stops_once_the_limit_is_passed():
    """A list of thousands of entries costs no more to refuse than one just over the limit.

    The submission checks refuse more than max_entries entries; they pass the limit in.
    """
    from helpers import executed_lines

    many = "\n".join(f"branch office {n}" for n in range(5_000))
    assert split_entries(many, limit=10) == split_entries(many)[:11]
    assert split_entries("agents, brokers, agents", limit=2) == ["agents", "brokers"]  # repeats are not counted
    just_over = "\n".join(f"branch office {n}" for n in range(11))
    assert executed_lines(split_entries, many, 10) <= 2 * executed_lines(split_entries, just_over)


def test_an_answer_over_the_entry_limit_is_refused_after_splitting_just_past_it():
    from xblock.runtime import NullI18nService

    from customer_tenet_xblock.exercise.refusals import Refusal
    from customer_tenet_xblock.exercise.settings import Exercise
    from customer_tenet_xblock.exercise.submission import read_submission

    exercise = Exercise(max_chars=50_000, max_entries=3)
    with pytest.raises(Refusal) as refused:
        read_submission({"answer": "\n".join(f"team {n}" for n in range(2_000))}, exercise, NullI18nService())
    assert refused.value.code == "too_many_entries"
    assert read_submission({"answer": "a team\nb team\nc team"}, exercise, NullI18nService()).entries == (
        "a team", "b team", "c team")
