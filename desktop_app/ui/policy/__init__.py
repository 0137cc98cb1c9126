"""Settings → Policy: the policy's own tables as managers edit them (docs/rules.md#policy-screens).

``PolicyEditor`` holds four tabs: complaint types (``types_tab.TypesTab``), departments
and channels (``reference_tab.ReferenceTab``), deadlines (``targets_tab.DeadlinesTab``)
and reminders and escalation (``targets_tab.RemindersTab``). Every save goes through
``services.policy`` on the window's task runner, names what it changed in the status line
and announces ``settings`` to the change hub, so the intake form and the other pages
follow.
"""

from desktop_app.ui.policy.editor import PolicyEditor

__all__ = ["PolicyEditor"]
