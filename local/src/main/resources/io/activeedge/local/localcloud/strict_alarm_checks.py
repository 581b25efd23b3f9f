"""Route 53 health checks that follow CloudWatch alarms (Type CLOUDWATCH_METRIC), which moto 5.2 takes but forgets:
it drops AlarmIdentifier and InsufficientDataHealthStatus, and never looks at the alarm. Each rule cites its page."""

import strict_route53
from moto.route53.exceptions import InvalidInput

CLOUDWATCH_METRIC = "CLOUDWATCH_METRIC"
# https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html (InsufficientDataHealthStatus).
INSUFFICIENT_DATA_VALUES = ("Healthy", "Unhealthy", "LastKnownStatus")


def install():
    health_checks_keep_their_alarm()
    alarm_checks_follow_the_alarm()


def health_checks_keep_their_alarm():
    from moto.core.responses import ActionResult
    from moto.route53 import models
    from moto.route53.responses import Route53

    update = Route53.update_health_check
    init = models.HealthCheck.__init__
    config_of = models.HealthCheck.health_check_config.fget

    def __init__(self, health_check_id, caller_reference, health_check_args):
        init(self, health_check_id, caller_reference, health_check_args)
        self.alarm_identifier = health_check_args.get("alarm_identifier")
        self.insufficient_data_health_status = health_check_args.get("insufficient_data_health_status")
        self.last_known_healthy = True

    def health_check_config(self):
        config = config_of(self)
        if self.type_ == CLOUDWATCH_METRIC:
            # API_HealthCheckConfig: "When the value of Type is CALCULATED or CLOUDWATCH_METRIC, omit IPAddress";
            # Port: "Don't specify a value for Port when you specify a value for Type of CLOUDWATCH_METRIC".
            for key in ("IPAddress", "Port", "RequestInterval", "FailureThreshold", "MeasureLatency", "EnableSNI"):
                config.pop(key, None)
            config["AlarmIdentifier"] = getattr(self, "alarm_identifier", None)
            config["InsufficientDataHealthStatus"] = getattr(self, "insufficient_data_health_status", None)
        return config

    def create_health_check(self):
        config = self._get_param("HealthCheckConfig") or {}
        alarm = config.get("AlarmIdentifier")
        if config.get("Type") == CLOUDWATCH_METRIC:
            _require_alarm(self.backend, alarm)
        elif alarm:
            # AWS's answer to an AlarmIdentifier on another type (aws/aws-cli#3188, hashicorp/terraform-provider-aws
            # #22993): "Invalid parameter : Basic health checks must not have an metric region specified."
            raise InvalidInput("Invalid parameter : Basic health checks must not have an metric region specified.")
        status = config.get("InsufficientDataHealthStatus")
        if status is not None and status not in INSUFFICIENT_DATA_VALUES:
            raise InvalidInput(f"InsufficientDataHealthStatus must be one of {', '.join(INSUFFICIENT_DATA_VALUES)}")
        # moto's own handler (moto.route53.responses.Route53.create_health_check), with the two settings it leaves
        # out, so that the CallerReference rule (strict_route53) compares them too.
        health_check_args = {
            "ip_address": config.get("IPAddress"), "port": config.get("Port"), "type": config["Type"],
            "resource_path": config.get("ResourcePath"), "fqdn": config.get("FullyQualifiedDomainName"),
            "search_string": config.get("SearchString"), "request_interval": config.get("RequestInterval"),
            "failure_threshold": config.get("FailureThreshold"), "health_threshold": config.get("HealthThreshold"),
            "measure_latency": config.get("MeasureLatency"), "inverted": config.get("Inverted"),
            "disabled": config.get("Disabled"), "enable_sni": config.get("EnableSNI"),
            "children": config.get("ChildHealthChecks", []), "regions": config.get("Regions", []),
            "alarm_identifier": dict(alarm) if alarm else None, "insufficient_data_health_status": status,
        }
        check = self.backend.create_health_check(self._get_param("CallerReference"), health_check_args)
        _describe_alarm(self.backend, check)
        return ActionResult({"HealthCheck": check})

    def update_health_check(self):
        check = self.backend.get_health_check(self._get_param("HealthCheckId"))
        alarm = self._get_param("AlarmIdentifier")
        status = self._get_param("InsufficientDataHealthStatus")
        if alarm and check.type_ != CLOUDWATCH_METRIC:
            raise InvalidInput("Invalid parameter : Basic health checks must not have an metric region specified.")
        if alarm:
            _require_alarm(self.backend, alarm)
        if status is not None and status not in INSUFFICIENT_DATA_VALUES:
            raise InvalidInput(f"InsufficientDataHealthStatus must be one of {', '.join(INSUFFICIENT_DATA_VALUES)}")
        result = update(self)
        if alarm:
            check.alarm_identifier = dict(alarm)
            _describe_alarm(self.backend, check)
        if status is not None:
            check.insufficient_data_health_status = status
        return result

    models.HealthCheck.__init__ = __init__
    models.HealthCheck.health_check_config = property(health_check_config)
    Route53.create_health_check = create_health_check
    Route53.update_health_check = update_health_check


def _alarm_of(backend, alarm):
    from moto.cloudwatch.models import cloudwatch_backends

    return cloudwatch_backends[backend.account_id][alarm.get("Region")].alarms.get(alarm.get("Name"))


def _require_alarm(backend, alarm):
    # https://docs.aws.amazon.com/Route53/latest/APIReference/API_AlarmIdentifier.html: Region and Name are both
    # required and name "the CloudWatch alarm that you want Amazon Route 53 health checkers to use"; a
    # CLOUDWATCH_METRIC check without one, or naming an alarm that is not there, is refused (InvalidInput, the one
    # error of CreateHealthCheck for a bad request; the exact message is not documented).
    if not alarm or not alarm.get("Region") or not alarm.get("Name"):
        raise InvalidInput("Invalid parameter : A CLOUDWATCH_METRIC health check requires AlarmIdentifier with "
                           "Region and Name")
    if _alarm_of(backend, alarm) is None:
        raise InvalidInput(f"Invalid parameter : The CloudWatch alarm {alarm.get('Name')} does not exist in "
                           f"{alarm.get('Region')}")


def _describe_alarm(backend, check):
    # https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheck.html (CloudWatchAlarmConfiguration):
    # "information about the CloudWatch alarm that Amazon Route 53 is monitoring for this health check".
    found = check.alarm_identifier and _alarm_of(backend, check.alarm_identifier)
    if not found or not found.metric_name:
        check.cloud_watch_alarm_configuration = None
        return
    check.cloud_watch_alarm_configuration = {
        "EvaluationPeriods": found.evaluation_periods, "Threshold": found.threshold,
        "ComparisonOperator": found.comparison_operator, "Period": found.period,
        "MetricName": found.metric_name, "Namespace": found.namespace, "Statistic": found.statistic,
        "Dimensions": [{"Name": d.name, "Value": d.value} for d in found.dimensions or []]}


def alarm_checks_follow_the_alarm():
    # https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html (Type): "CLOUDWATCH_METRIC:
    # The health check is associated with a CloudWatch alarm. If the state of the alarm is OK, the health check is
    # considered healthy. If the state is ALARM, the health check is considered unhealthy. If CloudWatch doesn't have
    # sufficient data to determine whether the state is OK or ALARM, the health check status depends on the setting
    # for InsufficientDataHealthStatus: Healthy, Unhealthy, or LastKnownStatus." LastKnownStatus: "For new health
    # checks that have no last known status, the default status for the health check is healthy." Route 53's default
    # for the setting is not documented; LastKnownStatus is assumed.
    rule = strict_route53.is_healthy

    def is_healthy(backend, check, depth=0):
        if check.type_ != CLOUDWATCH_METRIC or check.disabled:
            return rule(backend, check, depth)
        alarm = getattr(check, "alarm_identifier", None)
        found = alarm and _alarm_of(backend, alarm)
        state = found.state_value if found else "INSUFFICIENT_DATA"
        if state in ("OK", "ALARM"):
            healthy = state == "OK"
            check.last_known_healthy = healthy
        else:
            setting = getattr(check, "insufficient_data_health_status", None) or "LastKnownStatus"
            healthy = {"Healthy": True, "Unhealthy": False}.get(setting, getattr(check, "last_known_healthy", True))
        return not healthy if check.inverted else healthy

    strict_route53.is_healthy = is_healthy
