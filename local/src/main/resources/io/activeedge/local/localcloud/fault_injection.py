"""Injected faults: a RATE fraction of the calls active-edge's functions make fails as AWS calls fail under load.

Which call fails is drawn from one random stream per (service, operation), seeded with the seed given at
start, so the same seed fails the same calls of each operation in a run that makes the same calls (calls
made in parallel may trade places).

A call picked for a fault is answered, before it takes effect, with one of:
- the service's throttling error (Route 53: Throttling, HTTP 400; ACM: ThrottlingException; API Gateway:
  TooManyRequestsException, HTTP 429; the Resource Groups Tagging API: ThrottledException);
- Route 53's PriorRequestNotComplete (HTTP 400) for the operations whose model lists it;
- InternalFailure (HTTP 500) or ServiceUnavailable (HTTP 503).
Half the faults of a write (any operation that is not a Get, List or Describe) come instead after it took
effect: the change is made and the caller gets InternalFailure (HTTP 500), as when a response is lost.

Only the services the functions call are affected. A request with the header x-active-edge-faults: off
(the local cloud's own clients: the CLI's reads, the tests' checks, stand-ins) is never failed.
"""

import random
import threading
from collections import Counter

SERVICES = frozenset({"route53", "cloudfront", "acm", "apigateway", "apigatewayv2", "cloudwatch",
                      "resourcegroupstaggingapi"})
EXEMPT_HEADER = "x-active-edge-faults"
READS = ("Get", "List", "Describe")

# https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/throttling-api-requests.html: "When a request is
# throttled, Amazon Route 53 returns an HTTP 400 error (Bad request). The response header also includes a Code
# element with a value of Throttling and a Message element with a value of Rate exceeded."
# CloudFront and CloudWatch answer the same Throttling / Rate exceeded (HTTP 400) (botocore's "An error occurred
# (Throttling) when calling the UpdateDistribution operation: Rate exceeded", ansible-collections/community.aws#296);
# the others name a throttling error in their models (acm, apigateway, apigatewayv2, resourcegroupstaggingapi
# service-2.json: ThrottlingException, TooManyRequestsException with httpStatusCode 429, ThrottledException).
THROTTLING = {
    "route53": ("Throttling", 400),
    "cloudfront": ("Throttling", 400),
    "cloudwatch": ("Throttling", 400),
    "acm": ("ThrottlingException", 400),
    "apigateway": ("TooManyRequestsException", 429),
    "apigatewayv2": ("TooManyRequestsException", 429),
    "resourcegroupstaggingapi": ("ThrottledException", 400),
}
# https://docs.aws.amazon.com/Route53/latest/APIReference/API_ChangeResourceRecordSets.html (Errors):
# "PriorRequestNotComplete: If Amazon Route 53 can't process a request before the next request arrives, it will
# reject subsequent requests for the same hosted zone and return an HTTP 400 error (Bad request)."
PRIOR_REQUEST_NOT_COMPLETE = ("PriorRequestNotComplete", 400)
# https://docs.aws.amazon.com/acm/latest/APIReference/CommonErrors.html: "InternalFailure: The request processing
# has failed because of an unknown error, exception or failure. HTTP Status Code: 500"; "ServiceUnavailable: The
# request has failed due to a temporary failure of the server. HTTP Status Code: 503"
INTERNAL_FAILURE = ("InternalFailure", 500)
SERVICE_UNAVAILABLE = ("ServiceUnavailable", 503)

BEFORE = "before"
AFTER = "after"


class Faults:
    """What to fail; thread-safe, as moto serves each request on its own thread."""

    def __init__(self, rate=0.0, seed=0):
        self._lock = threading.Lock()
        self._streams = {}
        self._counts = Counter()
        self.configure(rate, seed)

    def configure(self, rate, seed):
        if not 0.0 <= rate <= 1.0:
            raise ValueError(f"the fault rate must be between 0 and 1, not {rate}")
        with self._lock:
            self.rate = rate
            self.seed = seed
            self._streams = {}
            self._counts = Counter()

    def draw(self, service, operation, prior_request_possible):
        """None (no fault), or (when, code, status): when is BEFORE or AFTER the call takes effect."""
        if self.rate <= 0.0 or service not in SERVICES:
            return None
        with self._lock:
            key = f"{self.seed}:{service}:{operation}"
            stream = self._streams.get(key)
            if stream is None:
                stream = self._streams[key] = random.Random(key)
            if stream.random() >= self.rate:
                return None
            kinds = [(BEFORE,) + THROTTLING[service], (BEFORE,) + INTERNAL_FAILURE, (BEFORE,) + SERVICE_UNAVAILABLE]
            if prior_request_possible:
                kinds.append((BEFORE,) + PRIOR_REQUEST_NOT_COMPLETE)
            write = not operation.startswith(READS)
            # Half the faults of a write come after it took effect: the case a client handles worst.
            fault = (AFTER,) + INTERNAL_FAILURE if write and stream.random() < 0.5 else stream.choice(kinds)
            self._counts[(service, operation, fault[0], fault[1])] += 1
            return fault

    def report(self):
        """The faults injected so far, for GET /active-edge/faults."""
        with self._lock:
            injected = [{"service": s, "operation": o, "when": w, "code": c, "count": n}
                        for (s, o, w, c), n in sorted(self._counts.items())]
            return {"rate": self.rate, "seed": self.seed, "injected": injected,
                    "total": sum(self._counts.values()),
                    "afterEffect": sum(n for (_, _, w, _), n in self._counts.items() if w == AFTER)}


FAULTS = Faults()


def exempt(headers):
    return str(headers.get(EXEMPT_HEADER, "")).lower() == "off"
