"""Runs moto's server for the active-edge local cloud.

Usage: python3 moto_launcher.py --port PORT [--parent-pid PID]

Before the server starts, it works around a moto 5.2 gap: StartExecution
deep-copies the state machine, and the copy reaches the previous executions
(their worker threads hold an RLock) and the backend, so every StartExecution
after the first in a Region fails with "cannot pickle '_thread.RLock'"
(getmoto/moto#10077). The copy only needs the definition, so the executions
list and the backend are shared with the original instead of copied.

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

    from moto import server

    server.main(["--host", "127.0.0.1", "--port", str(args.port)])


if __name__ == "__main__":
    main()
