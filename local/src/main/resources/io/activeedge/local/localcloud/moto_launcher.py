"""Runs moto's server for the active-edge local cloud.

Usage: python3 moto_launcher.py --port PORT [--parent-pid PID]

Before the server starts, it works around a moto 5.2 gap: StartExecution
deep-copies the state machine, and the copy reaches the previous executions
(their worker threads hold an RLock) and the backend, so every StartExecution
after the first in a Region fails with "cannot pickle '_thread.RLock'"
(getmoto/moto#10077). The copy only needs the definition, so the executions
list and the backend are shared with the original instead of copied.

It also teaches moto the AWS rules that active-edge relies on and that moto
does not enforce, so that a request AWS refuses fails here too:

- Route 53 refuses a calculated health check that monitors another calculated
  health check (Developer Guide, "Values that you specify when you create or
  update health checks", Health checks to monitor: "You can't configure a
  calculated health check to monitor the health of other calculated health
  checks."), with InvalidInput.

The caller sets MOTO_PORT to its Lambda endpoint: moto's Step Functions
executor invokes Lambda at http://localhost:$MOTO_PORT.
"""

import argparse
import copy
import os
import sys
import threading
import time

SHARED_ATTRIBUTES = ("executions", "backend")


def keep_executions_out_of_deepcopy():
    from moto.stepfunctions import models

    def deepcopy_sharing_executions(self, memo):
        clone = self.__class__.__new__(self.__class__)
        memo[id(self)] = clone
        for name, value in self.__dict__.items():
            if name in SHARED_ATTRIBUTES:
                setattr(clone, name, value)
            else:
                setattr(clone, name, copy.deepcopy(value, memo))
        return clone

    models.StateMachine.__deepcopy__ = deepcopy_sharing_executions


def refuse_calculated_children():
    # https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-creating-values.html
    from moto.route53 import models
    from moto.route53.exceptions import InvalidInput

    backend_class = models.Route53Backend
    create = backend_class.create_health_check
    update = backend_class.update_health_check

    def check_children(backend, children):
        for child in children or []:
            found = backend.health_checks.get(child)
            if found is not None and found.type_ == "CALCULATED":
                raise InvalidInput(
                    "A calculated health check can't monitor another calculated health check: " + child
                )

    def create_health_check(self, caller_reference, health_check_args):
        check_children(self, health_check_args.get("children"))
        return create(self, caller_reference, health_check_args)

    def update_health_check(self, health_check_id, health_check_args):
        check_children(self, health_check_args.get("children"))
        return update(self, health_check_id, health_check_args)

    backend_class.create_health_check = create_health_check
    backend_class.update_health_check = update_health_check


def exit_with_parent(parent_pid):
    """Stops the server when the process that started it is gone."""

    def watch():
        while True:
            time.sleep(1)
            if os.getppid() != parent_pid:
                os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--parent-pid", type=int, default=None)
    args = parser.parse_args()

    if "MOTO_PORT" not in os.environ:
        sys.exit("MOTO_PORT must name the Lambda endpoint port")
    if args.parent_pid is not None:
        exit_with_parent(args.parent_pid)

    keep_executions_out_of_deepcopy()
    refuse_calculated_children()

    from moto import server

    server.main(["--host", "127.0.0.1", "--port", str(args.port)])


if __name__ == "__main__":
    main()
