package org.goldenthread.command.learn;

import static org.goldenthread.command.programme.ProgrammeFixture.P;
import static org.goldenthread.command.programme.ProgrammeFixture.fixture;
import static org.goldenthread.command.programme.ProgrammeFixture.unknown;
import static org.goldenthread.command.programme.ProgrammeFixture.violates;
import static org.goldenthread.command.programme.ProgrammeFixture.workshop;
import static org.goldenthread.kernel.Perspective.COMMISSIONER;
import static org.goldenthread.kernel.Perspective.PERSON;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.goldenthread.command.programme.FakeVault;
import org.goldenthread.command.programme.Programme;
import org.goldenthread.kernel.implement.MeasureBaselined;
import org.goldenthread.kernel.implement.Reading;
import org.goldenthread.kernel.learn.*;
import org.goldenthread.kernel.success.MeasureDefined;
import org.goldenthread.kernel.success.MeasureDirection;
import org.goldenthread.kernel.success.MeasureKind;
import org.goldenthread.kernel.success.SuccessPerspective;
import org.goldenthread.kernel.success.SuccessStatementWritten;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Step 8: actuals against baselines (m1 baselined on 15 January, m2 not), process reviews, reports. */
class LearningReviewTest {

    private static final LocalDate JAN = LocalDate.of(2025, 1, 15);

    private AggregateTestFixture<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(new FakeVault());
    }

    private TestExecutor<Programme> given(Object... more) {
        List<Object> events = workshop(
                new SuccessStatementWritten(
                        P,
                        "su1",
                        "t1",
                        SuccessPerspective.PEOPLE_CARERS_FAMILIES,
                        "I see friends every week",
                        List.of()),
                measure("m1"),
                measure("m2"),
                new MeasureBaselined(P, "m1", new Reading("2", JAN, "Care reviews 2024")));
        events.addAll(List.of(more));
        return fixture.given(events);
    }

    private static MeasureDefined measure(String measureId) {
        return new MeasureDefined(
                P,
                measureId,
                "su1",
                "t1",
                MeasureKind.QUANTITATIVE,
                "Visits a week",
                "Care review notes",
                true,
                false,
                "visits",
                MeasureDirection.INCREASE,
                "Provider lead",
                "quarterly");
    }

    // ---- actuals

    @Test
    void an_actual_is_recorded_against_the_baseline() {
        given().when(new RecordActual(P, "m1", new Reading("4", JAN.plusMonths(6), "Care reviews 2025")))
                .expectEvents(new ActualRecorded(P, "m1", new Reading("4", JAN.plusMonths(6), "Care reviews 2025")));
    }

    @Test
    void an_actual_may_be_dated_on_the_baseline_date() {
        given().when(new RecordActual(P, "m1", new Reading("2", JAN, "Care reviews 2025")))
                .expectEvents(new ActualRecorded(P, "m1", new Reading("2", JAN, "Care reviews 2025")));
    }

    @Test
    void a_measure_is_baselined_before_actuals_are_recorded() {
        given().when(new RecordActual(P, "m2", new Reading("4", JAN, "Care reviews 2025")))
                .expectException(violates("baseline-first"))
                .expectNoEvents();
    }

    @Test
    void an_actual_is_not_dated_before_its_baseline() {
        given().when(new RecordActual(P, "m1", new Reading("4", JAN.minusDays(1), "Care reviews 2025")))
                .expectException(violates("actual-after-baseline"))
                .expectNoEvents();
    }

    @Test
    void an_actual_of_an_unknown_measure_is_refused_as_unknown() {
        given().when(new RecordActual(P, "m9", new Reading("4", JAN, "Care reviews 2025")))
                .expectException(unknown("measure", "m9"))
                .expectNoEvents();
    }

    // ---- process reviews and reports

    @Test
    void a_process_review_is_recorded_for_the_current_cycle() {
        given().when(new RecordProcessReview(P, "pr1", PERSON, List.of("I was listened to"), List.of()))
                .expectEvents(new ProcessReviewRecorded(P, "pr1", 1, PERSON, List.of("I was listened to"), List.of()));
    }

    @Test
    void a_process_review_in_a_later_cycle_is_recorded_for_that_cycle() {
        given(
                        new ProcessReviewRecorded(P, "pr1", 1, PERSON, List.of("I was listened to"), List.of()),
                        new CycleStarted(P, 2, List.of(), "A year on"))
                .when(new RecordProcessReview(P, "pr2", COMMISSIONER, List.of(), List.of("Too many meetings")))
                .expectEvents(
                        new ProcessReviewRecorded(P, "pr2", 2, COMMISSIONER, List.of(), List.of("Too many meetings")));
    }

    @Test
    void a_process_review_id_is_used_once() {
        given(new ProcessReviewRecorded(P, "pr1", 1, PERSON, List.of("I was listened to"), List.of()))
                .when(new RecordProcessReview(P, "pr1", COMMISSIONER, List.of("Good day"), List.of()))
                .expectException(violates("ids-unique"))
                .expectNoEvents();
    }

    @Test
    void a_report_is_published_for_the_current_cycle() {
        given(new ReportPublished(P, "rep1", 1), new CycleStarted(P, 2, List.of(), "A year on"))
                .when(new PublishReport(P, "rep2"))
                .expectEvents(new ReportPublished(P, "rep2", 2));
    }

    @Test
    void a_report_id_is_used_once() {
        given(new ReportPublished(P, "rep1", 1))
                .when(new PublishReport(P, "rep1"))
                .expectException(violates("ids-unique"))
                .expectNoEvents();
    }
}
