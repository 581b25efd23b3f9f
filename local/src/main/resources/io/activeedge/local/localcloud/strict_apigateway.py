"""API Gateway operations and rules that moto 5.2 lacks. Each cites the AWS page it comes from and AWS's error code.

The updates are PATCH requests (botocore's apigateway and apigatewayv2 models: UpdateDomainName, UpdateBasePathMapping
and UpdateApiMapping use "method": "PATCH"), so serving them lets a client that cannot send PATCH fail here as it
fails in AWS (https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/http-configuration-url.html: "The
UrlConnectionHttpClient does not support the HTTP PATCH method.").
"""

import json
from urllib.parse import unquote

from moto.apigateway.exceptions import BadRequestException, ConflictException

# UpdateDomainName patch paths (https://docs.aws.amazon.com/apigateway/latest/api/patch-operations.html#UpdateDomainName-Patch)
# that name one attribute of moto's DomainName.
DOMAIN_PATHS = {
    "/certificateArn": "certificate_arn",
    "/certificateName": "certificate_name",
    "/regionalCertificateArn": "regional_certificate_arn",
    "/regionalCertificateName": "regional_certificate_name",
    "/securityPolicy": "security_policy",
}


def install():
    http_api_ids()
    update_domain_name()
    domain_names_are_unique()
    one_domain_for_rest_and_http_apis()
    update_api_mapping()


def http_api_ids():
    # API Gateway ids are ten lower-case letters and digits (REST and HTTP APIs alike; moto gives HTTP APIs eight
    # letters). As moto does for REST APIs, the tag _custom_id_ picks the id, so the local cloud can stand in for an
    # API that exists in the user's account.
    import random
    import string

    from moto.apigatewayv2.models import ApiGatewayV2Backend

    create = ApiGatewayV2Backend.create_api

    def create_api(self, *args, **kwargs):
        api = create(self, *args, **kwargs)
        self.apis.pop(api.api_id, None)
        tags = kwargs.get("tags") or {}
        api.api_id = tags.get("_custom_id_") or "".join(
            random.choice(string.ascii_lowercase + string.digits) for _ in range(10))
        api.api_endpoint = f"https://{api.api_id}.execute-api.{self.region_name}.amazonaws.com"
        api.arn = api.arn.rsplit("/", 1)[0] + "/" + api.api_id
        self.tag_resource(api.arn, tags)
        self.apis[api.api_id] = api
        return api

    ApiGatewayV2Backend.create_api = create_api


def update_domain_name():
    # https://docs.aws.amazon.com/apigateway/latest/api/API_UpdateDomainName.html: "Changes information about the
    # DomainName resource." (PATCH /domainnames/{domain_name}, patchOperations; NotFoundException,
    # BadRequestException)
    from moto.apigateway.responses import APIGatewayResponse

    def update_domain_name(self):
        name = unquote(self.path.split("/")[2])
        domain = self.backend.get_domain_name(name)
        for operation in self._get_param("patchOperations") or []:
            attribute = DOMAIN_PATHS.get(operation.get("path"))
            if operation.get("op") != "replace" or attribute is None:
                raise BadRequestException(f"Invalid patch operation specified. Must be one of: [replace] on "
                                          f"{sorted(DOMAIN_PATHS)}, not {operation.get('op')} {operation.get('path')}")
            setattr(domain, attribute, operation.get("value"))
        return 200, {}, json.dumps(domain.to_json())

    APIGatewayResponse.update_domain_name = update_domain_name


def domain_names_are_unique():
    # https://docs.aws.amazon.com/apigateway/latest/api/API_CreateDomainName.html (Errors): "ConflictException: The
    # request configuration has conflicts." (HTTP 409) — moto would replace the existing custom domain instead.
    from moto.apigateway.models import APIGatewayBackend

    create = APIGatewayBackend.create_domain_name

    def create_domain_name(self, domain_name, *args, **kwargs):
        if domain_name in self.domain_names:
            raise ConflictException(f"The domain name {domain_name} already exists")
        return create(self, domain_name, *args, **kwargs)

    APIGatewayBackend.create_domain_name = create_domain_name


def one_domain_for_rest_and_http_apis():
    # https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mappings.html: "You can use API mappings to
    # connect API stages to a custom domain name." ... "you can map ... REST APIs and HTTP APIs to the same custom
    # domain name". A custom domain is one resource that both API Gateway APIs (v1 and v2) read; moto keeps two
    # unrelated lists, so v2 here sees the domains created through v1.
    from moto.apigateway.models import APIGatewayBackend, apigateway_backends
    from moto.apigatewayv2.models import ApiGatewayV2Backend, DomainName, apigatewayv2_backends

    def mirror(backend, name):
        if name is None or name in backend.domain_names:
            return
        rest = apigateway_backends[backend.account_id][backend.region_name].domain_names.get(name)
        if rest is None:
            return
        configuration = {"ApiGatewayDomainName": rest.regional_domain_name,
                         "CertificateArn": rest.regional_certificate_arn or rest.certificate_arn,
                         "EndpointType": "REGIONAL", "HostedZoneId": rest.regional_hosted_zone_id,
                         "SecurityPolicy": rest.security_policy or "TLS_1_2", "DomainNameStatus": "AVAILABLE"}
        backend.domain_names[name] = DomainName(domain_name=name, domain_name_configurations=[configuration],
                                                mutual_tls_authentication={}, tags=rest.tags or {}, backend=backend)

    for method in ("get_domain_name", "create_api_mapping", "get_api_mapping", "get_api_mappings",
                   "delete_api_mapping"):
        original = getattr(ApiGatewayV2Backend, method)

        def with_mirror(self, *args, _original=original, **kwargs):
            mirror(self, kwargs.get("domain_name", args[-1] if args else None))
            return _original(self, *args, **kwargs)

        setattr(ApiGatewayV2Backend, method, with_mirror)

    delete = APIGatewayBackend.delete_domain_name

    def delete_domain_name(self, domain_name):
        delete(self, domain_name)
        http = apigatewayv2_backends[self.account_id][self.region_name]
        if domain_name in http.domain_names:
            http.delete_domain_name(domain_name)

    APIGatewayBackend.delete_domain_name = delete_domain_name


def update_api_mapping():
    # https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/domainnames-domainname-apimappings-apimappingid.html
    # (PATCH): "Updates an API mapping." (apiId required; apiMappingKey, stage; NotFoundException, BadRequestException)
    from moto.apigatewayv2.responses import ApiGatewayV2Response

    def update_api_mapping(self):
        parts = self.path.split("/")
        domain_name, mapping_id = unquote(parts[-3]), unquote(parts[-1])
        params = json.loads(self.body or "{}")
        backend = self.apigatewayv2_backend
        mapping = backend.get_api_mapping(api_mapping_id=mapping_id, domain_name=domain_name)
        if params.get("apiId"):
            backend.get_api(params["apiId"])
            mapping.api_id = params["apiId"]
        if "apiMappingKey" in params:
            mapping.api_mapping_key = params["apiMappingKey"]
        if params.get("stage"):
            mapping.stage = params["stage"]
        return 200, {}, json.dumps(mapping.to_json())

    ApiGatewayV2Response.update_api_mapping = update_api_mapping
