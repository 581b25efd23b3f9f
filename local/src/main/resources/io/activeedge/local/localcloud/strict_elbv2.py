"""Elastic Load Balancing (v2) rules that moto 5.2 does not enforce, and the stand-in load balancers' ids. Each rule
cites the AWS page it comes from and AWS's error code.

moto keeps a listener's default certificate first in its certificate list; the rules below keep that layout.
"""

from moto.elbv2.exceptions import ELBClientError

# The local cloud's stand-ins (StandIns.java) carry this tag to get the id of the ARN the input names, as moto's API
# Gateway takes a REST API's id from it.
CUSTOM_ID_TAG = "_custom_id_"


class CertificateNotFoundError(ELBClientError):
    code = "CertificateNotFound"
    message = "The specified certificate does not exist."


class OperationNotPermittedError(ELBClientError):
    code = "OperationNotPermitted"
    message = "This operation is not allowed."


def install():
    load_balancers_take_a_custom_id()
    certificates_are_added_once_and_must_exist()
    default_certificates_are_not_removed()


def load_balancers_take_a_custom_id():
    from moto.elbv2.models import ELBv2Backend

    create = ELBv2Backend.create_load_balancer

    def create_load_balancer(self, *args, **kwargs):
        tags = kwargs.get("tags") or []
        custom = next((t.get("Value") for t in tags if t.get("Key") == CUSTOM_ID_TAG), None)
        balancer = create(self, *args, **kwargs)
        if custom:
            old = balancer.arn
            new = old.rsplit("/", 1)[0] + "/" + custom
            existing = self.tagging_service.list_tags_for_resource(old)["Tags"]
            self.tagging_service.delete_all_tags_for_resource(old)
            del self.load_balancers[old]
            balancer.arn = new
            self.load_balancers[new] = balancer
            self.tagging_service.tag_resource(new, [t for t in existing if t.get("Key") != CUSTOM_ID_TAG])
        return balancer

    ELBv2Backend.create_load_balancer = create_load_balancer


def certificates_are_added_once_and_must_exist():
    # https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_AddListenerCertificates.html: "If the
    # certificate in already in the certificate list, the call is successful but the certificate is not added again."
    # Errors: CertificateNotFound "The specified certificate does not exist." moto appends it again, and adds any ARN.
    from moto.elbv2.models import ELBv2Backend

    add = ELBv2Backend.add_listener_certificates

    def add_listener_certificates(self, arn, certificates):
        listener = self.describe_listeners(load_balancer_arn=None, listener_arns=[arn])[0]
        listed = listener.certificates[1:] if listener.certificate else listener.certificates
        new = []
        for certificate in certificates:
            certificate_arn = certificate["CertificateArn"]
            if not self._certificate_exists(certificate_arn=certificate_arn):
                raise CertificateNotFoundError()
            if certificate_arn not in listed and certificate_arn not in [c["CertificateArn"] for c in new]:
                new.append(certificate)
        if new:
            return add(self, arn, new)
        return listener.certificates

    ELBv2Backend.add_listener_certificates = add_listener_certificates


def default_certificates_are_not_removed():
    # https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_RemoveListenerCertificates.html: "You
    # can't remove the default certificate for a listener. To replace the default certificate, call ModifyListener."
    # Errors: OperationNotPermitted. moto removes it.
    from moto.elbv2.models import ELBv2Backend

    def remove_listener_certificates(self, arn, certificates):
        listener = self.describe_listeners(load_balancer_arn=None, listener_arns=[arn])[0]
        arns = [c["CertificateArn"] for c in certificates]
        if listener.certificate in arns:
            raise OperationNotPermittedError()
        listener.certificates = [c for c in listener.certificates if c not in arns]

    ELBv2Backend.remove_listener_certificates = remove_listener_certificates
