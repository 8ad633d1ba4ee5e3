package org.goldenthread.command.contract;

import static org.goldenthread.command.programme.ProgrammeFixture.invalid;
import static org.goldenthread.command.programme.ProgrammeFixture.unknown;
import static org.goldenthread.command.programme.ProgrammeFixture.violates;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.goldenthread.kernel.ActorMetaData;
import org.goldenthread.kernel.contract.*;
import org.goldenthread.kernel.implement.Reading;
import org.goldenthread.kernel.organisation.OrganisationKind;
import org.goldenthread.kernel.success.MeasureDirection;
import org.goldenthread.kernel.success.MeasureKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Do stage's rules. Council (user cat) commissions Care Ltd (user pat) under contract c1, 2026 quarterly, linked to
 * programme p1 whose measure m1 is quantitative and m2 qualitative; Other Care (user oz) is another provider.
 */
class ContractTest {

    static final String C = "c1";
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);
    static final LocalDate Q2 = LocalDate.of(2026, 4, 1);
    static final LocalDate Q3 = LocalDate.of(2026, 7, 1);
    static final LocalDate Q4 = LocalDate.of(2026, 10, 1);

    static final MetaData CAT = as("cat");
    static final MetaData PAT = as("pat");
    static final MetaData OZ = as("oz");

    private AggregateTestFixture<Contract> fixture;

    static MetaData as(String user) {
        return MetaData.with(ActorMetaData.ACTOR, user);
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contract.class);
        fixture.registerInjectableResource(new FakeDirectory()
                .organisation("council", OrganisationKind.COMMISSIONING, "cat")
                .organisation("care", OrganisationKind.PROVIDER, "pat")
                .organisation("other", OrganisationKind.PROVIDER, "oz")
                .programme("p1")
                .programme("p2")
                .measure("p1", "m1", MeasureKind.QUANTITATIVE)
                .measure("p1", "m2", MeasureKind.QUALITATIVE)
                .measure("p2", "m9", MeasureKind.QUANTITATIVE)
                .statement("p1", "s1"));
    }

    static KpiTerms terms(String target) {
        return new KpiTerms(
                "People who see a friend every week",
                MeasureKind.QUANTITATIVE,
                "%",
                new Reading("40", LocalDate.of(2025, 12, 1), "survey"),
                target,
                MeasureDirection.INCREASE,
                5.0,
                Cadence.QUARTERLY,
                KpiLevel.OUTCOME,
                false,
                null);
    }

    static KpiTerms prototype(LocalDate reviewBy) {
        KpiTerms t = terms("60");
        return new KpiTerms(
                t.name(),
                t.kind(),
                t.unit(),
                t.baseline(),
                t.target(),
                t.direction(),
                t.tolerance(),
                t.cadence(),
                t.level(),
                true,
                reviewBy);
    }

    static ContractDrafted drafted() {
        return new ContractDrafted(C, "council", "care", "Home support", START, END, List.of("p1"), 30);
    }

    static KpiAgreed kpi(String kpiId) {
        return new KpiAgreed(C, kpiId, terms("60"), new MeasureRef("p1", "m1"), null, START, null);
    }

    static ActualReported actual(String kpiId, LocalDate periodStart, String value) {
        Cadence.Period p = Cadence.QUARTERLY.period(START, END, periodStart).orElseThrow();
        return new ActualReported(C, kpiId, p.start(), p.end(), p.end().plusDays(30), value, List.of(), "care");
    }

    private TestExecutor<Contract> active(Object... more) {
        List<Object> events = new java.util.ArrayList<>(
                List.of(drafted(), kpi("k1"), new ProviderAgreed(C, "care", null), new ContractActivated(C)));
        events.addAll(List.of(more));
        return fixture.given(events);
    }

    // ---- drafting

    @Test
    void commissioner_drafts() {
        fixture.givenNoPriorActivity()
                .when(new DraftContract(C, "council", "care", "Home support", START, END, List.of("p1"), null), CAT)
                .expectEvents(drafted());
        fixture.givenNoPriorActivity()
                .when(new DraftContract(C, "council", "care", "Home support", START, END, List.of("p1"), null), PAT)
                .expectException(violates("commissioner-drafts"));
    }

    @Test
    void contract_between_commissioner_and_provider() {
        fixture.givenNoPriorActivity()
                .when(new DraftContract(C, "care", "other", "Home support", START, END, List.of("p1"), null), CAT)
                .expectException(violates("contract-between-commissioner-and-provider"));
        fixture.givenNoPriorActivity()
                .when(new DraftContract(C, "council", "nobody", "Home support", START, END, List.of("p1"), null), CAT)
                .expectException(unknown("organisation", "nobody"));
        fixture.givenNoPriorActivity()
                .when(new DraftContract(C, "council", "care", "Home support", START, END, List.of("p7"), null), CAT)
                .expectException(unknown("programme", "p7"));
    }

    @Test
    void a_contract_period_ends_after_it_starts() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new DraftContract(C, "council", "care", "Home support", END, START, List.of("p1"), null))
                .isInstanceOfSatisfying(
                        org.goldenthread.kernel.InvalidInput.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.field())
                                .isEqualTo("periodEnd"));
    }

    // ---- KPIs

    @Test
    void commissioner_sets_kpis_derived_from_a_measure_which_gives_them_its_thread() {
        fixture.given(drafted())
                .when(new AgreeKpi(C, "k1", terms("60"), new MeasureRef("p1", "m1"), null), CAT)
                .expectEvents(kpi("k1"));
        fixture.given(drafted())
                .when(new AgreeKpi(C, "k1", terms("60"), new MeasureRef("p1", "m1"), null), PAT)
                .expectException(violates("commissioner-sets-kpis"));
    }

    @Test
    void untraced_kpi_justified() {
        fixture.given(drafted())
                .when(new AgreeKpi(C, "k1", terms("60"), null, null), CAT)
                .expectException(violates("untraced-kpi-justified"));
        fixture.given(drafted())
                .when(new AgreeKpi(C, "k1", terms("60"), null, "Required by the national framework"), CAT)
                .expectEvents(
                        new KpiAgreed(C, "k1", terms("60"), null, "Required by the national framework", START, null));
    }

    @Test
    void kpi_measure_from_linked_programme() {
        fixture.given(drafted())
                .when(new AgreeKpi(C, "k1", terms("60"), new MeasureRef("p2", "m9"), null), CAT)
                .expectException(violates("kpi-measure-from-linked-programme"));
        fixture.given(drafted())
                .when(new AgreeKpi(C, "k1", terms("60"), new MeasureRef("p1", "m404"), null), CAT)
                .expectException(unknown("measure", "m404"));
    }

    @Test
    void kpi_kind_matches_measure() {
        fixture.given(drafted())
                .when(new AgreeKpi(C, "k1", terms("60"), new MeasureRef("p1", "m2"), null), CAT)
                .expectException(violates("kpi-kind-matches-measure"));
    }

    @Test
    void a_quantitative_kpi_has_numbers_and_a_tolerance_and_a_prototype_a_review_date() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new AgreeKpi(C, "k1", terms("sixty"), new MeasureRef("p1", "m1"), null))
                .isInstanceOfSatisfying(
                        org.goldenthread.kernel.InvalidInput.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.field())
                                .isEqualTo("target.value"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new AgreeKpi(C, "k1", prototype(null), new MeasureRef("p1", "m1"), null))
                .isInstanceOfSatisfying(
                        org.goldenthread.kernel.InvalidInput.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.field())
                                .isEqualTo("reviewBy"));
    }

    @Test
    void kpi_ids_unique() {
        fixture.given(drafted(), kpi("k1"))
                .when(new AgreeKpi(C, "k1", terms("70"), new MeasureRef("p1", "m1"), null), CAT)
                .expectException(violates("kpi-ids-unique"));
    }

    @Test
    void kpis_set_before_provider_agrees() {
        fixture.given(drafted(), kpi("k1"), new ProviderAgreed(C, "care", null))
                .when(new AgreeKpi(C, "k2", terms("70"), new MeasureRef("p1", "m1"), null), CAT)
                .expectException(violates("kpis-set-before-provider-agrees"));
    }

    // ---- co-design: agreement and activation

    @Test
    void provider_agrees_for_itself() {
        fixture.given(drafted(), kpi("k1"))
                .when(new AgreeContract(C, "We can deliver this"), PAT)
                .expectEvents(new ProviderAgreed(C, "care", "We can deliver this"));
        fixture.given(drafted(), kpi("k1"))
                .when(new AgreeContract(C, null), CAT)
                .expectException(violates("provider-agrees-for-itself"));
        fixture.given(drafted(), kpi("k1"))
                .when(new AgreeContract(C, null), OZ)
                .expectException(violates("provider-agrees-for-itself"));
    }

    @Test
    void contract_has_kpis() {
        fixture.given(drafted()).when(new AgreeContract(C, null), PAT).expectException(violates("contract-has-kpis"));
    }

    @Test
    void provider_agrees_once() {
        fixture.given(drafted(), kpi("k1"), new ProviderAgreed(C, "care", null))
                .when(new AgreeContract(C, null), PAT)
                .expectException(violates("provider-agrees-once"));
    }

    @Test
    void provider_agrees_before_activation() {
        fixture.given(drafted(), kpi("k1"))
                .when(new ActivateContract(C), CAT)
                .expectException(violates("provider-agrees-before-activation"));
        fixture.given(drafted(), kpi("k1"), new ProviderAgreed(C, "care", null))
                .when(new ActivateContract(C), CAT)
                .expectEvents(new ContractActivated(C));
    }

    @Test
    void commissioner_activates() {
        fixture.given(drafted(), kpi("k1"), new ProviderAgreed(C, "care", null))
                .when(new ActivateContract(C), PAT)
                .expectException(violates("commissioner-activates"));
        active().when(new ActivateContract(C), CAT).expectException(violates("activated-once"));
    }

    // ---- actuals

    @Test
    void actuals_for_active_contracts() {
        fixture.given(drafted(), kpi("k1"), new ProviderAgreed(C, "care", null))
                .when(new ReportActual(C, "k1", START, "45", List.of()), PAT)
                .expectException(violates("actuals-for-active-contracts"));
        active().when(new ReportActual(C, "k1", START, "45", List.of()), PAT).expectEvents(actual("k1", START, "45"));
    }

    @Test
    void parties_report() {
        active().when(new ReportActual(C, "k1", START, "45", List.of()), OZ)
                .expectException(violates("parties-report"));
        active().when(new ReportActual(C, "k9", START, "45", List.of()), PAT).expectException(unknown("kpi", "k9"));
    }

    @Test
    void period_defined_by_cadence() {
        active().when(new ReportActual(C, "k1", LocalDate.of(2026, 2, 1), "45", List.of()), PAT)
                .expectException(violates("period-defined-by-cadence"));
        active().when(new ReportActual(C, "k1", LocalDate.of(2027, 1, 1), "45", List.of()), PAT)
                .expectException(violates("period-defined-by-cadence"));
    }

    @Test
    void one_actual_per_period() {
        active(actual("k1", START, "45"))
                .when(new ReportActual(C, "k1", START, "46", List.of()), PAT)
                .expectException(violates("one-actual-per-period"));
    }

    @Test
    void a_quantitative_actual_is_a_number() {
        active().when(new ReportActual(C, "k1", START, "lots", List.of()), PAT).expectException(invalid("value"));
    }

    @Test
    void evidence_from_linked_programme() {
        Evidence linked = new Evidence(EvidenceKind.QUOTE, "I go to the club on Tuesdays now", "p1", "s1");
        active().when(new ReportActual(C, "k1", START, "45", List.of(linked)), PAT)
                .expectEvents(new ActualReported(
                        C,
                        "k1",
                        START,
                        LocalDate.of(2026, 3, 31),
                        LocalDate.of(2026, 4, 30),
                        "45",
                        List.of(linked),
                        "care"));
        Evidence elsewhere = new Evidence(EvidenceKind.QUOTE, "words", "p2", "s1");
        active().when(new ReportActual(C, "k1", START, "45", List.of(elsewhere)), PAT)
                .expectException(violates("evidence-from-linked-programme"));
        Evidence missing = new Evidence(EvidenceKind.STORY, "words", "p1", "s404");
        active().when(new ReportActual(C, "k1", START, "45", List.of(missing)), PAT)
                .expectException(unknown("statement", "s404"));
    }

    // ---- revisions

    @Test
    void revisions_keep_history_and_periods_keep_their_target() {
        active(actual("k1", START, "45"))
                .when(new ReviseKpi(C, "k1", terms("55"), Q2, "The first quarter taught us 60 was out of reach"), CAT)
                .expectEvents(new KpiRevised(
                        C, "k1", 2, terms("55"), Q2, "The first quarter taught us 60 was out of reach", null));
    }

    @Test
    void revision_not_retroactive() {
        active(actual("k1", Q2, "45"))
                .when(new ReviseKpi(C, "k1", terms("55"), Q2, "lower"), CAT)
                .expectException(violates("revision-not-retroactive"));
        active(actual("k1", Q2, "45"))
                .when(new ReviseKpi(C, "k1", terms("55"), START, "lower"), CAT)
                .expectException(violates("revision-not-retroactive"));
        active(new KpiRevised(C, "k1", 2, terms("55"), Q3, "lower", null))
                .when(new ReviseKpi(C, "k1", terms("50"), Q2, "lower still"), CAT)
                .expectException(violates("revision-not-retroactive"));
    }

    @Test
    void revision_keeps_kind_and_cadence() {
        KpiTerms t = terms("55");
        KpiTerms monthly = new KpiTerms(
                t.name(),
                t.kind(),
                t.unit(),
                t.baseline(),
                t.target(),
                t.direction(),
                t.tolerance(),
                Cadence.MONTHLY,
                t.level(),
                false,
                null);
        active().when(new ReviseKpi(C, "k1", monthly, Q2, "monthly"), CAT)
                .expectException(violates("revision-keeps-kind-and-cadence"));
    }

    @Test
    void commissioner_revises() {
        active().when(new ReviseKpi(C, "k1", terms("55"), Q2, "lower"), PAT)
                .expectException(violates("commissioner-revises"));
        fixture.given(drafted(), kpi("k1"))
                .when(new ReviseKpi(C, "k1", terms("55"), Q2, "lower"), CAT)
                .expectException(violates("revisions-on-active-contracts"));
    }

    // ---- prototypes

    private TestExecutor<Contract> withPrototype(Object... more) {
        List<Object> events = new java.util.ArrayList<>(List.of(
                drafted(),
                new KpiAgreed(C, "k1", prototype(Q2), new MeasureRef("p1", "m1"), null, START, null),
                new ProviderAgreed(C, "care", null),
                new ContractActivated(C)));
        events.addAll(List.of(more));
        return fixture.given(events);
    }

    @Test
    void prototype_kpi_reviewed() {
        withPrototype(actual("k1", START, "45"), actual("k1", Q2, "50"))
                .when(new ReportActual(C, "k1", Q3, "52", List.of()), PAT)
                .expectException(violates("prototype-kpi-reviewed"));
        withPrototype(
                        actual("k1", START, "45"),
                        actual("k1", Q2, "50"),
                        new PrototypeKpiReviewed(C, "k1", PrototypeOutcome.KEEP, "It tells us what we need"))
                .when(new ReportActual(C, "k1", Q3, "52", List.of()), PAT)
                .expectEvents(actual("k1", Q3, "52"));
    }

    @Test
    void prototype_changed_through_its_review() {
        withPrototype()
                .when(new ReviseKpi(C, "k1", terms("55"), Q2, "lower"), CAT)
                .expectException(violates("prototype-changed-through-its-review"));
        withPrototype(actual("k1", START, "45"))
                .when(new ReviewPrototypeKpi(C, "k1", PrototypeOutcome.REVISE, "Too ambitious", terms("50"), Q2), CAT)
                .expectEvents(
                        new PrototypeKpiReviewed(C, "k1", PrototypeOutcome.REVISE, "Too ambitious"),
                        new KpiRevised(C, "k1", 2, terms("50"), Q2, "Too ambitious", null));
    }

    @Test
    void prototype_reviewed_once() {
        withPrototype(new PrototypeKpiReviewed(C, "k1", PrototypeOutcome.KEEP, "fine"))
                .when(new ReviewPrototypeKpi(C, "k1", PrototypeOutcome.KEEP, "again", null, null), CAT)
                .expectException(violates("prototype-reviewed-once"));
        active().when(new ReviewPrototypeKpi(C, "k1", PrototypeOutcome.KEEP, "not one", null, null), CAT)
                .expectException(violates("prototype-reviewed-once"));
    }

    @Test
    void retired_kpi_takes_no_actuals() {
        withPrototype(new PrototypeKpiReviewed(C, "k1", PrototypeOutcome.RETIRE, "It measured the wrong thing"))
                .when(new ReportActual(C, "k1", START, "45", List.of()), PAT)
                .expectException(violates("retired-kpi-takes-no-actuals"));
    }

    @Test
    void commissioner_reviews_prototypes() {
        withPrototype()
                .when(new ReviewPrototypeKpi(C, "k1", PrototypeOutcome.KEEP, "fine", null, null), PAT)
                .expectException(violates("commissioner-reviews-prototypes"));
    }

    // ---- provider-led innovation

    static KpiProposed proposedNew() {
        return new KpiProposed(
                C,
                "pr1",
                "k2",
                false,
                terms("20"),
                null,
                "Our night team's idea",
                Q3,
                "We can show this every quarter");
    }

    @Test
    void provider_proposes() {
        active().when(
                        new ProposeKpi(
                                C,
                                "pr1",
                                "k2",
                                terms("20"),
                                null,
                                "Our night team's idea",
                                Q3,
                                "We can show this every quarter"),
                        PAT)
                .expectEvents(proposedNew());
        active().when(new ProposeKpi(C, "pr1", "k2", terms("20"), null, "idea", Q3, "why"), CAT)
                .expectException(violates("provider-proposes"));
        active().when(new ProposeKpi(C, "pr1", "k2", terms("20"), null, null, Q3, "why"), PAT)
                .expectException(violates("untraced-kpi-justified"));
    }

    @Test
    void commissioner_decides_proposals() {
        active(proposedNew())
                .when(new DecideProposal(C, "pr1", true, "A good idea"), CAT)
                .expectEvents(
                        new ProposalAccepted(C, "pr1", "A good idea"),
                        new KpiAgreed(C, "k2", terms("20"), null, "Our night team's idea", Q3, "pr1"));
        active(proposedNew())
                .when(new DecideProposal(C, "pr1", false, "Not this year"), CAT)
                .expectEvents(new ProposalDeclined(C, "pr1", "Not this year"));
        active(proposedNew())
                .when(new DecideProposal(C, "pr1", true, "mine"), PAT)
                .expectException(violates("commissioner-decides-proposals"));
    }

    @Test
    void proposal_decided_once() {
        active(proposedNew(), new ProposalDeclined(C, "pr1", "no"))
                .when(new DecideProposal(C, "pr1", true, "yes after all"), CAT)
                .expectException(violates("proposal-decided-once"));
        active().when(new DecideProposal(C, "pr9", true, "yes"), CAT).expectException(unknown("proposal", "pr9"));
    }

    @Test
    void a_proposed_revision_is_accepted_as_the_kpis_next_version() {
        KpiProposed revision = new KpiProposed(
                C, "pr2", "k1", true, terms("65"), new MeasureRef("p1", "m1"), null, Q3, "We can do more");
        active().when(new ProposeKpi(C, "pr2", "k1", terms("65"), null, null, Q3, "We can do more"), PAT)
                .expectEvents(revision);
        active(revision)
                .when(new DecideProposal(C, "pr2", true, "Agreed"), CAT)
                .expectEvents(
                        new ProposalAccepted(C, "pr2", "Agreed"),
                        new KpiRevised(C, "k1", 2, terms("65"), Q3, "We can do more", "pr2"));
    }

    // ---- contract review

    @Test
    void parties_review() {
        HoldContractReview review = new HoldContractReview(
                C,
                "r1",
                LocalDate.of(2026, 7, 15),
                "Friendship is up; night visits are late",
                List.of(new FollowUp("Rota the night visits", "Care Ltd manager", LocalDate.of(2026, 9, 1))));
        active().when(review, PAT)
                .expectEvents(new ContractReviewHeld(C, "r1", review.heldOn(), review.outcomes(), review.actions()));
        active().when(review, OZ).expectException(violates("parties-review"));
        fixture.given(drafted()).when(review, CAT).expectException(violates("reviews-of-active-contracts"));
    }
}
