package org.goldenthread.query.progress;

import static org.goldenthread.query.readstore.Documents.UPSERT;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.collect.StatementRecorded;
import org.goldenthread.kernel.implement.ActionPlanAgreed;
import org.goldenthread.kernel.implement.MeasureBaselined;
import org.goldenthread.kernel.learn.ActualRecorded;
import org.goldenthread.kernel.learn.CycleStarted;
import org.goldenthread.kernel.learn.ProcessReviewRecorded;
import org.goldenthread.kernel.learn.ReportPublished;
import org.goldenthread.kernel.plan.AlreadyInPlaceRecorded;
import org.goldenthread.kernel.plan.IdeaChosen;
import org.goldenthread.kernel.plan.IdeaPlaced;
import org.goldenthread.kernel.plan.IdeaProposed;
import org.goldenthread.kernel.programme.ParticipantRegistered;
import org.goldenthread.kernel.programme.ProgrammeLaunched;
import org.goldenthread.kernel.programme.SamplePlanned;
import org.goldenthread.kernel.progress.*;
import org.goldenthread.kernel.success.MeasureDefined;
import org.goldenthread.kernel.success.SuccessStatementWritten;
import org.goldenthread.kernel.theme.StatementClustered;
import org.goldenthread.kernel.theme.StatementMoved;
import org.goldenthread.kernel.theme.StatementParked;
import org.goldenthread.kernel.theme.ThemeCreated;
import org.goldenthread.kernel.theme.ThemeRenamed;
import org.goldenthread.kernel.theme.ThemeSplit;
import org.goldenthread.kernel.theme.ThemesMerged;
import org.goldenthread.kernel.understand.CauseGiven;
import org.goldenthread.kernel.understand.RootCauseChosen;
import org.goldenthread.kernel.understand.WhyAsked;
import org.goldenthread.kernel.vote.RankedTheme;
import org.goldenthread.kernel.vote.ThemePrioritised;
import org.goldenthread.kernel.vote.VoteCast;
import org.goldenthread.kernel.vote.VoteWithdrawn;
import org.goldenthread.kernel.vote.VotingClosed;
import org.goldenthread.kernel.vote.VotingOpened;

/**
 * Read model of where a programme stands: the method's 8 steps for the current cycle (NOT_STARTED,
 * IN_PROGRESS or DONE, with a one-line summary each), the prioritised themes, and each theme's lineage across
 * cycles (statements clustered, votes, prioritised) for comparison.
 *
 * <p>Collection {@code progress} (owned end to end by this class) holds four kinds of document:
 * <ul>
 *   <li>programme {@code {_id: programmeId, kind: "programme", cycle, purpose, level, samplePlanned,
 *       participants: [], processReviews: [{cycle, reviewId}], reports: [{cycle, reportId}]}};</li>
 *   <li>theme {@code {_id: programmeId|theme|themeId, kind: "theme", programmeId, themeId, category, title,
 *       cycle, lineageId, createdAt, retired, statementIds: [] (current placements), votes: [{votingId,
 *       participantId}], closedVotes, prioritised, rank, prioritisedVotes, whys: [], causes: [], rootCauses: [],
 *       successes: [], measuredSuccesses: [], measureIds: [], baselined: [], actuals: [], inPlace: [], ideas: [],
 *       chosenIdeas: [], placedIdeas: [], plans: []}} — every figure of steps 3–8 belongs to a theme, and a
 *       theme to a cycle, so each step can be read for the current cycle;</li>
 *   <li>statement {@code {_id: programmeId|statement|statementId, kind: "statement", programmeId, cycle,
 *       category, person}} — one small document each, so 10,000 statements never make one document large;</li>
 *   <li>voting {@code {_id: programmeId|voting|votingId, kind: "voting", programmeId, cycle, closed}}.</li>
 * </ul>
 * A statement, theme or voting round belongs to the cycle current when it is first seen ({@code $setOnInsert});
 * a carried theme to the cycle that carried it. Handlers are idempotent ({@code $set}, {@code $setOnInsert},
 * {@code $addToSet}, {@code $pull}, {@code $max}, {@code $min}; never {@code $inc}).
 */
@ProcessingGroup(ProgressProjection.PROCESSING_GROUP)
public class ProgressProjection {

    public static final String PROCESSING_GROUP = "progress";
    public static final String PROGRESS = "progress";

    static final String NOT_STARTED = StepPolicy.NOT_STARTED;
    static final String IN_PROGRESS = StepPolicy.IN_PROGRESS;
    static final String DONE = StepPolicy.DONE;

    private static final String PROGRAMME = "programme";
    private static final String THEME = "theme";
    private static final String STATEMENT = "statement";
    private static final String VOTING = "voting";

    private final MongoDatabase database;

    public ProgressProjection(MongoDatabase database) {
        this.database = database;
        createIndexes();
    }

    private MongoCollection<Document> progress() {
        return database.getCollection(PROGRESS);
    }

    private void createIndexes() {
        progress().createIndex(Indexes.ascending("programmeId", "kind", "cycle"));
        progress().createIndex(Indexes.ascending("programmeId", "measureIds"));
    }

    @ResetHandler
    public void reset() {
        progress().drop();
        createIndexes();
    }

    private static String themeDoc(String programmeId, String themeId) {
        return programmeId + "|theme|" + themeId;
    }

    /** The programme's current cycle (1 until a CycleStarted). */
    private int cycle(String programmeId) {
        Document p = progress()
                .find(Filters.eq("_id", programmeId))
                .projection(Projections.include("cycle"))
                .first();
        return p == null ? 1 : p.getInteger("cycle", 1);
    }

    private void programme(String programmeId, Bson... updates) {
        List<Bson> all = new ArrayList<>(List.of(updates));
        all.add(Updates.setOnInsert("kind", PROGRAMME));
        all.add(Updates.setOnInsert("programmeId", programmeId));
        progress().updateOne(Filters.eq("_id", programmeId), Updates.combine(all), UPSERT);
    }

    /** Updates a theme's document (creating it if needed, without giving it a cycle). */
    private void theme(String programmeId, String themeId, Bson... updates) {
        List<Bson> all = new ArrayList<>(List.of(updates));
        all.add(Updates.setOnInsert("kind", THEME));
        all.add(Updates.setOnInsert("programmeId", programmeId));
        all.add(Updates.setOnInsert("themeId", themeId));
        progress().updateOne(Filters.eq("_id", themeDoc(programmeId, themeId)), Updates.combine(all), UPSERT);
    }

    /** A theme starting in a cycle; its lineage begins with it unless given. */
    private void newTheme(
            String programmeId, String themeId, Category category, String title, int cycle, String lineageId, Date at) {
        theme(
                programmeId,
                themeId,
                Updates.setOnInsert("cycle", cycle),
                Updates.setOnInsert("lineageId", lineageId),
                Updates.set("category", category == null ? null : category.name()),
                Updates.set("title", title),
                Updates.min("createdAt", at));
    }

    // ---- step 1: prepare ---------------------------------------------------------------------------------

    @EventHandler
    public void on(ProgrammeLaunched e) {
        programme(
                e.programmeId(),
                Updates.set("purpose", e.purpose()),
                Updates.set("level", e.level() == null ? null : e.level().name()),
                Updates.setOnInsert("cycle", 1));
    }

    @EventHandler
    public void on(SamplePlanned e) {
        programme(e.programmeId(), Updates.set("samplePlanned", e.plan() != null));
    }

    @EventHandler
    public void on(ParticipantRegistered e) {
        programme(e.programmeId(), Updates.addToSet("participants", e.participantId()));
    }

    // ---- step 2: collect ---------------------------------------------------------------------------------

    @EventHandler
    public void on(StatementRecorded e) {
        int cycle = cycle(e.programmeId());
        progress()
                .updateOne(
                        Filters.eq("_id", e.programmeId() + "|statement|" + e.statementId()),
                        Updates.combine(
                                Updates.setOnInsert("kind", STATEMENT),
                                Updates.setOnInsert("programmeId", e.programmeId()),
                                Updates.setOnInsert("cycle", cycle),
                                Updates.set("person", e.person()),
                                Updates.set(
                                        "category",
                                        e.category() == null
                                                ? null
                                                : e.category().name())),
                        UPSERT);
    }

    // ---- step 3: theme -----------------------------------------------------------------------------------

    @EventHandler
    public void on(ThemeCreated e, EventMessage<?> message) {
        newTheme(
                e.programmeId(),
                e.themeId(),
                e.category(),
                e.title(),
                cycle(e.programmeId()),
                e.themeId(),
                Date.from(message.getTimestamp()));
    }

    @EventHandler
    public void on(ThemeRenamed e) {
        theme(e.programmeId(), e.themeId(), Updates.set("title", e.title()));
    }

    @EventHandler
    public void on(StatementClustered e) {
        theme(e.programmeId(), e.themeId(), Updates.addToSet("statementIds", e.statementId()));
    }

    @EventHandler
    public void on(StatementMoved e) {
        theme(e.programmeId(), e.fromThemeId(), Updates.pull("statementIds", e.statementId()));
        theme(e.programmeId(), e.toThemeId(), Updates.addToSet("statementIds", e.statementId()));
    }

    @EventHandler
    public void on(StatementParked e) {
        if (e.fromThemeId() != null) {
            theme(e.programmeId(), e.fromThemeId(), Updates.pull("statementIds", e.statementId()));
        }
    }

    @EventHandler
    public void on(ThemesMerged e) {
        List<String> moved = e.statementIds();
        for (String merged : e.mergedThemeIds()) {
            theme(e.programmeId(), merged, Updates.set("retired", true), Updates.pullAll("statementIds", moved));
        }
        theme(e.programmeId(), e.themeId(), Updates.addEachToSet("statementIds", moved));
    }

    @EventHandler
    public void on(ThemeSplit e, EventMessage<?> message) {
        List<String> moved = e.statementIds();
        newTheme(
                e.programmeId(),
                e.newThemeId(),
                e.category(),
                e.title(),
                cycle(e.programmeId()),
                e.newThemeId(),
                Date.from(message.getTimestamp()));
        theme(e.programmeId(), e.themeId(), Updates.pullAll("statementIds", moved));
        theme(e.programmeId(), e.newThemeId(), Updates.addEachToSet("statementIds", moved));
    }

    @EventHandler
    public void on(VotingOpened e) {
        int cycle = cycle(e.programmeId());
        progress()
                .updateOne(
                        Filters.eq("_id", e.programmeId() + "|voting|" + e.votingId()),
                        Updates.combine(
                                Updates.setOnInsert("kind", VOTING),
                                        Updates.setOnInsert("programmeId", e.programmeId()),
                                Updates.setOnInsert("cycle", cycle), Updates.setOnInsert("closed", false)),
                        UPSERT);
    }

    @EventHandler
    public void on(VoteCast e) {
        theme(
                e.programmeId(),
                e.themeId(),
                Updates.addToSet(
                        "votes", new Document("votingId", e.votingId()).append("participantId", e.participantId())));
    }

    @EventHandler
    public void on(VoteWithdrawn e) {
        theme(
                e.programmeId(),
                e.themeId(),
                Updates.pull(
                        "votes", new Document("votingId", e.votingId()).append("participantId", e.participantId())));
    }

    @EventHandler
    public void on(VotingClosed e) {
        int cycle = cycle(e.programmeId());
        progress()
                .updateOne(
                        Filters.eq("_id", e.programmeId() + "|voting|" + e.votingId()),
                        Updates.combine(
                                Updates.setOnInsert("kind", VOTING),
                                        Updates.setOnInsert("programmeId", e.programmeId()),
                                Updates.setOnInsert("cycle", cycle), Updates.set("closed", true)),
                        UPSERT);
        for (RankedTheme r : e.ranking()) {
            theme(e.programmeId(), r.themeId(), Updates.set("closedVotes", r.votes()));
        }
    }

    @EventHandler
    public void on(ThemePrioritised e) {
        theme(
                e.programmeId(),
                e.themeId(),
                Updates.set("prioritised", true),
                Updates.set("rank", e.rank()),
                Updates.set("prioritisedVotes", e.votes()));
    }

    // ---- steps 4–6 ---------------------------------------------------------------------------------------

    @EventHandler
    public void on(WhyAsked e) {
        theme(e.programmeId(), e.themeId(), Updates.addToSet("whys", e.whyId()));
    }

    @EventHandler
    public void on(CauseGiven e) {
        theme(e.programmeId(), e.themeId(), Updates.addToSet("causes", e.causeId()));
    }

    @EventHandler
    public void on(RootCauseChosen e) {
        theme(e.programmeId(), e.themeId(), Updates.addToSet("rootCauses", e.causeId()));
    }

    @EventHandler
    public void on(SuccessStatementWritten e) {
        theme(e.programmeId(), e.themeId(), Updates.addToSet("successes", e.successId()));
    }

    @EventHandler
    public void on(MeasureDefined e) {
        theme(
                e.programmeId(),
                e.themeId(),
                Updates.addToSet("measureIds", e.measureId()),
                Updates.addToSet("measuredSuccesses", e.successId()));
    }

    @EventHandler
    public void on(AlreadyInPlaceRecorded e) {
        theme(e.programmeId(), e.themeId(), Updates.addToSet("inPlace", e.itemId()));
    }

    @EventHandler
    public void on(IdeaProposed e) {
        theme(e.programmeId(), e.themeId(), Updates.addToSet("ideas", e.ideaId()));
    }

    @EventHandler
    public void on(IdeaChosen e) {
        theme(e.programmeId(), e.themeId(), Updates.addToSet("chosenIdeas", e.ideaId()));
    }

    @EventHandler
    public void on(IdeaPlaced e) {
        theme(e.programmeId(), e.themeId(), Updates.addToSet("placedIdeas", e.ideaId()));
    }

    // ---- steps 7–8 ---------------------------------------------------------------------------------------

    @EventHandler
    public void on(ActionPlanAgreed e) {
        theme(e.programmeId(), e.themeId(), Updates.addToSet("plans", e.planId()));
    }

    @EventHandler
    public void on(MeasureBaselined e) {
        progress()
                .updateOne(
                        Filters.and(
                                Filters.eq("programmeId", e.programmeId()), Filters.eq("measureIds", e.measureId())),
                        Updates.addToSet("baselined", e.measureId()));
    }

    @EventHandler
    public void on(ActualRecorded e) {
        progress()
                .updateOne(
                        Filters.and(
                                Filters.eq("programmeId", e.programmeId()), Filters.eq("measureIds", e.measureId())),
                        Updates.addToSet("actuals", e.measureId()));
    }

    @EventHandler
    public void on(ProcessReviewRecorded e) {
        programme(
                e.programmeId(),
                Updates.addToSet("processReviews", new Document("cycle", e.cycle()).append("reviewId", e.reviewId())));
    }

    @EventHandler
    public void on(ReportPublished e) {
        programme(
                e.programmeId(),
                Updates.addToSet("reports", new Document("cycle", e.cycle()).append("reportId", e.reportId())));
    }

    @EventHandler
    public void on(CycleStarted e, EventMessage<?> message) {
        programme(e.programmeId(), Updates.max("cycle", e.cycle()));
        for (CycleStarted.CarriedTheme c : e.carriedThemes()) {
            Document from = progress()
                    .find(Filters.eq("_id", themeDoc(e.programmeId(), c.fromThemeId())))
                    .projection(Projections.include("lineageId"))
                    .first();
            String lineage =
                    from == null || from.getString("lineageId") == null ? c.fromThemeId() : from.getString("lineageId");
            newTheme(
                    e.programmeId(),
                    c.themeId(),
                    c.category(),
                    c.title(),
                    e.cycle(),
                    lineage,
                    Date.from(message.getTimestamp()));
        }
    }

    // ---- query -------------------------------------------------------------------------------------------

    /** The programme's progress, or null when the programme was never launched. */
    @QueryHandler
    public ProgressView handle(FindProgress query) {
        String pid = query.programmeId();
        Document programme = progress().find(Filters.eq("_id", pid)).first();
        if (programme == null || !programme.containsKey("purpose")) {
            return null;
        }
        int cycle = programme.getInteger("cycle", 1);
        List<Document> themes = progress()
                .find(Filters.and(Filters.eq("programmeId", pid), Filters.eq("kind", THEME)))
                .into(new ArrayList<>());
        themes.sort(Comparator.comparing(
                        (Document t) -> t.getDate("createdAt"), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(t -> t.getString("themeId")));
        List<Document> current =
                themes.stream().filter(t -> t.getInteger("cycle", 0) == cycle).toList();
        List<Document> prioritised = current.stream()
                .filter(t -> Boolean.TRUE.equals(t.getBoolean("prioritised")))
                .toList();

        List<ProgressView.Step> steps = new ArrayList<>();
        steps.add(prepare(programme));
        ProgressView.Step theme = theme(pid, cycle, current, prioritised);
        steps.add(collect(pid, cycle, !NOT_STARTED.equals(theme.status())));
        steps.add(theme);
        steps.add(perTheme(
                4,
                "Understand",
                prioritised,
                current,
                "whys",
                "causes",
                t -> has(t, "rootCauses"),
                "root causes chosen",
                n -> count(current, "whys") + " whys asked, " + count(current, "causes") + " causes given, "
                        + count(current, "rootCauses") + " root causes chosen"));
        steps.add(perTheme(
                5,
                "Identify success",
                prioritised,
                current,
                "successes",
                null,
                t -> has(t, "measuredSuccesses"),
                "success statements with measures",
                n -> count(current, "successes") + " success statements, " + count(current, "measureIds")
                        + " measures"));
        steps.add(perTheme(
                6,
                "Plan",
                prioritised,
                current,
                "ideas",
                "inPlace",
                t -> has(t, "placedIdeas") && has(t, "chosenIdeas"),
                "chosen ideas placed on the grid",
                n -> count(current, "ideas") + " ideas, " + count(current, "chosenIdeas") + " chosen, "
                        + count(current, "placedIdeas") + " placed"));
        steps.add(perTheme(
                7,
                "Implement",
                prioritised,
                current,
                "plans",
                "baselined",
                t -> has(t, "plans") && has(t, "baselined"),
                "action plans agreed and measures baselined",
                n -> count(current, "plans") + " action plans, " + count(current, "baselined") + " of "
                        + count(current, "measureIds") + " measures baselined"));
        steps.add(review(programme, cycle, current));

        List<ProgressView.PrioritisedTheme> priorities = themes.stream()
                .filter(t -> Boolean.TRUE.equals(t.getBoolean("prioritised")))
                .sorted(Comparator.comparingInt((Document t) -> t.getInteger("cycle", 0))
                        .thenComparingInt(t -> t.getInteger("rank", Integer.MAX_VALUE))
                        .thenComparing(t -> t.getString("themeId")))
                .map(t -> new ProgressView.PrioritisedTheme(
                        t.getString("themeId"),
                        t.getString("title"),
                        t.getInteger("cycle", 0),
                        t.getInteger("rank", 0),
                        t.getInteger("prioritisedVotes", 0)))
                .toList();

        return new ProgressView(pid, cycle, steps, priorities, comparison(themes));
    }

    private static boolean has(Document t, String field) {
        return !t.getList(field, Object.class, List.of()).isEmpty();
    }

    private static int count(List<Document> themes, String field) {
        return themes.stream()
                .mapToInt(t -> t.getList(field, Object.class, List.of()).size())
                .sum();
    }

    private static ProgressView.Step step(int number, String name, String status, String summary) {
        return new ProgressView.Step(number, name, status, summary);
    }

    private static ProgressView.Step prepare(Document p) {
        boolean planned = Boolean.TRUE.equals(p.getBoolean("samplePlanned"));
        int participants = p.getList("participants", String.class, List.of()).size();
        String status = StepPolicy.prepare(planned, participants);
        return step(
                1,
                "Prepare",
                status,
                "Purpose stated; " + (planned ? "sample planned" : "no sample plan yet") + "; " + participants
                        + (participants == 1 ? " participant" : " participants") + " registered");
    }

    private ProgressView.Step collect(String pid, int cycle, boolean cardCallStarted) {
        Map<Category, Integer> byCategory = new EnumMap<>(Category.class);
        Set<String> people = new HashSet<>();
        int total = 0;
        for (Document s : progress()
                .find(Filters.and(
                        Filters.eq("programmeId", pid), Filters.eq("kind", STATEMENT), Filters.eq("cycle", cycle)))
                .projection(Projections.include("person", "category"))) {
            total++;
            if (s.getString("person") != null) {
                people.add(s.getString("person"));
            }
            if (s.getString("category") != null) {
                byCategory.merge(Category.valueOf(s.getString("category")), 1, Integer::sum);
            }
        }
        String status = StepPolicy.collect(total, cardCallStarted);
        String summary = total == 0
                ? "No statements collected yet this cycle"
                : total + (total == 1 ? " statement" : " statements") + " from " + people.size()
                        + (people.size() == 1 ? " person" : " people") + " ("
                        + byCategory.getOrDefault(Category.WORKING, 0)
                        + " working, " + byCategory.getOrDefault(Category.NOT_WORKING, 0) + " not working, "
                        + byCategory.getOrDefault(Category.FUTURE, 0) + " important for the future)";
        return step(2, "Collect", status, summary);
    }

    private ProgressView.Step theme(String pid, int cycle, List<Document> current, List<Document> prioritised) {
        List<Document> votings = progress()
                .find(Filters.and(
                        Filters.eq("programmeId", pid), Filters.eq("kind", VOTING), Filters.eq("cycle", cycle)))
                .into(new ArrayList<>());
        boolean closed = votings.stream().anyMatch(v -> Boolean.TRUE.equals(v.getBoolean("closed")));
        List<Document> active = current.stream()
                .filter(t -> !Boolean.TRUE.equals(t.getBoolean("retired")))
                .toList();
        List<Document> withStatements =
                active.stream().filter(t -> has(t, "statementIds")).toList();
        long notWorking = withStatements.stream()
                .filter(t -> Category.NOT_WORKING.name().equals(t.getString("category")))
                .count();
        String status = StepPolicy.theme(closed, !withStatements.isEmpty() || !votings.isEmpty());
        String vote = closed
                ? "vote closed, " + prioritised.size() + " prioritised"
                : votings.isEmpty() ? "no vote yet" : "vote open";
        return step(
                3,
                "Theme",
                status,
                withStatements.size() + (withStatements.size() == 1 ? " theme" : " themes") + " with statements ("
                        + notWorking + " not working); " + vote);
    }

    /**
     * A step done theme by theme: NOT_STARTED until any of its work exists this cycle, DONE when every
     * prioritised theme satisfies {@code done}, IN_PROGRESS in between.
     */
    private static ProgressView.Step perTheme(
            int number,
            String name,
            List<Document> prioritised,
            List<Document> current,
            String startField,
            String otherStartField,
            Predicate<Document> done,
            String doneWords,
            java.util.function.IntFunction<String> figures) {
        boolean started = current.stream()
                .anyMatch(t -> has(t, startField) || (otherStartField != null && has(t, otherStartField)));
        long doneThemes = prioritised.stream().filter(done).count();
        String status = StepPolicy.perTheme(started, doneThemes, prioritised.size());
        String summary = status.equals(NOT_STARTED)
                ? "Not started"
                : doneWords + " for " + doneThemes + " of " + prioritised.size() + " prioritised themes ("
                        + figures.apply((int) doneThemes) + ")";
        return step(number, name, status, summary);
    }

    private static ProgressView.Step review(Document p, int cycle, List<Document> current) {
        int actuals = count(current, "actuals");
        long reviews = p.getList("processReviews", Document.class, List.of()).stream()
                .filter(r -> r.getInteger("cycle", 0) == cycle)
                .count();
        boolean report = p.getList("reports", Document.class, List.of()).stream()
                .anyMatch(r -> r.getInteger("cycle", 0) == cycle);
        String status = StepPolicy.review(report, actuals > 0 || reviews > 0);
        return step(
                8,
                "Learning and review",
                status,
                "actuals for " + actuals + (actuals == 1 ? " measure" : " measures")
                        + "; " + reviews + (reviews == 1 ? " process review" : " process reviews") + "; "
                        + (report ? "report published" : "no report yet"));
    }

    /** Each lineage of (not merged-away) themes, with its figures per cycle, in the order lineages began. */
    private static List<ProgressView.CycleTheme> comparison(List<Document> themes) {
        Map<String, List<Document>> lineages = new LinkedHashMap<>();
        for (Document t : themes) {
            if (Boolean.TRUE.equals(t.getBoolean("retired")) || t.getString("category") == null) {
                continue;
            }
            String lineage = t.getString("lineageId") == null ? t.getString("themeId") : t.getString("lineageId");
            lineages.computeIfAbsent(lineage, k -> new ArrayList<>()).add(t);
        }
        List<ProgressView.CycleTheme> out = new ArrayList<>();
        for (Map.Entry<String, List<Document>> l : lineages.entrySet()) {
            List<Document> members = new ArrayList<>(l.getValue());
            members.sort(Comparator.comparingInt(t -> t.getInteger("cycle", 0)));
            List<ProgressView.CycleFigures> figures = new ArrayList<>();
            for (Document t : members) {
                Integer closedVotes = t.getInteger("closedVotes");
                int votes = closedVotes != null
                        ? closedVotes
                        : t.getList("votes", Document.class, List.of()).size();
                figures.add(new ProgressView.CycleFigures(
                        t.getInteger("cycle", 0),
                        t.getString("themeId"),
                        t.getList("statementIds", String.class, List.of()).size(),
                        votes,
                        Boolean.TRUE.equals(t.getBoolean("prioritised"))));
            }
            out.add(new ProgressView.CycleTheme(
                    l.getKey(), members.get(members.size() - 1).getString("title"), figures));
        }
        return out;
    }
}
