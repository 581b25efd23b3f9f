package io.activeedge.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.activeedge.errors.DistributionDeadlineExceededException;
import io.activeedge.input.AppSpec;
import io.activeedge.provisioning.Run;
import io.activeedge.teardown.DistributionRemovalResult;
import io.activeedge.testing.ExampleApp;
import io.activeedge.testing.FakeCloudFront;
import io.activeedge.testing.Lambda;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionRemoverTest {
    private static final String ID = ExampleApp.DISTRIBUTION_ID;
    private static final String DOMAIN = ExampleApp.DISTRIBUTION_DOMAIN;
    private static final List<String> ALIASES = List.of("example.com", "www.example.com");
    /** The example input gives CloudFront 45 minutes from the start of the teardown. */
    private static final Duration TIMEOUT = Duration.ofMinutes(45);

    private final FakeCloudFront cloudFront = new FakeCloudFront();
    private final DistributionRemover teardown = at(ExampleApp.STARTED_AT.plus(Duration.ofMinutes(5)));

    private DistributionRemover at(Instant now) {
        return new DistributionRemover(cloudFront, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static final AppSpec INPUT = ExampleApp.input();
    private static final Run RUN = ExampleApp.run("teardown-run");

    private static DistributionRemovalResult waitingFor(String id, String domain) {
        return new DistributionRemovalResult(id, domain, "InProgress", false, List.of(), List.of());
    }

    @Test
    void disable_enabledDistribution_disablesItWithItsETagAndWaits() {
        String eTag = cloudFront.add(ID, DOMAIN, "shop", ALIASES, true, "Deployed").eTag;

        DistributionRemovalResult result = teardown.disable(INPUT);

        assertThat(result).isEqualTo(new DistributionRemovalResult(ID, DOMAIN, "InProgress", false, List.of(), List.of()));
        assertThat(cloudFront.distributions.get(ID).enabled()).isFalse();
        assertThat(cloudFront.updates).singleElement().satisfies(u -> assertThat(u.ifMatch()).isEqualTo(eTag));
        assertThat(cloudFront.distributions.get(ID).config.aliases().items()).isEqualTo(ALIASES);
    }

    @Test
    void disable_configChangedMeanwhile_readsAgainAndDisables() {
        cloudFront.add(ID, DOMAIN, "shop", ALIASES, true, "Deployed");
        cloudFront.beforeNextWrite = () -> cloudFront.editElsewhere(ID, true);

        DistributionRemovalResult result = teardown.disable(INPUT);

        assertThat(result.done()).isFalse();
        assertThat(cloudFront.distributions.get(ID).enabled()).isFalse();
    }

    @Test
    void disable_noDistributionTaggedForTheApp_doneAndOtherAppsUntouched() {
        cloudFront.add("EBLOG1234567", "dblog.cloudfront.net", "blog", List.of("blog.example.com"), true, "Deployed");
        cloudFront.add("EHAND1234567", "dhand.cloudfront.net", null, List.of("hand.example.com"), true, "Deployed");

        DistributionRemovalResult result = teardown.disable(INPUT);

        assertThat(result).isEqualTo(new DistributionRemovalResult(null, null, null, true, List.of(), List.of()));
        assertThat(cloudFront.updates).isEmpty();
        assertThat(cloudFront.distributions.values()).allMatch(FakeCloudFront.Stored::enabled);
    }

    @Test
    void disable_alreadyDisabledAndStillInProgress_changesNothingAndWaits() {
        cloudFront.add(ID, DOMAIN, "shop", ALIASES, false, "InProgress");

        DistributionRemovalResult result = teardown.disable(INPUT);

        assertThat(result).isEqualTo(waitingFor(ID, DOMAIN));
        assertThat(cloudFront.updates).isEmpty();
    }

    @Test
    void delete_disabledButInProgress_waitsUntilDeployedThenDeletesWithTheETagOfGetDistribution() {
        cloudFront.add(ID, DOMAIN, "shop", ALIASES, true, "Deployed");
        DistributionRemovalResult disabled = teardown.disable(INPUT);

        DistributionRemovalResult waiting = teardown.delete(INPUT, RUN, disabled);
        cloudFront.deploy(ID);
        String eTag = cloudFront.getDistribution(r -> r.id(ID)).eTag();
        DistributionRemovalResult deleted = teardown.delete(INPUT, RUN, waiting);

        assertThat(waiting).isEqualTo(waitingFor(ID, DOMAIN));
        assertThat(deleted).isEqualTo(new DistributionRemovalResult(null, null, null, true,
                List.of(ID + " (" + DOMAIN + ")"), List.of()));
        assertThat(cloudFront.deletes).singleElement().satisfies(d -> assertThat(d.ifMatch()).isEqualTo(eTag));
        assertThat(cloudFront.distributions).isEmpty();
    }

    @Test
    void delete_stillInProgressAfterTheDeadline_throwsDeadlineExceededSayingToRunAgain() {
        cloudFront.add(ID, DOMAIN, "shop", ALIASES, false, "InProgress");
        DistributionRemover late = at(ExampleApp.STARTED_AT.plus(TIMEOUT).plusSeconds(1));

        DistributionDeadlineExceededException e = assertThrows(DistributionDeadlineExceededException.class,
                () -> late.delete(INPUT, RUN, waitingFor(ID, DOMAIN)));

        assertThat(e.getMessage()).contains(ID, "InProgress", "again", "same input");
        assertThat(cloudFront.distributions).containsKey(ID);
    }

    @Test
    void delete_deployedAfterTheDeadline_stillDeleted() {
        cloudFront.add(ID, DOMAIN, "shop", ALIASES, false, "Deployed");
        DistributionRemover late = at(ExampleApp.STARTED_AT.plus(TIMEOUT).plusSeconds(1));

        DistributionRemovalResult result = late.delete(INPUT, RUN, waitingFor(ID, DOMAIN));

        assertThat(result.done()).isTrue();
        assertThat(cloudFront.distributions).isEmpty();
    }

    @Test
    void delete_enabledAgainMeanwhile_disablesItAgainAndWaits() {
        cloudFront.add(ID, DOMAIN, "shop", ALIASES, true, "Deployed");

        DistributionRemovalResult result = teardown.delete(INPUT, RUN, waitingFor(ID, DOMAIN));

        assertThat(result).isEqualTo(waitingFor(ID, DOMAIN));
        assertThat(cloudFront.distributions.get(ID).enabled()).isFalse();
        assertThat(cloudFront.deletes).isEmpty();
    }

    @Test
    void delete_configChangedBetweenReadAndDelete_readsAgainInTheNextRound() {
        cloudFront.add(ID, DOMAIN, "shop", ALIASES, false, "Deployed");
        cloudFront.beforeNextWrite = () -> cloudFront.editElsewhere(ID, false);

        DistributionRemovalResult first = teardown.delete(INPUT, RUN, waitingFor(ID, DOMAIN));
        DistributionRemovalResult second = teardown.delete(INPUT, RUN, first);
        cloudFront.deploy(ID);
        DistributionRemovalResult third = teardown.delete(INPUT, RUN, second);

        assertThat(first.done()).isFalse();
        assertThat(second).isEqualTo(waitingFor(ID, DOMAIN));
        assertThat(third.done()).isTrue();
        assertThat(cloudFront.distributions).isEmpty();
    }

    @Test
    void delete_alreadyGone_countsAsDeleted() {
        DistributionRemovalResult result = teardown.delete(INPUT, RUN, waitingFor(ID, DOMAIN));

        assertThat(result).isEqualTo(new DistributionRemovalResult(null, null, null, true,
                List.of(ID + " (" + DOMAIN + ")"), List.of()));
    }

    @Test
    void delete_twoDistributionsTaggedForTheApp_removesOneAfterTheOtherAndReportsBoth() {
        cloudFront.add(ID, DOMAIN, "shop", ALIASES, true, "Deployed");
        cloudFront.add("E2SECOND1234", "dsecond.cloudfront.net", "shop", List.of(), true, "Deployed");

        DistributionRemovalResult first = teardown.disable(INPUT);
        cloudFront.deploy(ID);
        DistributionRemovalResult second = teardown.delete(INPUT, RUN, first);
        cloudFront.deploy("E2SECOND1234");
        DistributionRemovalResult done = teardown.delete(INPUT, RUN, second);

        assertThat(first.id()).isEqualTo(ID);
        assertThat(second).isEqualTo(new DistributionRemovalResult("E2SECOND1234", "dsecond.cloudfront.net", "InProgress",
                false, List.of(ID + " (" + DOMAIN + ")"), List.of()));
        assertThat(done).isEqualTo(new DistributionRemovalResult(null, null, null, true,
                List.of(ID + " (" + DOMAIN + ")", "E2SECOND1234 (dsecond.cloudfront.net)"), List.of()));
    }

    @Test
    void delete_alreadyDone_returnsItUnchanged() {
        DistributionRemovalResult done = new DistributionRemovalResult(null, null, null, true, List.of("E1 (d1.cloudfront.net)"),
                List.of());
        cloudFront.add(ID, DOMAIN, "shop", ALIASES, true, "Deployed");

        assertThat(teardown.delete(INPUT, RUN, done)).isEqualTo(done);
        assertThat(cloudFront.updates).isEmpty();
    }

    @Test
    void handleRequest_sampleEvents_disableThenDeleteOnceDeployed() throws IOException {
        cloudFront.add(ID, DOMAIN, "shop", ALIASES, true, "Deployed");
        cloudFront.summariesWithoutAliases = true;

        DistributionRemovalResult disabled = Lambda.onSampleEvent(new DisableDistributionHandler(teardown),
                "DisableDistributionFunction", DistributionRemovalResult.class);
        cloudFront.deploy(ID);
        DistributionRemovalResult deleted = Lambda.onSampleEvent(new DeleteDistributionHandler(teardown),
                "DeleteDistributionFunction", DistributionRemovalResult.class);

        assertThat(disabled).isEqualTo(waitingFor(ID, DOMAIN));
        assertThat(deleted.done()).isTrue();
        assertThat(deleted.deleted()).containsExactly(ID + " (" + DOMAIN + ")");
    }
}
