package org.goldenthread.command.theme;

import static org.goldenthread.command.programme.ProgrammeFixture.P;
import static org.goldenthread.command.programme.ProgrammeFixture.fixture;
import static org.goldenthread.command.programme.ProgrammeFixture.invalid;
import static org.goldenthread.command.programme.ProgrammeFixture.launched;
import static org.goldenthread.command.programme.ProgrammeFixture.review;
import static org.goldenthread.command.programme.ProgrammeFixture.statement;
import static org.goldenthread.command.programme.ProgrammeFixture.unknown;
import static org.goldenthread.command.programme.ProgrammeFixture.violates;
import static org.goldenthread.kernel.Category.NOT_WORKING;
import static org.goldenthread.kernel.Category.WORKING;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.goldenthread.command.programme.FakeVault;
import org.goldenthread.command.programme.Programme;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.theme.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Step 3's card call. Statements s1–s4 are NOT_WORKING, s5 is WORKING. */
class ThemeTest {

    private AggregateTestFixture<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(new FakeVault());
    }

    private TestExecutor<Programme> given(Object... more) {
        List<Object> events = new ArrayList<>(List.of(
                launched(),
                review("r1", "anna", "s1", "s2", "s5"),
                statement("r1", "s1", "anna", NOT_WORKING, 1, "I have only one friend"),
                statement("r1", "s2", "anna", NOT_WORKING, 2, "I never get out"),
                statement("r1", "s5", "anna", WORKING, 1, "I like my key worker"),
                review("r2", "bob", "s3", "s4"),
                statement("r2", "s3", "bob", NOT_WORKING, 1, "I am lonely"),
                statement("r2", "s4", "bob", NOT_WORKING, 2, "I can't get to town")));
        events.addAll(List.of(more));
        return fixture.given(events);
    }

    private static ThemeCreated created(String themeId, String title) {
        return new ThemeCreated(P, NOT_WORKING, themeId, title);
    }

    private static StatementClustered clustered(String statementId, String themeId) {
        return new StatementClustered(P, NOT_WORKING, statementId, themeId, false);
    }

    @Test
    void creating_a_theme_clusters_its_statements_from_wherever_they_are() {
        given(created("t0", "I am stuck"), clustered("s2", "t0"), new StatementParked(P, NOT_WORKING, "s3", null))
                .when(new CreateTheme(P, NOT_WORKING, "t1", "I am lonely", List.of("s1", "s2", "s3")))
                .expectEvents(
                        created("t1", "I am lonely"),
                        new StatementClustered(P, NOT_WORKING, "s1", "t1", false),
                        new StatementMoved(P, NOT_WORKING, "s2", "t0", "t1"),
                        new StatementClustered(P, NOT_WORKING, "s3", "t1", true));
    }

    @Test
    void a_theme_id_is_used_once() {
        given(created("t1", "I am lonely"), clustered("s1", "t1"))
                .when(new CreateTheme(P, WORKING, "t1", "I like my staff", List.of("s5")))
                .expectException(violates("ids-unique"))
                .expectNoEvents();
    }

    @Test
    void a_theme_names_each_statement_once() {
        given().when(new CreateTheme(P, NOT_WORKING, "t1", "I am lonely", List.of("s1", "s1")))
                .expectException(InvalidInput.class)
                .expectException(invalid("statementIds"))
                .expectNoEvents();
    }

    @Test
    void a_statement_is_placed_on_its_own_board_only() {
        given().when(new CreateTheme(P, WORKING, "t1", "I like people", List.of("s5", "s1")))
                .expectException(violates("statement-on-its-own-board"))
                .expectNoEvents();
    }

    @Test
    void a_theme_is_worked_on_its_own_board_only() {
        given(created("t1", "I am lonely"), clustered("s1", "t1"))
                .when(new ClusterStatement(P, WORKING, "t1", "s5"))
                .expectException(violates("theme-on-its-own-board"))
                .expectNoEvents();
    }

    @Test
    void an_unknown_statement_is_refused_as_unknown() {
        given().when(new CreateTheme(P, NOT_WORKING, "t1", "I am lonely", List.of("s1", "s99")))
                .expectException(unknown("statement", "s99"))
                .expectNoEvents();
    }

    @Test
    void an_unknown_theme_is_refused_as_unknown() {
        given().when(new ClusterStatement(P, NOT_WORKING, "t99", "s1"))
                .expectException(unknown("theme", "t99"))
                .expectNoEvents();
    }

    @Test
    void clustering_an_unclustered_statement() {
        given(created("t1", "I am lonely"), clustered("s1", "t1"))
                .when(new ClusterStatement(P, NOT_WORKING, "t1", "s3"))
                .expectEvents(new StatementClustered(P, NOT_WORKING, "s3", "t1", false));
    }

    @Test
    void clustering_a_parked_statement_remembers_it_was_parked() {
        given(created("t1", "I am lonely"), clustered("s1", "t1"), new StatementParked(P, NOT_WORKING, "s3", null))
                .when(new ClusterStatement(P, NOT_WORKING, "t1", "s3"))
                .expectEvents(new StatementClustered(P, NOT_WORKING, "s3", "t1", true));
    }

    @Test
    void clustering_a_statement_in_another_theme_moves_it() {
        given(created("t1", "I am lonely"), clustered("s1", "t1"), created("t2", "I am stuck"), clustered("s2", "t2"))
                .when(new ClusterStatement(P, NOT_WORKING, "t1", "s2"))
                .expectEvents(new StatementMoved(P, NOT_WORKING, "s2", "t2", "t1"));
    }

    @Test
    void a_statement_already_in_the_theme_is_refused() {
        given(created("t1", "I am lonely"), clustered("s1", "t1"))
                .when(new ClusterStatement(P, NOT_WORKING, "t1", "s1"))
                .expectException(violates("already-in-theme"))
                .expectNoEvents();
    }

    @Test
    void a_retired_theme_takes_no_statements() {
        given(
                        created("t1", "I am lonely"),
                        clustered("s1", "t1"),
                        created("t2", "I have no friends"),
                        clustered("s2", "t2"),
                        new ThemesMerged(P, NOT_WORKING, "t1", List.of("t2"), List.of("s2")))
                .when(new ClusterStatement(P, NOT_WORKING, "t2", "s3"))
                .expectException(violates("theme-retired"))
                .expectNoEvents();
    }

    @Test
    void parking_a_statement_takes_it_out_of_its_theme() {
        given(created("t1", "I am lonely"), clustered("s1", "t1"))
                .when(new ParkStatement(P, NOT_WORKING, "s1"))
                .expectEvents(new StatementParked(P, NOT_WORKING, "s1", "t1"));
    }

    @Test
    void parking_an_unclustered_statement() {
        given().when(new ParkStatement(P, NOT_WORKING, "s1"))
                .expectEvents(new StatementParked(P, NOT_WORKING, "s1", null));
    }

    @Test
    void a_parked_statement_is_not_parked_again() {
        given(new StatementParked(P, NOT_WORKING, "s1", null))
                .when(new ParkStatement(P, NOT_WORKING, "s1"))
                .expectException(violates("already-parked"))
                .expectNoEvents();
    }

    @Test
    void unparking_returns_a_statement_to_the_unclustered_pile() {
        given(created("t1", "I am lonely"), clustered("s1", "t1"), new StatementParked(P, NOT_WORKING, "s1", "t1"))
                .when(new UnparkStatement(P, NOT_WORKING, "s1"))
                .expectEvents(new StatementUnparked(P, NOT_WORKING, "s1"));
    }

    @Test
    void only_a_parked_statement_can_be_unparked() {
        given(created("t1", "I am lonely"), clustered("s1", "t1"))
                .when(new UnparkStatement(P, NOT_WORKING, "s1"))
                .expectException(violates("not-parked"))
                .expectNoEvents();
    }

    @Test
    void renaming_a_theme_records_the_previous_title() {
        given(created("t1", "Lonely"), clustered("s1", "t1"))
                .when(new RenameTheme(P, NOT_WORKING, "t1", "I am lonely"))
                .expectEvents(new ThemeRenamed(P, NOT_WORKING, "t1", "Lonely", "I am lonely"));
    }

    @Test
    void renaming_a_theme_to_its_own_title_is_no_act_and_applies_nothing() {
        given(
                        created("t1", "I am lonely"),
                        clustered("s1", "t1"),
                        new ThemeRenamed(P, NOT_WORKING, "t1", "I am lonely", "I feel alone"))
                .when(new RenameTheme(P, NOT_WORKING, "t1", "  I feel alone "))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void merging_retires_the_merged_themes_and_moves_their_statements_in_order() {
        given(
                        created("t1", "I am lonely"),
                        clustered("s1", "t1"),
                        created("t2", "I have no friends"),
                        clustered("s2", "t2"),
                        created("t3", "Nobody visits"),
                        clustered("s3", "t3"),
                        clustered("s4", "t3"))
                .when(new MergeThemes(P, NOT_WORKING, "t1", List.of("t3", "t2")))
                .expectEvents(new ThemesMerged(P, NOT_WORKING, "t1", List.of("t3", "t2"), List.of("s3", "s4", "s2")));
    }

    @Test
    void merged_statements_are_in_the_target_theme() {
        given(
                        created("t1", "I am lonely"),
                        clustered("s1", "t1"),
                        created("t2", "I have no friends"),
                        clustered("s2", "t2"),
                        new ThemesMerged(P, NOT_WORKING, "t1", List.of("t2"), List.of("s2")))
                .when(new ClusterStatement(P, NOT_WORKING, "t1", "s2"))
                .expectException(violates("already-in-theme"))
                .expectNoEvents();
    }

    @Test
    void themes_are_merged_from_distinct_themes_other_than_the_target() {
        given(
                        created("t1", "I am lonely"),
                        clustered("s1", "t1"),
                        created("t2", "I have no friends"),
                        clustered("s2", "t2"))
                .when(new MergeThemes(P, NOT_WORKING, "t1", List.of("t2", "t1")))
                .expectException(invalid("themeIds"))
                .expectNoEvents();
        fixture = fixture(new FakeVault());
        given(
                        created("t1", "I am lonely"),
                        clustered("s1", "t1"),
                        created("t2", "I have no friends"),
                        clustered("s2", "t2"))
                .when(new MergeThemes(P, NOT_WORKING, "t1", List.of("t2", "t2")))
                .expectException(invalid("themeIds"))
                .expectNoEvents();
    }

    @Test
    void a_retired_theme_is_not_merged_again() {
        given(
                        created("t1", "I am lonely"),
                        clustered("s1", "t1"),
                        created("t2", "I have no friends"),
                        clustered("s2", "t2"),
                        created("t3", "Nobody visits"),
                        clustered("s3", "t3"),
                        new ThemesMerged(P, NOT_WORKING, "t1", List.of("t2"), List.of("s2")))
                .when(new MergeThemes(P, NOT_WORKING, "t3", List.of("t2")))
                .expectException(violates("theme-retired"))
                .expectNoEvents();
    }

    @Test
    void splitting_a_theme_moves_the_named_statements_into_a_new_theme() {
        given(created("t1", "I am lonely"), clustered("s1", "t1"), clustered("s2", "t1"), clustered("s3", "t1"))
                .when(new SplitTheme(P, NOT_WORKING, "t1", "t2", "I can't get out", List.of("s3", "s2")))
                .expectEvents(new ThemeSplit(P, NOT_WORKING, "t1", "t2", "I can't get out", List.of("s3", "s2")));
    }

    @Test
    void split_statements_are_in_the_new_theme() {
        given(
                        created("t1", "I am lonely"),
                        clustered("s1", "t1"),
                        clustered("s2", "t1"),
                        new ThemeSplit(P, NOT_WORKING, "t1", "t2", "I can't get out", List.of("s2")))
                .when(new ClusterStatement(P, NOT_WORKING, "t2", "s2"))
                .expectException(violates("already-in-theme"))
                .expectNoEvents();
    }

    @Test
    void only_statements_in_the_theme_can_be_split_out_of_it() {
        given(created("t1", "I am lonely"), clustered("s1", "t1"), clustered("s2", "t1"))
                .when(new SplitTheme(P, NOT_WORKING, "t1", "t2", "I can't get out", List.of("s2", "s3")))
                .expectException(violates("split-own-statements"))
                .expectNoEvents();
    }

    @Test
    void a_split_out_theme_needs_an_unused_id() {
        given(
                        created("t1", "I am lonely"),
                        clustered("s1", "t1"),
                        clustered("s2", "t1"),
                        created("t2", "I am stuck"),
                        clustered("s3", "t2"))
                .when(new SplitTheme(P, NOT_WORKING, "t1", "t2", "I can't get out", List.of("s2")))
                .expectException(violates("ids-unique"))
                .expectNoEvents();
    }

    @Test
    void every_act_on_a_theme_names_a_theme_that_exists() {
        given(created("t1", "I am lonely"), clustered("s1", "t1"))
                .when(new RenameTheme(P, NOT_WORKING, "t99", "I am alone"))
                .expectException(unknown("theme", "t99"))
                .expectNoEvents();
        given(created("t1", "I am lonely"), clustered("s1", "t1"))
                .when(new MergeThemes(P, NOT_WORKING, "t99", List.of("t1")))
                .expectException(unknown("theme", "t99"))
                .expectNoEvents();
        given(created("t1", "I am lonely"), clustered("s1", "t1"))
                .when(new MergeThemes(P, NOT_WORKING, "t1", List.of("t99")))
                .expectException(unknown("theme", "t99"))
                .expectNoEvents();
        given(created("t1", "I am lonely"), clustered("s1", "t1"))
                .when(new SplitTheme(P, NOT_WORKING, "t99", "t2", "I can't get out", List.of("s1")))
                .expectException(unknown("theme", "t99"))
                .expectNoEvents();
    }

    @Test
    void a_split_names_statements_that_exist_each_once() {
        given(created("t1", "I am lonely"), clustered("s1", "t1"), clustered("s2", "t1"))
                .when(new SplitTheme(P, NOT_WORKING, "t1", "t2", "I can't get out", List.of("s2", "s99")))
                .expectException(unknown("statement", "s99"))
                .expectNoEvents();
        given(created("t1", "I am lonely"), clustered("s1", "t1"), clustered("s2", "t1"))
                .when(new SplitTheme(P, NOT_WORKING, "t1", "t2", "I can't get out", List.of("s2", "s2")))
                .expectException(invalid("statementIds"))
                .expectNoEvents();
    }

    @Test
    void only_a_statement_that_exists_is_unparked() {
        given().when(new UnparkStatement(P, NOT_WORKING, "s99"))
                .expectException(unknown("statement", "s99"))
                .expectNoEvents();
    }
}
