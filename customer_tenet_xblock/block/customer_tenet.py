"""
The XBlock: thin glue between the runtime and the rubric core.

Handlers read the request, call pure functions (submission checks, rubric, feedback)
and store or publish what they return. No grading rule lives here.
"""
import hashlib
import threading
from datetime import datetime, timezone

from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.fields import NO_CACHE_VALUE
from xblock.scorable import ScorableXBlockMixin, Score
from xblock.validation import ValidationMessage

from ..exercise import olx
from ..exercise.assessment import assess, attempts_left
from ..exercise.feedback import CORRECTNESS_PAST_DUE, correctness_visible, map_slots, translate_text
from ..exercise.i18n import N_, block_translations
from ..exercise.learner_state import DEADLINE_PASSED, learner_state
from ..exercise.markup import render_markdown
from ..exercise.settings import DEFAULT_TAXONOMY, SETTINGS, SETTINGS_BY_NAME, TAXONOMY_SETTINGS, Exercise
from ..exercise.submission import read_submission
from ..exercise.validation import exercise_problems
from ..rubric import counting_result
from ..rubric.taxonomy import Taxonomy
from .fields import (
    EXERCISE_FIELDS,
    LEARNER_FIELDS,
    ExerciseFieldsMixin,
    LearnerFieldsMixin,
    other_setting_names,
    read_other_settings,
)
from .insights import InsightsMixin
from .json_api import JsonRefusal, json_api
from .permissions import current_user_is_staff
from .resources import (
    active_language,
    add_public_files,
    add_shared_resources,
    loader,
    open_public_file,
    script_safe_json,
)
from .scenarios import SCENARIOS
from .studio import StudioMixin

# Submissions by one learner to one block are graded one at a time within a
# process (striped locks: bounded memory). Across processes the XBlock API
# offers no lock; see README "Limits and hardening".
_SUBMIT_LOCKS = tuple(threading.Lock() for _ in range(64))


# The learner fields a submission reads: the count, the best answer, and what it writes only if changed.
# Not the answer: it is replaced on every submission (reading it would be one more query).
SUBMIT_READS = ("attempts", "best_answer", "reflection", "raw_earned", "raw_possible")


UNSET = object()  # a setting with no stored value and no default from the runtime


def _loaded(setting, stored):
    """The Exercise's value of a setting. Unset, it is the default: no stored form (the six default groups) to load."""
    return setting.default if stored is UNSET else setting.load(stored)


class StoredExercise:
    """
    The block's Exercise, each setting read from its field the first time it
    is used: a handler reads only the settings it needs (in the workbench,
    each field read is a database query). Anything else (with_changes,
    equality) is the whole Exercise, built from the same reads.
    """

    def __init__(self, read):
        self._read = read  # setting name -> the field's stored value, or UNSET

    def __getattr__(self, name):
        if name.startswith("_"):  # not set yet (a copy being made): no endless lookup
            raise AttributeError(name)
        if name == "taxonomy":
            stored = {setting: self._read(setting.name) for setting in TAXONOMY_SETTINGS}
            if all(value is UNSET for value in stored.values()):
                # One object for every request: the rubric's caches find it by identity, not group by group.
                value = DEFAULT_TAXONOMY
            else:
                value = Taxonomy(**{setting.name: _loaded(setting, value) for setting, value in stored.items()})
        elif name in SETTINGS_BY_NAME and not SETTINGS_BY_NAME[name].on_taxonomy:
            value = _loaded(SETTINGS_BY_NAME[name], self._read(name))
        elif name == "whole":
            value = Exercise(taxonomy=self.taxonomy, **{
                setting.name: getattr(self, setting.name) for setting in SETTINGS if not setting.on_taxonomy})
        else:
            return getattr(self.whole, name)
        self.__dict__[name] = value
        return value

    def __eq__(self, other):
        return self.whole == (other.whole if isinstance(other, StoredExercise) else other)

    def __hash__(self):
        return hash(self.whole)

    def __repr__(self):
        return repr(self.whole)

def page_state(state):
    """
    The learner's state as the page's script uses it, nothing more: no attempt
    counts as numbers (their texts say them), no found or group count, no
    group id, and each placed entry's own text without the words and rule that
    matched it (the mobile apps and the submit answer have them; the page
    never shows them). A group's hint or why-it-matters text is left out where
    it is empty (the row shows none).
    """
    shown = {key: value for key, value in state.items() if key not in ("attempts", "max_attempts", "attempts_left")}
    feedback = state["feedback"]
    if feedback:
        groups = [{**{key: value for key, value in group.items() if key != "id" and value != ""},
                   "entries": [{"text": entry["text"]} for entry in group["entries"]]}
                  for group in feedback["groups"]]
        shown["feedback"] = {
            **{key: value for key, value in feedback.items() if key not in ("found_count", "group_count")},
            "groups": groups,
            "balance": {key: feedback["balance"][key] for key in ("met", "message")},
        }
    return shown


def page_data(state, taxonomy):
    """
    The student view's data: the learner's state (page_state); the empty map's
    shape (map_slots) until the feedback draws the map. The script's strings
    come by URL (add_shared_resources), so a browser caches them.
    """
    data = {"state": page_state(state)}
    if not data["state"]["feedback"]:
        data["slots"] = map_slots(taxonomy)
    return data


def _fraction(score):
    return score.raw_earned / score.raw_possible if score.raw_possible else 0.0


@XBlock.needs("i18n")
@XBlock.wants("user")  # user_state_client: InsightsMixin asks for it
class CustomerTenetXBlock(
    StudioMixin, InsightsMixin, ScorableXBlockMixin, ExerciseFieldsMixin, LearnerFieldsMixin, XBlock,
):
    """The "identify your customers" exercise."""

    has_score = True
    icon_class = "problem"
    show_in_read_only_mode = True
    i18n_js_namespace = "CustomerTenetI18N"  # the platform compiles its JS catalog for the block under this name
    # Where the LMS's collectstatic finds the files of local_resource_url (xblock_pipeline/finder.py:
    # <the class's package>/<resources_dir>): this class lives in customer_tenet_xblock/block/.
    resources_dir = "../static"

    @classmethod
    def open_local_resource(cls, uri):
        """The files local_resource_url names, for the runtime's resource view (workbench, LMS in debug)."""
        return open_public_file(uri)

    # ---- runtime services -------------------------------------------------

    @property
    def i18n(self):
        """The translator, resolved once per block instance (a request) and language."""
        language = active_language()
        cached = self.__dict__.get("_translator")
        if cached is None or cached[0] != language:
            cached = self.__dict__["_translator"] = (
                language, block_translations(self.runtime.service(self, "i18n"), language))
        return cached[1]

    @property
    def exercise(self):
        """The configuration, read from its fields as it is used, once per block instance (a request)."""
        exercise = self.__dict__.get("_exercise")
        if exercise is None:
            exercise = self.__dict__["_exercise"] = StoredExercise(self._stored_setting)
        return exercise

    def _stored_setting(self, name):
        """
        A setting's stored value, or its default from the runtime (the course's
        Maximum Attempts), or UNSET: one look-up, where XBlock's read asks has()
        then get() (in the workbench two queries) and deep-copies a list field
        twice, its default and a copy to notice changes made in place (about
        0.1 ms for the six default groups). Building the exercise only reads.
        Once the block sets a setting itself, XBlock's read, which knows the
        unsaved value, is the one used.
        """
        if self.__dict__.get("_settings_changed"):
            return getattr(self, name)
        field, field_data = self.fields[name], self._field_data
        try:  # FieldData.get and default raise KeyError for a field they have no value for
            return field.from_json(field_data.get(self, name))
        except KeyError:
            pass
        try:
            return field.from_json(field_data.default(self, name))
        except KeyError:
            return UNSET

    def _read_learner_fields(self, *names):
        """
        {name: value} of learner fields, each read with one look-up and kept
        where XBlock keeps what it reads (its field cache): later reads cost
        nothing, and a write of an equal value is no write. XBlock's own read
        asks has() then get() (in the workbench two queries), and each read of
        a field asks the runtime for the field-data service again. An unset
        field gets its default, as XBlock's read gives it; String's from_json
        cleans a text as XBlock's read does.
        """
        values = {}
        field_data = self._field_data
        for name in names:
            field = self.fields[name]
            value = field._get_cached_value(self)
            if value is NO_CACHE_VALUE:  # neither read nor set yet
                try:
                    value = field.from_json(field_data.get(self, name))
                except KeyError:
                    value = field._get_default_value_to_cache(self)
                field._set_cached_value(self, value)
            values[name] = value
        return values

    def _note_setting_change(self, name):
        if name in EXERCISE_FIELDS:  # a setting changes: the next read builds the exercise again
            self.__dict__.pop("_exercise", None)
            self.__dict__["_settings_changed"] = True

    def __setattr__(self, name, value):
        self._note_setting_change(name)
        super().__setattr__(name, value)

    def __delattr__(self, name):
        self._note_setting_change(name)
        super().__delattr__(name)

    def gettext(self, text):
        return self.i18n.gettext(text)

    # ---- the LMS's course settings ------------------------------------------
    # The LMS mixes inheritable settings into every block: due, graceperiod,
    # show_correctness, and has_deadline_passed() and close_date built on them
    # (xmodule/modulestore/inheritance.py). The workbench mixes in none of them.

    @property
    def deadline_passed(self):
        """True once the due date plus grace period has passed; never where there is no due date."""
        has_deadline_passed = getattr(self, "has_deadline_passed", None)
        return bool(has_deadline_passed and has_deadline_passed())

    @property
    def shows_correctness(self):
        """Whether the course lets this viewer see scores and found/missed groups now."""
        show_correctness = getattr(self, "show_correctness", None)
        # Being staff decides only for "past_due": ask the runtime (a query on some) only then.
        is_staff = show_correctness == CORRECTNESS_PAST_DUE and current_user_is_staff(self)
        return correctness_visible(
            show_correctness, getattr(self, "close_date", None), is_staff, datetime.now(timezone.utc),
        )

    # ---- learner state as the browser and the mobile app see it -----------

    def state_for_learner(self):
        """Everything the student view shows about this learner, as JSON data (learner_state.learner_state)."""
        return self._learner_state(self.i18n, self._read_learner_fields(*LEARNER_FIELDS), self.deadline_passed)

    def _learner_state(self, i18n, learner, closed, assessment=None):
        """
        learner_state for values already read: `learner`, the learner's fields
        by name; `assessment`, the one a submission has just made of the
        stored answer, so it is not graded again.
        """
        exercise = self.exercise
        feedback = None
        if learner["answer"] and self.shows_correctness:
            if assessment is None:
                # Past the deadline there is no next attempt: the last one has been made.
                left = 0 if closed else attempts_left(exercise.max_attempts, learner["attempts"])
                assessment = assess(exercise, learner["answer"], i18n, left)
            feedback = assessment.feedback
        results_after_due = getattr(self, "show_correctness", None) == CORRECTNESS_PAST_DUE
        return learner_state(i18n, learner, exercise.max_attempts, closed, feedback, results_after_due)

    # ---- views -------------------------------------------------------------

    @XBlock.supports("multi_device")
    def student_view(self, context=None):
        exercise = self.exercise
        i18n = self.i18n
        fragment = Fragment()
        add_shared_resources(fragment, self)
        # The view's data goes into its own HTML, encoded once: init arguments given as a string
        # (the workbench writes them unescaped, so they had to be script-safe text) were encoded twice.
        fragment.add_content(loader.render_django_template("html/student_view.html", {
            "display_name": translate_text(i18n, exercise.display_name),
            "prompt_html": render_markdown(translate_text(i18n, exercise.prompt)),
            "reflection_prompt": translate_text(i18n, exercise.reflection_prompt),
            "max_chars": exercise.max_chars,
            "block_id": self.html_id(),
            "data_json": script_safe_json(page_data(self.state_for_learner(), exercise.taxonomy)),
        }, i18n_service=i18n))
        add_public_files(fragment, self, "css/customer_tenet.css", "js/customer_tenet.js")
        fragment.initialize_js("CustomerTenetXBlock")
        self.add_staff_insights(fragment)
        return fragment

    def html_id(self):
        """A DOM-safe id unique to this block on the page; short, as the view repeats it (usage ids are long)."""
        return "ct-" + hashlib.sha1(str(self.scope_ids.usage_id).encode("utf-8")).hexdigest()[:12]

    def student_view_data(self, context=None):
        """
        For the mobile apps: the exercise as a learner sees it before answering,
        so no group (label, points, hint or synonym) and no learner state;
        the feedback, groups included, comes from the learner_state handler.
        """
        exercise = self.exercise
        return {
            **{setting.name: setting.value(exercise) for setting in SETTINGS if setting.mobile},
            "prompt_html": render_markdown(exercise.prompt),
            "slots": map_slots(exercise.taxonomy),
            "max_score": self.max_score(),
            "state_handler": "learner_state",
            "submit_handler": "submit",
        }

    # ---- handlers ----------------------------------------------------------

    @json_api(allow_get=True)
    def learner_state(self, data, suffix=""):
        """The learner's state, for clients (like the mobile apps, with GET) that render it themselves. Read-only."""
        return self.state_for_learner()

    @json_api
    def submit(self, data, suffix=""):
        key = f"{self.scope_ids.usage_id}/{self.scope_ids.user_id}"
        with _SUBMIT_LOCKS[hash(key) % len(_SUBMIT_LOCKS)]:
            state = self._submit(data)
            self.save()  # inside the lock, so the next submission reads this one's attempts
        return state

    def _submit(self, data):
        i18n = self.i18n  # resolved once for the request (it asks Django for the active language)
        learner = self._read_learner_fields(*SUBMIT_READS)
        # As a CAPA problem is closed past its due date (xmodule/capa_block.py closed()).
        if self.deadline_passed:
            raise JsonRefusal(403, "deadline_passed", i18n.gettext(DEADLINE_PASSED))
        exercise = self.exercise
        if attempts_left(exercise.max_attempts, learner["attempts"]) == 0:
            raise JsonRefusal(409, "no_attempts_left", i18n.gettext("You have used all your attempts."))
        submission = read_submission(data, exercise, i18n)
        attempts = learner["attempts"] + 1
        assessment = assess(exercise, submission.answer, i18n, attempts_left(exercise.max_attempts, attempts),
                            best_answer=learner["best_answer"], entries=submission.entries)
        self.answer, self.attempts = submission.answer, attempts  # these change on every submission
        self._store(best_answer=assessment.best_answer, reflection=submission.reflection)
        score = Score(raw_earned=assessment.earned, raw_possible=assessment.possible)
        self.set_score(score)
        self._publish_grade(score, only_if_higher=False)
        # The state shows what was just stored: every learner field is in XBlock's cache now, no read.
        return self._learner_state(i18n, self._read_learner_fields(*LEARNER_FIELDS), False, assessment)

    # ---- grading (ScorableXBlockMixin) -------------------------------------

    def max_score(self):
        # The LMS calls this on unbound blocks: read configuration only.
        return self.exercise.taxonomy.possible_points

    def has_submitted_answer(self):
        return bool(self.answer)

    def get_score(self):
        return Score(raw_earned=self.raw_earned, raw_possible=self.raw_possible)

    def set_score(self, score):
        self._store(raw_earned=score.raw_earned, raw_possible=score.raw_possible)

    def _store(self, **values):
        """Set learner fields, each read first: XBlock then writes only those whose value changed."""
        stored = self._read_learner_fields(*values)
        for name, value in values.items():
            if stored[name] != value:
                setattr(self, name, value)

    def calculate_score(self):
        """The best of the stored answers, graded with the current rubric."""
        taxonomy = self.exercise.taxonomy
        earned = counting_result(self.answer, self.best_answer, taxonomy).earned
        return Score(raw_earned=earned, raw_possible=taxonomy.possible_points)

    def rescore(self, only_if_higher):
        """LMS rescoring: publish the recomputed score and keep the block's copy in step."""
        super().rescore(only_if_higher)
        new_score, old_score = self.calculate_score(), self.get_score()
        if not only_if_higher or _fraction(new_score) >= _fraction(old_score):
            self.set_score(new_score)

    def publish_grade(self, score=None, only_if_higher=None):
        """Publish the stored score (the LMS calls this after a staff override)."""
        self._publish_grade(score or self.get_score(), only_if_higher)

    # ---- Studio ------------------------------------------------------------

    def validate(self):
        validation = super().validate()
        for _field, message in exercise_problems(self.exercise, self.i18n):
            validation.add(ValidationMessage(ValidationMessage.ERROR, message))
        return validation

    # ---- OLX ---------------------------------------------------------------

    @classmethod
    def parse_xml(cls, node, runtime, keys, *args, **kwargs):
        """
        Studio's paste and course import: the exercise (checked with Studio's
        rules) and every other field the node names. What cannot be stored
        raises OlxError naming the block and the problem, and nothing is stored.
        """
        block = runtime.construct_xblock_from_class(cls, keys)  # mixed: its fields include the platform's
        try:
            exercise, attributes, elements = olx.read_node(node)
            settings = read_other_settings(block.fields, attributes, elements)
        except olx.OlxError as error:
            raise olx.OlxError(N_("<{tag} url_name=\"{url_name}\">: {problem}"), tag=node.tag,
                               url_name=node.get("url_name", ""), problem=str(error)) from None
        for name, value in settings.items():
            setattr(block, name, value)
        block.store_exercise(exercise, always=EXERCISE_FIELDS & set(node.attrib))
        return block

    def add_xml_to_node(self, node):
        node.tag = self.scope_ids.block_type
        for name in other_setting_names(self):
            self._add_field(node, name, self.fields[name])  # as XBlock's default add_xml_to_node writes it
        # A max_attempts the block does not set itself follows the course: exporting it would freeze it.
        inherited = () if self.fields["max_attempts"].is_set_on(self) else ("max_attempts",)
        olx.exercise_to_node(self.exercise, node, omit=inherited)

    @staticmethod
    def workbench_scenarios():
        return list(SCENARIOS)
