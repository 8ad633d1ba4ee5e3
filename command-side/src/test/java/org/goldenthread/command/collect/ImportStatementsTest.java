package org.goldenthread.command.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.command.programme.ProgrammeFixture.P;
import static org.goldenthread.command.programme.ProgrammeFixture.fixture;
import static org.goldenthread.command.programme.ProgrammeFixture.launched;
import static org.goldenthread.command.programme.ProgrammeFixture.rejectedLines;
import static org.goldenthread.command.programme.ProgrammeFixture.review;
import static org.goldenthread.command.programme.ProgrammeFixture.statement;
import static org.goldenthread.kernel.Category.FUTURE;
import static org.goldenthread.kernel.Category.NOT_WORKING;
import static org.goldenthread.kernel.Category.WORKING;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.goldenthread.command.programme.FakeVault;
import org.goldenthread.command.programme.Programme;
import org.goldenthread.kernel.collect.*;
import org.goldenthread.kernel.programme.PersonForgotten;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImportStatementsTest {

    private FakeVault vault;
    private AggregateTestFixture<Programme> fixture;

    @BeforeEach
    void setUp() {
        vault = new FakeVault();
        fixture = fixture(vault);
    }

    private static ImportRow row(
            int line,
            String statementId,
            String reviewId,
            String person,
            String category,
            String priority,
            String text) {
        return new ImportRow(line, statementId, reviewId, person, category, priority, text);
    }

    private static final List<ImportRow> GOOD_FILE = List.of(
            row(2, "s1", "r-anna", "anna", "not working", "1", "I have only one friend"),
            row(3, "s2", "r-bob", "bob", "WORKING", "1", "I like my garden"),
            row(4, "s3", "r-anna", "anna", "future", " 2 ", "Going out shopping and to the hairdressers"));

    @Test
    void an_import_records_one_review_per_person_in_order_of_first_appearance() {
        fixture.given(launched())
                .when(new ImportStatements(P, GOOD_FILE, false))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        review("r-anna", "anna", "s1", "s3"),
                        statement("r-anna", "s1", "anna", NOT_WORKING, 1, "I have only one friend"),
                        statement("r-anna", "s3", "anna", FUTURE, 2, "Going out shopping and to the hairdressers"),
                        new StatementFlaggedAsProfessionalLanguage(P, "s3", FUTURE, List.of("not in the first person")),
                        review("r-bob", "bob", "s2"),
                        statement("r-bob", "s2", "bob", WORKING, 1, "I like my garden"))
                .expectResultMessagePayload(
                        new ImportReport(false, 3, 2, 3, 1, List.of("r-anna", "r-bob"), List.of("s1", "s3", "s2")));
    }

    @Test
    void a_dry_run_applies_nothing_and_reports_what_would_be_recorded() {
        fixture.given(launched())
                .when(new ImportStatements(P, GOOD_FILE, true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new ImportReport(true, 3, 2, 3, 1, List.of(), List.of()));
    }

    @Test
    void the_import_lists_every_bad_line_and_applies_nothing() {
        List<ImportRow> file = List.of(
                row(2, "s1", "r-anna", "anna", "NOT_WORKING", "1", "I have only one friend"),
                row(3, "s2", "r-anna", "anna", "SOMETIMES", "2", "I never get out"),
                row(4, "s3", "r-bob", "bob", "WORKING", "1", "I like my garden"),
                row(5, "s4", "r-bob", "bob", "WORKING", "3", "I like my flat"),
                row(6, "s5", "r-cy", "Cy Smith", "FUTURE", "1", "I want a job"),
                row(7, "s6", "r-dee", "dee", "FUTURE", "1", "I want to move"));
        fixture.given(launched())
                .when(new ImportStatements(P, file, false))
                .expectException(rejectedLines(
                        new LineError(3, "category", "invalid-input", ""),
                        new LineError(5, "priority", "invalid-input", ""),
                        new LineError(6, "person", "invalid-input", "")))
                .expectNoEvents();
        assertThat(vault.sealedPlainTexts).isEmpty();
    }

    @Test
    void an_import_counts_recorded_statements_and_earlier_rows_against_the_rules() {
        List<ImportRow> file = List.of(
                row(2, "s2", "r2", "anna", "NOT_WORKING", "2", "I never get out"),
                row(3, "s3", "r2", "anna", "NOT_WORKING", "1", "I am bored"), // a third NOT_WORKING
                row(4, "s4", "r2", "anna", "WORKING", "1", "I like my garden"),
                row(5, "s5", "r2", "anna", "WORKING", "1", "I like my flat"), // priority 1 again
                row(6, "s6", "r3", "zed", "WORKING", "1", "I like my job"), // forgotten
                row(7, "s1", "r4", "bob", "WORKING", "1", "I like my job"), // statement id used
                row(8, "s8", "r1", "cy", "WORKING", "1", "I like my job"), // review id used
                row(9, "s9", "r9", "anna", "FUTURE", "1", "I want a job"), // anna's second review id
                row(10, "s2", "r10", "dee", "FUTURE", "1", "I want a job"), // id used earlier in file
                row(11, "s11", "r10", "dee", "FUTURE", "2", "I want to move"));
        fixture.given(
                        launched(),
                        review("r1", "anna", "s1"),
                        statement("r1", "s1", "anna", NOT_WORKING, 1, "I have only one friend"),
                        review("r0", "zed", "s0"),
                        statement("r0", "s0", "zed", NOT_WORKING, 1, "I am lonely"),
                        new PersonForgotten(P, "zed", "asked to be forgotten"))
                .when(new ImportStatements(P, file, true))
                .expectException(rejectedLines(
                        new LineError(3, "category", "two-statements-per-category", ""),
                        new LineError(5, "priority", "priority-once-per-category", ""),
                        new LineError(6, "person", "forgotten-person", ""),
                        new LineError(7, "statementId", "ids-unique", ""),
                        new LineError(8, "reviewId", "ids-unique", ""),
                        new LineError(9, "reviewId", "one-review-per-person-per-file", ""),
                        new LineError(10, "statementId", "ids-unique", "")))
                .expectExceptionMessage("7 bad line(s); nothing was imported")
                .expectNoEvents();
    }
}
