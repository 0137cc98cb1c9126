"""Complaint Desk (投诉处理台): complaint handling for Chinese service teams."""

from desktop_app.domain.messages import msg

__version__ = "0.1.0"
APP_NAME = msg("Complaint Desk")
APP_ID = "complaint-desk"
ORG_NAME = "ComplaintDesk"
