"""A separate program that mixes intakes and tracker updates (for concurrency tests).

    python -m tests.helpers.mixed_worker URL CONFIG_JSON

CONFIG: {"username", "count", "seed", "now" (ISO), "cases" (ids of the shared pool),
"assignees" (user ids to transfer to)}. Each operation is, at random, a new complaint or
an update of a pool case: a progress entry or a transfer, made with the version this
worker last read of the case, as a clerk would from an open case window. A conflict
(someone else changed the case) makes the worker read the case again, like the UI's
"reload". Prints one JSON object at the end:

{"numbers": [...], "progress": [[case id, text, version made], ...],
 "transfers": [[case id, reason, to user, version made], ...],
 "conflicts": [[case id, exception class, message], ...],
 "errors": ["Class: message", ...]  (other service errors a user would have seen),
 "raw": ["Class: message", ...]     (exceptions that are not service errors)}
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys

from desktop_app.bootstrap import prepare_database
from desktop_app.domain.clock import FixedClock
from desktop_app.services import auth, cases, intake
from desktop_app.services.errors import ConflictError, ServiceError


def main(url: str, config: dict) -> int:
    db, _info, _result = prepare_database(url)
    now = dt.datetime.fromisoformat(config["now"])
    session = auth.session_for_username(config["username"], clock=FixedClock(now))
    rng = random.Random(config["seed"])
    tag = config["username"]
    seen = {cid: cases.get_case(session, cid) for cid in config["cases"]}
    out: dict[str, list] = {
        k: [] for k in ("numbers", "progress", "transfers", "conflicts", "errors", "raw")
    }
    for i in range(config["count"]):
        case_id = rng.choice(config["cases"])
        case = seen[case_id]
        roll = rng.random()
        try:
            if roll < 0.4:
                form = intake.IntakeForm(
                    customer_name="混合测试",
                    contact=f"135{i:08d}",
                    channel="phone",
                    complaint_time=now - dt.timedelta(minutes=1),
                    type="process_efficiency",
                    subtype="delivery",
                    urgency="normal",
                    description=f"{tag}第{i}单配送延迟，请尽快处理",
                    department="logistics",
                )
                out["numbers"].append(intake.register_complaint(session, form).number)
            elif roll < 0.8:
                text = f"{tag}-{i}"
                case = cases.add_progress(
                    session, case_id, cases.ProgressForm(result=text), version=case.version
                )
                out["progress"].append([case_id, text, case.version])
            else:
                to_user = rng.choice([u for u in config["assignees"] if u != case.owner_id])
                reason = f"{tag}-{i}"
                case = cases.transfer(session, case_id, to_user, reason, version=case.version)
                out["transfers"].append([case_id, reason, to_user, case.version])
            seen[case_id] = case
        except ConflictError as exc:
            out["conflicts"].append([case_id, type(exc).__name__, exc.message])
            seen[case_id] = cases.get_case(session, case_id)  # "reload"
        except ServiceError as exc:
            out["errors"].append(f"{type(exc).__name__}: {exc.message}")
        except Exception as exc:  # noqa: BLE001 - a raw driver error reaching the user
            out["raw"].append(f"{type(exc).__name__}: {exc}")
    db.close()
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], json.loads(sys.argv[2])))
