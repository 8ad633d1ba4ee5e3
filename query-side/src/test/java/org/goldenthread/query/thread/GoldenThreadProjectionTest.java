package org.goldenthread.query.thread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.goldenthread.query.support.Seed.P;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.PersonalDataVault;
import org.goldenthread.kernel.theme.ThemesMerged;
import org.goldenthread.kernel.thread.*;
import org.goldenthread.query.support.EmbeddedMongo;
import org.goldenthread.query.support.EventFeed;
import org.goldenthread.query.support.FakeVault;
import org.goldenthread.query.support.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GoldenThreadProjectionTest {

    private static EmbeddedMongo mongo;

    private MongoDatabase db;
    private FakeVault vault;
    private EventFeed feed;
    private Seed seed;
    private GoldenThreadProjection projection;

    @BeforeAll
    static void startMongo() {
        mongo = new EmbeddedMongo();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void freshProjection() {
        db = mongo.freshDatabase();
        vault = new FakeVault();
        feed = new EventFeed();
        seed = new Seed(feed, vault);
        projection = new GoldenThreadProjection(db, vault);
    }

    private static NodeType.NodeRef ref(String typeAndId) {
        return NodeType.parseRef("from", typeAndId);
    }

    private ThreadView thread(String from, Direction direction, Instant asOf) {
        return projection.handle(new FindThread(P, ref(from), direction, asOf));
    }

    private static ThreadView child(ThreadView parent, String type, String id) {
        return parent.children().stream()
                .filter(c -> c.type().equals(type) && c.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        parent.type() + ":" + parent.id() + " has no child " + type + ":" + id + " (children "
                                + parent.children().stream()
                                        .map(c -> c.type() + ":" + c.id())
                                        .toList() + ")"));
    }

    private static List<ThreadView> all(ThreadView root) {
        List<ThreadView> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(ThreadView v, List<ThreadView> out) {
        out.add(v);
        v.children().forEach(c -> collect(c, out));
    }

    @Test
    void back_from_a_measure_reaches_peoples_words_through_success_root_cause_and_theme() {
        seed.firstCycle();
        feed.into(projection);

        ThreadView measure = thread("measure:m1", Direction.BACK, null);

        assertThat(measure.label()).isEqualTo(Seed.MEASURE);
        ThreadView success = child(measure, "success", "su1");
        assertThat(success.text()).isEqualTo(Seed.SUCCESS);
        assertThat(success.link().relation()).isEqualTo("measures");
        assertThat(success.link().madeBy()).isEqualTo("fran");
        ThreadView cause = child(success, "cause", "c1");
        assertThat(cause.text()).isEqualTo(Seed.CAUSE);
        assertThat(cause.link().relation()).isEqualTo("answers");
        ThreadView theme = child(cause, "theme", "t1");
        assertThat(theme.label()).isEqualTo(Seed.LONELY);
        assertThat(theme.link().relation()).isEqualTo("root cause of");
        assertThat(theme.children())
                .filteredOn(c -> c.type().equals("statement"))
                .extracting(ThreadView::id, ThreadView::text, ThreadView::erased)
                .containsExactly(
                        tuple("s1", "I have only one friend", false), tuple("s5", "I sit in my flat all day", false));
        assertThat(child(theme, "statement", "s1").link().relation()).isEqualTo("clusters");
        // lineage: t2 was merged into t1 (its statement went on to t4 by the split)
        assertThat(child(theme, "theme", "t2").link().relation()).isEqualTo("merged from");
        assertThat(child(theme, "theme", "t2").children()).isEmpty();
    }

    @Test
    void forward_from_a_statement_reaches_theme_priority_cause_success_measure_idea_and_plan() {
        seed.firstCycle();
        feed.into(projection);

        ThreadView statement = thread("statement:s1", Direction.FORWARD, null);

        assertThat(statement.text()).isEqualTo("I have only one friend");
        ThreadView theme = child(statement, "theme", "t1");
        assertThat(theme.link().relation()).isEqualTo("clusters");
        ThreadView priority = child(theme, "priority", "v1/t1");
        assertThat(priority.label()).isEqualTo("rank 1, 3 votes");
        assertThat(priority.link().relation()).isEqualTo("prioritises");
        ThreadView cause = child(theme, "cause", "c1");
        ThreadView success = child(cause, "success", "su1");
        ThreadView measure = child(success, "measure", "m1");
        assertThat(child(measure, "plan", "pl1").link().relation()).isEqualTo("tracked by");
        ThreadView idea = child(cause, "idea", "i1");
        assertThat(idea.link().relation()).isEqualTo("tackles");
        assertThat(child(idea, "plan", "pl1").label()).isEqualTo("Two community connectors, one per day centre");
        assertThat(all(statement))
                .extracting(ThreadView::type)
                .contains("statement", "theme", "priority", "cause", "success", "measure", "idea", "plan");
        // m2 was tracked by the plan until the plan changed: now it leads nowhere
        assertThat(child(success, "measure", "m2").children()).isEmpty();
        // the split theme t4 came out of t1, so it lies ahead of t1 too
        assertThat(child(theme, "theme", "t4").link().relation()).isEqualTo("split from");
    }

    @Test
    void a_kpi_derived_from_a_measure_leads_back_to_peoples_words_and_a_statement_forward_to_the_kpi_and_contract() {
        seed.firstCycle();
        java.time.LocalDate start = java.time.LocalDate.of(2026, 1, 1);
        org.goldenthread.kernel.contract.KpiTerms terms = new org.goldenthread.kernel.contract.KpiTerms(
                "People who like what they do in the day",
                org.goldenthread.kernel.success.MeasureKind.QUANTITATIVE,
                "%",
                new org.goldenthread.kernel.implement.Reading("40", start, "reviews"),
                "60",
                org.goldenthread.kernel.success.MeasureDirection.INCREASE,
                5.0,
                org.goldenthread.kernel.contract.Cadence.QUARTERLY,
                org.goldenthread.kernel.contract.KpiLevel.OUTCOME,
                false,
                null);
        feed.record(new org.goldenthread.kernel.contract.ContractDrafted(
                "c1", "council", "care", "Day opportunities", start, start.plusYears(1), List.of(P), 30));
        feed.record(new org.goldenthread.kernel.contract.KpiAgreed(
                "c1", "k1", terms, new org.goldenthread.kernel.contract.MeasureRef(P, "m1"), null, start, null));
        feed.record(new org.goldenthread.kernel.contract.ActualReported(
                "c1",
                "k1",
                start,
                start.plusMonths(3).minusDays(1),
                start.plusMonths(4),
                "45",
                List.of(new org.goldenthread.kernel.contract.Evidence(
                        org.goldenthread.kernel.contract.EvidenceKind.QUOTE, "I like the garden club", P, "s5")),
                "care"));
        feed.into(projection);

        ThreadView kpi = thread("kpi:k1", Direction.BACK, null);
        assertThat(kpi.label()).isEqualTo("People who like what they do in the day");
        ThreadView measure = child(kpi, "measure", "m1");
        assertThat(measure.link().relation()).isEqualTo("derived from");
        assertThat(all(measure)).extracting(ThreadView::type).contains("success", "cause", "theme", "statement");
        assertThat(child(kpi, "statement", "s5").link().relation()).isEqualTo("evidenced by");

        ThreadView statement = thread("statement:s1", Direction.FORWARD, null);
        ThreadView forwardKpi = all(statement).stream()
                .filter(v -> v.type().equals("kpi") && !v.repeat())
                .findFirst()
                .orElseThrow();
        assertThat(child(forwardKpi, "contract", "c1").label()).isEqualTo("Day opportunities");
        assertThat(child(forwardKpi, "contract", "c1").link().relation()).isEqualTo("agreed in");
    }

    @Test
    void a_moved_statement_shows_in_the_old_theme_before_the_move_and_in_the_new_theme_after() {
        seed.cardCall();
        feed.into(projection);

        ThreadView t1Before = thread("theme:t1", Direction.BACK, seed.beforeMove);
        ThreadView t1Now = thread("theme:t1", Direction.BACK, null);
        ThreadView t3Before = thread("theme:t3", Direction.BACK, seed.beforeMove);
        ThreadView t3Now = thread("theme:t3", Direction.BACK, null);

        assertThat(t1Before.children()).extracting(ThreadView::id).containsExactly("s1", "s2", "s5");
        assertThat(t1Now.children()).extracting(ThreadView::id).doesNotContain("s2");
        assertThat(t3Before.children()).extracting(ThreadView::id).containsExactly("s4");
        assertThat(t3Now.children()).extracting(ThreadView::id).containsExactly("s4", "s2");
        assertThat(child(t3Now, "statement", "s2").link().madeAt()).isEqualTo(seed.moved);
        // the title as it was then, and as it is now
        assertThat(t3Before.label()).isEqualTo("Nobody comes by");
        assertThat(t3Now.label()).isEqualTo("I have no one to talk to");
        // and the move is itself in the record: the old link closed, a new one made, both by the facilitator
        assertThat(projection.handle(new FindThreadLinks(P)))
                .filteredOn(l -> l.to().equals("statement:s2"))
                .extracting(ThreadLink::from, ThreadLink::madeBy, ThreadLink::unmadeAt, ThreadLink::unmadeBy)
                .containsExactly(tuple("theme:t1", "fran", seed.moved, "fran"), tuple("theme:t3", "fran", null, null));
    }

    @Test
    void a_merge_and_a_split_keep_the_lineage() {
        seed.cardCall();
        feed.into(projection);

        ThreadView t4 = thread("theme:t4", Direction.BACK, null);
        assertThat(t4.children())
                .extracting(ThreadView::type, ThreadView::id, c -> c.link().relation())
                .containsExactly(tuple("statement", "s3", "clusters"), tuple("theme", "t1", "split from"));
        ThreadView t1 = child(t4, "theme", "t1");
        assertThat(child(t1, "theme", "t2").link().relation()).isEqualTo("merged from");

        // between merge and split, s3 stood in t1; before the merge, in t2
        ThreadView t1Merged = thread("theme:t1", Direction.BACK, seed.merged);
        assertThat(t1Merged.children()).extracting(ThreadView::id).contains("s3", "t2");
        ThreadView t2BeforeMerge = thread("theme:t2", Direction.BACK, seed.beforeMerge);
        assertThat(t2BeforeMerge.children()).extracting(ThreadView::id).containsExactly("s3");
        // the split theme did not exist before the split
        assertThat(thread("theme:t4", Direction.BACK, seed.merged)).isNull();

        assertThat(projection.handle(new FindThreadLinks(P)))
                .filteredOn(l -> l.to().equals("statement:s3"))
                .extracting(ThreadLink::from, ThreadLink::madeAt, ThreadLink::unmadeAt)
                .containsExactly(
                        tuple("theme:t2", seed.merged.minus(Duration.ofMinutes(5)), seed.merged),
                        tuple("theme:t1", seed.merged, seed.split),
                        tuple("theme:t4", seed.split, null));
    }

    @Test
    void erased_words_show_as_erased_with_their_links_intact() {
        seed.firstCycle().forgetAnn();
        feed.into(projection);

        ThreadView t4 = thread("theme:t4", Direction.BACK, null);
        ThreadView s3 = child(t4, "statement", "s3");
        assertThat(s3.text()).isEqualTo(PersonalDataVault.ERASED);
        assertThat(s3.erased()).isTrue();
        assertThat(s3.link().relation()).isEqualTo("clusters");
        // forward from the erased words the thread is still there
        ThreadView forward = thread("statement:s4", Direction.FORWARD, null);
        assertThat(forward.erased()).isTrue();
        assertThat(child(forward, "theme", "t3").children())
                .extracting(ThreadView::id)
                .contains("v1/t3");
        // others' words are untouched
        assertThat(child(thread("theme:t1", Direction.BACK, null), "statement", "s1")
                        .text())
                .isEqualTo("I have only one friend");
    }

    @Test
    void untraced_lists_what_reaches_no_statement_and_not_what_does() {
        seed.firstCycle();
        feed.into(projection);

        List<UntracedItem> untraced = projection.handle(new FindUntraced(P));

        assertThat(untraced)
                .extracting(UntracedItem::type, UntracedItem::id)
                .containsExactly(tuple("measure", "m9"), tuple("idea", "i9"), tuple("plan", "pl9"));
        assertThat(untraced.get(0).reason()).contains("theme:t9").contains("Getting out and about is hard");
        assertThat(untraced.get(1).label()).isEqualTo("A minibus on Saturdays");
    }

    @Test
    void an_unknown_node_or_one_not_yet_made_is_not_found() {
        seed.firstCycle();
        feed.into(projection);

        assertThat(thread("measure:nope", Direction.BACK, null)).isNull();
        assertThat(thread("measure:m1", Direction.BACK, seed.split)).isNull();
        assertThat(projection.handle(new FindThread("p2", ref("measure:m1"), Direction.BACK, null)))
                .isNull();
    }

    @Test
    void a_cycle_in_the_links_refers_back_instead_of_expanding_again() {
        seed.cardCall();
        // an (odd) history: t3 merged into t1, later t1 merged back into t3
        feed.record(new ThemesMerged(P, Category.NOT_WORKING, "t1", List.of("t3"), List.of()));
        feed.record(new ThemesMerged(P, Category.NOT_WORKING, "t3", List.of("t1"), List.of()));
        feed.into(projection);

        ThreadView t1 = thread("theme:t1", Direction.BACK, null);
        ThreadView t3 = child(t1, "theme", "t3");
        assertThat(t3.children()).extracting(ThreadView::id).contains("s4");
        // t1 is reached again from t3: it refers back to where it is expanded, the start
        assertThat(t3.children())
                .filteredOn(c -> c.id().equals("t1"))
                .allSatisfy(c -> assertThat(c.repeat()).isTrue())
                .allSatisfy(c -> assertThat(c.children()).isEmpty());
        assertThat(t1.repeat()).isFalse();
    }

    @Test
    void the_links_are_listed_with_their_intervals_in_the_order_they_were_made() {
        seed.firstCycle();
        feed.into(projection);

        List<ThreadLink> links = projection.handle(new FindThreadLinks(P));

        assertThat(links).isSortedAccordingTo((a, b) -> a.madeAt().compareTo(b.madeAt()));
        assertThat(links)
                .extracting(ThreadLink::from, ThreadLink::to, ThreadLink::relation)
                .contains(
                        tuple("priority:v1/t1", "theme:t1", "prioritises"),
                        tuple("cause:c1", "theme:t1", "root cause of"),
                        tuple("success:su9", "theme:t9", "success for"),
                        tuple("idea:i3", "theme:t1", "idea for"),
                        tuple("plan:pl1", "idea:i1", "plans"));
        assertThat(links)
                .filteredOn(l -> l.from().equals("plan:pl1") && l.to().equals("measure:m2"))
                .singleElement()
                .satisfies(l -> assertThat(l.unmadeAt()).isNotNull());
    }

    @Test
    void a_carried_theme_leads_back_to_last_cycles_theme_and_its_words() {
        seed.firstCycle().secondCycle();
        feed.into(projection);

        ThreadView carried = thread("theme:t1~c2", Direction.BACK, null);

        assertThat(carried.children())
                .extracting(ThreadView::id, c -> c.link().relation())
                .containsExactly(tuple("t1", "carried from"), tuple("s7", "clusters"));
        assertThat(child(carried, "theme", "t1").children())
                .extracting(ThreadView::id)
                .contains("s1", "s5");
    }

    private List<Object> answers(GoldenThreadProjection p) {
        List<Object> out = new ArrayList<>();
        out.add(p.handle(new FindThread(P, ref("measure:m1"), Direction.BACK, null)));
        out.add(p.handle(new FindThread(P, ref("statement:s1"), Direction.FORWARD, null)));
        out.add(p.handle(new FindThread(P, ref("statement:s3"), Direction.FORWARD, null)));
        out.add(p.handle(new FindThread(P, ref("theme:t1"), Direction.BACK, seed.beforeMove)));
        out.add(p.handle(new FindThread(P, ref("theme:t3"), Direction.BACK, seed.beforeMove)));
        out.add(p.handle(new FindThread(P, ref("theme:t1"), Direction.FORWARD, seed.merged)));
        out.add(p.handle(new FindThread(P, ref("plan:pl9"), Direction.BACK, null)));
        out.add(p.handle(new FindUntraced(P)));
        out.add(p.handle(new FindThreadLinks(P)));
        return out;
    }

    @Test
    void every_event_delivered_twice_gives_identical_answers() {
        seed.firstCycle().forgetAnn().secondCycle();
        feed.into(projection);
        GoldenThreadProjection twice = new GoldenThreadProjection(mongo.freshDatabase(), vault);
        feed.into(twice, 2);

        assertThat(answers(twice)).isEqualTo(answers(projection));
        assertThat(twice.handle(new FindThreadLinks(P))).hasSameSizeAs(projection.handle(new FindThreadLinks(P)));
    }

    @Test
    void delivered_in_batches_as_a_processor_does_the_answers_are_the_same_as_event_by_event() {
        seed.firstCycle().forgetAnn().secondCycle();
        feed.into(projection);
        for (int size : new int[] {2, 7, 100}) {
            GoldenThreadProjection batched = new GoldenThreadProjection(mongo.freshDatabase(), vault);
            feed.inBatches(batched, size);
            assertThat(answers(batched)).as("batches of " + size).isEqualTo(answers(projection));
        }
    }

    private List<ThreadLink> linksOf(String from, String to) {
        return projection.handle(new FindThreadLinks(P)).stream()
                .filter(l -> l.from().equals(from) && l.to().equals(to))
                .toList();
    }

    @Test
    void a_revised_success_statement_moves_its_links_between_causes_and_its_theme_and_keeps_its_old_wording() {
        seed.firstCycle();
        feed.pass(Duration.ofMinutes(5));
        Instant beforeRevision = feed.now();
        feed.record(new org.goldenthread.kernel.success.SuccessStatementRevised(
                P, "su1", "t1", "We are part of our community", List.of(), List.of(), List.of("c1"), "no cause yet"));
        Instant unlinked = feed.now();
        feed.record(new org.goldenthread.kernel.success.SuccessStatementRevised(
                P, "su1", "t1", "We belong", List.of("c3"), List.of("c3"), List.of(), "the budget cause"));
        feed.into(projection);

        assertThat(linksOf("success:su1", "cause:c1")).allMatch(l -> l.unmadeAt() != null);
        assertThat(linksOf("success:su1", "theme:t1")).singleElement().satisfies(l -> {
            assertThat(l.madeAt()).isEqualTo(unlinked);
            assertThat(l.unmadeAt()).isEqualTo(feed.now());
            assertThat(l.relation()).isEqualTo("success for");
        });
        assertThat(linksOf("success:su1", "cause:c3"))
                .singleElement()
                .satisfies(l -> assertThat(l.unmadeAt()).isNull());
        assertThat(thread("success:su1", Direction.BACK, null).label()).isEqualTo("We belong");
        assertThat(thread("success:su1", Direction.BACK, beforeRevision).label())
                .isNotEqualTo("We belong");
        assertThat(thread("success:su1", Direction.BACK, unlinked).label()).isEqualTo("We are part of our community");
    }

    @Test
    void a_changed_plan_drops_the_measures_it_no_longer_tracks_and_is_relabelled() {
        seed.firstCycle();
        feed.record(new org.goldenthread.kernel.implement.ActionPlanChanged(
                P,
                "pl9",
                "i9",
                "t9",
                2,
                Seed.plan("Saturday and Sunday minibus", List.of()),
                List.of(),
                List.of("m9"),
                "no one counts the trips"));
        feed.into(projection);

        assertThat(linksOf("plan:pl9", "measure:m9")).allMatch(l -> l.unmadeAt() != null);
        assertThat(thread("plan:pl9", Direction.BACK, null).label()).isEqualTo("Saturday and Sunday minibus");
    }

    @Test
    void a_statement_parked_from_a_theme_leaves_its_thread() {
        seed.cardCall();
        feed.record(new org.goldenthread.kernel.theme.StatementParked(P, Category.NOT_WORKING, "s1", "t1"));
        feed.into(projection);

        assertThat(linksOf("theme:t1", "statement:s1")).isNotEmpty().allMatch(l -> l.unmadeAt() != null);
        assertThat(thread("statement:s1", Direction.FORWARD, null).children()).isEmpty();
    }

    @Test
    void a_dropped_idea_is_marked_in_the_untraced_list_and_an_unknown_idea_drop_changes_nothing() {
        seed.firstCycle();
        feed.record(new org.goldenthread.kernel.plan.IdeaProposed(
                P, "i7", "t-empty", org.goldenthread.kernel.plan.IdeaMode.DIFFERENT, "Home swaps", List.of()));
        feed.record(new org.goldenthread.kernel.plan.IdeaDropped(P, "i7", "t-empty", "not now"));
        feed.record(new org.goldenthread.kernel.plan.IdeaDropped(P, "i-unknown", "t1", "never proposed"));
        feed.into(projection);

        assertThat(projection.handle(new FindUntraced(P)))
                .filteredOn(u -> u.id().equals("i7"))
                .singleElement()
                .satisfies(u -> assertThat(u.reason()).contains("(idea dropped)"));
        assertThat(thread("idea:i-unknown", Direction.BACK, null)).isNull();
    }

    @Test
    void rebuilding_the_thread_by_replay_gives_the_same_answers_including_as_of() {
        seed.firstCycle().forgetAnn().secondCycle();
        feed.into(projection);
        List<Object> before = answers(projection);
        ThreadView asOf = projection.handle(new FindThread(P, ref("theme:t3"), Direction.BACK, seed.beforeMove));
        assertThat(asOf.label()).isEqualTo("Nobody comes by");

        feed.reset(projection);
        assertThat(projection.handle(new FindThread(P, ref("measure:m1"), Direction.BACK, null)))
                .isNull();
        assertThat(projection.handle(new FindThreadLinks(P))).isEmpty();

        feed.into(projection);
        assertThat(answers(projection)).isEqualTo(before);
        assertThat(projection.handle(new FindThread(P, ref("theme:t3"), Direction.BACK, seed.beforeMove)))
                .isEqualTo(asOf);
    }

    @Test
    void a_node_reached_twice_is_expanded_once_so_split_and_merge_rounds_keep_the_thread_small() {
        feed.record(new org.goldenthread.kernel.programme.ProgrammeLaunched(
                P, "We are using WTfC to listen so that we change", org.goldenthread.kernel.programme.Level.UNIT));
        feed.record(seed.statement("s1", "mary", Category.NOT_WORKING, "I have only one friend"));
        feed.record(seed.statement("s2", "joe", Category.NOT_WORKING, "I never see anyone at the weekend"));
        feed.record(new org.goldenthread.kernel.theme.ThemeCreated(P, Category.NOT_WORKING, "g0", "I am lonely"));
        feed.record(new org.goldenthread.kernel.theme.StatementClustered(P, Category.NOT_WORKING, "s1", "g0", false));
        feed.record(new org.goldenthread.kernel.theme.StatementClustered(P, Category.NOT_WORKING, "s2", "g0", false));
        int rounds = 25;
        for (int i = 1; i <= rounds; i++) {
            String before = "g" + (i - 1);
            String now = "g" + i;
            feed.record(new org.goldenthread.kernel.theme.ThemeSplit(
                    P, Category.NOT_WORKING, before, now, "I am lonely " + i, List.of("s2")));
            feed.record(new ThemesMerged(P, Category.NOT_WORKING, now, List.of(before), List.of("s1")));
        }
        feed.into(projection);

        ThreadView back = thread("theme:g" + rounds, Direction.BACK, null);
        List<ThreadView> nodes = all(back);
        // every theme of the lineage once expanded, the second link to each a leaf that refers back, and the words
        assertThat(nodes).hasSizeLessThan(4 * rounds);
        assertThat(nodes.stream()
                        .filter(n -> !n.repeat())
                        .map(n -> n.type() + ":" + n.id())
                        .distinct()
                        .count())
                .isEqualTo(nodes.stream().filter(n -> !n.repeat()).count());
        assertThat(nodes.stream().filter(n -> !n.repeat() && n.type().equals("theme")))
                .hasSize(rounds + 1);
        assertThat(nodes.stream().filter(ThreadView::repeat))
                .allMatch(n -> n.children().isEmpty());
        assertThat(nodes.stream().filter(n -> n.type().equals("statement")).map(ThreadView::text))
                .contains("I have only one friend", "I never see anyone at the weekend");

        ThreadView forward = thread("statement:s1", Direction.FORWARD, null);
        assertThat(all(forward)).hasSizeLessThan(4 * rounds);
        assertThat(child(forward, "theme", "g" + rounds)).isNotNull();
    }
}
