"""Route 53 rules that moto 5.2 does not enforce. Each cites the AWS page it comes from and AWS's error code."""

import threading

from moto.route53.exceptions import InvalidInput, Route53ClientError

# Endpoint health the local cloud was told (POST /active-edge/health), by health check id; healthy by default,
# as there is no endpoint to probe.
TOLD_HEALTHY = {}
# Health checkers' Regions, one observation each (Route 53's default list of checker Regions).
CHECKER_REGIONS = ("us-east-1", "us-west-1", "us-west-2", "eu-west-1", "ap-southeast-1", "ap-southeast-2",
                   "ap-northeast-1", "sa-east-1")

_LOCK = threading.RLock()


class HealthCheckAlreadyExists(Route53ClientError):
    code = "HealthCheckAlreadyExists"


class HealthCheckVersionMismatch(Route53ClientError):
    code = "HealthCheckVersionMismatch"


class InvalidChangeBatch(Route53ClientError):
    code = "InvalidChangeBatch"


def install():
    at_most_ten_tags()
    alias_records_have_no_ttl()
    refuse_calculated_children()
    caller_reference_is_idempotent()
    health_check_version()
    change_batches_are_transactions()
    health_status_follows_the_rules()


def at_most_ten_tags():
    # https://docs.aws.amazon.com/Route53/latest/APIReference/API_ChangeTagsForResource.html (AddTags): "You can add a
    # maximum of 10 tags to a health check or a hosted zone"; a resource's tag set (ResourceTagSet.Tags, TagList in the
    # route53 service model) holds at most 10. moto takes any number. A change that would leave more than 10 changes
    # nothing and is refused with InvalidInput, one of ChangeTagsForResource's errors in the model.
    from moto.route53 import models

    backend_class = models.Route53Backend
    change = backend_class.change_tags_for_resource

    def change_tags_for_resource(self, resource_type, resource_id, add_tags, remove_tag_keys):
        after = dict(self.resource_tags.get(resource_id, {}))
        for tag in add_tags or []:
            after[tag["Key"]] = tag["Value"]
        for key in remove_tag_keys or []:
            after.pop(key, None)
        if len(after) > 10:
            raise InvalidInput("A " + resource_type + " can have at most 10 tags; this change would leave "
                               + str(len(after)) + " on " + resource_id)
        return change(self, resource_type, resource_id, add_tags, remove_tag_keys)

    backend_class.change_tags_for_resource = change_tags_for_resource


def alias_records_have_no_ttl():
    # https://docs.aws.amazon.com/Route53/latest/APIReference/API_ResourceRecordSet.html (TTL): "If you're creating or
    # updating an alias resource record set, omit TTL. Amazon Route 53 uses the value of TTL for the alias target."
    # moto lists alias records with TTL 0.
    from moto.route53 import models

    init = models.RecordSet.__init__

    def __init__(self, kwargs):
        init(self, kwargs)
        if kwargs.get("AliasTarget") and kwargs.get("TTL") is None:
            self.ttl = None

    models.RecordSet.__init__ = __init__


def refuse_calculated_children():
    # https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-creating-values.html: "You can't
    # configure a calculated health check to monitor the health of other calculated health checks." (InvalidInput)
    from moto.route53 import models

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


def caller_reference_is_idempotent():
    # https://docs.aws.amazon.com/Route53/latest/APIReference/API_CreateHealthCheck.html (CallerReference): "If you
    # send a CreateHealthCheck request with the same CallerReference and settings as a previous request, and if the
    # health check doesn't exist, Amazon Route 53 creates the health check. If the health check does exist, Route 53
    # returns the health check configuration in the response." "...with the same CallerReference as a deleted health
    # check, regardless of the settings, Route 53 returns a HealthCheckAlreadyExists error." "...with the same
    # CallerReference as an existing health check but with different settings, Route 53 returns a
    # HealthCheckAlreadyExists error." (HTTP 409)
    from moto.route53 import models

    backend_class = models.Route53Backend
    create = backend_class.create_health_check
    delete = backend_class.delete_health_check

    def settings(args):
        return {k: v for k, v in args.items() if v not in (None, [], False)}

    def create_health_check(self, caller_reference, health_check_args):
        with _LOCK:
            wanted = settings(health_check_args)
            deleted = getattr(self, "_active_edge_deleted_references", set())
            if caller_reference in deleted:
                raise HealthCheckAlreadyExists(
                    f"A health check with the caller reference {caller_reference} was deleted; use another one")
            for check in self.health_checks.values():
                if check.caller_reference == caller_reference:
                    if getattr(check, "_active_edge_settings", None) == wanted:
                        return check
                    raise HealthCheckAlreadyExists(
                        f"The health check {check.id} has the caller reference {caller_reference} and other settings")
            check = create(self, caller_reference, health_check_args)
            check._active_edge_settings = wanted
            return check

    def delete_health_check(self, health_check_id):
        with _LOCK:
            check = self.health_checks.get(health_check_id)
            if check is not None:
                if not hasattr(self, "_active_edge_deleted_references"):
                    self._active_edge_deleted_references = set()
                self._active_edge_deleted_references.add(check.caller_reference)
            return delete(self, health_check_id)

    backend_class.create_health_check = create_health_check
    backend_class.delete_health_check = delete_health_check


def health_check_version():
    # https://docs.aws.amazon.com/Route53/latest/APIReference/API_UpdateHealthCheck.html (HealthCheckVersion): "A
    # sequential counter that Amazon Route 53 sets to 1 when you create a health check and increments by 1 each time
    # you update settings for the health check." "If the value of HealthCheckVersion in the health check is greater,
    # the health check was changed after you got the version number. Route 53 does not update the health check, and
    # it returns a HealthCheckVersionMismatch error." (HTTP 409)
    from moto.route53.responses import Route53

    update = Route53.update_health_check

    def update_health_check(self):
        with _LOCK:
            check = self.backend.get_health_check(self._get_param("HealthCheckId"))
            version = self._get_param("HealthCheckVersion")
            if version is not None and check.health_check_version > int(version):
                raise HealthCheckVersionMismatch(
                    f"The health check {check.id} is at version {check.health_check_version}, not {version}")
            # An element the request leaves out keeps its value (moto would clear the children and Regions).
            children, regions = check.children, check.regions
            result = update(self)
            if self._get_param("ChildHealthChecks") is None:
                check.children = children
            if self._get_param("Regions") is None:
                check.regions = regions
            check.health_check_version += 1
            return result

    Route53.update_health_check = update_health_check


def change_batches_are_transactions():
    # https://docs.aws.amazon.com/Route53/latest/APIReference/API_ChangeResourceRecordSets.html: "Change batches are
    # considered transactional changes. Route 53 validates the changes in the request and then either makes all or
    # none of the changes in the change batch request." "CREATE: Creates a resource record set that has the specified
    # values." "DELETE: Deletes an existing resource record set that has the specified values." "To delete a resource
    # record set, you must specify all the same values that you specified when you created it." A change that breaks
    # these fails the whole batch with InvalidChangeBatch (HTTP 400).
    from moto.route53 import models
    from moto.route53.exceptions import DnsNameInvalidForZone

    backend_class = models.Route53Backend
    apply = backend_class.change_resource_record_sets

    def change_resource_record_sets(self, zoneid, change_list):
        with _LOCK:
            zone = self.get_hosted_zone(zoneid)
            current = {_key(r.name, r.type, r.set_identifier): _values_of_record(r) for r in zone.rrsets}
            problems = []
            for change in change_list:
                record = change["ResourceRecordSet"]
                name = record["Name"].rstrip(".").lower()
                if not (name == zone.name.rstrip(".").lower() or name.endswith("." + zone.name.rstrip(".").lower())):
                    raise DnsNameInvalidForZone(name=record["Name"], zone_name=zone.name)
                key = _key(record["Name"], record.get("Type"), record.get("SetIdentifier"))
                described = _described(record)
                action = change["Action"]
                if action == "CREATE":
                    if key in current:
                        problems.append(f"Tried to create resource record set {described} but it already exists")
                    current[key] = _values_of_change(record)
                elif action == "DELETE":
                    if key not in current:
                        problems.append(f"Tried to delete resource record set {described} but it was not found")
                    elif current[key] != _values_of_change(record):
                        problems.append(f"Tried to delete resource record set {described} but the values provided "
                                        "do not match the current values")
                    current.pop(key, None)
                elif action == "UPSERT":
                    current[key] = _values_of_change(record)
            if problems:
                raise InvalidChangeBatch("[" + ", ".join(problems) + "]")
            # In order, each as moto applies an UPSERT (its own CREATE check looks at the changes it saw before, and
            # its DELETE of a record with a SetIdentifier removes every record with that identifier in the zone).
            for change in change_list:
                record = change["ResourceRecordSet"]
                if change["Action"] == "DELETE":
                    wanted = _key(record["Name"], record.get("Type"), record.get("SetIdentifier"))
                    zone.rrsets = [r for r in zone.rrsets if _key(r.name, r.type, r.set_identifier) != wanted]
                else:
                    apply(self, zoneid, [dict(change, Action="UPSERT")])

    backend_class.change_resource_record_sets = change_resource_record_sets


def health_status_follows_the_rules():
    # https://docs.aws.amazon.com/Route53/latest/APIReference/API_GetHealthCheckStatus.html: "You can't use
    # GetHealthCheckStatus to get the status of a calculated health check." (InvalidInput)
    from moto.core.utils import utcnow
    from moto.core.responses import ActionResult
    from moto.route53.responses import Route53

    def get_health_check_status(self):
        check = self.backend.get_health_check(self._get_param("HealthCheckId"))
        if check.type_ == "CALCULATED":
            raise InvalidInput(f"The health check {check.id} is a calculated health check: GetHealthCheckStatus "
                               "does not report calculated health checks; use the console or CloudWatch")
        healthy = is_healthy(self.backend, check)
        status = ("Success: HTTP Status Code 200, OK" if healthy
                  else "Failure: Connection timed out. The endpoint or the internet connection is down, or "
                       "requests are being blocked by your firewall. See "
                       "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-router-firewall-rules.html")
        return ActionResult({"HealthCheckObservations": [
            {"Region": region, "IPAddress": "127.0.13.37", "StatusReport": {"Status": status, "CheckedTime": utcnow()}}
            for region in CHECKER_REGIONS]})

    Route53.get_health_check_status = get_health_check_status


def is_healthy(backend, check, depth=0):
    """The check's status by Route 53's rules, from what the local cloud was told about the endpoints."""
    if check.disabled:
        # https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html (Disabled): "After you
        # disable a health check, Route 53 considers the status of the health check to always be healthy. ... If you
        # want to stop routing traffic to a resource, change the value of Inverted."
        healthy = True
    elif check.type_ == "CALCULATED":
        # https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html (HealthThreshold): "If
        # you specify a number greater than the number of child health checks, Route 53 always considers this health
        # check to be unhealthy. If you specify 0, Route 53 always considers this health check to be healthy."
        children = [backend.health_checks.get(c) for c in check.children or []]
        up = sum(1 for c in children if c is not None and depth < 2 and is_healthy(backend, c, depth + 1))
        healthy = up >= (check.health_threshold or 0)
    else:
        healthy = TOLD_HEALTHY.get(check.id, True)
    # https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html (Inverted): "Specify whether
    # you want Amazon Route 53 to invert the status of a health check, for example, to consider a health check
    # unhealthy when it otherwise would be considered healthy."
    return not healthy if check.inverted else healthy


def _key(name, type_, set_identifier):
    return name.rstrip(".").lower(), type_, set_identifier


def _described(record):
    described = f"[name='{record['Name'].rstrip('.')}.', type='{record.get('Type')}'"
    if record.get("SetIdentifier") is not None:
        described += f", set-identifier='{record['SetIdentifier']}'"
    return described + "]"


def _alias(alias):
    if not alias:
        return None
    return (alias.get("HostedZoneId"), str(alias.get("DNSName", "")).rstrip(".").lower(),
            str(alias.get("EvaluateTargetHealth", False)).lower())


def _values_of_change(record):
    values = record.get("ResourceRecords") or []
    values = [v["Value"] if isinstance(v, dict) else v for v in values]
    return (_int(record.get("TTL") or None), tuple(sorted(values)), _alias(record.get("AliasTarget")),
            record.get("Region"), _int(record.get("Weight")), record.get("Failover"), record.get("HealthCheckId"))


def _values_of_record(record):
    values = [v["Value"] if isinstance(v, dict) else v for v in record.records or []]
    return (_int(record.ttl or None), tuple(sorted(values)), _alias(record.alias_target),
            record.region, _int(record.weight), record.failover, record.health_check_id)


def _int(value):
    return None if value is None else int(value)
