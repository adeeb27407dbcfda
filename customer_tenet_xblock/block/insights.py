"""
Instructor insights: the class summary and the response export.

Storage that cannot lose a learner's contribution: nothing here writes. Each
learner's work lives only in their own Scope.user_state (one row per learner,
written only by that learner's own requests), and the summary and export are
computed when staff ask, by reading learners' states through the runtime's
user-state client, the same iterator the LMS's problem responses report
passes to generate_report_data. There is no shared counter to
read-modify-write, so simultaneous submissions on many workers cannot
overwrite each other.

Cost: a staff page view reads no learner state (the summary loads when staff
press its button); one request reads at most LEARNER_CAP states; the summary
is kept in the runtime's "cache" service for SUMMARY_CACHE_SECONDS.
"""
from collections import OrderedDict
from datetime import datetime, timezone

from xblock.core import XBlock, XBlockMixin
from xblock.fields import Scope

from ..exercise.class_figures import (
    ANSWER_CHARACTER_CAP,
    LEARNER_CAP,
    describe_summary,
    exercise_with_synonym,
    first_states,
    records_from_states,
    response_fields,
    responses_csv,
    summarise,
    summary_cache_key,
)
from ..exercise.feedback import translate_text
from ..exercise.i18n import N_
from .json_api import JsonRefusal, json_api
from .permissions import current_user_is_staff, staff_only, studio_only
from .resources import add_public_files, loader

SUMMARY_CACHE_SECONDS = 5 * 60
# Where the LMS keeps authored settings read-only, what add_synonym says instead: where Studio does the same.
ADD_SYNONYM_IN_STUDIO = N_(
    "The exercise cannot be changed from this page. In Studio, select Edit on this problem, then "
    "“Show what learners wrote” under “What learners wrote that no group took”: add the synonym "
    "there, select Save and publish."
)


def rescore_location(usage_id):
    """
    The problem's location as the instructor dashboard's rescore form takes
    it: without the branch and version Studio's keys may carry (as
    opaque_keys' Django key fields strip them before a query).
    """
    if hasattr(usage_id, "for_branch") and hasattr(usage_id, "version_agnostic"):
        usage_id = usage_id.for_branch(None).version_agnostic()
    return str(usage_id)


def rescore_text(block):
    """The rescore note shown next to every way of adding a synonym: where and how scores follow."""
    return block.gettext(
        "A new synonym places new answers at once, but learners' scores change only when the problem is "
        "rescored: in the instructor dashboard, open Student Admin, enter this problem's location ({location}) "
        "under “Adjust all enrolled learners' grades for a specific problem” and select Rescore All Learners' "
        "Submissions (or Rescore Only If Scores Improve)."
    ).format(location=rescore_location(block.scope_ids.usage_id))


def user_state_client(block):
    """
    Something with the LMS's XBlockUserStateClient.iter_all_for_block, or None.

    A runtime may offer one as the "user_state_client" service (the
    workbench does); the LMS offers none, so there it is
    DjangoXBlockUserStateClient, imported only there, as xblock-poll imports
    StudentModule. Anything that stops the import (not the LMS, apps not
    loaded) means "none": the page must never break for want of it.
    """
    service = block.runtime.service(block, "user_state_client")
    if service is not None:
        return service
    try:
        from lms.djangoapps.courseware.user_state_client import DjangoXBlockUserStateClient  # pylint: disable=import-error
        return DjangoXBlockUserStateClient()
    except Exception:  # pylint: disable=broad-except
        return None


@XBlock.wants("user_state_client", "cache")
class InsightsMixin(XBlockMixin):
    """Staff-only views, handlers and the LMS report hook."""

    def add_staff_insights(self, fragment):
        """
        Below the exercise, for staff only: the class summary and the response
        export, empty until staff ask (no learner state is read here).
        """
        if not current_user_is_staff(self):
            return
        fragment.add_content(loader.render_django_template("html/staff_summary.html", {
            "block_id": self.html_id(),
            "cap": LEARNER_CAP,
            "minutes": SUMMARY_CACHE_SECONDS // 60,
            "rescore_text": rescore_text(self),
        }, i18n_service=self.i18n))
        add_public_files(fragment, self, "css/insights.css", "js/insights.js")

    # ---- reading learners' states -------------------------------------------

    def _learner_states(self):
        """The first learners' states (LEARNER_CAP, ANSWER_CHARACTER_CAP), and whether there were more."""
        client = user_state_client(self)
        try:
            if client is not None:
                return first_states(client.iter_all_for_block(self.scope_ids.usage_id, scope=Scope.user_state),
                                    LEARNER_CAP, ANSWER_CHARACTER_CAP)
        except NotImplementedError:  # as the Problem Responses report treats a client that cannot iterate
            pass
        raise JsonRefusal(501, "no_user_states", self.gettext(
            "This platform does not let the block read learners' answers. "
            "Use the instructor dashboard's problem responses report instead."
        ))

    def _cached_summary(self, taxonomy):
        """
        The summary's figures and when they were computed: from the runtime's
        cache when it has them for this block and this rubric, else read now.
        """
        cache = self.runtime.service(self, "cache")
        key = summary_cache_key(self.scope_ids.usage_id, taxonomy, LEARNER_CAP)
        cached = cache.get(key) if cache is not None else None
        if isinstance(cached, dict) and {"summary", "as_of", "truncated", "read"} <= set(cached):
            return cached
        states, truncated = self._learner_states()
        computed = {
            "summary": summarise(records_from_states(states, taxonomy), taxonomy),
            "as_of": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "truncated": truncated,
            "read": len(states),
        }
        if cache is not None:
            cache.set(key, computed, SUMMARY_CACHE_SECONDS)
        return computed

    # ---- handlers ----------------------------------------------------------

    @json_api
    @staff_only
    def class_summary(self, data, suffix=""):
        """Staff: the class summary, worded, graded with the current rubric, with its time and coverage."""
        taxonomy = self.exercise.taxonomy
        cached = self._cached_summary(taxonomy)
        response = describe_summary(cached["summary"], taxonomy, self.i18n)
        response["as_of"] = cached["as_of"]
        response["limit_text"] = self._limit_text(cached["read"]) if cached["truncated"] else ""
        return response

    @json_api
    @staff_only
    @studio_only(message=ADD_SYNONYM_IN_STUDIO)
    def add_synonym(self, data, suffix=""):
        """
        Staff: add a frequent unplaced entry as a synonym of a group, in one
        action, where authored settings can be written (the workbench, a
        runtime that stores them). The LMS keeps them read-only: there the
        answer is 403, nothing changes, and the message points to the Studio
        editor's panel, which does the same from the same figures. Stored
        scores do not change until rescored.
        """
        exercise, group, entry = exercise_with_synonym(self.exercise, data, self.i18n)
        self.store_exercise(exercise)
        return {
            "added": True,
            "message": self.gettext(
                "“{entry}” is a synonym of {group} now. Learners' scores change only when you rescore."
            ).format(entry=entry, group=translate_text(self.i18n, group.label)),
        }

    @json_api
    @staff_only
    def export_responses(self, data, suffix=""):
        """Staff: the latest answer, placed entries, score and reflection of up to LEARNER_CAP learners, as CSV."""
        states, truncated = self._learner_states()
        rows = self.generate_report_data(iter(states))
        return {
            "filename": "customer-tenet-responses.csv",
            "csv": responses_csv(rows, self.gettext("Username")),
            "limit_text": self._limit_text(len(states)) if truncated else "",
        }

    def _limit_text(self, count):
        return self.i18n.ngettext(
            "Only the first {count} learner record was read. To see every learner, download the Problem "
            "Responses report from the instructor dashboard (Data Download tab).",
            "Only the first {count} learner records were read. To see every learner, download the Problem "
            "Responses report from the instructor dashboard (Data Download tab).",
            count,
        ).format(count=count)

    # ---- the LMS's problem responses report --------------------------------

    def generate_report_data(self, user_state_iterator, limit_responses=None):
        """
        The instructor dashboard's problem responses report calls this with
        DjangoXBlockUserStateClient().iter_all_for_block(block_key) (objects
        with .username and .state); it yields (username, {column: value}) for
        each learner who submitted, at most `limit_responses` of them. An
        OrderedDict keeps our column order in the report.
        """
        if limit_responses is not None and limit_responses <= 0:
            return
        taxonomy = self.exercise.taxonomy
        labels = {group.id: translate_text(self.i18n, group.label) for group in taxonomy.groups}
        for count, record in enumerate(records_from_states(user_state_iterator, taxonomy), start=1):
            yield record.username, OrderedDict(response_fields(record, self.i18n, labels.get))
            if limit_responses is not None and count >= limit_responses:
                return
