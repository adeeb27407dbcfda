"""
Issue 13: an organisation's own taxonomy, made from the "Any organisation"
preset, is read as well as the built-in example: each group has a kind whose
generic words it takes, the instructor's words decide and compose like built-in
words, and plain variants of them are understood.
"""
import json
from pathlib import Path

import pytest

from customer_tenet_xblock.exercise.olx import parse_olx_text
from customer_tenet_xblock.exercise.presets import ANY_ORGANISATION, INSURANCE, INSURANCE_ES
from customer_tenet_xblock.rubric.lexicon import get_lexicon
from customer_tenet_xblock.rubric.matching import (
    agentive_stems,
    clipped_forms,
    label_heads,
    participles,
    place_entry,
)
from customer_tenet_xblock.rubric.taxonomy import KINDS, Group, Taxonomy, default_kind

ORGS = Path(__file__).parent / "fixtures" / "orgs"


def groups_of(entry, taxonomy):
    return [match.group_id for match in place_entry(entry, taxonomy)]


def organisation(synonyms=None, extra=()):
    """The "Any organisation" preset, relabelled and extended as an instructor would."""
    synonyms = synonyms or {}
    groups = tuple(
        Group(id=g.id, label=g.label, side=g.side, synonyms=tuple(synonyms.get(g.id, ())))
        for g in ANY_ORGANISATION.groups
    )
    return Taxonomy(groups=groups + tuple(extra), lexicon="en")


def test_every_group_has_a_kind_and_existing_ids_keep_theirs():
    assert [g.kind for g in INSURANCE.groups] == [
        "customers", "partners", "partners", "departments", "management", "coworkers"]
    assert Group(id="wards", label="Wards").kind == "other"
    assert Group(id="wards", label="Wards", kind="departments").kind == "departments"
    assert set(default_kind(g.id) for g in ANY_ORGANISATION.groups) <= set(KINDS)


def test_an_instructors_synonym_decides_its_word():
    suppliers = Group(id="suppliers", label="Suppliers", synonyms=("hauliers", "carriers"))
    bosses = {"management": ("board",)}
    taxonomy = organisation(bosses, [suppliers])
    # Before issue 13 the built-in reading was added: partners + suppliers, management for "carriers"'s
    # neighbour "board" stayed coworkers' too.
    assert groups_of("carriers", taxonomy) == ["suppliers"]
    assert groups_of("our suppliers", taxonomy) == ["suppliers"]
    assert groups_of("the board", taxonomy) == ["management"]


def test_synonyms_compose_like_built_in_words():
    taxonomy = organisation({"departments": ("lending",), "customers": ("borrowers",),
                             "partners": ("mortgage brokers",)})
    assert groups_of("the lending team", taxonomy) == ["departments"]
    assert groups_of("lending staff", taxonomy) == ["departments"]
    assert groups_of("mortgage brokers who send us borrowers", taxonomy) == ["partners"]
    assert groups_of("borrowers' families", taxonomy) == ["customers"]
    (match,) = place_entry("the lending team", taxonomy)
    assert match.source == "synonym" and "lending" in match.rule


@pytest.mark.parametrize("kind, entry", [
    ("suppliers", "our vendors"), ("suppliers", "subcontractors"),
    ("regulators", "the regulator"), ("investors", "shareholders"),
    ("community", "the local community"), ("management", "my boss"),
    ("departments", "other teams"), ("coworkers", "my colleagues"),
    ("customers", "the people we serve"), ("customers", "companies that buy our parts"),
    ("suppliers", "firms that supply us"), ("departments", "the quality team"),
])
def test_a_new_group_takes_the_generic_words_of_its_kind(kind, entry):
    taxonomy = Taxonomy(groups=(
        Group(id="first", label="First group", kind=kind),
        Group(id="second", label="Second group", kind="other"),
    ))
    assert groups_of(entry, taxonomy) == ["first"]
    other = Taxonomy(groups=(Group(id="first", label="First group", kind="other"),))
    assert groups_of(entry, other) == []


def test_kind_words_go_to_the_instructors_group_of_that_kind_only():
    taxonomy = organisation(extra=[Group(id="hauliers", label="Hauliers", kind="suppliers")])
    assert groups_of("suppliers", taxonomy) == ["hauliers"]
    # Without a suppliers group they are partners, as before.
    assert groups_of("suppliers", organisation()) == ["partners"]


def test_an_article_before_a_synonym_is_not_required():
    taxonomy = organisation({"management": ("the mayor",), "coworkers": ("the night shift",)})
    assert groups_of("mayor", taxonomy) == groups_of("our mayor", taxonomy) == ["management"]
    assert groups_of("night shift", taxonomy) == ["coworkers"]


def test_plain_variants_of_an_instructors_words():
    taxonomy = organisation(
        {"departments": ("administration", "pharmacy"), "customers": ("cardholders",)},
        [Group(id="insurers", label="Insurers and payers", kind="partners")],
    )
    assert groups_of("admin", taxonomy) == ["departments"]
    assert groups_of("the pharm team", taxonomy) == ["departments"]
    assert groups_of("card holders", taxonomy) == ["customers"]
    assert groups_of("a cardholder's children", taxonomy) == ["customers"]
    assert groups_of("companies that insure our members", taxonomy) == ["insurers"]
    assert groups_of("the funds that insure us", taxonomy) == ["insurers"]  # the clause decides
    assert groups_of("payers", taxonomy) == ["insurers"]


def test_variant_rules():
    assert clipped_forms("administration") == ["admin"]
    assert clipped_forms("executive") == ["exec"]
    assert clipped_forms("manager") == []  # too short to clip
    assert "insure" in agentive_stems("insurer") and agentive_stems("supplier") == ["supply"]
    assert "regulate" in agentive_stems("regulator")
    assert participles("traveller") == ["travelling"] and participles("supplier") == ["supplying"]
    assert participles("regulator") == ["regulating"] and participles("donor") == []
    assert label_heads("Store and area managers", get_lexicon("en")) == ["managers"]
    assert label_heads("Partners who sell or deliver for you", get_lexicon("en")) == ["partners"]
    assert label_heads("Suppliers and hauliers", get_lexicon("en")) == ["suppliers", "hauliers"]
    assert label_heads("Suppliers, hauliers; growers", get_lexicon("en")) == ["suppliers", "hauliers", "growers"]


@pytest.mark.parametrize("path", sorted(ORGS.glob("*.xml")), ids=lambda path: path.stem)
def test_organisations_taxonomies_meet_the_target(path):
    """The development taxonomies of `make eval`: >= 95 % exact entries, no negative placed."""
    taxonomy = parse_olx_text(path.read_bytes()).taxonomy
    rows = [json.loads(line) for line in path.with_suffix(".jsonl").read_text().splitlines() if line]
    wrong = [(r["entry"], groups_of(r["entry"], taxonomy)) for r in rows
             if sorted(groups_of(r["entry"], taxonomy)) != sorted(r["expect"])]
    assert len(wrong) <= 0.05 * len(rows), wrong
    assert not [entry for entry, got in wrong if got and not next(
        r for r in rows if r["entry"] == entry)["expect"]]


# ---- the kind in OLX and in Studio's editor --------------------------------

from gettext import NullTranslations  # noqa: E402

from customer_tenet_xblock.block.studio import editor_data, read_editor  # noqa: E402
from customer_tenet_xblock.exercise.olx import OlxError, exercise_to_text  # noqa: E402
from customer_tenet_xblock.exercise.settings import Exercise  # noqa: E402


def olx_with_group(attributes):
    return (f'<customer_tenet><prompt>Who?</prompt><group id="hauliers" {attributes}>'
            "<label>Hauliers</label></group></customer_tenet>")


def test_olx_round_trips_the_kind():
    taxonomy = organisation(extra=[Group(id="hauliers", label="Hauliers", kind="suppliers")])
    exercise = Exercise(taxonomy=taxonomy)
    text = exercise_to_text(exercise)
    assert 'id="hauliers" side="external" points="1" kind="suppliers"' in text
    assert parse_olx_text(text) == exercise


def test_olx_without_a_kind_takes_the_kind_of_the_id():
    assert parse_olx_text(olx_with_group("")).taxonomy.groups[0].kind == "other"
    assert parse_olx_text(olx_with_group("").replace('"hauliers"', '"agents"')).taxonomy.groups[0].kind == "partners"
    with pytest.raises(OlxError, match="kind"):
        parse_olx_text(olx_with_group('kind="friends"'))


def test_the_editor_reads_the_kind_and_refuses_an_unknown_one():
    base = Exercise(taxonomy=organisation())
    data = editor_data(base)
    assert [g["kind"] for g in data["groups"]] == ["customers", "partners", "departments", "management", "coworkers"]
    data["groups"].append({"label": "Hauliers", "kind": "suppliers"})
    exercise, problems = read_editor(data, base, NullTranslations())
    assert problems == {} and exercise.taxonomy.groups[-1].kind == "suppliers"
    data["groups"][-1]["kind"] = "friends"
    exercise, problems = read_editor(data, base, NullTranslations())
    assert exercise is None and set(problems) == {"groups.5.kind"}


def test_derived_forms_are_matched_as_written_and_never_grow_the_typo_index():
    """Clipped forms and verbs would multiply the typo index's keys (13 s and 1.3 GB to compile 30 x 200 synonyms)."""
    from customer_tenet_xblock.rubric.matching import CompiledTaxonomy

    compiled = CompiledTaxonomy(organisation({"departments": ("pharmacy",), "partners": ("lenders",)}))
    plain = CompiledTaxonomy(organisation({"departments": ("zzzz",), "partners": ("zzzz",)}))
    assert {"pharm", "lend"} <= compiled.exact_words and not {"pharm", "lend"} & set(compiled.vocabulary)
    assert {"pharm", "lend"} <= set(compiled.known)  # never "corrected" into something else
    assert set(compiled.vocabulary) - set(plain.vocabulary) == {"pharmacy", "lender"}
    assert groups_of("people who lend us money", organisation({"partners": ("lenders",)})) == ["partners"]


def test_a_relabelled_groups_label_words_count_where_the_lexicon_places_them_nowhere():
    groups = tuple(
        Group(id=g.id, label="Pupils and their families" if g.id == "customers" else g.label, side=g.side)
        for g in ANY_ORGANISATION.groups
    )
    taxonomy = Taxonomy(groups=groups)
    assert groups_of("families", ANY_ORGANISATION) == []
    assert groups_of("families", taxonomy) == ["customers"]
    assert groups_of("pupils", taxonomy) == ["customers"]


def test_a_relabelled_groups_own_nouns_beat_the_lexicons_but_its_generic_words_do_not():
    groups = tuple(
        Group(id=g.id, label="Fellow lawyers and staff" if g.id == "coworkers" else g.label, side=g.side)
        for g in ANY_ORGANISATION.groups
    )
    taxonomy = Taxonomy(groups=groups)
    assert groups_of("lawyers", ANY_ORGANISATION) == ["departments"]
    assert groups_of("lawyers", taxonomy) == ["coworkers"]
    assert groups_of("billing staff", taxonomy) == groups_of("billing staff", ANY_ORGANISATION) == ["departments"]


def test_an_instructors_synonym_inside_a_lexicon_phrase_decides_it():
    """The lexicon reads "board of trustees" as the board (investors where a group holds them)."""
    taxonomy = organisation({"management": ("trustees",)},
                            [Group(id="donors", label="Donors and funders", kind="investors")])
    assert groups_of("the board of trustees", taxonomy) == ["management"]
    assert groups_of("the board", taxonomy) == ["donors"]  # no synonym in it: the lexicon's reading
    without = organisation(extra=[Group(id="donors", label="Donors and funders", kind="investors")])
    assert groups_of("the board of trustees", without) == ["donors"]
    # A synonym of a group the lexicon's phrase never means changes nothing.
    others = organisation({"customers": ("customers",), "partners": ("agents",), "departments": ("sales",)})
    assert groups_of("customer service", others) == ["departments"]
    assert groups_of("customer service agents", others) == ["departments"]
    assert groups_of("sales agents", others) == ["partners"]
    # Nor one that is not the complement of "of": the quality team stays a department.
    assert groups_of("the quality team", organisation({"coworkers": ("team",)})) == ["departments"]


def test_a_role_of_an_outside_groups_person_is_theirs():
    taxonomy = organisation()
    assert groups_of("the client's finance director", taxonomy) == ["customers"]
    assert groups_of("a customer's assistant", taxonomy) == ["customers"]
    assert groups_of("the client's lawyers", taxonomy) == ["customers"]  # a job title alone is a department's
    suppliers = organisation(extra=[Group(id="suppliers", label="Suppliers", kind="suppliers")])
    assert groups_of("the supplier's sales manager", suppliers) == ["suppliers"]
    assert groups_of("the finance director", taxonomy) == ["management"]
    # An inside possessor changes nothing: my colleague's manager still manages.
    assert groups_of("my colleague's manager", taxonomy) == ["management"]


def test_a_trades_name_before_company_is_an_outside_firm():
    suppliers = Group(id="suppliers", label="Suppliers", kind="suppliers")
    assert groups_of("the catering company", organisation(extra=[suppliers])) == ["suppliers"]
    assert groups_of("an IT firm", organisation(extra=[suppliers])) == ["suppliers"]
    assert groups_of("the catering company", organisation()) == ["partners"]
    # Where the company is not the compound's last noun, the department stays a department.
    assert groups_of("company accounting", organisation(extra=[suppliers])) == ["departments"]
    assert groups_of("the finance office", organisation(extra=[suppliers])) == ["departments"]
    assert groups_of("the sales organization", organisation(extra=[suppliers])) == ["departments"]
    assert groups_of("the printing company", INSURANCE) == ["departments"]  # no partners there


def test_doing_business_with_us_makes_a_customer_and_competing_never_does():
    taxonomy = organisation()
    assert groups_of("people who fly with us", taxonomy) == ["customers"]
    assert groups_of("people who work with us", taxonomy) == ["coworkers"]
    assert groups_of("firms that compete with us", taxonomy) == []
    assert groups_of("other airlines we compete with", organisation({"partners": ("partner airlines",)})) == []


def test_the_participle_of_an_instructors_agent_noun():
    taxonomy = organisation({"customers": ("travellers",)})
    assert groups_of("families travelling with children", taxonomy) == ["customers"]
    assert groups_of("families", taxonomy) == []


@pytest.mark.parametrize("kind, entry", [
    ("suppliers", "nuestros proveedores"), ("suppliers", "los fabricantes"),
    ("regulators", "el organismo regulador"), ("regulators", "la superintendencia"),
    ("investors", "los accionistas"), ("investors", "inversores"),
    ("community", "la comunidad local"), ("community", "mis vecinos"),
])
def test_a_new_group_takes_the_generic_spanish_words_of_its_kind(kind, entry):
    taxonomy = Taxonomy(groups=(
        Group(id="primero", label="Primer grupo", kind=kind),
        Group(id="segundo", label="Segundo grupo", kind="other"),
    ), lexicon="es")
    assert groups_of(entry, taxonomy) == ["primero"]
    # The Spanish insurance example has no group of these kinds: they place nothing there.
    assert groups_of(entry, INSURANCE_ES) == []
