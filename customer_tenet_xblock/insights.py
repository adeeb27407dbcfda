"""
Instructor insights: the class summary and the response export.

Storage that cannot lose a learner's contribution: nothing here writes. Each
learner's work lives only in their own Scope.user_state (one row per learner,
written only by that learner's own requests), and the summary and export are
computed when staff ask, by reading every learner's state through the
runtime's user-state client, the same iterator the LMS's problem responses
report passes to generate_report_data. There is no shared counter to
read-modify-write, so simultaneous submissions on many workers cannot
overwrite each other.
"""
from collections import OrderedDict

from xblock.fields import Scope

from .answers import Refusal
from .class_summary import describe_summary, records_from_states, response_fields, responses_csv, summarise
from .feedback import translate_text
from .handlers import json_api
from .permissions import current_user_is_staff, staff_only
from .resources import loader


def user_state_client(block):
    """
    Something with the LMS's XBlockUserStateClient.iter_all_for_block, or None.

    A runtime may offer one as the "user_state_client" service (the
    workbench does); in the LMS it is DjangoXBlockUserStateClient, imported
    only there, as xblock-poll imports StudentModule.
    """
    service = block.runtime.service(block, "user_state_client")
    if service is not None:
        return service
    try:
        from lms.djangoapps.courseware.user_state_client import DjangoXBlockUserStateClient  # pylint: disable=import-error
    except ImportError:
        return None
    return DjangoXBlockUserStateClient()


class InsightsMixin:
    """Staff-only views, handlers and the LMS report hook."""

    def add_staff_insights(self, fragment):
        """Below the exercise, for staff only: the class summary and the response export."""
        if not current_user_is_staff(self):
            return
        fragment.add_content(loader.render_django_template("html/staff_summary.html", {
            "block_id": self._html_id(),
        }, i18n_service=self.i18n))
        fragment.add_css(loader.load_unicode("css/insights.css"))
        fragment.add_javascript(loader.load_unicode("js/insights.js"))

    # ---- reading every learner's state -------------------------------------

    def _all_learner_states(self):
        client = user_state_client(self)
        if client is None:
            raise Refusal(501, "no_user_states", self.gettext(
                "This platform does not let the block read learners' answers. "
                "Use the instructor dashboard's problem responses report instead."
            ))
        return client.iter_all_for_block(self.scope_ids.usage_id, scope=Scope.user_state)

    # ---- handlers ----------------------------------------------------------

    @json_api
    @staff_only
    def class_summary(self, data, suffix=""):
        """Staff: the class summary, worded, graded with the current rubric."""
        taxonomy = self.exercise.taxonomy
        records = records_from_states(self._all_learner_states(), taxonomy)
        return describe_summary(summarise(records, taxonomy), taxonomy, self.i18n)

    @json_api
    @staff_only
    def export_responses(self, data, suffix=""):
        """Staff: every learner's latest answer, placed entries, score and reflection, as CSV text."""
        rows = self.generate_report_data(self._all_learner_states())
        return {"filename": "customer-tenet-responses.csv", "csv": responses_csv(rows, self.gettext("Username"))}

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
