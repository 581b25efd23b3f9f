package io.activeedge.origins;

import static org.assertj.core.api.Assertions.assertThat;

import io.activeedge.core.Tags;
import io.activeedge.input.AppSpec;
import io.activeedge.input.OriginSpec;
import io.activeedge.teardown.RemovalResult;
import io.activeedge.testing.ExampleApp;
import io.activeedge.testing.FakeAcm;
import io.activeedge.testing.FakeElbv2;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;

/** Teardown of a load balancer origin, against FakeElbv2 and FakeAcm: only active-edge's certificate comes off. */
class ListenerCertificateRemoverTest {
    private static final String WEST = "us-west-2";
    private static final List<String> NAMES = List.of("api.example.com");

    private final FakeElbv2.Regions elb = new FakeElbv2.Regions();
    private final FakeAcm.Regions acm = new FakeAcm.Regions();
    private final ListenerCertificateRemover remover = new ListenerCertificateRemover(elb.clients, acm.clients);
    private final FakeElbv2 west = elb.in(WEST);

    private final String usersDefault = acm.in(WEST).existing(List.of("shop.example.com"), Map.of(),
            CertificateStatus.ISSUED);
    private final String usersOther = acm.in(WEST).existing(NAMES, Map.of("team", "web"), CertificateStatus.ISSUED);
    private final String ours = acm.in(WEST).existing(NAMES, Tags.of(Map.of(), "shop", WEST,
            Tags.ROLE_ORIGIN_CERTIFICATE), CertificateStatus.ISSUED);
    private final String otherApps = acm.in(WEST).existing(NAMES, Tags.of(Map.of(), "blog", WEST,
            Tags.ROLE_ORIGIN_CERTIFICATE), CertificateStatus.ISSUED);

    private static AppSpec input(String name) {
        return ExampleApp.withOrigin(WEST, new OriginSpec(null, null, null, null, null,
                new OriginSpec.LoadBalancerOrigin(null, name, 443)));
    }

    private String listener(String name) {
        String arn = west.loadBalancer(name);
        return west.listener(arn, ProtocolEnum.HTTPS, 443, usersDefault);
    }

    @Test
    void remove_listenerWithOursAndOthers_takesOffOnlyOursAndKeepsLoadBalancerAndListener() {
        String listener = listener("shop-west");
        west.userCertificate(listener, usersOther);
        west.userCertificate(listener, ours);
        west.userCertificate(listener, otherApps);

        RemovalResult result = remover.remove(input("shop-west"), ExampleApp.REGIONS);

        assertThat(west.certificateList(listener)).containsExactly(usersOther, otherApps);
        assertThat(west.defaultCertificate(listener)).isEqualTo(usersDefault);
        assertThat(west.changes).containsExactly("remove-listener-certificate " + listener + " " + ours);
        assertThat(result.deleted()).containsExactly(WEST + " " + ours + " from listener " + listener);
        assertThat(result.kept()).anyMatch(line -> line.contains("load balancer shop-west and listener " + listener));
    }

    @Test
    void remove_secondRun_changesNothing() {
        String listener = listener("shop-west");
        west.userCertificate(listener, ours);
        remover.remove(input("shop-west"), ExampleApp.REGIONS);

        RemovalResult again = remover.remove(input("shop-west"), ExampleApp.REGIONS);

        assertThat(again.deleted()).isEmpty();
        assertThat(west.changes).hasSize(1);
    }

    @Test
    void remove_oursIsTheListenersDefault_keptAndSaysHowToReplaceIt() {
        String arn = west.loadBalancer("shop-west");
        String listener = west.listener(arn, ProtocolEnum.HTTPS, 443, ours);
        west.userCertificate(listener, ours);

        RemovalResult result = remover.remove(input("shop-west"), ExampleApp.REGIONS);

        assertThat(west.changes).isEmpty();
        assertThat(west.defaultCertificate(listener)).isEqualTo(ours);
        assertThat(result.kept()).anyMatch(line -> line.contains(ours) && line.contains("ModifyListener"));
    }

    @Test
    void remove_loadBalancerGoneOrRegionOutOfScope_nothingToDo() {
        String listener = listener("shop-west");
        west.userCertificate(listener, ours);

        RemovalResult gone = remover.remove(input("deleted-meanwhile"), ExampleApp.REGIONS);
        RemovalResult elsewhere = remover.remove(input("shop-west"), List.of("us-east-1"));

        assertThat(gone.deleted()).isEmpty();
        assertThat(elsewhere.deleted()).isEmpty();
        assertThat(west.certificateList(listener)).containsExactly(ours);
    }

    @Test
    void remove_appAndZoneOnly_touchesNoListener() {
        String listener = listener("shop-west");
        west.userCertificate(listener, ours);

        RemovalResult result = remover.remove(ExampleApp.appAndZoneOnly(), ExampleApp.REGIONS);

        assertThat(result.deleted()).isEmpty();
        assertThat(west.changes).isEmpty();
    }
}
