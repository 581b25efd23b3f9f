"""The local cloud's own knobs, served by the emulator next to the AWS APIs (as moto serves /moto-api/):

  POST /active-edge/health  {"healthCheckId": ID, "status": "healthy" | "unhealthy"}
       what Route 53 reports for that endpoint check from now on (there is no endpoint to probe; healthy until told)
  GET  /active-edge/health?healthCheckId=ID
       its status by Route 53's rules, calculated checks included: {"healthCheckId", "type", "told", "status"}
  GET  /active-edge/faults                    the fault rate, the seed and the faults injected so far
  POST /active-edge/faults  {"rate": R, "seed": N}   change them (the counts start again)
"""

import json
from urllib.parse import parse_qs

import fault_injection
import strict_route53

PREFIX = "/active-edge/"


class ControlEndpoint:
    """WSGI middleware: /active-edge/ here, everything else to moto."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if not path.startswith(PREFIX):
            return self.app(environ, start_response)
        method = environ.get("REQUEST_METHOD", "GET")
        try:
            body = _body(environ) if method == "POST" else {}
            query = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
            if path == PREFIX + "health":
                status, answer = health(method, dict(query, **body))
            elif path == PREFIX + "faults":
                status, answer = faults(method, body)
            else:
                status, answer = 404, {"message": f"no {method} {path}; see {PREFIX}health and {PREFIX}faults"}
        except ValueError as e:
            status, answer = 400, {"message": str(e)}
        data = json.dumps(answer).encode("utf-8")
        start_response(f"{status} {'OK' if status == 200 else 'Error'}",
                      [("Content-Type", "application/json"), ("Content-Length", str(len(data)))])
        return [data]


def health(method, params):
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.route53.models import route53_backends

    check_id = params.get("healthCheckId")
    if not check_id:
        raise ValueError("healthCheckId is required")
    backend = route53_backends[params.get("accountId", DEFAULT_ACCOUNT_ID)]["aws"]
    check = backend.health_checks.get(check_id)
    if check is None:
        return 404, {"message": f"no health check {check_id}"}
    if method == "POST":
        told = params.get("status")
        if told not in ("healthy", "unhealthy"):
            raise ValueError(f"status must be healthy or unhealthy, not {told}")
        if check.type_ in ("CALCULATED", "CLOUDWATCH_METRIC"):
            raise ValueError(f"{check_id} is a {check.type_} check: Route 53 derives its status; set its endpoint "
                             "checks instead")
        strict_route53.TOLD_HEALTHY[check_id] = told == "healthy"
    told = strict_route53.TOLD_HEALTHY.get(check_id)
    return 200, {"healthCheckId": check_id, "type": check.type_,
                 "told": None if told is None else ("healthy" if told else "unhealthy"),
                 "status": "healthy" if strict_route53.is_healthy(backend, check) else "unhealthy"}


def faults(method, body):
    if method == "POST":
        rate = float(body.get("rate", fault_injection.FAULTS.rate))
        seed = int(body.get("seed", fault_injection.FAULTS.seed))
        fault_injection.FAULTS.configure(rate, seed)
    return 200, fault_injection.FAULTS.report()


def _body(environ):
    length = int(environ.get("CONTENT_LENGTH") or 0)
    raw = environ["wsgi.input"].read(length) if length else b""
    try:
        value = json.loads(raw or b"{}")
    except json.JSONDecodeError as e:
        raise ValueError(f"the body is not JSON: {e}") from e
    if not isinstance(value, dict):
        raise ValueError("the body must be a JSON object")
    return value
