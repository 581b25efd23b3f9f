"""Runs moto's server as the active-edge local cloud: moto, made to refuse what AWS refuses.

Usage: python3 moto_launcher.py --port PORT [--parent-pid PID] [--faults RATE] [--seed N]
                                [--cloudfront-deploy-seconds S] [--acm-validation-delay-seconds S]

Before the server starts, it works around a moto 5.2 gap: StartExecution deep-copies the state machine, and
the copy reaches the previous executions (their worker threads hold an RLock) and the backend, so every
StartExecution after the first in a Region fails with "cannot pickle '_thread.RLock'" (getmoto/moto#10077).
The copy only needs the definition, so the executions list and the backend are shared with the original
instead of copied.

Then it adds what moto lacks, each rule in the module of its service with the AWS page it comes from and
AWS's error code:
- strict_route53: calculated checks over calculated checks, CallerReference, HealthCheckVersion,
  all-or-nothing change batches, health status by Route 53's rules (and GetHealthCheckStatus refused on
  calculated checks);
- strict_cloudfront: IfMatch, CNAMEAlreadyExists, delete only when disabled and Deployed, changes InProgress
  for --cloudfront-deploy-seconds;
- strict_acm: for --acm-validation-delay-seconds after RequestCertificate a certificate is first not found,
  then has no validation record; issued only once the record is in Route 53; certificates in use are not
  deleted;
- strict_apigateway: UpdateDomainName and UpdateApiMapping (PATCH), one custom domain for REST and HTTP APIs;
- strict_elbv2: a listener certificate is added once and must exist, the default one is never removed; stand-in
  load balancers take the id of the ARN the input names;
- strict_requests with model_constraints: every request of those services checked against the service model
  (required members, enums, lengths, ranges, patterns), and fault_injection: --faults RATE of the calls fail
  as calls fail under load (--seed N picks which);
- latency_routing: TestDNSAnswer for latency records (a great-circle latency model over client_locations.json,
  Route 53's health rules, fail-open);
- control_endpoint: POST /active-edge/health (what an endpoint check reports) and /active-edge/faults.

`./active-edge up --faults 0.15 [--seed N]` starts a faulty cloud (the CLI passes --faults and --seed here).

The caller sets MOTO_PORT to its Lambda endpoint: moto's Step Functions executor invokes Lambda at
http://localhost:$MOTO_PORT.
"""

import argparse
import copy
import logging
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

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
    parser.add_argument("--faults", type=float, default=0.0,
                        help="fraction of the functions' AWS calls that fail (0 to 1)")
    parser.add_argument("--seed", type=int, default=0,
                        help="which calls fail")
    parser.add_argument("--cloudfront-deploy-seconds", type=float, default=0,
                        help="how long a new or changed distribution stays InProgress")
    parser.add_argument("--acm-validation-delay-seconds", type=float, default=0,
                        help="how long a new certificate is not found (first half), then has no validation record")
    args = parser.parse_args()

    if "MOTO_PORT" not in os.environ:
        sys.exit("MOTO_PORT must name the Lambda endpoint port")
    if args.parent_pid is not None:
        exit_with_parent(args.parent_pid)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")

    import control_endpoint
    import fault_injection
    import strict_alarm_checks
    import latency_routing
    import strict_acm
    import strict_apigateway
    import strict_cloudfront
    import strict_elbv2
    import strict_requests
    import strict_route53

    keep_executions_out_of_deepcopy()
    strict_route53.install()
    strict_alarm_checks.install()
    latency_routing.install()
    strict_cloudfront.install(args.cloudfront_deploy_seconds)
    strict_acm.install(args.acm_validation_delay_seconds)
    strict_apigateway.install()
    strict_elbv2.install()
    strict_requests.install()
    fault_injection.FAULTS.configure(args.faults, args.seed)
    print(f"active-edge: faults {args.faults} seed {args.seed}, CloudFront deploys in "
          f"{args.cloudfront_deploy_seconds}s, ACM validation records after {args.acm_validation_delay_seconds}s",
          flush=True)

    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
    from werkzeug.serving import run_simple

    app = DomainDispatcherApplication(create_backend_app)
    app.debug = True
    run_simple("127.0.0.1", args.port, control_endpoint.ControlEndpoint(app), threaded=True)


if __name__ == "__main__":
    main()
