package io.activeedge.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.activeedge.core.AwsConstants;
import io.activeedge.core.Tags;
import io.activeedge.errors.DistributionDeadlineExceededException;
import io.activeedge.errors.ResourceConflictException;
import io.activeedge.input.AppSpec;
import io.activeedge.input.DistributionSpec;
import io.activeedge.input.TimingSpec;
import io.activeedge.provisioning.Distribution;
import io.activeedge.provisioning.DistributionStatus;
import io.activeedge.provisioning.RecordChange;
import io.activeedge.provisioning.Run;
import io.activeedge.testing.FakeCloudFront;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.CnameAlreadyExistsException;
import software.amazon.awssdk.services.cloudfront.model.CreateDistributionWithTagsRequest;
import software.amazon.awssdk.services.cloudfront.model.CreateDistributionWithTagsResponse;
import software.amazon.awssdk.services.cloudfront.model.DistributionAlreadyExistsException;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigRequest;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigResponse;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionRequest;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionResponse;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsRequest;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsResponse;
import software.amazon.awssdk.services.cloudfront.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudfront.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudfront.model.NoSuchDistributionException;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.cloudfront.model.PreconditionFailedException;
import software.amazon.awssdk.services.cloudfront.model.Tag;
import software.amazon.awssdk.services.cloudfront.model.UpdateDistributionRequest;
import software.amazon.awssdk.services.cloudfront.model.UpdateDistributionResponse;

class DistributionsTest {
    private static final String EDGE_CERT = "arn:aws:acm:us-east-1:123456789012:certificate/edge";
    private static final String ID = "E2EXAMPLE1ABCD";
    private static final String ARN = "arn:aws:cloudfront::123456789012:distribution/" + ID;
    private static final String DOMAIN = "d111111abcdef8.cloudfront.net";
    private static final Instant STARTED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Run RUN = new Run("run-1", STARTED);

    private final CloudFrontClient cloudFront = mock(CloudFrontClient.class);
    private final Distributions distributions = new Distributions(cloudFront, Clock.fixed(STARTED, ZoneOffset.UTC));

    static AppSpec input(List<String> aliases, String originDomain) {
        return new AppSpec("shop", "example.com", null, aliases, originDomain, List.of(), null,
                new DistributionSpec("PriceClass_100", AwsConstants.CACHE_POLICY_CACHING_DISABLED,
                        AwsConstants.ORIGIN_REQUEST_POLICY_ALL_VIEWER_EXCEPT_HOST,
                        new DistributionSpec.GeoRestriction("none", List.of()), null, "active-edge shop"),
                new TimingSpec(15, 60, 30, 45), Map.of("team", "web"), false, null);
    }

    private static AppSpec input() {
        return input(List.of("example.com", "www.example.com"), "api.example.com");
    }

    @Test
    void ensure_noDistribution_createsOneServingExactlyTheAliasesOverTlsToTheOrigin() {
        noDistributions();
        ArgumentCaptor<CreateDistributionWithTagsRequest> request = acceptCreate();

        Distribution result = distributions.ensure(input(), RUN, EDGE_CERT);

        assertEquals(new Distribution(ID, ARN, DOMAIN, "InProgress", RecordChange.CREATED), result);
        DistributionConfig config = request.getValue().distributionConfigWithTags().distributionConfig();
        assertEquals(List.of("example.com", "www.example.com"), config.aliases().items());
        assertEquals(2, config.aliases().quantity());
        assertEquals(EDGE_CERT, config.viewerCertificate().acmCertificateArn());
        assertFalse(config.viewerCertificate().cloudFrontDefaultCertificate());
        assertEquals("sni-only", config.viewerCertificate().sslSupportMethodAsString());
        assertEquals("TLSv1.2_2021", config.viewerCertificate().minimumProtocolVersionAsString());
        assertEquals(1, config.origins().items().size());
        Origin origin = config.origins().items().get(0);
        assertEquals("active-edge-origin", origin.id());
        assertEquals("api.example.com", origin.domainName());
        assertEquals("https-only", origin.customOriginConfig().originProtocolPolicyAsString());
        assertEquals(443, origin.customOriginConfig().httpsPort());
        assertEquals(List.of("TLSv1.2"), origin.customOriginConfig().originSslProtocols().itemsAsStrings());
        var behavior = config.defaultCacheBehavior();
        assertEquals("active-edge-origin", behavior.targetOriginId());
        assertEquals("redirect-to-https", behavior.viewerProtocolPolicyAsString());
        assertEquals(Set.of("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"),
                Set.copyOf(behavior.allowedMethods().itemsAsStrings()));
        assertEquals(Set.of("GET", "HEAD"), Set.copyOf(behavior.allowedMethods().cachedMethods().itemsAsStrings()));
        assertEquals("b689b0a8-53d0-40ab-baf2-68738e2966ac", behavior.originRequestPolicyId());
        assertEquals("4135ea2d-6df8-44a3-9df3-4b5a84be39ad", behavior.cachePolicyId());
        assertTrue(behavior.compress());
        assertEquals("http2and3", config.httpVersionAsString());
        assertTrue(config.isIPV6Enabled());
        assertEquals("PriceClass_100", config.priceClassAsString());
        assertEquals("none", config.restrictions().geoRestriction().restrictionTypeAsString());
        assertEquals("", config.webACLId());
        assertEquals("active-edge shop", config.comment());
        assertTrue(config.enabled());
    }

    @Test
    void ensure_noDistribution_tagsItForTheAppAndKeysItToTheRun() {
        noDistributions();
        ArgumentCaptor<CreateDistributionWithTagsRequest> request = acceptCreate();

        distributions.ensure(input(), RUN, EDGE_CERT);
        distributions.ensure(input(), RUN, EDGE_CERT);

        var sent = request.getAllValues();
        Map<String, String> tags = sent.get(0).distributionConfigWithTags().tags().items().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value));
        assertTrue(Tags.matches(tags, "shop", Tags.GLOBAL, Tags.ROLE_DISTRIBUTION));
        assertEquals("web", tags.get("team"));
        String reference = sent.get(0).distributionConfigWithTags().distributionConfig().callerReference();
        assertTrue(reference.contains("shop") && reference.contains("run-1"), reference);
        assertEquals(reference, sent.get(1).distributionConfigWithTags().distributionConfig().callerReference());
    }

    @Test
    void ensure_secondRun_findsTheTaggedDistributionAndChangesNothing() {
        noDistributions();
        ArgumentCaptor<CreateDistributionWithTagsRequest> request = acceptCreate();
        distributions.ensure(input(), RUN, EDGE_CERT);
        DistributionConfig created = request.getValue().distributionConfigWithTags().distributionConfig();
        listed(summary(ID, List.of("example.com", "www.example.com"), "active-edge shop", "Deployed"));
        taggedForShop(ARN);
        when(cloudFront.getDistributionConfig(any(GetDistributionConfigRequest.class)))
                .thenReturn(GetDistributionConfigResponse.builder().distributionConfig(created).eTag("E1").build());

        Distribution second = distributions.ensure(input(), new Run("run-2", STARTED), EDGE_CERT);

        assertEquals(new Distribution(ID, ARN, DOMAIN, "Deployed", RecordChange.UNCHANGED), second);
        verify(cloudFront, times(1)).createDistributionWithTags(any(CreateDistributionWithTagsRequest.class));
        verify(cloudFront, never()).updateDistribution(any(UpdateDistributionRequest.class));
    }

    @Test
    void ensure_aliasesAndOriginDrifted_convergesWithIfMatchAndKeepsUserSettings() {
        DistributionConfig drifted = userEdited(configFor(input()).toBuilder()
                .aliases(a -> a.quantity(2).items("example.com", "old.example.com"))
                .build(), "old-api.example.com");
        listed(summary(ID, List.of("example.com", "old.example.com"), "active-edge shop", "Deployed"));
        taggedForShop(ARN);
        when(cloudFront.getDistributionConfig(any(GetDistributionConfigRequest.class)))
                .thenReturn(GetDistributionConfigResponse.builder().distributionConfig(drifted).eTag("E1").build());
        ArgumentCaptor<UpdateDistributionRequest> update = acceptUpdate();

        Distribution result = distributions.ensure(input(), RUN, EDGE_CERT);

        assertEquals(RecordChange.UPDATED, result.action());
        assertEquals("InProgress", result.status());
        UpdateDistributionRequest sent = update.getValue();
        assertEquals(ID, sent.id());
        assertEquals("E1", sent.ifMatch());
        DistributionConfig config = sent.distributionConfig();
        assertEquals(Set.of("example.com", "www.example.com"), Set.copyOf(config.aliases().items()));
        assertEquals(2, config.aliases().quantity());
        Origin ours = config.origins().items().stream().filter(o -> o.id().equals("active-edge-origin"))
                .findFirst().orElseThrow();
        assertEquals("api.example.com", ours.domainName());
        assertEquals("/v1", ours.originPath());
        assertEquals(Set.of("active-edge-origin", "user-assets"),
                config.origins().items().stream().map(Origin::id).collect(Collectors.toSet()));
        assertEquals(2, config.origins().quantity());
        assertEquals(List.of("/static/*"), config.cacheBehaviors().items().stream().map(CacheBehavior::pathPattern).toList());
        assertTrue(config.logging().enabled());
        assertEquals("logs.s3.amazonaws.com", config.logging().bucket());
        assertEquals("active-edge/shop/first-run", config.callerReference());
    }

    @Test
    void ensure_onlyUserSettingsDiffer_changesNothing() {
        DistributionConfig edited = userEdited(configFor(input()), "api.example.com");
        listed(summary(ID, List.of("example.com", "www.example.com"), "active-edge shop", "Deployed"));
        taggedForShop(ARN);
        when(cloudFront.getDistributionConfig(any(GetDistributionConfigRequest.class)))
                .thenReturn(GetDistributionConfigResponse.builder().distributionConfig(edited).eTag("E1").build());

        Distribution result = distributions.ensure(input(), RUN, EDGE_CERT);

        assertEquals(RecordChange.UNCHANGED, result.action());
        verify(cloudFront, never()).updateDistribution(any(UpdateDistributionRequest.class));
    }

    @Test
    void ensure_originRequestPolicyForwardsHost_isSetBackToAllViewerExceptHost() {
        DistributionConfig current = configFor(input());
        DistributionConfig drifted = current.toBuilder()
                .defaultCacheBehavior(current.defaultCacheBehavior().toBuilder()
                        .originRequestPolicyId("216adef6-5c7f-47e4-b989-5492eafa07d3").build())
                .build();
        listed(summary(ID, List.of("example.com", "www.example.com"), "active-edge shop", "Deployed"));
        taggedForShop(ARN);
        when(cloudFront.getDistributionConfig(any(GetDistributionConfigRequest.class)))
                .thenReturn(GetDistributionConfigResponse.builder().distributionConfig(drifted).eTag("E7").build());
        ArgumentCaptor<UpdateDistributionRequest> update = acceptUpdate();

        distributions.ensure(input(), RUN, EDGE_CERT);

        assertEquals(AwsConstants.ORIGIN_REQUEST_POLICY_ALL_VIEWER_EXCEPT_HOST,
                update.getValue().distributionConfig().defaultCacheBehavior().originRequestPolicyId());
        assertEquals("E7", update.getValue().ifMatch());
    }

    @Test
    void ensure_configChangedMeanwhile_retriesWithTheFreshETag() {
        DistributionConfig drifted = configFor(input(List.of("example.com"), "api.example.com"));
        listed(summary(ID, List.of("example.com"), "active-edge shop", "Deployed"));
        taggedForShop(ARN);
        when(cloudFront.getDistributionConfig(any(GetDistributionConfigRequest.class)))
                .thenReturn(GetDistributionConfigResponse.builder().distributionConfig(drifted).eTag("E1").build())
                .thenReturn(GetDistributionConfigResponse.builder().distributionConfig(drifted).eTag("E2").build());
        ArgumentCaptor<UpdateDistributionRequest> update = ArgumentCaptor.forClass(UpdateDistributionRequest.class);
        when(cloudFront.updateDistribution(update.capture()))
                .thenThrow(preconditionFailed())
                .thenReturn(updated());

        Distribution result = distributions.ensure(input(), RUN, EDGE_CERT);

        assertEquals(RecordChange.UPDATED, result.action());
        assertEquals(List.of("E1", "E2"), update.getAllValues().stream().map(UpdateDistributionRequest::ifMatch).toList());
    }

    @Test
    void ensure_configKeepsChanging_givesUpAfterThreeRetries() {
        DistributionConfig drifted = configFor(input(List.of("example.com"), "api.example.com"));
        listed(summary(ID, List.of("example.com"), "active-edge shop", "Deployed"));
        taggedForShop(ARN);
        when(cloudFront.getDistributionConfig(any(GetDistributionConfigRequest.class)))
                .thenReturn(GetDistributionConfigResponse.builder().distributionConfig(drifted).eTag("E1").build());
        PreconditionFailedException failure = preconditionFailed();
        when(cloudFront.updateDistribution(any(UpdateDistributionRequest.class))).thenThrow(failure);

        PreconditionFailedException thrown = assertThrows(PreconditionFailedException.class,
                () -> distributions.ensure(input(), RUN, EDGE_CERT));

        assertSame(failure, thrown);
        verify(cloudFront, times(4)).updateDistribution(any(UpdateDistributionRequest.class));
    }

    @Test
    void ensure_untaggedDistributionHoldsAnAlias_throwsResourceConflictNamingIt() {
        listed(summary("EOTHER123", List.of("www.example.com", "blog.example.com"), "hand made", "Deployed"));
        when(cloudFront.listTagsForResource(any(ListTagsForResourceRequest.class)))
                .thenReturn(ListTagsForResourceResponse.builder().tags(t -> t.items(List.of())).build());

        ResourceConflictException e = assertThrows(ResourceConflictException.class,
                () -> distributions.ensure(input(), RUN, EDGE_CERT));

        assertTrue(e.getMessage().contains("EOTHER123"), e.getMessage());
        assertTrue(e.getMessage().contains("www.example.com"), e.getMessage());
        assertFalse(e.getMessage().contains("blog.example.com"), e.getMessage());
        verify(cloudFront, never()).createDistributionWithTags(any(CreateDistributionWithTagsRequest.class));
    }

    @Test
    void ensure_otherAppsDistributionWithOtherAliases_isLeftAloneAndOursCreated() {
        listed(summary("EOTHER123", List.of("shop.example.org"), "active-edge blog", "Deployed"));
        acceptCreate();

        Distribution result = distributions.ensure(input(), RUN, EDGE_CERT);

        assertEquals(RecordChange.CREATED, result.action());
    }

    @Test
    void ensure_aliasTakenInAnotherAccount_throwsResourceConflict() {
        noDistributions();
        when(cloudFront.createDistributionWithTags(any(CreateDistributionWithTagsRequest.class)))
                .thenThrow(CnameAlreadyExistsException.builder().message("One or more aliases already exist")
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("CNAMEAlreadyExists")
                                .errorMessage("One or more aliases already exist").build())
                        .build());

        ResourceConflictException e = assertThrows(ResourceConflictException.class,
                () -> distributions.ensure(input(), RUN, EDGE_CERT));

        assertTrue(e.getMessage().contains("www.example.com"), e.getMessage());
        assertTrue(e.getMessage().contains("CNAMEAlreadyExists"), e.getMessage());
    }

    @Test
    void ensure_ownDistributionOnSecondPage_followsTheMarker() {
        ArgumentCaptor<ListDistributionsRequest> pages = ArgumentCaptor.forClass(ListDistributionsRequest.class);
        when(cloudFront.listDistributions(pages.capture()))
                .thenReturn(ListDistributionsResponse.builder().distributionList(l -> l.isTruncated(true)
                        .nextMarker("page-2").quantity(1)
                        .items(summary("EUNRELATED", List.of("a.example.org"), "other", "Deployed"))).build())
                .thenReturn(ListDistributionsResponse.builder().distributionList(l -> l.isTruncated(false).quantity(1)
                        .items(summary(ID, List.of("example.com", "www.example.com"), "active-edge shop", "Deployed")))
                        .build());
        taggedForShop(ARN);
        when(cloudFront.getDistributionConfig(any(GetDistributionConfigRequest.class)))
                .thenReturn(GetDistributionConfigResponse.builder().distributionConfig(configFor(input())).eTag("E1").build());

        Distribution result = distributions.ensure(input(), RUN, EDGE_CERT);

        assertEquals(ID, result.id());
        assertEquals(RecordChange.UNCHANGED, result.action());
        assertEquals("page-2", pages.getAllValues().get(1).marker());
        verify(cloudFront, never()).createDistributionWithTags(any(CreateDistributionWithTagsRequest.class));
    }

    // A create whose caller reference CloudFront already holds (an earlier attempt created it, the listing does not
    // show it yet) is refused with DistributionAlreadyExists: moto does not show that, FakeCloudFront does.
    @Test
    void ensure_retriedCreateRefusedAsAlreadyExisting_convergesTheDistributionCreatedBefore() {
        FakeCloudFront fake = new FakeCloudFront();
        Distributions onFake = new Distributions(fake, Clock.fixed(STARTED, ZoneOffset.UTC));
        Distribution first = onFake.ensure(input(), RUN, EDGE_CERT);
        fake.listLags = true;

        Distribution retry = onFake.ensure(input(), RUN, EDGE_CERT);

        assertEquals(new Distribution(first.id(), first.arn(), first.domainName(), "InProgress",
                RecordChange.UNCHANGED), retry);
        assertEquals(1, fake.distributions.size());
    }

    @Test
    void ensure_retriedCreateRefusedAndTheEarlierDistributionDrifted_convergesIt() {
        FakeCloudFront fake = new FakeCloudFront();
        Distributions onFake = new Distributions(fake, Clock.fixed(STARTED, ZoneOffset.UTC));
        Distribution first = onFake.ensure(input(List.of("example.com"), "old-api.example.com"), RUN, EDGE_CERT);
        fake.listLags = true;

        Distribution retry = onFake.ensure(input(), RUN, EDGE_CERT);

        assertEquals(first.id(), retry.id());
        assertEquals(RecordChange.UPDATED, retry.action());
        DistributionConfig config = fake.distributions.get(first.id()).config;
        assertEquals(Set.of("example.com", "www.example.com"), Set.copyOf(config.aliases().items()));
        assertEquals("api.example.com", config.origins().items().get(0).domainName());
        assertEquals(1, fake.distributions.size());
    }

    @Test
    void ensure_alreadyExistsWithoutIdInTheMessage_foundAmongRelatedByItsCallerReference() {
        FakeCloudFront fake = new FakeCloudFront();
        Distributions onFake = new Distributions(fake, Clock.fixed(STARTED, ZoneOffset.UTC));
        Distribution first = onFake.ensure(input(), RUN, EDGE_CERT);
        fake.distributions.get(first.id()).tags.clear();
        fake.listLags = true;
        fake.alreadyExistsNamesId = false;
        fake.beforeNextCreate = () -> fake.listLags = false;

        Distribution retry = onFake.ensure(input(), RUN, EDGE_CERT);

        assertEquals(first.id(), retry.id());
        assertEquals(RecordChange.UNCHANGED, retry.action());
        assertEquals(1, fake.distributions.size());
    }

    @Test
    void ensure_alreadyExistsButTheDistributionIsGone_throwsResourceConflictNamingTheCallerReference() {
        noDistributions();
        String message = "The caller reference that you are using to create a distribution is associated with"
                + " another distribution. Already exists: E3GONE";
        when(cloudFront.createDistributionWithTags(any(CreateDistributionWithTagsRequest.class)))
                .thenThrow(DistributionAlreadyExistsException.builder().message(message).statusCode(409)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("DistributionAlreadyExists")
                                .errorMessage(message).build()).build());
        when(cloudFront.getDistribution(any(GetDistributionRequest.class)))
                .thenThrow(NoSuchDistributionException.builder().message("The specified distribution does not exist.")
                        .statusCode(404).build());

        ResourceConflictException e = assertThrows(ResourceConflictException.class,
                () -> distributions.ensure(input(), RUN, EDGE_CERT));

        assertTrue(e.getMessage().contains("active-edge/shop/run-1"), e.getMessage());
        assertTrue(e.getMessage().contains("start a new execution"), e.getMessage());
    }

    @Test
    void check_deployed_returnsDeployed() {
        status("Deployed");

        assertEquals(new DistributionStatus(true, "Deployed"), distributions.check(ID, input(), RUN));
    }

    @Test
    void check_inProgressBeforeDeadline_returnsNotDeployed() {
        status("InProgress");
        Distributions at44Minutes = new Distributions(cloudFront,
                Clock.fixed(STARTED.plusSeconds(44 * 60), ZoneOffset.UTC));

        assertEquals(new DistributionStatus(false, "InProgress"), at44Minutes.check(ID, input(), RUN));
    }

    @Test
    void check_inProgressAfterDeadline_throwsDeadlineExceeded() {
        status("InProgress");
        Distributions at46Minutes = new Distributions(cloudFront,
                Clock.fixed(STARTED.plusSeconds(46 * 60), ZoneOffset.UTC));

        DistributionDeadlineExceededException e = assertThrows(DistributionDeadlineExceededException.class,
                () -> at46Minutes.check(ID, input(), RUN));

        assertTrue(e.getMessage().contains(ID), e.getMessage());
        assertTrue(e.getMessage().contains("InProgress"), e.getMessage());
        assertTrue(e.getMessage().contains("2026-01-01T00:45:00Z"), e.getMessage());
        assertTrue(e.getMessage().contains("distributionTimeoutMinutes"), e.getMessage());
    }

    @Test
    void check_deployedAfterDeadline_returnsDeployed() {
        status("Deployed");
        Distributions late = new Distributions(cloudFront, Clock.fixed(STARTED.plusSeconds(3 * 3600), ZoneOffset.UTC));

        assertTrue(late.check(ID, input(), RUN).deployed());
    }

    /** The config CloudFront reports for a distribution made from {@code spec}, as a fresh create would send it. */
    private static DistributionConfig configFor(AppSpec spec) {
        return new DesiredConfig(spec, EDGE_CERT).forCreate("active-edge/shop/first-run");
    }

    /** A user added an origin, a cache behavior for it, access logs and an origin path on our origin. */
    private static DistributionConfig userEdited(DistributionConfig config, String ourOriginDomain) {
        Origin ours = config.origins().items().get(0).toBuilder().domainName(ourOriginDomain).originPath("/v1").build();
        Origin assets = Origin.builder().id("user-assets").domainName("assets.s3.amazonaws.com")
                .s3OriginConfig(s -> s.originAccessIdentity("")).build();
        return config.toBuilder()
                .origins(o -> o.quantity(2).items(ours, assets))
                .cacheBehaviors(c -> c.quantity(1).items(CacheBehavior.builder().pathPattern("/static/*")
                        .targetOriginId("user-assets").viewerProtocolPolicy("redirect-to-https")
                        .cachePolicyId("658327ea-f89d-4fab-a63d-7e88639e58f6").build()))
                .logging(l -> l.enabled(true).includeCookies(false).bucket("logs.s3.amazonaws.com").prefix("shop/"))
                .build();
    }

    private static DistributionSummary summary(String id, List<String> aliases, String comment, String status) {
        return DistributionSummary.builder().id(id).arn("arn:aws:cloudfront::123456789012:distribution/" + id)
                .domainName(id.equals(ID) ? DOMAIN : id.toLowerCase() + ".cloudfront.net").status(status)
                .aliases(a -> a.quantity(aliases.size()).items(aliases)).comment(comment).build();
    }

    private void noDistributions() {
        when(cloudFront.listDistributions(any(ListDistributionsRequest.class)))
                .thenReturn(ListDistributionsResponse.builder()
                        .distributionList(l -> l.isTruncated(false).quantity(0)).build());
    }

    private void listed(DistributionSummary... summaries) {
        when(cloudFront.listDistributions(any(ListDistributionsRequest.class)))
                .thenReturn(ListDistributionsResponse.builder()
                        .distributionList(l -> l.isTruncated(false).quantity(summaries.length).items(summaries)).build());
    }

    private void taggedForShop(String arn) {
        when(cloudFront.listTagsForResource(ListTagsForResourceRequest.builder().resource(arn).build()))
                .thenReturn(ListTagsForResourceResponse.builder().tags(t -> t.items(
                        Tags.of(Map.of(), "shop", Tags.GLOBAL, Tags.ROLE_DISTRIBUTION).entrySet().stream()
                                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()))
                        .build());
    }

    private ArgumentCaptor<CreateDistributionWithTagsRequest> acceptCreate() {
        ArgumentCaptor<CreateDistributionWithTagsRequest> request =
                ArgumentCaptor.forClass(CreateDistributionWithTagsRequest.class);
        when(cloudFront.createDistributionWithTags(request.capture()))
                .thenReturn(CreateDistributionWithTagsResponse.builder().eTag("E0")
                        .distribution(d -> d.id(ID).arn(ARN).domainName(DOMAIN).status("InProgress")).build());
        return request;
    }

    private ArgumentCaptor<UpdateDistributionRequest> acceptUpdate() {
        ArgumentCaptor<UpdateDistributionRequest> request = ArgumentCaptor.forClass(UpdateDistributionRequest.class);
        when(cloudFront.updateDistribution(request.capture())).thenReturn(updated());
        return request;
    }

    private static UpdateDistributionResponse updated() {
        return UpdateDistributionResponse.builder().eTag("E9")
                .distribution(d -> d.id(ID).arn(ARN).domainName(DOMAIN).status("InProgress")).build();
    }

    private static PreconditionFailedException preconditionFailed() {
        return (PreconditionFailedException) PreconditionFailedException.builder()
                .message("The precondition given in one or more of the request header fields evaluated to false.")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("PreconditionFailed").build())
                .statusCode(412).build();
    }

    private void status(String status) {
        when(cloudFront.getDistribution(any(GetDistributionRequest.class)))
                .thenReturn(GetDistributionResponse.builder().distribution(d -> d.id(ID).status(status)).build());
    }
}
