"""The backups tab of the administration page (administrators only).

Shows the database (``backup_database``), the backups folder (``backup_folder``), the
retention (``backup_retention``) and, for SQLite, the backups taken, newest first
(``backups_table``: taken at, file, size).

- ``backup_now_button``: ``backup.create_backup`` off the UI thread, then the table again.
  For PostgreSQL the dump goes to a file chosen with ``choose_dump_path()``; without pg_dump
  the service's message says what to install.
- ``restore_button``: restores the selected backup (or, when none is selected, a file chosen
  with ``choose_restore_file()``); ``restore_file_button`` always asks for a file. First
  ``confirm()`` says that the program signs out afterwards and that the other PCs must close
  the program; then ``backup.restore_backup`` runs off the UI thread. A refusal is shown as
  the service words it; after a restore ``inform()`` says what happened (the file restored,
  its schema version, where the replaced database is kept) and ``restored(RestoreResult)``
  is emitted (the page then asks the window to sign out). ``confirm``, ``inform`` and the
  two file choosers are methods tests replace.
- ``open_backup_folder_button`` opens the folder in the file manager.

For PostgreSQL the table and the restore buttons give way to a sentence on pg_dump and
pg_restore.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QLocale,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import backup
from desktop_app.services.backup import BackupEntry, BackupOverview, BackupResult, RestoreResult
from desktop_app.services.errors import ServiceError
from desktop_app.services.session import Session
from desktop_app.ui.forms import (
    MessageLine,
    ask_save_path,
    documents_folder,
    message_label,
    note_label,
    progress_bar,
    push_button,
    widget_row,
)
from desktop_app.ui.i18n import service_message
from desktop_app.ui.row_models import RowsTableModel, list_table
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

PathRole = Qt.ItemDataRole.UserRole + 1
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def data_size(size: int) -> str:
    return QLocale().formattedDataSize(size)


class BackupsTableModel(RowsTableModel):
    """The timestamped backups, newest first."""

    TAKEN_AT, FILE, SIZE = range(3)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Taken at"), self.tr("File"), self.tr("Size"))

    def entry_at(self, row: int) -> BackupEntry | None:
        return self.row_at(row)

    def cell(self, entry: BackupEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TAKEN_AT:
                return entry.taken_at.strftime(TIME_FORMAT)
            if column == self.FILE:
                return entry.path.name
            if column == self.SIZE:
                return data_size(entry.size)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(entry.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PathRole:
            return str(entry.path)
        return None


class BackupsTab(MessageLine, QWidget):
    """Backups and restore; see the module documentation."""

    status_message = Signal(str)
    backed_up = Signal(object)  # BackupResult
    restored = Signal(object)  # RestoreResult

    def __init__(self, session: Session, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.setObjectName("backups_tab")
        self.overview: BackupOverview | None = None
        self._task: Task | None = None

        self.database_label = QLabel()
        self.database_label.setObjectName("backup_database")
        self.folder_label = QLabel()
        self.folder_label.setObjectName("backup_folder")
        self.retention_label = QLabel()
        self.retention_label.setObjectName("backup_retention")
        for label in (self.database_label, self.folder_label, self.retention_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        facts = QFormLayout()
        facts.addRow(self.tr("Database:"), self.database_label)
        facts.addRow(self.tr("Backups folder:"), self.folder_label)
        facts.addRow(self.tr("Kept:"), self.retention_label)

        self.postgres_note = note_label("postgres_backup_note")
        self.postgres_note.hide()

        self.model = BackupsTableModel(self)
        self.table = list_table("backups_table", self.model, stretch=BackupsTableModel.FILE)

        self.backup_button = push_button(
            self.tr("&Back up now"), "backup_now_button", icon_name="backup", slot=self.back_up_now
        )
        self.restore_button = push_button(
            self.tr("&Restore…"),
            "restore_button",
            icon_name="restore",
            tip=self.tr("Replace the database with the selected backup (or a file you choose)"),
            slot=self.restore_selected,
        )
        self.restore_file_button = push_button(
            self.tr("Restore from &file…"),
            "restore_file_button",
            icon_name="restore",
            slot=self.restore_chosen_file,
        )
        self.open_folder_button = push_button(
            self.tr("&Open folder"),
            "open_backup_folder_button",
            icon_name="folder",
            slot=self.open_folder,
        )
        self.progress = progress_bar("backup_progress", max_width=160)
        self.message = message_label("backup_message", selectable=True)

        buttons = widget_row(
            self.backup_button,
            self.restore_button,
            self.restore_file_button,
            self.open_folder_button,
            self.progress,
        )
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(facts)
        layout.addWidget(self.postgres_note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.refresh()

    # --- overview -----------------------------------------------------------------------

    @property
    def is_postgres(self) -> bool:
        return self.overview is not None and self.overview.backend == "postgresql"

    def refresh(self) -> None:
        try:
            overview = backup.backup_overview(self.session)
        except ServiceError as exc:
            self.show_message(service_message(exc))
            return
        self.overview = overview
        self.database_label.setText(overview.database)
        self.retention_label.setText(
            self.tr(
                "the last {daily} daily and {weekly} weekly automatic backups (settings "
                "backups.keep_daily and backups.keep_weekly); a daily backup is taken while the "
                "program runs"
            ).format(daily=overview.keep_daily, weekly=overview.keep_weekly)
        )
        if overview.backend == "postgresql":
            self.folder_label.setText(self.tr("a file you choose at each backup"))
            self.retention_label.setText(self.tr("as the database server's backup plan says"))
            self.postgres_note.setText(self._postgres_text(overview))
            self.postgres_note.show()
            self.table.hide()
            self.restore_button.hide()
            self.restore_file_button.hide()
            self.open_folder_button.hide()
        else:
            self.folder_label.setText(str(overview.folder))
            self.model.set_rows(overview.entries)
            if overview.entries:
                self.table.selectRow(0)
        self._update_buttons()

    def _postgres_text(self, overview: BackupOverview) -> str:
        restore = self.tr(
            "Restoring is done with pg_restore, not by this program: close the "
            "program on every PC, then run pg_restore --clean --if-exists "
            "--no-owner --dbname <database URL> <file>."
        )
        if overview.pg_dump:
            found = self.tr(
                'This database is on a PostgreSQL server. "Back up now" runs '
                "pg_dump ({program}) and writes the dump to a file you choose."
            ).format(program=overview.pg_dump)
        else:
            found = self.tr(
                "This database is on a PostgreSQL server. pg_dump was not found "
                "on this computer: install the PostgreSQL client tools (package "
                "postgresql-client, or the PostgreSQL installer on Windows) to "
                "back up from here, or use the database server's own backups."
            )
        return f"{found}\n\n{restore}"

    def selected_entry(self) -> BackupEntry | None:
        index = self.table.currentIndex()
        return self.model.entry_at(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        idle = self._task is None
        self.backup_button.setEnabled(idle)
        for button in (self.restore_button, self.restore_file_button):
            button.setEnabled(idle and not self.is_postgres)
        self.open_folder_button.setEnabled(
            self.overview is not None and self.overview.folder is not None
        )

    # --- questions (tests replace these) ------------------------------------------------

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.warning(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)

    def choose_restore_file(self) -> str | None:
        folder = self.overview.folder if self.overview and self.overview.folder else Path.home()
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from a backup"),
            str(folder),
            self.tr("Database backups (*.db *.sqlite *.sqlite3);;All files (*)"),
        )
        return path or None

    def choose_dump_path(self) -> str | None:
        name = (
            f"{self.overview.database if self.overview else 'complaints'}."
            f"{self.session.now():%Y%m%d-%H%M%S}.dump"
        )
        return ask_save_path(
            self,
            self.tr("Save the PostgreSQL backup"),
            documents_folder() / name,
            self.tr("pg_dump archive (*.dump)"),
        )

    # --- back up ------------------------------------------------------------------------

    def _start(self, task: Task) -> Task:
        self._task = task
        self.progress.show()
        self.clear_message()
        task.finished.connect(self._finished)
        self._update_buttons()
        return task

    def _finished(self) -> None:
        self._task = None
        self.progress.hide()
        self._update_buttons()

    def back_up_now(self) -> Task | None:
        if self._task is not None:
            return None
        out = None
        if self.is_postgres and self.overview is not None and self.overview.pg_dump:
            out = self.choose_dump_path()
            if not out:
                return None
        task = self.tasks.submit(backup.create_backup, self.session, out, name="backup")
        task.on(succeeded=self._backed_up, failed=self._failed)
        return self._start(task)

    def _backed_up(self, result: BackupResult) -> None:
        text = self.tr("Backup saved: {file} ({size})").format(
            file=str(result.path), size=data_size(result.size)
        )
        if result.removed:
            text += " " + self.tr("Older backups removed by the retention rule: {count}.").format(
                count=len(result.removed)
            )
        self.status_message.emit(text)
        self.refresh()
        row = next((i for i, e in enumerate(self.model.rows()) if e.path == result.path), -1)
        if row >= 0:
            self.table.selectRow(row)
        self.backed_up.emit(result)

    def _failed(self, exc: ServiceError) -> None:
        text = service_message(exc)
        self.show_message(text)
        self.status_message.emit(text)

    # --- restore ------------------------------------------------------------------------

    def restore_selected(self) -> Task | None:
        entry = self.selected_entry()
        if entry is not None:
            return self.restore_from(entry.path)
        return self.restore_chosen_file()

    def restore_chosen_file(self) -> Task | None:
        path = self.choose_restore_file()
        return self.restore_from(path) if path else None

    def restore_from(self, path: str | Path) -> Task | None:
        """Ask, then restore ``path`` off the UI thread; None when not confirmed or busy."""
        if self._task is not None or self.is_postgres:
            return None
        path = Path(path)
        when = ""
        entry = next((e for e in self.model.rows() if e.path == path), None)
        if entry is not None:
            when = self.tr(" (taken {time})").format(time=entry.taken_at.strftime(TIME_FORMAT))
        text = self.tr(
            "Replace the whole database by the backup {file}{when}?\n\n"
            "Everything recorded after that backup is lost. The current database is kept "
            "as a copy beside it.\n\n"
            "Close the program on every other PC first: the restore is refused while the "
            "database is in use.\n\n"
            "After the restore this program signs you out; sign in again to continue."
        ).format(file=str(path), when=when)
        if not self.confirm(self.tr("Restore the database"), text):
            return None
        log.info("%s restores the database from %s", self.session.username, path)
        backup.release_connection()  # nothing of this thread may hold the file open
        task = self.tasks.submit(backup.restore_backup, self.session, path, name="restore")
        task.on(succeeded=self._restored, failed=self._failed)
        return self._start(task)

    def restore_text(self, result: RestoreResult) -> str:
        text = self.tr(
            "The database was restored from {source} (schema version {version})."
        ).format(source=str(result.source), version=result.from_version)
        if result.migrated:
            text += " " + self.tr("It was brought up to this program's schema version.")
        text += "\n\n" + self.tr("The database it replaced is kept as {kept}.").format(
            kept=str(result.kept)
        )
        text += "\n\n" + self.tr("You are now signed out; sign in again to continue.")
        return text

    def _restored(self, result: RestoreResult) -> None:
        backup.release_connection()  # the next query reads the restored file
        text = self.restore_text(result)
        self.status_message.emit(
            self.tr("Database restored from {file}").format(file=str(result.source))
        )
        self.refresh()
        self.inform(self.tr("Database restored"), text)
        self.restored.emit(result)

    # --- folder -------------------------------------------------------------------------

    def open_folder(self) -> bool:
        if self.overview is None or self.overview.folder is None:
            return False
        folder = Path(self.overview.folder)
        folder.mkdir(parents=True, exist_ok=True)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
