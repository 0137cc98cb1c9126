"""The tracker section of the main window (进度跟踪, template 2), one file per part:

- ``page``: ``TrackerPage``, the page and its case table (loading, counts, opening a case,
  the column layout);
- ``filters``: ``TrackerFilters``, the filter bar;
- ``views``: ``TrackerViews``, the saved views with their counts, and how a filter is
  stored (``filter_to_json``, ``filter_from_json``).

The table's model is ``ui/tracker_model.py``.
"""

from desktop_app.ui.tracker.page import TrackerPage

__all__ = ["TrackerPage"]
