package org.goldenthread.query.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.SealedText;
import org.goldenthread.kernel.collect.StatementRecorded;
import org.goldenthread.kernel.contract.*;
import org.goldenthread.kernel.implement.Reading;
import org.goldenthread.kernel.programme.PersonForgotten;
import org.goldenthread.kernel.success.MeasureDirection;
import org.goldenthread.kernel.success.MeasureKind;
import org.goldenthread.query.support.EmbeddedMongo;
import org.goldenthread.query.support.EventFeed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 2026 contract, quarterly, reports due 30 days after each quarter: k1 (more people seeing a friend weekly, an
 * outcome from measure m1, target 60 ± 5, revised to 55 from Q3), k2 (qualitative, an output, untraced and
 * justified; its evidence quotes a statement of a person later forgotten), k3 (fewer missed visits, an input, target
 * 10 ± 2).
 */
class ContractProjectionTest {

    static final String C = "c1";
    static final LocalDate Q1 = LocalDate.of(2026, 1, 1);
    static final LocalDate Q2 = LocalDate.of(2026, 4, 1);
    static final LocalDate Q3 = LocalDate.of(2026, 7, 1);

    private static EmbeddedMongo mongo;
    private EventFeed feed;
    private ContractProjection projection;
    private Instant afterQ2;
    private DashboardView liveAfterQ2;

    @BeforeAll
    static void startMongo() {
        mongo = new EmbeddedMongo();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void fresh() {
        feed = new EventFeed(Instant.parse("2026-01-02T09:00:00Z"));
        projection = new ContractProjection(mongo.freshDatabase());
    }

    static KpiTerms terms(
            String name,
            MeasureKind kind,
            String target,
            MeasureDirection direction,
            Double tolerance,
            KpiLevel level) {
        return new KpiTerms(
                name,
                kind,
                kind == MeasureKind.QUANTITATIVE ? "%" : null,
                new Reading(
                        kind == MeasureKind.QUANTITATIVE ? "40" : "Few go out", LocalDate.of(2025, 12, 1), "survey"),
                target,
                direction,
                tolerance,
                Cadence.QUARTERLY,
                level,
                false,
                null);
    }

    static final KpiTerms K1 = terms(
            "People seeing a friend weekly",
            MeasureKind.QUANTITATIVE,
            "60",
            MeasureDirection.INCREASE,
            5.0,
            KpiLevel.OUTCOME);
    static final KpiTerms K1_V2 = terms(
            "People seeing a friend weekly",
            MeasureKind.QUANTITATIVE,
            "55",
            MeasureDirection.INCREASE,
            5.0,
            KpiLevel.OUTCOME);
    static final KpiTerms K2 = terms(
            "Stories of getting out",
            MeasureKind.QUALITATIVE,
            "Most say they get out",
            MeasureDirection.INCREASE,
            null,
            KpiLevel.OUTPUT);
    static final KpiTerms K3 =
            terms("Missed visits", MeasureKind.QUANTITATIVE, "10", MeasureDirection.DECREASE, 2.0, KpiLevel.INPUT);

    static ActualReported actual(String kpiId, LocalDate start, String value, Evidence... evidence) {
        Cadence.Period p =
                Cadence.QUARTERLY.period(Q1, LocalDate.of(2026, 12, 31), start).orElseThrow();
        return new ActualReported(C, kpiId, p.start(), p.end(), p.end().plusDays(30), value, List.of(evidence), "care");
    }

    /** Records the whole story; captures the live dashboard right after the Q2 reports. */
    private void story() {
        feed.record(new StatementRecorded("p1", "r1", "s1", "pp1", Category.WORKING, 1, new SealedText("x", "y")));
        feed.as("cat")
                .record(new ContractDrafted(
                        C, "council", "care", "Home support", Q1, LocalDate.of(2026, 12, 31), List.of("p1"), 30));
        feed.record(new KpiAgreed(C, "k1", K1, new MeasureRef("p1", "m1"), null, Q1, null));
        feed.record(new KpiAgreed(C, "k2", K2, null, "The council's own survey", Q1, null));
        feed.record(new KpiAgreed(C, "k3", K3, null, "Visits missed are what people notice first", Q1, null));
        feed.as("pat").record(new ProviderAgreed(C, "care", null));
        feed.as("cat").record(new ContractActivated(C));
        feed.pass(Duration.ofDays(98)); // 2026-04-10
        feed.as("pat").record(actual("k1", Q1, "50"));
        feed.record(actual(
                "k2",
                Q1,
                "Two people told us they go out again",
                new Evidence(EvidenceKind.QUOTE, "I go to the club on Tuesdays now", "p1", "s1")));
        feed.record(actual("k3", Q1, "12"));
        feed.pass(Duration.ofDays(86)); // 2026-07-05
        feed.record(actual("k1", Q2, "56"));
        afterQ2 = feed.now();
        feed.into(projection);
        liveAfterQ2 = projection.handle(new FindDashboard(C, afterQ2));
        feed.as("cat").record(new KpiRevised(C, "k1", 2, K1_V2, Q3, "Q1 and Q2 taught us 60 was out of reach", null));
        feed.pass(Duration.ofDays(133)); // 2026-11-15: Q3's report is late (due 2026-10-30)
        feed.as("pat").record(actual("k1", Q3, "57"));
        feed.as("fran").record(new PersonForgotten("p1", "pp1", "request of 2026-11-14"));
    }

    private DashboardView dashboard() {
        return projection.handle(new FindDashboard(C, Instant.parse("2026-11-20T00:00:00Z")));
    }

    private static DashboardView.KpiPanel panel(DashboardView d, String kpiId) {
        return d.kpis().stream()
                .filter(k -> k.kpiId().equals(kpiId))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void each_period_is_judged_against_the_target_in_force_for_it_with_variance_status_trend_and_lateness() {
        story();
        feed.into(projection);
        DashboardView d = dashboard();

        DashboardView.KpiPanel k1 = panel(d, "k1");
        assertThat(k1.series()).extracting(DashboardView.Point::target).containsExactly("60", "60", "55");
        assertThat(k1.series()).extracting(DashboardView.Point::version).containsExactly(1, 1, 2);
        assertThat(k1.series())
                .extracting(DashboardView.Point::status)
                .containsExactly(KpiStatus.OFF_TRACK, KpiStatus.AT_RISK, KpiStatus.ON_TRACK);
        assertThat(k1.series()).extracting(DashboardView.Point::variancePercent).containsExactly(-16.7, -6.7, 3.6);
        assertThat(k1.series()).extracting(DashboardView.Point::late).containsExactly(false, false, true);
        assertThat(k1.latest().value()).isEqualTo("57");
        assertThat(k1.trend()).isEqualTo(KpiTrend.IMPROVING);
        assertThat(k1.target()).isEqualTo("55");
        assertThat(k1.version()).isEqualTo(2);
        assertThat(k1.duePeriods()).isEmpty();
        assertThat(k1.why().traced()).isTrue();
        assertThat(k1.why().thread()).isEqualTo("/api/programmes/p1/thread?from=kpi:k1&direction=back");

        DashboardView.KpiPanel k3 = panel(d, "k3");
        assertThat(k3.latest().status()).isEqualTo(KpiStatus.AT_RISK);
        assertThat(k3.latest().variancePercent()).isEqualTo(20.0);
        assertThat(k3.duePeriods()).extracting(DashboardView.Due::periodStart).containsExactly(Q2, Q3);
        assertThat(k3.why().traced()).isFalse();
        assertThat(k3.why().justification()).isEqualTo("Visits missed are what people notice first");

        assertThat(d.summary()).isEqualTo(new DashboardView.Summary(1, 1, 0, 1, 2, 4));
        assertThat(d.mix()).isEqualTo(new DashboardView.Mix(1, 1, 1, 33));
        assertThat(d.status()).isEqualTo(ContractStatus.ACTIVE);
    }

    @Test
    void evidence_quoting_a_forgotten_persons_statement_shows_as_erased_at_every_instant() {
        story();
        feed.into(projection);
        DashboardView.KpiPanel k2 = panel(dashboard(), "k2");
        assertThat(k2.latest().status()).isNull();
        assertThat(k2.evidence()).singleElement().satisfies(e -> {
            assertThat(e.erased()).isTrue();
            assertThat(e.text()).isEqualTo(DashboardAssembly.ERASED);
            assertThat(e.statementId()).isEqualTo("s1");
        });
        assertThat(liveAfterQ2.kpis().get(1).evidence().get(0).text()).isEqualTo("I go to the club on Tuesdays now");
        assertThat(panel(projection.handle(new FindDashboard(C, afterQ2)), "k2")
                        .evidence()
                        .get(0)
                        .erased())
                .isTrue();
    }

    @Test
    void the_dashboard_as_of_an_instant_is_the_one_seen_live_at_that_instant() {
        story();
        feed.into(projection);
        DashboardView then = projection.handle(new FindDashboard(C, afterQ2));
        // the live view differs only in the evidence erased since
        assertThat(then.kpis())
                .extracting(DashboardView.KpiPanel::latest)
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("evidence")
                .isEqualTo(liveAfterQ2.kpis().stream()
                        .map(DashboardView.KpiPanel::latest)
                        .toList());
        assertThat(then.summary()).isEqualTo(liveAfterQ2.summary());
        assertThat(panel(then, "k1").target()).isEqualTo("60");
        assertThat(panel(then, "k1").series()).hasSize(2);
        assertThat(projection.handle(new FindDashboard(C, Instant.parse("2026-01-01T00:00:00Z"))))
                .isNull();
    }

    @Test
    void a_replay_in_batches_or_with_every_event_twice_rebuilds_the_same_documents() {
        story();
        feed.into(projection);
        DashboardView once = dashboard();
        ContractView contract = projection.handle(new FindContract(C, null));

        feed.reset(projection);
        feed.into(projection, 2);
        assertThat(dashboard()).isEqualTo(once);
        assertThat(projection.handle(new FindDashboard(C, afterQ2)))
                .isEqualTo(projection.handle(new FindDashboard(C, afterQ2)));

        for (int size : new int[] {2, 7, 100}) {
            feed.reset(projection);
            feed.inBatches(projection, size);
            assertThat(dashboard()).as("batches of " + size).isEqualTo(once);
            assertThat(projection.handle(new FindContract(C, null))).isEqualTo(contract);
        }
    }

    @Test
    void the_contract_keeps_every_version_and_who_did_what() {
        story();
        feed.into(projection);
        ContractView c = projection.handle(new FindContract(C, null));
        assertThat(c.draftedBy()).isEqualTo("cat");
        assertThat(c.providerAgreedBy()).isEqualTo("pat");
        ContractView.Kpi k1 = c.kpis().get(0);
        assertThat(k1.versions()).extracting(v -> v.terms().target()).containsExactly("60", "55");
        assertThat(k1.versions().get(1).reason()).isEqualTo("Q1 and Q2 taught us 60 was out of reach");
        assertThat(k1.versions().get(1).effectiveFrom()).isEqualTo(Q3);
        assertThat(k1.actuals()).extracting(ContractView.Actual::late).containsExactly(false, false, true);
        assertThat(projection.handle(new FindContracts(java.util.Set.of("care"))))
                .hasSize(1);
        assertThat(projection.handle(new FindContracts(java.util.Set.of("other"))))
                .isEmpty();
        assertThat(projection.handle(new FindDashboards(null, "p1", null, null)))
                .hasSize(1);
        assertThat(projection.handle(new FindDashboards("other", null, null, null)))
                .isEmpty();
    }
}
