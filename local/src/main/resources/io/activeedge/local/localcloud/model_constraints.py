"""The service models' constraints on a request, checked as AWS checks them before it acts.

botocore's models (the ones the SDKs are generated from) state for every input member whether it is
required, its enum, its length or value range and its pattern. The SDK for Java sends a request without
checking any of them, so AWS is the first to refuse one. botocore.validate.ParamValidator covers only
required members, types and minimums; this checks all five.

A violation is answered with the service's own validation error and AWS's message form, e.g. ACM's
ValidationException "1 validation error detected: Value 'a-b' at 'idempotencyToken' failed to satisfy
constraint: Member must satisfy regular expression pattern: \\w+".
"""

try:  # the models' patterns use Java regex classes such as \\p{L}; the regex module knows them
    import regex as _regex
except ImportError:  # pragma: no cover - re knows all but \\p{..}; such patterns are then skipped
    import re as _regex

# https://docs.aws.amazon.com/acm/latest/APIReference/CommonErrors.html: "ValidationError: The input fails to
# satisfy the constraints specified by an AWS service." (HTTP 400). Each service names it in its own model:
VALIDATION_ERROR = {
    "acm": "ValidationException",
    "apigateway": "BadRequestException",
    "apigatewayv2": "BadRequestException",
    "cloudfront": "InvalidArgument",
    "cloudwatch": "InvalidParameterValue",
    "resourcegroupstaggingapi": "InvalidParameterException",
    "route53": "InvalidInput",
}

_PATTERNS = {}


def violations(params, shape):
    """AWS's sentences for each constraint that params (a parsed request) breaks, in member order."""
    found = []
    _check(params, shape, "", found)
    return found


def message(found):
    noun = "error" if len(found) == 1 else "errors"
    return f"{len(found)} validation {noun} detected: " + "; ".join(found)


def _check(value, shape, path, found):
    if value is None:
        return
    kind = shape.type_name
    meta = shape.metadata
    if kind == "structure":
        if not isinstance(value, dict):
            return
        for name in meta.get("required", []):
            if value.get(name) is None:
                found.append(f"Value null at '{_join(path, name)}' failed to satisfy constraint: "
                             "Member must not be null")
        for name, member in shape.members.items():
            if name in value:
                _check(value[name], member, _join(path, name), found)
    elif kind == "list":
        if not isinstance(value, list):
            return
        _length(len(value), meta, value, path, found)
        for index, item in enumerate(value):
            _check(item, shape.member, f"{path}.{index + 1}.member", found)
    elif kind == "map":
        if not isinstance(value, dict):
            return
        _length(len(value), meta, value, path, found)
        for key, item in value.items():
            _check(key, shape.key, f"{path}.key", found)
            _check(item, shape.value, f"{path}.{key}", found)
    elif kind == "string":
        if not isinstance(value, str):
            return
        enum = meta.get("enum")
        if enum and value not in enum:
            found.append(f"Value '{value}' at '{path}' failed to satisfy constraint: "
                         f"Member must satisfy enum value set: [{', '.join(enum)}]")
        _length(len(value), meta, value, path, found)
        pattern = _pattern(meta.get("pattern"))
        if pattern is not None and pattern.fullmatch(value) is None:
            found.append(f"Value '{value}' at '{path}' failed to satisfy constraint: "
                         f"Member must satisfy regular expression pattern: {meta['pattern']}")
    elif kind in ("integer", "long", "double", "float"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return
        if "min" in meta and value < meta["min"]:
            found.append(f"Value '{value}' at '{path}' failed to satisfy constraint: "
                         f"Member must have value greater than or equal to {meta['min']}")
        if "max" in meta and value > meta["max"]:
            found.append(f"Value '{value}' at '{path}' failed to satisfy constraint: "
                         f"Member must have value less than or equal to {meta['max']}")


def _length(size, meta, value, path, found):
    if "min" in meta and size < meta["min"]:
        found.append(f"Value '{_shown(value)}' at '{path}' failed to satisfy constraint: "
                     f"Member must have length greater than or equal to {meta['min']}")
    if "max" in meta and size > meta["max"]:
        found.append(f"Value '{_shown(value)}' at '{path}' failed to satisfy constraint: "
                     f"Member must have length less than or equal to {meta['max']}")


def _pattern(text):
    if not text:
        return None
    if text not in _PATTERNS:
        try:
            _PATTERNS[text] = _regex.compile(text)
        except Exception:  # a Java construct this regex engine lacks: the pattern is not checked
            _PATTERNS[text] = None
    return _PATTERNS[text]


def _join(path, name):
    member = name[:1].lower() + name[1:]
    return f"{path}.{member}" if path else member


def _shown(value):
    return value if isinstance(value, str) else "[...]" if isinstance(value, list) else "{...}"
