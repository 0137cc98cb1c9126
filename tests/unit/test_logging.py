"""The rotating log file lives in the user's log folder."""

from __future__ import annotations

import logging
import logging.handlers

from desktop_app import bootstrap


def test_log_file_in_log_folder_and_rotating(tmp_path, monkeypatch):
    monkeypatch.setenv("DESKTOP_APP_LOG_DIR", str(tmp_path / "logs"))
    root = logging.getLogger()
    saved_handlers, saved_flag = root.handlers[:], getattr(root, "_desktop_app_configured", False)
    root._desktop_app_configured = False
    try:
        path = bootstrap.setup_logging()
        logging.getLogger("desktop_app.test").warning("something to find later")
        for handler in root.handlers:
            handler.flush()
        assert path == tmp_path / "logs" / "desktop-app.log"
        assert "something to find later" in path.read_text("utf-8")
        rotating = [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
        assert rotating and rotating[0].maxBytes > 0 and rotating[0].backupCount >= 3
    finally:
        for handler in root.handlers[:]:
            if handler not in saved_handlers:
                root.removeHandler(handler)
                handler.close()
        root._desktop_app_configured = saved_flag
