"""The case window and its parts.

- ``window``: ``CaseWindow`` (lays the parts out, reads the case, messages, closing) and
  ``open_case_window`` / ``find_case_window`` (one window per user and case);
- ``details``: the detail, template 1 and the case's state and deadlines;
- ``timeline``: the timeline table and the words of its rows;
- ``progress``: the progress form, template 2;
- ``actions``: the workflow actions, worker side (``load_case``, ``perform``) and the
  window's side (``CaseActions``: dialogs, running, results, conflicts);
- ``dialogs``: one dialog per action and the conflict dialog;
- ``reassess_dialog``: the re-assessment's dialog (urgency, level, type, department);
- ``fields``: small inputs and time formats shared by the above.
"""
