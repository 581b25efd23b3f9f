package io.activeedge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activeedge.local.localcloud.EmulatorControl;
import io.activeedge.local.localcloud.LocalClients;
import io.activeedge.core.Clients;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.ValidationMethod;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.EndpointType;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CreateDistributionResponse;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.OriginProtocolPolicy;
import software.amazon.awssdk.services.cloudfront.model.ViewerProtocolPolicy;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.HealthCheckConfig;
import software.amazon.awssdk.services.route53.model.HealthCheckType;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Direct SDK calls to a running local cloud: every AWS rule it enforces on top of moto answers with AWS's error
 * code, and the service models' constraints are checked on every request.
 */
class StrictCloudIT {
    private static final String ZONE = "strict.example.org";
    private static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";

    @RegisterExtension
    static final TestCloud LOCAL = new TestCloud("strict-cloud-it");

    private static Route53Client route53;
    private static CloudFrontClient cloudFront;
    private static AcmClient acm;
    private static EmulatorControl control;
    private static String zoneId;

    @BeforeAll
    static void clients() {
        String endpoint = LOCAL.cloud().endpoint();
        route53 = LocalClients.route53(endpoint);
        cloudFront = LocalClients.cloudFront(endpoint);
        acm = LocalClients.acm(endpoint, "us-east-1");
        control = new EmulatorControl(endpoint);
        zoneId = route53.createHostedZone(r -> r.name(ZONE).callerReference("strict-" + UUID.randomUUID()))
                .hostedZone().id();
    }

    @AfterAll
    static void close() {
        if (route53 != null) {
            route53.close();
            cloudFront.close();
            acm.close();
        }
    }

    // ---- the service models' constraints

    @Test
    void requestCertificate_idempotencyTokenOutsideWordCharacters_isRefusedWithValidationException() {
        assertThatThrownBy(() -> acm.requestCertificate(r -> r.domainName("a." + ZONE)
                .validationMethod(ValidationMethod.DNS).idempotencyToken("not-a-word!")))
                .satisfies(code("ValidationException")).hasMessageContaining("idempotencyToken")
                .hasMessageContaining("\\w+");
    }

    @Test
    void requestCertificate_unknownValidationMethod_isRefusedWithValidationException() {
        assertThatThrownBy(() -> acm.requestCertificate(r -> r.domainName("a." + ZONE).validationMethod("CARRIER_PIGEON")))
                .satisfies(code("ValidationException")).hasMessageContaining("validationMethod")
                .hasMessageContaining("[EMAIL, DNS, HTTP]");
    }

    @Test
    void createHealthCheck_failureThresholdEleven_isRefusedWithInvalidInput() {
        assertThatThrownBy(() -> route53.createHealthCheck(r -> r.callerReference(reference())
                .healthCheckConfig(c -> c.type(HealthCheckType.HTTPS).fullyQualifiedDomainName("a." + ZONE)
                        .failureThreshold(11))))
                .satisfies(code("InvalidInput"))
                .hasMessageContaining("'healthCheckConfig.failureThreshold'").hasMessageContaining("less than or equal to 10");
    }

    // ---- Route 53

    @Test
    void changeTagsForResource_moreThanTenTagsOnACheck_isRefusedWithInvalidInputAndChangesNothing() {
        String check = endpointCheck(reference());
        java.util.List<software.amazon.awssdk.services.route53.model.Tag> ten = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> software.amazon.awssdk.services.route53.model.Tag.builder().key("k" + i).value("v")
                        .build()).toList();
        route53.changeTagsForResource(r -> r.resourceType("healthcheck").resourceId(check).addTags(ten));

        assertThatThrownBy(() -> route53.changeTagsForResource(r -> r.resourceType("healthcheck").resourceId(check)
                .addTags(t -> t.key("eleventh").value("v"))))
                .satisfies(code("InvalidInput")).hasMessageContaining("at most 10 tags");
        assertThat(route53.listTagsForResource(r -> r.resourceType("healthcheck").resourceId(check))
                .resourceTagSet().tags()).hasSize(10);
        route53.changeTagsForResource(r -> r.resourceType("healthcheck").resourceId(check).removeTagKeys("k0")
                .addTags(t -> t.key("replacement").value("v")));
    }

    @Test
    void getHealthCheckStatus_calculatedCheck_isRefusedWithInvalidInput() {
        String endpoint = endpointCheck(reference());
        String gate = route53.createHealthCheck(r -> r.callerReference(reference()).healthCheckConfig(c -> c
                .type(HealthCheckType.CALCULATED).healthThreshold(1).childHealthChecks(endpoint))).healthCheck().id();

        assertThatThrownBy(() -> route53.getHealthCheckStatus(r -> r.healthCheckId(gate)))
                .satisfies(code("InvalidInput"));
        assertThat(route53.getHealthCheckStatus(r -> r.healthCheckId(endpoint)).healthCheckObservations()).isNotEmpty();
    }

    @Test
    void createHealthCheck_callerReferenceReusedWithSameSettings_returnsTheExistingCheck() {
        String reference = reference();
        String first = endpointCheck(reference);

        String second = endpointCheck(reference);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void createHealthCheck_callerReferenceReusedWithOtherSettings_isRefusedWithHealthCheckAlreadyExists() {
        String reference = reference();
        endpointCheck(reference);

        assertThatThrownBy(() -> route53.createHealthCheck(r -> r.callerReference(reference).healthCheckConfig(c -> c
                .type(HealthCheckType.HTTPS).fullyQualifiedDomainName("other." + ZONE).resourcePath("/health"))))
                .satisfies(code("HealthCheckAlreadyExists"));
    }

    @Test
    void createHealthCheck_callerReferenceOfADeletedCheck_isRefusedWithHealthCheckAlreadyExists() {
        String reference = reference();
        String id = endpointCheck(reference);
        route53.deleteHealthCheck(r -> r.healthCheckId(id));

        assertThatThrownBy(() -> endpointCheck(reference)).satisfies(code("HealthCheckAlreadyExists"));
    }

    @Test
    void updateHealthCheck_staleHealthCheckVersion_isRefusedWithHealthCheckVersionMismatchAndChangesNothing() {
        String id = endpointCheck(reference());
        long read = route53.getHealthCheck(r -> r.healthCheckId(id)).healthCheck().healthCheckVersion();
        long after = route53.updateHealthCheck(r -> r.healthCheckId(id).healthCheckVersion(read).inverted(true))
                .healthCheck().healthCheckVersion();

        assertThatThrownBy(() -> route53.updateHealthCheck(r -> r.healthCheckId(id).healthCheckVersion(read)
                .inverted(false))).satisfies(code("HealthCheckVersionMismatch"));
        HealthCheck now = route53.getHealthCheck(r -> r.healthCheckId(id)).healthCheck();
        assertThat(after).isEqualTo(read + 1);
        assertThat(now.healthCheckVersion()).isEqualTo(after);
        assertThat(now.healthCheckConfig().inverted()).isTrue();
    }

    @Test
    void changeResourceRecordSets_createOfAnExistingRecord_failsTheWholeBatchWithInvalidChangeBatch() {
        change(ChangeAction.CREATE, txt("taken." + ZONE, "\"first\""));

        assertThatThrownBy(() -> route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b
                .changes(Change.builder().action(ChangeAction.CREATE).resourceRecordSet(txt("free." + ZONE, "\"x\"")).build(),
                        Change.builder().action(ChangeAction.CREATE).resourceRecordSet(txt("taken." + ZONE, "\"x\"")).build()))))
                .satisfies(code("InvalidChangeBatch")).hasMessageContaining("already exists");
        assertThat(names()).contains("taken." + ZONE + ".").doesNotContain("free." + ZONE + ".");
    }

    @Test
    void changeResourceRecordSets_deleteNotMatchingTheRecordExactly_failsWithInvalidChangeBatchAndKeepsIt() {
        change(ChangeAction.CREATE, txt("kept." + ZONE, "\"value\""));

        assertThatThrownBy(() -> change(ChangeAction.DELETE, txt("kept." + ZONE, "\"other value\"")))
                .satisfies(code("InvalidChangeBatch"));
        assertThatThrownBy(() -> change(ChangeAction.DELETE, txt("never." + ZONE, "\"value\"")))
                .satisfies(code("InvalidChangeBatch")).hasMessageContaining("not found");
        assertThat(names()).contains("kept." + ZONE + ".");
    }

    @Test
    void healthStatus_endpointToldUnhealthy_reportsFailureAndTheGateOverItIsUnhealthy() {
        String endpoint = endpointCheck(reference());
        String gate = gate(endpoint, switchCheck(false), 2);
        assertThat(control.health(gate).healthy()).isTrue();

        control.setEndpointHealth(endpoint, false);

        assertThat(route53.getHealthCheckStatus(r -> r.healthCheckId(endpoint)).healthCheckObservations())
                .isNotEmpty().allSatisfy(o -> assertThat(o.statusReport().status()).startsWith("Failure"));
        assertThat(control.health(gate).healthy()).isFalse();
        control.setEndpointHealth(endpoint, true);
        assertThat(control.health(gate).healthy()).isTrue();
    }

    @Test
    void healthStatus_disabledSwitch_isHealthyAndInvertingItMakesTheGateUnhealthy() {
        String endpoint = endpointCheck(reference());
        String healthySwitch = switchCheck(false);
        String drainedSwitch = switchCheck(true);

        assertThat(control.health(healthySwitch).healthy()).as("disabled: always healthy").isTrue();
        assertThat(control.health(drainedSwitch).healthy()).as("disabled and inverted").isFalse();
        assertThat(control.health(gate(endpoint, healthySwitch, 2)).healthy()).isTrue();
        assertThat(control.health(gate(endpoint, drainedSwitch, 2)).healthy()).isFalse();
        assertThat(control.health(gate(endpoint, drainedSwitch, 1)).healthy()).as("one of two is enough").isTrue();
        assertThat(control.health(gate(endpoint, drainedSwitch, 0)).healthy()).as("threshold 0: always").isTrue();
        assertThat(control.health(gate(endpoint, healthySwitch, 3)).healthy()).as("more than children: never").isFalse();
    }

    // ---- CloudFront

    @Test
    void updateDistribution_ifMatchMissingOrStale_isRefusedWithInvalidIfMatchVersionOrPreconditionFailed() {
        CreateDistributionResponse created = distribution(reference(), "ifmatch." + ZONE);
        String id = created.distribution().id();
        DistributionConfig config = created.distribution().distributionConfig();
        String current = cloudFront.updateDistribution(r -> r.id(id).ifMatch(created.eTag())
                .distributionConfig(config.toBuilder().comment("changed").build())).eTag();

        assertThatThrownBy(() -> cloudFront.updateDistribution(r -> r.id(id).distributionConfig(config)))
                .satisfies(code("InvalidIfMatchVersion"));
        assertThatThrownBy(() -> cloudFront.updateDistribution(r -> r.id(id).ifMatch(created.eTag())
                .distributionConfig(config))).satisfies(code("PreconditionFailed"));
        assertThat(current).isNotEqualTo(created.eTag());
        assertThat(cloudFront.getDistributionConfig(r -> r.id(id)).distributionConfig().comment()).isEqualTo("changed");
    }

    @Test
    void createDistribution_aliasAnotherDistributionHolds_isRefusedWithCNAMEAlreadyExists() {
        distribution(reference(), "held." + ZONE);

        assertThatThrownBy(() -> distribution(reference(), "HELD." + ZONE)).satisfies(code("CNAMEAlreadyExists"));
    }

    @Test
    void createDistribution_reusedCallerReference_isRefusedWithDistributionAlreadyExists() {
        String reference = reference();
        distribution(reference, "first." + ZONE);

        assertThatThrownBy(() -> distribution(reference, "second." + ZONE)).satisfies(code("DistributionAlreadyExists"));
    }

    @Test
    void deleteDistribution_enabledOrNotYetDeployed_isRefusedWithDistributionNotDisabled() {
        CreateDistributionResponse created = distribution(reference(), "deleted." + ZONE);
        String id = created.distribution().id();
        assertThat(created.distribution().status()).isEqualTo("InProgress");

        assertThatThrownBy(() -> cloudFront.deleteDistribution(r -> r.id(id).ifMatch(created.eTag())))
                .satisfies(code("DistributionNotDisabled"));
        String disabled = cloudFront.updateDistribution(r -> r.id(id).ifMatch(created.eTag()).distributionConfig(
                created.distribution().distributionConfig().toBuilder().enabled(false).build())).eTag();
        assertThatThrownBy(() -> cloudFront.deleteDistribution(r -> r.id(id).ifMatch(disabled)))
                .as("disabled but still InProgress").satisfies(code("DistributionNotDisabled"));
        assertThat(cloudFront.getDistribution(r -> r.id(id)).distribution().status()).isEqualTo("InProgress");
    }

    // ---- ACM

    /** ACM reads a new certificate only after a delay: not found at first, then without its validation record. */
    @Test
    void describeCertificate_justRequested_isNotFoundYet() {
        String arn = acm.requestCertificate(r -> r.domainName("new." + ZONE).validationMethod(ValidationMethod.DNS))
                .certificateArn();

        assertThatThrownBy(() -> acm.describeCertificate(r -> r.certificateArn(arn)))
                .satisfies(code("ResourceNotFoundException"));
        assertThat(acm.listCertificates().certificateSummaryList()).anyMatch(c -> c.certificateArn().equals(arn));
    }

    @Test
    void deleteCertificate_usedByACustomDomain_isRefusedWithResourceInUseException() {
        String arn = acm.requestCertificate(r -> r.domainName("used." + ZONE).validationMethod(ValidationMethod.DNS))
                .certificateArn();
        try (ApiGatewayClient apiGateway = LocalClients.apiGateway(LOCAL.cloud().endpoint(), "us-east-1")) {
            apiGateway.createDomainName(r -> r.domainName("used." + ZONE).regionalCertificateArn(arn)
                    .endpointConfiguration(c -> c.types(EndpointType.REGIONAL)));
        }

        assertThatThrownBy(() -> acm.deleteCertificate(r -> r.certificateArn(arn)))
                .satisfies(code("ResourceInUseException")).hasMessageContaining("/domainnames/used." + ZONE);
        assertThat(acm.listCertificates().certificateSummaryList()).anyMatch(c -> c.certificateArn().equals(arn));
    }

    // ---- API Gateway

    @Test
    void createDomainName_nameAlreadyACustomDomain_isRefusedWithConflictException() {
        String certificate = acm.requestCertificate(r -> r.domainName("twice." + ZONE)).certificateArn();
        try (ApiGatewayClient apiGateway = LocalClients.apiGateway(LOCAL.cloud().endpoint(), "us-east-1")) {
            String regional = apiGateway.createDomainName(r -> r.domainName("twice." + ZONE)
                    .regionalCertificateArn(certificate).endpointConfiguration(c -> c.types(EndpointType.REGIONAL)))
                    .regionalDomainName();

            assertThatThrownBy(() -> apiGateway.createDomainName(r -> r.domainName("twice." + ZONE)
                    .regionalCertificateArn(certificate).endpointConfiguration(c -> c.types(EndpointType.REGIONAL))))
                    .satisfies(code("ConflictException"));
            assertThat(apiGateway.getDomainName(r -> r.domainName("twice." + ZONE)).regionalDomainName())
                    .as("the first domain is kept").isEqualTo(regional);
        }
    }

    // ---- API Gateway's updates, sent as PATCH by the functions' own clients (the Apache HTTP client)

    @Test
    void updateDomainNameAndBasePathMapping_patch_areServed() {
        String first = acm.requestCertificate(r -> r.domainName("rest." + ZONE)).certificateArn();
        String second = acm.requestCertificate(r -> r.domainName("rest." + ZONE).idempotencyToken("second")).certificateArn();
        try (ApiGatewayClient apiGateway = Clients.apiGateway("us-east-1")) {
            String api = apiGateway.createRestApi(r -> r.name("strict")).id();
            String root = apiGateway.getResources(r -> r.restApiId(api)).items().getFirst().id();
            apiGateway.putMethod(r -> r.restApiId(api).resourceId(root).httpMethod("GET").authorizationType("NONE"));
            apiGateway.putIntegration(r -> r.restApiId(api).resourceId(root).httpMethod("GET").type("MOCK"));
            apiGateway.createDeployment(r -> r.restApiId(api).stageName("one"));
            apiGateway.createDeployment(r -> r.restApiId(api).stageName("two"));
            apiGateway.createDomainName(r -> r.domainName("rest." + ZONE).regionalCertificateArn(first)
                    .endpointConfiguration(c -> c.types(EndpointType.REGIONAL)));
            apiGateway.createBasePathMapping(r -> r.domainName("rest." + ZONE).restApiId(api).stage("one"));

            apiGateway.updateDomainName(r -> r.domainName("rest." + ZONE).patchOperations(p -> p.op(Op.REPLACE)
                    .path("/regionalCertificateArn").value(second)));
            apiGateway.updateBasePathMapping(r -> r.domainName("rest." + ZONE).basePath("(none)")
                    .patchOperations(p -> p.op(Op.REPLACE).path("/stage").value("two")));

            assertThat(apiGateway.getDomainName(r -> r.domainName("rest." + ZONE)).regionalCertificateArn())
                    .isEqualTo(second);
            assertThat(apiGateway.getBasePathMapping(r -> r.domainName("rest." + ZONE).basePath("(none)")).stage())
                    .isEqualTo("two");
        }
    }

    @Test
    void updateApiMapping_patchOnADomainMadeThroughTheRestApi_isServed() {
        String certificate = acm.requestCertificate(r -> r.domainName("http." + ZONE)).certificateArn();
        try (ApiGatewayClient apiGateway = Clients.apiGateway("us-east-1");
             ApiGatewayV2Client http = Clients.apiGatewayV2("us-east-1")) {
            String api = http.createApi(r -> r.name("strict").protocolType(ProtocolType.HTTP)).apiId();
            http.createStage(r -> r.apiId(api).stageName("one"));
            http.createStage(r -> r.apiId(api).stageName("two"));
            apiGateway.createDomainName(r -> r.domainName("http." + ZONE).regionalCertificateArn(certificate)
                    .endpointConfiguration(c -> c.types(EndpointType.REGIONAL)));
            String mapping = http.createApiMapping(r -> r.domainName("http." + ZONE).apiId(api).stage("one")
                    .apiMappingKey("")).apiMappingId();

            http.updateApiMapping(r -> r.domainName("http." + ZONE).apiMappingId(mapping).apiId(api).stage("two"));

            assertThat(http.getApiMappings(r -> r.domainName("http." + ZONE)).items())
                    .singleElement().satisfies(m -> assertThat(m.stage()).isEqualTo("two"));
        }
    }

    // ---- helpers

    private static Consumer<Throwable> code(String code) {
        return e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorCode()).isEqualTo(code);
    }

    private static String reference() {
        return "strict-" + UUID.randomUUID();
    }

    private static String endpointCheck(String reference) {
        return route53.createHealthCheck(r -> r.callerReference(reference).healthCheckConfig(c -> c
                .type(HealthCheckType.HTTPS).fullyQualifiedDomainName("endpoint." + ZONE).resourcePath("/health")))
                .healthCheck().id();
    }

    /** A switch as active-edge makes it: a disabled check, inverted when the Region is drained. */
    private static String switchCheck(boolean inverted) {
        return route53.createHealthCheck(r -> r.callerReference(reference()).healthCheckConfig(c -> c
                .type(HealthCheckType.HTTPS).fullyQualifiedDomainName("switch." + ZONE).disabled(true)
                .inverted(inverted))).healthCheck().id();
    }

    private static String gate(String endpoint, String switchId, int threshold) {
        HealthCheckConfig config = HealthCheckConfig.builder().type(HealthCheckType.CALCULATED)
                .healthThreshold(threshold).childHealthChecks(endpoint, switchId).build();
        return route53.createHealthCheck(r -> r.callerReference(reference()).healthCheckConfig(config)).healthCheck().id();
    }

    private static ResourceRecordSet txt(String name, String value) {
        return ResourceRecordSet.builder().name(name).type(RRType.TXT).ttl(300L).resourceRecords(v -> v.value(value))
                .build();
    }

    private static void change(ChangeAction action, ResourceRecordSet record) {
        route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(Change.builder()
                .action(action).resourceRecordSet(record).build())));
    }

    private static List<String> names() {
        return route53.listResourceRecordSetsPaginator(r -> r.hostedZoneId(zoneId)).resourceRecordSets().stream()
                .map(ResourceRecordSet::name).toList();
    }

    private static CreateDistributionResponse distribution(String reference, String alias) {
        return cloudFront.createDistribution(r -> r.distributionConfig(c -> c.callerReference(reference).comment("")
                .enabled(true).aliases(a -> a.quantity(1).items(alias))
                .origins(o -> o.quantity(1).items(origin -> origin.id("origin").domainName("origin." + ZONE)
                        .customOriginConfig(cc -> cc.httpPort(80).httpsPort(443)
                                .originProtocolPolicy(OriginProtocolPolicy.HTTPS_ONLY))))
                .defaultCacheBehavior(b -> b.targetOriginId("origin").cachePolicyId(CACHING_DISABLED)
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS))));
    }
}
