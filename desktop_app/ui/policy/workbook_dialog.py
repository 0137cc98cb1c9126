"""The policy workbook in the GUI (docs/rules.md#policy-workbook): export to a file, and an
import that first checks the file (a dry run listing every change, or every bad cell in
the error table) and then applies it all or nothing — the exchange import dialog's flow."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.services import policy_workbook
from desktop_app.services.policy_workbook import PolicyImportResult
from desktop_app.services.session import Session
from desktop_app.ui.exchange.import_dialog import ImportDialog, translate_reason
from desktop_app.ui.i18n import message_text
from desktop_app.ui.tasks import Task, TaskRunner

MAX_CHANGES_SHOWN = 30


class PolicyImportDialog(ImportDialog):
    """Import a policy workbook (managers): check, read the changes, then import."""

    def __init__(self, session: Session, *, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(session, tasks=tasks, parent=parent)
        self.setObjectName("policy_import_dialog")
        self.setWindowTitle(self.tr("Import the policy workbook"))
        intro = self.findChild(QLabel)
        if intro is not None:
            intro.setText(
                self.tr(
                    "Reads a policy workbook (sheets 投诉分类, 部门, 渠道, 规则设置, 人员). "
                    "Check the file first: it lists every change; the import is all or "
                    "nothing, and any bad cell rejects the whole file."
                )
            )

    def _submit_import(self, path: Path, *, dry_run: bool) -> Task:
        return self.tasks.submit(
            policy_workbook.import_policy,
            self.session,
            path,
            dry_run=dry_run,
            name="policy-preview" if dry_run else "policy-import",
        )

    def change_lines(self, report: PolicyImportResult) -> str:
        from desktop_app.ui.detail_words import DetailWords
        from desktop_app.ui.i18n import ui_language

        words = DetailWords(ui_language(), self)
        lines = [words.policy_change(c, report.names) for c in report.changes[:MAX_CHANGES_SHOWN]]
        if len(report.changes) > MAX_CHANGES_SHOWN:
            lines.append(
                self.tr("… and {count} more").format(count=len(report.changes) - MAX_CHANGES_SHOWN)
            )
        return "\n".join(lines)

    def summary_text(self, report: PolicyImportResult) -> str:  # type: ignore[override]
        if not report.changes:
            return self.tr("The file is fine and matches the policy: nothing would change.")
        return (
            self.tr("The file is fine. {count} changes:").format(count=len(report.changes))
            + "\n"
            + self.change_lines(report)
            + "\n"
            + self.tr("Press Import to apply them.")
        )

    def imported_text(self, report: PolicyImportResult) -> str:  # type: ignore[override]
        return self.tr("Imported: {count} changes, recorded in the audit log.").format(
            count=len(report.changes)
        )

    def write_error_report(self, report: object, path: str | Path) -> Path:
        assert isinstance(report, PolicyImportResult)
        return policy_workbook.write_error_report(report, path, translate=translate_reason)


def export_policy(session: Session, path: Path) -> policy_workbook.PolicyExportResult:
    """``export_policy`` with the settings' labels in the UI language (for the worker)."""
    return policy_workbook.export_policy(session, path, translate=message_text)
