"""Reads for the printable templates that the other services do not give whole.

``case_survey`` is template 3 of a case as recorded (the timeline carries only the scores
and the suggestions): method, surveyor, the aspects chosen and their "other" texts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.db.models import Complaint, Survey, User
from desktop_app.domain.messages import msg
from desktop_app.domain.vocab import split_multi
from desktop_app.services import access
from desktop_app.services.errors import NotFound, PermissionDenied, service
from desktop_app.services.permissions import require_staff
from desktop_app.services.session import Session


@dataclass(frozen=True)
class SurveyRecord:
    """A recorded survey (template 3); codes for the choices (``vocab.SURVEY_METHODS``,
    ``vocab.SURVEY_ASPECTS``)."""

    complaint_number: str  # "" for a proactive survey
    customer_name: str
    survey_time: dt.datetime
    method: str
    surveyor: str  # display name
    timeliness: int
    effectiveness: int
    attitude: int
    overall: int
    most_satisfied: tuple[str, ...]
    most_satisfied_other: str
    needs_improvement: tuple[str, ...]
    needs_improvement_other: str
    suggestions: str


@service
def case_survey(session: Session, case_id: int) -> SurveyRecord | None:
    """The survey of a case the session may see, or None when it has none yet."""
    require_staff(session)
    case = Complaint.get_or_none(Complaint.id == case_id)
    if case is None:
        raise NotFound(msg("No such complaint."))
    if not access.may_see(session, case):
        raise PermissionDenied(msg("Case {number} is outside your queues."), number=case.number)
    survey = Survey.get_or_none(Survey.complaint == case.id)
    if survey is None:
        return None
    surveyor = User.get_or_none(User.id == survey.surveyor_id)
    return SurveyRecord(
        complaint_number=case.number,
        customer_name=survey.customer_name,
        survey_time=survey.survey_time,
        method=survey.method,
        surveyor=surveyor.display_name if surveyor else "",
        timeliness=survey.timeliness,
        effectiveness=survey.effectiveness,
        attitude=survey.attitude,
        overall=survey.overall,
        most_satisfied=tuple(split_multi(survey.most_satisfied)),
        most_satisfied_other=survey.most_satisfied_other or "",
        needs_improvement=tuple(split_multi(survey.needs_improvement)),
        needs_improvement_other=survey.needs_improvement_other or "",
        suggestions=survey.suggestions or "",
    )
