package io.activeedge.origins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activeedge.errors.InvalidInputException;
import io.activeedge.errors.OriginNotFoundException;
import io.activeedge.errors.ResourceConflictException;
import io.activeedge.input.AppSpec;
import io.activeedge.input.OriginSpec;
import io.activeedge.provisioning.OriginTarget;
import io.activeedge.testing.ExampleApp;
import io.activeedge.testing.FakeApiGateway;
import io.activeedge.testing.FakeElbv2;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.IpAddressType;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;

/** An Application Load Balancer as a Region's origin, against FakeElbv2 (one item per page, as AWS may page). */
class LoadBalancerOriginsTest {
    private static final String WEST = "us-west-2";
    private static final String USERS_CERTIFICATE = "arn:aws:acm:us-west-2:123456789012:certificate/user-default";
    private static final String ORIGIN_CERTIFICATE = ExampleApp.certificates().origin(WEST).arn();
    private static final String FIELD = "regions[1].origin.loadBalancer";

    private final FakeElbv2.Regions elb = new FakeElbv2.Regions();
    private final FakeApiGateway.Regions apiGateway = new FakeApiGateway.Regions();
    private final Origins origins = new Origins(apiGateway.rest, apiGateway.http, elb.clients);
    private final LoadBalancerOrigins balancers = new LoadBalancerOrigins(elb.clients);
    private final FakeElbv2 west = elb.in(WEST);

    private static AppSpec input(OriginSpec.LoadBalancerOrigin balancer, String checkDomain, String checkPath) {
        return ExampleApp.withOrigin(WEST, new OriginSpec(null, null, null, checkDomain, checkPath, balancer));
    }

    private static AppSpec byName(String name) {
        return input(new OriginSpec.LoadBalancerOrigin(null, name, 443), null, null);
    }

    private OriginTarget attach(AppSpec input) {
        return origins.attach(input, ExampleApp.region(input, WEST), ExampleApp.certificates());
    }

    /** A user's ALB with an HTTP listener on 80 and an HTTPS listener on 443 that has its own default certificate. */
    private String usersAlb(String name) {
        String arn = west.loadBalancer(name);
        west.listener(arn, ProtocolEnum.HTTP, 80, null);
        return west.listener(arn, ProtocolEnum.HTTPS, 443, USERS_CERTIFICATE);
    }

    @Test
    void attach_byName_addsTheRegionalCertificateBesideTheUsersDefaultAndAliasesTheLoadBalancer() {
        String listener = usersAlb("shop-west");
        west.userCertificate(listener, "arn:aws:acm:us-west-2:123456789012:certificate/user-other");

        OriginTarget target = attach(byName("shop-west"));

        assertThat(west.defaultCertificate(listener)).isEqualTo(USERS_CERTIFICATE);
        assertThat(west.certificateList(listener))
                .containsExactly("arn:aws:acm:us-west-2:123456789012:certificate/user-other", ORIGIN_CERTIFICATE);
        assertThat(target.dnsName()).startsWith("shop-west-").endsWith(".us-west-2.elb.amazonaws.com");
        assertThat(target.hostedZoneId()).isEqualTo(FakeElbv2.ZONE_ID);
        assertThat(target.healthCheckDomain()).as("the endpoint check probes the load balancer itself")
                .isEqualTo(target.dnsName());
        assertThat(target.healthCheckPath()).isEqualTo("/health");
        assertThat(target.customDomain()).isNull();
        assertThat(target.created()).isTrue();
    }

    @Test
    void attach_secondRun_changesNothing() {
        String listener = usersAlb("shop-west");
        OriginTarget first = attach(byName("shop-west"));

        OriginTarget second = attach(byName("shop-west"));

        assertThat(west.changes).hasSize(1);
        assertThat(west.certificateList(listener)).containsExactly(ORIGIN_CERTIFICATE);
        assertThat(second.created()).isFalse();
        assertThat(second.dnsName()).isEqualTo(first.dnsName());
    }

    @Test
    void attach_byArnWithOwnHealthCheck_probesWhatTheInputSays() {
        String arn = west.loadBalancer("shop-west");
        west.listener(arn, ProtocolEnum.HTTPS, 8443, USERS_CERTIFICATE);

        OriginTarget target = attach(input(new OriginSpec.LoadBalancerOrigin(arn, null, 8443), "status.example.com",
                "/ready"));

        assertThat(target.healthCheckDomain()).isEqualTo("status.example.com");
        assertThat(target.healthCheckPath()).isEqualTo("/ready");
        assertThat(west.changes).containsExactly("add-listener-certificate " + west.listenerArns(arn).get(0) + " "
                + ORIGIN_CERTIFICATE);
    }

    @Test
    void attach_listenerAtTheCertificateLimit_namedConflictAndNothingAdded() {
        String listener = usersAlb("shop-west");
        for (int i = 0; i < FakeElbv2.CERTIFICATE_LIMIT; i++) {
            west.userCertificate(listener, "arn:aws:acm:us-west-2:123456789012:certificate/user-" + i);
        }

        assertThatThrownBy(() -> attach(byName("shop-west")))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessageStartingWith(FIELD + ": ")
                .hasMessageContaining("TooManyCertificates");
        assertThat(west.changes).isEmpty();
    }

    @Test
    void inspect_noSuchLoadBalancer_namesTheField() {
        assertThatThrownBy(() -> balancers.check(byName("nowhere")))
                .isInstanceOf(OriginNotFoundException.class)
                .hasMessageStartingWith(FIELD + ".name: load balancer nowhere not found in us-west-2");
        String arn = "arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/gone/0123456789abcdef";
        assertThatThrownBy(() -> balancers.check(input(new OriginSpec.LoadBalancerOrigin(arn, null, 443), null, null)))
                .isInstanceOf(OriginNotFoundException.class)
                .hasMessageStartingWith(FIELD + ".arn: ");
    }

    @Test
    void inspect_networkLoadBalancer_notAnApplicationLoadBalancer() {
        String arn = west.loadBalancer("tcp-west", LoadBalancerTypeEnum.NETWORK, LoadBalancerSchemeEnum.INTERNET_FACING);
        west.listener(arn, ProtocolEnum.TLS, 443, USERS_CERTIFICATE);

        assertThatThrownBy(() -> balancers.check(byName("tcp-west")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(FIELD + ".name: ")
                .hasMessageContaining("not an application load balancer");
    }

    @Test
    void inspect_internalScheme_refused() {
        String arn = west.loadBalancer("private-west", LoadBalancerTypeEnum.APPLICATION, LoadBalancerSchemeEnum.INTERNAL);
        west.listener(arn, ProtocolEnum.HTTPS, 443, USERS_CERTIFICATE);

        assertThatThrownBy(() -> balancers.check(byName("private-west")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(FIELD + ".name: ")
                .hasMessageContaining("internal (not internet-facing)");
    }

    @Test
    void inspect_noPublicIpv4_refusedNamingTheField() {
        String arn = west.loadBalancer("v6-west");
        west.balancers.put(arn, west.balancers.get(arn).toBuilder()
                .ipAddressType(IpAddressType.DUALSTACK_WITHOUT_PUBLIC_IPV4).build());

        assertThatThrownBy(() -> balancers.check(byName("v6-west")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(FIELD + ".name: ")
                .hasMessageContaining("no public IPv4 address");
        assertThat(west.changes).isEmpty();
    }

    @Test
    void inspect_noHttpsListenerOnThePort_namesListenerPortAndTheListenersThereAre() {
        String arn = west.loadBalancer("plain-west");
        west.listener(arn, ProtocolEnum.HTTP, 443, null);
        west.listener(arn, ProtocolEnum.HTTPS, 8443, USERS_CERTIFICATE);

        assertThatThrownBy(() -> balancers.check(byName("plain-west")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(FIELD + ".listenerPort: ")
                .hasMessageContaining("no HTTPS listener on port 443")
                .hasMessageContaining("HTTP:443, HTTPS:8443");
        assertThat(west.changes).isEmpty();
    }
}
