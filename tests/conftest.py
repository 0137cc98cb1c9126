import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.helpers.fixtures import *  # noqa: E402,F401,F403
