import gc
import sys

# No cyclic garbage collection while the program's modules load: about 15 ms of a start
# (docs/rules.md#start-up); ``cli.modules_loaded`` starts it again.
gc.disable()

from desktop_app.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
