"""CloudFront rules that moto 5.2 does not enforce. Each cites the AWS page it comes from and AWS's error code."""

import threading
import time

from moto.cloudfront.exceptions import CloudFrontException

# How long a distribution stays InProgress after it was created or changed (--cloudfront-deploy-seconds).
DEPLOY_SECONDS = [0.0]

_LOCK = threading.RLock()


class PreconditionFailed(CloudFrontException):
    code = "PreconditionFailed"


class CNAMEAlreadyExists(CloudFrontException):
    code = "CNAMEAlreadyExists"


class DistributionNotDisabled(CloudFrontException):
    code = "DistributionNotDisabled"


def install(deploy_seconds):
    DEPLOY_SECONDS[0] = float(deploy_seconds)
    distribution_arns_have_no_region()
    changes_take_time_to_deploy()
    if_match_names_the_current_version()
    an_alias_belongs_to_one_distribution()
    delete_only_disabled_and_deployed()


def distribution_arns_have_no_region():
    # https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudfront.html (Resource types):
    # distribution "arn:${Partition}:cloudfront::${Account}:distribution/${DistributionId}"; the model's tagging
    # operations require "arn:aws(-cn)?:cloudfront::[0-9]+:.*". moto leaves out the empty Region field.
    from moto.cloudfront import models

    init = models.Distribution.__init__

    def __init__(self, account_id, region_name, config):
        init(self, account_id, region_name, config)
        self.arn = f"arn:{models.get_partition(region_name)}:cloudfront::{account_id}:distribution/{self.distribution_id}"

    models.Distribution.__init__ = __init__


def changes_take_time_to_deploy():
    # https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Distribution.html (Status): "When the status is
    # Deployed, the distribution's information is fully propagated to all CloudFront edge locations." A new or
    # changed distribution is InProgress until then.
    from moto.cloudfront import models

    def status(self):
        changed = getattr(self, "_active_edge_changed_at", None)
        if changed is not None and time.monotonic() - changed < DEPLOY_SECONDS[0]:
            return "InProgress"
        return "Deployed"

    models.Distribution.status = property(status)

    backend_class = models.CloudFrontBackend
    create = backend_class.create_distribution_with_tags

    def create_distribution_with_tags(self, distribution_config, tags):
        dist, location, etag = create(self, distribution_config, tags)
        dist._active_edge_changed_at = time.monotonic()
        return dist, location, etag

    backend_class.create_distribution_with_tags = create_distribution_with_tags


def if_match_names_the_current_version():
    # https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_UpdateDistribution.html: "You must copy the ETag
    # field value from the response. (You'll use it for the IfMatch parameter in your request.)"; errors
    # InvalidIfMatchVersion "The If-Match version is missing or not valid." (HTTP 400) and PreconditionFailed "The
    # precondition in one or more of the request fields evaluated to false." (HTTP 412). Each change makes a new ETag.
    from moto.cloudfront import models
    from moto.cloudfront.exceptions import InvalidIfMatchVersion, NoSuchDistribution

    backend_class = models.CloudFrontBackend
    update = backend_class.update_distribution

    def update_distribution(self, dist_config, _id, if_match):
        with _LOCK:
            dist = self.distributions.get(_id)
            if dist is None:
                raise NoSuchDistribution
            require_current(dist, if_match, InvalidIfMatchVersion)
            dist, location, _ = update(self, dist_config, _id, if_match)
            dist.etag = models.random_id()
            dist._active_edge_changed_at = time.monotonic()
            return dist, location, dist.etag

    backend_class.update_distribution = update_distribution


def require_current(dist, if_match, invalid):
    if not if_match:
        raise invalid
    if if_match != dist.etag:
        raise PreconditionFailed(f"The If-Match version {if_match} is not the current version {dist.etag} "
                                 f"of distribution {dist.distribution_id}")


def an_alias_belongs_to_one_distribution():
    # https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/alternate-domain-names-move.html: "you will
    # get the CNAMEAlreadyExists error message (One or more of the CNAMEs you provided are already associated with a
    # different resource) when you try to add www.example.com to a standard distribution ..., but that alternate
    # domain name is already associated with a different resource." (HTTP 409)
    from moto.cloudfront import models

    backend_class = models.CloudFrontBackend
    create = backend_class.create_distribution_with_tags
    update = backend_class.update_distribution

    def check(backend, config, own_id):
        wanted = {a.lower().rstrip(".") for a in _aliases(config)}
        for other in backend.distributions.values():
            if other.distribution_id == own_id:
                continue
            taken = wanted & {a.lower().rstrip(".") for a in _aliases(other.distribution_config)}
            if taken:
                raise CNAMEAlreadyExists("One or more of the CNAMEs you provided are already associated with a "
                                         f"different resource: {', '.join(sorted(taken))} "
                                         f"(distribution {other.distribution_id})")

    def create_distribution_with_tags(self, distribution_config, tags):
        with _LOCK:
            reference = distribution_config.get("CallerReference")
            if self._distribution_with_caller_reference(reference) is None:  # moto answers a reused one itself
                check(self, distribution_config, None)
            return create(self, distribution_config, tags)

    def update_distribution(self, dist_config, _id, if_match):
        with _LOCK:
            check(self, dist_config or {}, _id)
            return update(self, dist_config, _id, if_match)

    backend_class.create_distribution_with_tags = create_distribution_with_tags
    backend_class.update_distribution = update_distribution


def delete_only_disabled_and_deployed():
    # https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DeleteDistribution.html: "Before you can delete a
    # distribution, you must disable it"; the steps it lists: "Submit a GET Distribution request to confirm that your
    # changes have propagated. When propagation is complete, the value of Status is Deployed." then "Submit a DELETE
    # Distribution request. Set the value of the HTTP If-Match header to the value of the ETag header". Errors:
    # DistributionNotDisabled (HTTP 409), InvalidIfMatchVersion (400), PreconditionFailed (412).
    from moto.cloudfront import models
    from moto.cloudfront.exceptions import InvalidIfMatchVersion, NoSuchDistribution

    backend_class = models.CloudFrontBackend
    delete = backend_class.delete_distribution

    def delete_distribution(self, distribution_id, if_match):
        with _LOCK:
            dist = self.distributions.get(distribution_id)
            if dist is None:
                raise NoSuchDistribution
            require_current(dist, if_match, InvalidIfMatchVersion)
            if _enabled(dist.distribution_config):
                raise DistributionNotDisabled("The distribution you are trying to delete has not been disabled.")
            if dist.status != "Deployed":
                raise DistributionNotDisabled("The distribution you are trying to delete is still being disabled "
                                              "(InProgress); wait until it is Deployed.")
            return delete(self, distribution_id, if_match)

    backend_class.delete_distribution = delete_distribution


def _aliases(config):
    aliases = config.get("Aliases") if isinstance(config, dict) else getattr(config, "Aliases", None)
    items = (aliases or {}).get("Items") or []
    return [a for a in items if isinstance(a, str)]


def _enabled(config):
    value = getattr(config, "Enabled", True)
    return value is True or str(value).lower() == "true"
