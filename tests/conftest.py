import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# ``import *`` leaves out names starting with "_": the autouse fixtures are named here.
from tests.helpers.fixtures import *  # noqa: E402,F401,F403
from tests.helpers.fixtures import (  # noqa: E402,F401
    _fast_password_hashing,
    _isolated_user_folders,
)
