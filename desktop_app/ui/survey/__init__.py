"""The survey section of the main window (满意度调查, template 3), one file per part:

- ``page``: ``SurveyPage``, the page, its queue of cases due for a survey, starting a
  survey and saving it;
- ``calls``: ``SurveyCalls``, the call attempts and "not to be surveyed";
- ``follow_ups``: ``FollowUps`` and ``CompleteFollowUpDialog``, the follow-ups of unhappy
  customers.

The survey form is ``ui/survey_form.py``, the queue's models ``ui/survey_queue.py``.
"""

from desktop_app.ui.survey.follow_ups import CompleteFollowUpDialog
from desktop_app.ui.survey.page import SurveyPage

__all__ = ["CompleteFollowUpDialog", "SurveyPage"]
