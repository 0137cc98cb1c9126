"""Complaint Desk (投诉处理台): complaint handling for Chinese service teams."""

__version__ = "0.1.0"
APP_NAME = "Complaint Desk"
APP_ID = "complaint-desk"
ORG_NAME = "ComplaintDesk"
