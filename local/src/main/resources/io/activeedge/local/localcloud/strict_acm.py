"""ACM rules that moto 5.2 does not enforce. Each cites the AWS page it comes from and AWS's error code."""

from moto.acm.exceptions import AWSError

# Seconds after RequestCertificate until a certificate has its validation record (--acm-validation-delay-seconds):
# for the first half DescribeCertificate and ListTagsForCertificate do not find it, for the second half it has no
# ResourceRecord.
RECORD_DELAY_SECONDS = [0.0]


class ResourceInUseException(AWSError):
    TYPE = "ResourceInUseException"
    STATUS = 400


def install(record_delay_seconds):
    RECORD_DELAY_SECONDS[0] = float(record_delay_seconds)
    new_certificates_are_not_found_at_first()
    new_certificates_have_no_record_yet()
    issued_only_once_the_record_is_in_dns()
    certificates_in_use_are_kept()


def _age_seconds(cert):
    from moto.core.utils import utcnow

    return (utcnow() - cert.created_at).total_seconds()


def new_certificates_are_not_found_at_first():
    # https://docs.aws.amazon.com/acm/latest/APIReference/API_DescribeCertificate.html: "If you have just created a
    # certificate using the RequestCertificate action, there is a delay of several seconds before you can retrieve
    # information about it." ACM answers ResourceNotFoundException until then.
    from moto.acm.exceptions import CertificateNotFound
    from moto.acm.responses import AWSCertificateManagerResponse

    for name in ("describe_certificate", "list_tags_for_certificate"):
        original = getattr(AWSCertificateManagerResponse, name)

        def not_found_at_first(self, _original=original):
            arn = self._get_param("CertificateArn")
            cert = self.acm_backend._certificates.get(arn)
            if cert is not None and cert.type == "AMAZON_ISSUED" and _age_seconds(cert) < RECORD_DELAY_SECONDS[0] / 2:
                raise CertificateNotFound(arn=arn, account_id=self.acm_backend.account_id)
            return _original(self)

        setattr(AWSCertificateManagerResponse, name, not_found_at_first)


def new_certificates_have_no_record_yet():
    # https://docs.aws.amazon.com/acm/latest/APIReference/API_RequestCertificate.html: "After successful completion of
    # the RequestCertificate action, there is a delay of several seconds before you can retrieve information about the
    # new certificate." DomainValidation.ResourceRecord is optional in the model: until then it is left out.
    from moto.acm.models import CertBundle

    describe = CertBundle.describe

    def describe_without_record_at_first(self):
        result = describe(self)
        if self.type == "AMAZON_ISSUED" and _age_seconds(self) < RECORD_DELAY_SECONDS[0]:
            for option in result["Certificate"].get("DomainValidationOptions", []):
                option.pop("ResourceRecord", None)
        return result

    CertBundle.describe = describe_without_record_at_first


def issued_only_once_the_record_is_in_dns():
    # https://docs.aws.amazon.com/acm/latest/APIReference/API_DnsValidationChallenge.html (ResourceRecord): "The CNAME
    # record that ACM creates for DNS validation. Add this record to your DNS configuration to prove that you own or
    # control the domain." moto issues a certificate after MOTO_ACM_VALIDATION_WAIT seconds whether or not the record
    # exists; here it stays PENDING_VALIDATION until every validation CNAME is in a Route 53 zone of the account.
    from moto.acm.models import CertBundle

    check = CertBundle.check

    def check_dns_first(self):
        if (self.type == "AMAZON_ISSUED" and self.status == "PENDING_VALIDATION"
                and (_age_seconds(self) < RECORD_DELAY_SECONDS[0] or not _records_published(self))):
            return
        check(self)

    CertBundle.check = check_dns_first


def _records_published(cert):
    from moto.acm.models import CertBundle
    from moto.route53.models import route53_backends

    account = cert.arn.split(":")[4]
    route53 = route53_backends[account]["aws"]
    published = set()
    for zone in route53.zones.values():
        for record in zone.rrsets:
            if record.type == "CNAME":
                for value in record.records or []:
                    value = value["Value"] if isinstance(value, dict) else value
                    published.add((record.name.rstrip(".").lower(), str(value).rstrip(".").lower()))
    described = CertBundle.describe(cert)["Certificate"]
    for option in described.get("DomainValidationOptions", []):
        record = option.get("ResourceRecord")
        if record is None:
            return False
        if (record["Name"].rstrip(".").lower(), record["Value"].rstrip(".").lower()) not in published:
            return False
    return True


def certificates_in_use_are_kept():
    # https://docs.aws.amazon.com/acm/latest/APIReference/API_DeleteCertificate.html: "You cannot delete an ACM
    # certificate that is being used by another Amazon Web Services service. To delete a certificate that is in use,
    # you must first remove the certificate association"; error ResourceInUseException "The certificate is in use by
    # another Amazon Web Services service in the caller's account." DescribeCertificate lists the users in InUseBy.
    from moto.acm.models import AWSCertificateManagerBackend, CertBundle

    delete = AWSCertificateManagerBackend.delete_certificate
    describe = CertBundle.describe

    def delete_certificate(self, arn):
        users = users_of(arn)
        if users:
            raise ResourceInUseException(f"Certificate {arn} is in use by {', '.join(users)}")
        return delete(self, arn)

    def describe_with_users(self):
        result = describe(self)
        result["Certificate"]["InUseBy"] = sorted(set(self.in_use_by) | set(users_of(self.arn)))
        return result

    AWSCertificateManagerBackend.delete_certificate = delete_certificate
    CertBundle.describe = describe_with_users


def users_of(arn):
    """ARNs of the custom domains, distributions and listeners that use the certificate."""
    from moto.apigateway.models import apigateway_backends
    from moto.apigatewayv2.models import apigatewayv2_backends
    from moto.cloudfront.models import cloudfront_backends
    from moto.elbv2.models import elbv2_backends

    _, partition, _, region, account = arn.split(":")[:5]
    users = []
    for name, domain in apigateway_backends[account][region].domain_names.items():
        if arn in (domain.certificate_arn, domain.regional_certificate_arn):
            users.append(f"arn:{partition}:apigateway:{region}::/domainnames/{name}")
    for name, domain in apigatewayv2_backends[account][region].domain_names.items():
        if any(c.get("CertificateArn") == arn for c in domain.domain_name_configurations or []):
            users.append(domain.domain_name_arn)
    if region == "us-east-1":
        for dist in cloudfront_backends[account][partition].distributions.values():
            if getattr(dist.distribution_config.ViewerCertificate, "acm_certificate_arn", None) == arn:
                users.append(dist.arn)
    for balancer in elbv2_backends[account][region].load_balancers.values():
        for listener in balancer.listeners.values():
            if arn in (listener.certificates or []):
                users.append(listener.arn)
    return sorted(set(users))

