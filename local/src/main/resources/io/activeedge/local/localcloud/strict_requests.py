"""Every request moto serves passes here: the model's constraints first, then the injected faults.

moto dispatches each AWS request to BaseResponse._dispatch, which reads the request (setup_class) and runs the
operation (call_action). This replaces _dispatch with the same two steps and the checks around them.
"""

import logging

import fault_injection
import model_constraints

LOG = logging.getLogger("active-edge")
_UNREADABLE = set()


class AwsError(Exception):
    """An error answered in the service's protocol (moto serializes it from the model) with this status."""

    def __init__(self, code, message, status):
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


def install():
    from moto.core.responses import BaseResponse

    def _dispatch(self, request, full_url, headers):
        self.setup_class(request, full_url, headers)
        return handle(self, request)

    BaseResponse._dispatch = _dispatch


def handle(response, request):
    service = response.boto3_service_name
    if service not in model_constraints.VALIDATION_ERROR:
        return response.call_action()
    operation = _operation(response)
    if operation is None:
        return response.call_action()

    found = _violations(response, request, operation)
    if found:
        LOG.info("refused %s %s: %s", service, operation.name, found)
        return error(response, AwsError(model_constraints.VALIDATION_ERROR[service],
                                        model_constraints.message(found), 400))

    if fault_injection.exempt(response.headers):
        return response.call_action()
    errors = {e.name for e in operation.error_shapes}
    fault = fault_injection.FAULTS.draw(service, operation.name, "PriorRequestNotComplete" in errors)
    if fault is None:
        return response.call_action()
    when, code, status = fault
    if when == fault_injection.BEFORE:
        LOG.info("fault %s %s: %s before it took effect", service, operation.name, code)
        return error(response, AwsError(code, "injected by the active-edge local cloud", status))
    result = response.call_action()
    if not 200 <= int(result[0]) < 300:
        return result
    LOG.info("fault %s %s: %s after it took effect", service, operation.name, code)
    return error(response, AwsError(code, "injected by the active-edge local cloud after the change was made",
                                    status))


def error(response, exception):
    """A response as moto's serializer writes the service's errors, with the exception's status."""
    from moto.core.exceptions import ServiceException
    from moto.core.responses import ActionResult

    # Named as no moto service, so the serializer looks the code up in the request's own service model.
    failure = type("ActiveEdgeError", (ServiceException,), {"__module__": "active_edge"})(exception.code,
                                                                                         exception.message)
    status, headers, body = response.serialized(ActionResult(failure))
    headers = dict(headers)
    headers["status"] = str(exception.status)
    headers, body = response._enrich_response(headers, body)
    return exception.status, headers, body


def _operation(response):
    from moto.core.utils import get_service_model

    try:
        action = response._get_action()
        if not action:
            return None
        return get_service_model(response.boto3_service_name).operation_model(action)
    except Exception:  # an operation the model does not know: moto answers it as it does
        return None


def _violations(response, request, operation):
    from moto.core.parse import PROTOCOL_PARSERS
    from moto.core.request import determine_request_protocol, normalize_request

    try:
        normalized = normalize_request(request)
        protocol = determine_request_protocol(operation.service_model, normalized.content_type)
        parser = PROTOCOL_PARSERS[protocol](operation)
        params = parser.parse({
            "method": normalized.method,
            "values": normalized.values,
            "headers": normalized.headers,
            "body": normalized.get_data(),
            "url_path": normalized.path,
            "url_params": response.uri_match.groupdict() if getattr(response, "uri_match", None) else {},
        })
    except Exception as e:  # a request moto's parser cannot read is left to moto
        if operation.name not in _UNREADABLE:
            _UNREADABLE.add(operation.name)
            LOG.warning("not checked against the model (moto cannot parse it): %s: %r", operation.name, e)
        return []
    if operation.input_shape is None:
        return []
    return model_constraints.violations(params, operation.input_shape)
