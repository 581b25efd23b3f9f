package io.activeedge.origins;

import static org.assertj.core.api.Assertions.assertThat;

import io.activeedge.core.Tags;
import io.activeedge.input.AppSpec;
import io.activeedge.teardown.RemovalResult;
import io.activeedge.testing.ExampleApp;
import io.activeedge.testing.FakeAcm;
import io.activeedge.testing.FakeApiGateway;
import io.activeedge.testing.FakeElbv2;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OriginDomainRemoverTest {
    private static final String API = "api.example.com";
    private static final AppSpec INPUT = ExampleApp.input(false);

    private final FakeApiGateway.Regions apiGateway = new FakeApiGateway.Regions();
    private final OriginDomainRemover remover = new OriginDomainRemover(apiGateway.rest, apiGateway.http,
            new ListenerCertificateRemover(new FakeElbv2.Regions().clients, new FakeAcm.Regions().clients));

    private FakeApiGateway in(String region) {
        return apiGateway.in(region);
    }

    private static Map<String, String> ours(String region) {
        return Tags.of(Map.of("team", "payments"), "shop", region, Tags.ROLE_ORIGIN_DOMAIN);
    }

    private RemovalResult remove() {
        return remover.remove(INPUT, ExampleApp.REGIONS);
    }

    @Test
    void remove_restAndHttpMappings_removedBeforeTheDomain() {
        FakeApiGateway east = in("us-east-1");
        east.domain(API, ours("us-east-1"));
        east.restMapping(API, "(none)", "a1b2c3d4e5", "prod");
        east.httpMapping(API, "v2", "h1t2t3p4a5", "$default");

        RemovalResult result = remove();

        assertThat(result.deleted()).containsExactly(
                "us-east-1 api.example.com (mappings (none) -> a1b2c3d4e5/prod, v2 -> h1t2t3p4a5/$default)");
        assertThat(result.kept()).isEmpty();
        assertThat(east.has(API)).isFalse();
        assertThat(east.changes).containsExactly(
                "delete-base-path-mapping api.example.com (none)",
                "delete-api-mapping api.example.com m0",
                "delete-domain-name api.example.com");
    }

    @Test
    void remove_domainInEachRegion_deletesEachWithItsMapping() {
        in("us-east-1").domain(API, ours("us-east-1"));
        in("us-east-1").restMapping(API, "(none)", "a1b2c3d4e5", "prod");
        in("us-west-2").domain(API, ours("us-west-2"));
        in("us-west-2").httpMapping(API, "", "h1t2t3p4a5", "$default");

        RemovalResult result = remove();

        assertThat(result.deleted()).containsExactly(
                "us-east-1 api.example.com (mapping (none) -> a1b2c3d4e5/prod)",
                "us-west-2 api.example.com (mapping (none) -> h1t2t3p4a5/$default)");
    }

    @Test
    void remove_sameNamedDomainOfTheUser_keptAsNotOurs() {
        in("us-east-1").domain(API, Map.of("team", "payments"));
        in("us-east-1").restMapping(API, "(none)", "u5s4e3r2id", "live");

        RemovalResult result = remove();

        assertThat(result.deleted()).isEmpty();
        assertThat(result.kept()).singleElement().asString()
                .startsWith("us-east-1 api.example.com (not ours: not tagged active-edge:app=shop");
        assertThat(in("us-east-1").has(API)).isTrue();
        assertThat(in("us-east-1").changes).isEmpty();
    }

    @Test
    void remove_otherDomainsOfTheUserAndOtherApps_leftAloneAndUnreported() {
        in("us-east-1").domain("shop.example.org", Map.of());
        in("us-east-1").domain("api.blog.example.com", Tags.of(Map.of(), "blog", "us-east-1", Tags.ROLE_ORIGIN_DOMAIN));
        in("us-east-1").domain(API, ours("us-east-1"));
        in("us-east-1").listWithoutTags = true;

        RemovalResult result = remove();

        assertThat(result.deleted()).containsExactly("us-east-1 api.example.com (no mappings)");
        assertThat(result.kept()).isEmpty();
        assertThat(in("us-east-1").has("shop.example.org")).isTrue();
        assertThat(in("us-east-1").has("api.blog.example.com")).isTrue();
    }

    @Test
    void remove_emulatorAnswers_domainWithoutMappingsDeleted() {
        FakeApiGateway east = in("us-east-1");
        east.asTheEmulator = true;
        east.domain(API, ours("us-east-1"));
        FakeApiGateway west = in("us-west-2");
        west.asTheEmulator = true;
        west.domain(API, ours("us-west-2"));
        west.restMapping(API, "(none)", "a1b2c3d4e5", "prod");

        RemovalResult result = remove();

        assertThat(result.deleted()).containsExactly("us-east-1 api.example.com (no mappings)",
                "us-west-2 api.example.com (mapping (none) -> a1b2c3d4e5/prod)");
        assertThat(east.has(API)).isFalse();
        assertThat(west.has(API)).isFalse();
    }

    @Test
    void remove_nothingLeft_emptyResult() {
        RemovalResult first = remove();

        assertThat(first.deleted()).isEmpty();
        assertThat(first.kept()).isEmpty();
    }

    @Test
    void remove_secondRun_findsNothingMore() {
        in("us-east-1").domain(API, ours("us-east-1"));
        in("us-east-1").restMapping(API, "(none)", "a1b2c3d4e5", "prod");
        remove();

        RemovalResult again = remove();

        assertThat(again).isEqualTo(new RemovalResult(List.of(), List.of()));
    }
}
