"""The intake section of the main window (投诉登记, template 1), one file per part:

- ``page``: ``IntakePage``, the page (layout, saving, a new form, discarding) and
  ``SavedDialog``, the number and promise read out after a save;
- ``form``: ``IntakeSections``, the form's four groups, its values and cascades, the
  fields in error;
- ``customer``: ``CustomerLookup``, the suggestions of known customers and what the side
  panel shows;
- ``similar``: ``SimilarPanel``, the side panel (the picked customer, similar cases);
- ``widgets``: the customer-request boxes and the attachment list;
- ``draft``: the unsaved form kept on disk (``DraftStore``) and the page's side of it;
- ``printing``: template 1 on paper (print, PDF).
"""

from desktop_app.ui.intake.page import IntakePage, SavedDialog

__all__ = ["IntakePage", "SavedDialog"]
