"""
The matching engine on our own learner phrasings (tests/fixtures/matching_cases.json),
written to check that it generalises beyond the dev evaluation lines.
"""
import json
from pathlib import Path

import pytest

from customer_tenet_xblock.exercise.presets import INSURANCE, INSURANCE_ES, PRESETS, default_taxonomy
from customer_tenet_xblock.rubric.grading import grade
from customer_tenet_xblock.rubric.matching import place_entries, place_entry
from customer_tenet_xblock.rubric.results import Match
from customer_tenet_xblock.rubric.taxonomy import EXTERNAL, INTERNAL, Group, Taxonomy

CASES = json.loads((Path(__file__).parent / "fixtures" / "matching_cases.json").read_text(encoding="utf-8"))


def groups_of(entry, taxonomy):
    return [match.group_id for match in place_entry(entry, taxonomy)]


@pytest.mark.parametrize("preset", ["insurance", "managers", "any_organisation"])
def test_fixture_phrasings(preset):
    taxonomy = PRESETS[preset][1]
    wrong = [
        (case["entry"], groups_of(case["entry"], taxonomy), case["expect"])
        for case in CASES[preset]
        if sorted(groups_of(case["entry"], taxonomy)) != sorted(case["expect"])
    ]
    assert wrong == []


@pytest.mark.parametrize("entry, groups", [
    ("customer service department", ["departments"]),  # the head decides, not "customer"
    ("cat", []),  # never a typo of CSR
    ("competitors", []),
    ("shareholders", []),
    ("everyone", []),
    ("vendors", []),
    ("agents and their staff", ["agents", "agent_staff"]),
])
def test_hard_cases(entry, groups):
    assert groups_of(entry, default_taxonomy()) == groups


def test_matches_follow_the_taxonomy_order_one_per_group():
    matches = place_entry("brokers and their assistants", default_taxonomy())
    assert [m.group_id for m in matches] == ["agents", "agent_staff"]
    assert len({m.group_id for m in place_entry("agents and brokers", default_taxonomy())}) == 1


def test_evidence_names_the_learners_words_and_the_rule():
    (match,) = place_entry("The Agent's office assistants", default_taxonomy())
    assert match == Match("agent_staff", "Agent's office assistants", "office assistant + agent", "lexicon")
    (match,) = place_entry("polcyholders!", default_taxonomy())
    assert match.words == "polcyholders" and match.rule == "policyholder"


def test_my_team_depends_on_the_groups_present():
    assert groups_of("my team", default_taxonomy()) == ["coworkers"]
    assert groups_of("my team", PRESETS["managers"][1]) == ["direct_reports"]


def taxonomy_with(synonyms=(), group_id="coworkers", lexicon="en"):
    groups = tuple(
        Group(id=g.id, label=g.label, side=g.side, synonyms=tuple(synonyms) if g.id == group_id else ())
        for g in default_taxonomy().groups
    )
    return Taxonomy(groups=groups, lexicon=lexicon)


def test_an_instructor_synonym_adds_a_group():
    taxonomy = taxonomy_with(["night shift"])
    assert groups_of("the night shift", default_taxonomy()) == []
    matches = place_entry("the night-shift crew", taxonomy)
    assert [(m.group_id, m.source, m.rule) for m in matches] == [("coworkers", "synonym", "night shift")]
    # Same normalisation and typo tolerance as the lexicon.
    assert groups_of("Nite shift", taxonomy) == []
    assert groups_of("the NIGHT SHIFTS", taxonomy) == ["coworkers"]


def test_an_instructor_synonym_decides_its_words_and_composes_like_its_kind():
    """Issue 13: the instructor's word means their group only; around it, phrases read as before."""
    taxonomy = taxonomy_with(["staff"], group_id="management")
    assert groups_of("staff", default_taxonomy()) == ["coworkers"]
    assert groups_of("staff", taxonomy) == ["management"]
    # A management word, read as the lexicon's managers are: "agency managers" are agent staff.
    assert groups_of("agency staff", taxonomy) == groups_of("agency managers", default_taxonomy()) == ["agent_staff"]
    for case in CASES["insurance"]:
        if "staff" not in case["entry"].lower():
            assert groups_of(case["entry"], taxonomy) == case["expect"], case["entry"]


def test_a_synonym_wins_its_phrase_evidence():
    taxonomy = taxonomy_with(["policy holders"], group_id="policyholders")
    (match,) = place_entry("policyholders", taxonomy)
    assert match.source == "synonym"


def test_without_a_lexicon_labels_and_synonyms_still_match():
    taxonomy = taxonomy_with(["teammates"], lexicon="")
    assert groups_of("Insurance agents", taxonomy) == ["agents"]
    assert groups_of("teammates", taxonomy) == ["coworkers"]
    assert groups_of("brokers", taxonomy) == []


def test_groups_the_lexicon_does_not_know_match_their_label_words():
    regulators = Group(id="watchdogs", label="Regulators and auditors", side=EXTERNAL)
    taxonomy = Taxonomy(groups=default_taxonomy().groups + (regulators,))
    assert groups_of("state regulators", taxonomy) == ["watchdogs"]
    assert groups_of("brokers", taxonomy) == ["agents"]


def test_place_entries_keeps_order_and_text():
    placed = place_entries(["my dog", "HR"], default_taxonomy())
    assert [(p.text, p.group_ids) for p in placed] == [("my dog", ()), ("HR", ("departments",))]


def test_sides_of_the_default_taxonomy_are_as_designed():
    sides = {g.id: g.side for g in default_taxonomy().groups}
    assert sides == {"policyholders": EXTERNAL, "agents": EXTERNAL, "agent_staff": EXTERNAL,
                     "departments": INTERNAL, "management": INTERNAL, "coworkers": INTERNAL}


# --- Spanish ----------------------------------------------------------------

@pytest.mark.parametrize("case", CASES["insurance_es"], ids=lambda case: case["entry"])
def test_spanish_phrasings(case):
    assert sorted(groups_of(case["entry"], INSURANCE_ES)) == sorted(case["expect"])


@pytest.mark.parametrize("entry, groups", [
    ("el personal de la agencia", ["agent_staff"]),  # the head comes first, "de" brings its modifier
    ("jefe de departamento", ["management"]),
    ("departamento de siniestros", ["departments"]),
    ("clientes del agente", ["policyholders"]),
    ("mi departamento", ["coworkers"]),
    ("compañeros de otras áreas", ["departments"]),
    ("agentes y sus asistentes", ["agents", "agent_staff"]),  # "sus" points back to the agents
    ("COMPAÑERAS DE OFICINA", ["coworkers"]),  # case, accents, gender
    ("companeros de trabajo", ["coworkers"]),
    ("tomadores del seguro", ["policyholders"]),  # "del" is "de el"
    ("los responsables de área", ["management"]),  # "responsables", not "responsabl"
    ("TI", ["departments"]),
    ("ti", []),  # "para ti": only capitals name the IT department
    ("un par de agentes", ["agents"]),
    ("caliente", []),  # a word, never a typo of "cliente"
    ("la competencia", []),
    ("otras aseguradoras", []),
    ("los agentes de la competencia", []),
])
def test_spanish_hard_cases(entry, groups):
    assert groups_of(entry, INSURANCE_ES) == groups


def test_grading_the_spanish_example_names_the_learners_words():
    result = grade("asegurados, agentes, compañeros de trabajo", INSURANCE_ES)
    assert result.covered == ("policyholders", "agents", "coworkers")
    evidence = {r.group.id: [(text, m.words) for text, m in r.evidence] for r in result.groups if r.found}
    assert evidence == {
        "policyholders": [("asegurados", "asegurados")],
        "agents": [("agentes", "agentes")],
        "coworkers": [("compañeros de trabajo", "compañeros de trabajo")],
    }
    assert result.unplaced == ()


def test_the_spanish_preset_is_the_insurance_example():
    assert [(g.id, g.side, g.points) for g in INSURANCE_ES.groups] == [
        (g.id, g.side, g.points) for g in INSURANCE.groups]
    assert INSURANCE_ES.lexicon == "es" and INSURANCE_ES.balance_points == INSURANCE.balance_points
    assert all(g.label and g.hint and g.why for g in INSURANCE_ES.groups)


def test_spanish_text_with_the_english_preset_is_not_placed_by_spanish_words():
    # Each lexicon is its taxonomy's: an English taxonomy does not read "asegurados".
    assert groups_of("asegurados", INSURANCE) == []
