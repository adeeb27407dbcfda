"""
Studio authoring: the editor, presets, try-an-answer and author_view.

The editor sends the whole configuration as JSON; `read_editor` (pure) turns
it into an Exercise and reports problems per field, with the rules of
validation.py. Handlers only check who is asking, call it, and store or
grade what it returns.
"""
import math
import re
import unicodedata

from web_fragments.fragment import Fragment
from xblock.core import XBlock, XBlockMixin

from ..exercise.assessment import assess, left_after_first_attempt
from ..exercise.feedback import format_points, translate_text
from ..exercise.i18n import N_
from ..exercise.markup import render_markdown
from ..exercise.presets import PRESETS
from ..exercise.settings import SETTINGS, SETTINGS_BY_NAME
from ..exercise.submission import clean_text, read_submission, require_object
from ..exercise.validation import MAX_ID_LENGTH, exercise_problems
from ..rubric.taxonomy import Group, Taxonomy
from .insights import rescore_text
from .json_api import JsonRefusal, json_api
from .permissions import staff_only, studio_only
from .resources import add_palette, add_public_files, add_shared_resources, loader, script_safe_json

# Every setting has its control in the editor; the groups are rows of their own (editor_group, _read_groups).
EDITOR_SETTINGS = frozenset(setting.name for setting in SETTINGS)
SCALAR_SETTINGS = tuple(setting for setting in SETTINGS if setting.kind is not list)
SHOW_WHY_LABELS = dict(SETTINGS_BY_NAME["show_why"].choices)
GROUP_SETTINGS = frozenset({"id", "label", "side", "kind", "hint", "why", "synonyms", "points"})
# What kind of customers a group holds: its generic words work in any taxonomy (taxonomy.KINDS).
KIND_LABELS = (
    ("customers", N_("End customers")),
    ("partners", N_("Partners and resellers")),
    ("suppliers", N_("Suppliers and contractors")),
    ("departments", N_("Other departments")),
    ("management", N_("Management")),
    ("coworkers", N_("Coworkers")),
    ("direct_reports", N_("The people who report to you")),
    ("regulators", N_("Regulators")),
    ("investors", N_("Investors and the board")),
    ("community", N_("The community")),
    ("other", N_("Other: only its label and synonyms")),
)


class InvalidConfiguration(JsonRefusal):
    """A configuration the editor sent that breaks a rule; `fields` says where."""

    def __init__(self, message, fields):
        super().__init__(400, "invalid_configuration", message, fields)


# ---- the editor's JSON <-> Exercise (pure) ---------------------------------

def editor_data(exercise):
    """An Exercise as the editor shows it: texts as written, synonyms one per line."""
    data = {setting.name: setting.value(exercise) for setting in SCALAR_SETTINGS}
    data["groups"] = [editor_group(group) for group in exercise.taxonomy.groups]
    return data


def editor_group(group):
    return {
        "id": group.id, "label": group.label, "side": group.side, "kind": group.kind, "points": group.points,
        "hint": group.hint, "why": group.why, "synonyms": "\n".join(group.synonyms),
    }


def id_from_label(label, taken):
    """A group id made from its label ('Agent staffs' -> 'agent_staffs'), unique among `taken`."""
    ascii_label = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii")
    base = re.sub(r"[^a-z0-9]+", "_", ascii_label.lower()).strip("_")[:MAX_ID_LENGTH - 4] or "group"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}_{number}", number + 1
    return candidate


class _Reader:
    """Reads loosely typed editor values, noting a message per field it cannot read."""

    def __init__(self, translator):
        self._ = translator.gettext
        self.problems = {}

    def text(self, value, where):
        if not isinstance(value, str):
            self.problems.setdefault(where, self._("Enter text."))
            return ""
        # Stored as OLX exports it: surrounding blank space never survives a round trip.
        return clean_text(value).strip()

    def number(self, value, where, whole=False):
        """
        A number, or 0 and a message when the value is not one. Numbers too
        large for a float (JSON's 1e400, Infinity, a 400-digit integer) come
        back infinite, for validation to refuse as out of range.
        """
        if isinstance(value, str):
            value = value.strip()
            try:
                value = int(value) if whole else float(value)
            except ValueError:
                value = None
        elif isinstance(value, bool) or not isinstance(value, (int, float)):
            value = None
        elif whole and isinstance(value, float) and math.isfinite(value):
            value = int(value) if value.is_integer() else None
        if value is None or value != value:  # value != value: NaN
            self.problems.setdefault(where, self._("Enter a whole number.") if whole else self._("Enter a number."))
            return 0
        if whole or isinstance(value, float):
            return value
        try:
            return float(value)
        except OverflowError:
            return math.inf if value > 0 else -math.inf

    def setting(self, value, setting):
        """A value of one of settings.SETTINGS, read as its type says; None for an optional one left empty."""
        if setting.optional and _left_empty(value):
            return None  # weight: unset, and the gradebook counts the raw points
        if setting.kind is str:
            return self.text(value, setting.name)
        return self.number(value, setting.name, whole=setting.kind is int)

    def synonyms(self, value, where):
        lines = value if isinstance(value, list) else self.text(value, where).split("\n")
        return tuple(filter(None, (self.text(line, where) for line in lines)))


def _read_groups(groups, reader):
    if not isinstance(groups, list) or not all(isinstance(group, dict) for group in groups):
        reader.problems["groups"] = reader._("The groups could not be read.")
        return ()
    explicit_ids = {group["id"].strip() for group in groups if isinstance(group.get("id"), str)}
    read = []
    for index, data in enumerate(groups):
        where = f"groups.{index}"
        unexpected = sorted(set(data) - GROUP_SETTINGS)
        if unexpected:
            raise JsonRefusal(400, "unexpected_field", reader._("Unexpected field: {name}.").format(name=unexpected[0]))
        label = reader.text(data.get("label", ""), f"{where}.label")
        group_id = reader.text(data.get("id", ""), f"{where}.id")
        if not group_id and label:
            # A new group: its id comes from its label and then stays, whatever the label becomes.
            group_id = id_from_label(label, explicit_ids | {group.id for group in read})
        read.append(Group(
            id=group_id,
            label=label,
            side=reader.text(data.get("side", "external"), f"{where}.side"),
            kind=reader.text(data.get("kind", ""), f"{where}.kind"),
            points=reader.number(data.get("points", 1), f"{where}.points"),
            hint=reader.text(data.get("hint", ""), f"{where}.hint"),
            why=reader.text(data.get("why", ""), f"{where}.why"),
            synonyms=reader.synonyms(data.get("synonyms", ""), f"{where}.synonyms"),
        ))
    return tuple(read)


def _left_empty(value):
    return value is None or (isinstance(value, str) and not value.strip())


def read_editor(data, base, translator):
    """
    The editor's JSON -> (Exercise, {}) when valid, else (None, {field: message}).

    Settings the JSON leaves out keep their value in `base`. Field names are
    validation.py's ("groups.1.id"), so the editor shows each message beside
    its field. Raises JsonRefusal (or Refusal) for a request no editor would send.
    """
    require_object(data, EDITOR_SETTINGS, translator)
    values = {**editor_data(base), **data}
    reader = _Reader(translator)
    settings = {setting.name: reader.setting(values[setting.name], setting) for setting in SCALAR_SETTINGS}
    taxonomy = Taxonomy(
        groups=_read_groups(values["groups"], reader),
        **{setting.name: settings.pop(setting.name) for setting in SCALAR_SETTINGS if setting.on_taxonomy},
    )
    exercise = base.with_changes(taxonomy=taxonomy, **settings)
    problems = dict(reader.problems)
    for where, message in exercise_problems(exercise, translator):
        problems.setdefault(where, message)
    for index, group in enumerate(taxonomy.groups):
        if not group.id:  # left to be made from a label that is missing too: one message is enough
            problems.pop(f"groups.{index}.id", None)
    return (None, problems) if problems else (exercise, {})


def checked_exercise(data, base, translator):
    """read_editor, refusing (400, with every field's message) what is not valid."""
    exercise, problems = read_editor(data, base, translator)
    if problems:
        message = translator.ngettext(
            "The configuration has {count} problem. Nothing was saved.",
            "The configuration has {count} problems. Nothing was saved.",
            len(problems),
        ).format(count=len(problems))
        raise InvalidConfiguration(message, problems)
    return exercise


# ---- the block's Studio views and handlers ---------------------------------

@XBlock.wants("studio_user_permissions")  # how Studio says who may edit (see permissions.py)
class StudioMixin(XBlockMixin):
    """
    Studio views and handlers of the block. The editor's panel "What learners
    wrote that no group took" asks InsightsMixin's class_summary handler: the
    same figures, cap and cache as the LMS's class summary. Studio loads
    lms.djangoapps.courseware too (cms/envs/common.py), so learners' states
    are readable there; synonyms added in the panel are stored by studio_save.
    """

    has_author_view = True  # Studio's unit page shows author_view, not the learner's view

    def studio_view(self, context=None):
        i18n = self.i18n
        html = loader.render_django_template("html/studio_view.html", {
            "block_id": self.html_id() + "-studio",
            "choices": {  # the options of each setting that has a few
                setting.name: [(value, i18n.gettext(label)) for value, label in setting.choices]
                for setting in SETTINGS if setting.choices
            },
            "kinds": [(code, i18n.gettext(label)) for code, label in KIND_LABELS],
            "presets": [(preset_id, i18n.gettext(name)) for preset_id, (name, _taxonomy) in PRESETS.items()],
            "rescore_text": rescore_text(self),
        }, i18n_service=i18n)
        fragment = Fragment(html)
        add_shared_resources(fragment, self)
        add_public_files(fragment, self, "css/studio.css", "js/studio.js")
        fragment.initialize_js("CustomerTenetStudio", script_safe_json({"config": editor_data(self.exercise)}))
        return fragment

    def author_view(self, context=None):
        """Studio's unit page: a short summary of the configuration."""
        exercise = self.exercise
        i18n = self.i18n
        taxonomy = exercise.taxonomy
        sides = {"external": i18n.gettext("external"), "internal": i18n.gettext("internal")}
        html = loader.render_django_template("html/author_view.html", {
            "display_name": exercise.display_name,
            "prompt_html": render_markdown(exercise.prompt),
            "groups": [
                {"label": translate_text(i18n, g.label), "id": g.id, "side": sides.get(g.side, g.side),
                 "points": format_points(g.points), "synonyms": len(g.synonyms)}
                for g in taxonomy.groups
            ],
            "group_count": len(taxonomy.groups),
            "possible": format_points(taxonomy.possible_points),
            "balance_points": format_points(taxonomy.balance_points) if taxonomy.balance_applies else "",
            "max_attempts": exercise.max_attempts,
            "weight": i18n.gettext("unset (counts the raw points: {points})").format(
                points=format_points(taxonomy.possible_points),
            ) if exercise.weight is None else format_points(exercise.weight),
            "show_why": i18n.gettext(SHOW_WHY_LABELS.get(exercise.show_why, exercise.show_why)),
            "problems": [message for _where, message in exercise_problems(exercise, i18n)],
        }, i18n_service=i18n)
        fragment = Fragment(html)
        add_palette(fragment, self)
        add_public_files(fragment, self, "css/studio.css")
        return fragment

    @json_api
    @staff_only
    @studio_only
    def studio_save(self, data, suffix=""):
        """Store the editor's configuration, or change nothing and say what is wrong."""
        exercise = checked_exercise(data, self.exercise, self.i18n)
        self.store_exercise(exercise)
        return {"saved": True, "config": editor_data(self.exercise)}

    @json_api
    @staff_only
    def studio_preview(self, data, suffix=""):
        """
        The prompt as learners see it and, given a sample answer, the feedback
        a learner would get, both from the unsaved configuration.
        """
        _ = self.gettext
        if not isinstance(data, dict) or set(data) - {"config", "answer"}:
            raise JsonRefusal(400, "bad_request", _("Send the configuration and, optionally, a sample answer."))
        exercise = checked_exercise(data.get("config", {}), self.exercise, self.i18n)
        response = {"prompt_html": render_markdown(exercise.prompt), "feedback": None}
        if data.get("answer") is not None:
            submission = read_submission({"answer": data["answer"]}, exercise, self.i18n)
            # What a learner sees after their first attempt.
            response["feedback"] = assess(exercise, submission.answer, self.i18n, left_after_first_attempt(exercise),
                                          entries=submission.entries).feedback
        return response

    @json_api
    @staff_only
    def studio_preset(self, data, suffix=""):
        """A preset's groups and criterion points, for the editor to put in place of its own."""
        preset_id = data.get("preset") if isinstance(data, dict) else None
        preset = PRESETS.get(preset_id) if isinstance(preset_id, str) else None
        if preset is None:
            raise JsonRefusal(400, "unknown_preset", self.gettext("Choose one of the presets."))
        _name, taxonomy = preset
        return {
            "groups": [editor_group(group) for group in taxonomy.groups],
            "balance_points": taxonomy.balance_points,
        }
