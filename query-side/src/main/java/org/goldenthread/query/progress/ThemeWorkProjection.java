package org.goldenthread.query.progress;

import static org.goldenthread.query.readstore.Documents.UPSERT;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.ballot.BallotClosed;
import org.goldenthread.kernel.ballot.BallotSubject;
import org.goldenthread.kernel.ballot.RankedOption;
import org.goldenthread.kernel.implement.ActionPlanAgreed;
import org.goldenthread.kernel.implement.ActionPlanChanged;
import org.goldenthread.kernel.implement.MeasureBaselined;
import org.goldenthread.kernel.implement.MilestoneReached;
import org.goldenthread.kernel.implement.PlanContent;
import org.goldenthread.kernel.implement.Reading;
import org.goldenthread.kernel.learn.ActualRecorded;
import org.goldenthread.kernel.learn.CycleStarted;
import org.goldenthread.kernel.plan.AlreadyInPlaceRecorded;
import org.goldenthread.kernel.plan.IdeaChosen;
import org.goldenthread.kernel.plan.IdeaDropped;
import org.goldenthread.kernel.plan.IdeaPlaced;
import org.goldenthread.kernel.plan.IdeaProposed;
import org.goldenthread.kernel.progress.*;
import org.goldenthread.kernel.success.MeasureDefined;
import org.goldenthread.kernel.success.MeasureDirection;
import org.goldenthread.kernel.success.SuccessStatementRevised;
import org.goldenthread.kernel.success.SuccessStatementWritten;
import org.goldenthread.kernel.theme.ThemeCreated;
import org.goldenthread.kernel.theme.ThemeRenamed;
import org.goldenthread.kernel.theme.ThemeSplit;
import org.goldenthread.kernel.understand.CauseFlaggedByGuardRail;
import org.goldenthread.kernel.understand.CauseGiven;
import org.goldenthread.kernel.understand.RootCauseChosen;
import org.goldenthread.kernel.understand.WhyAsked;
import org.goldenthread.kernel.vote.ThemePrioritised;
import org.goldenthread.query.readstore.ReadModelVersion;

/**
 * Read model of steps 4–8 for one prioritised theme: the five-whys tree, the root causes chosen, success
 * statements with their measures (baseline, actuals, progress), what is already in place, ideas with their
 * grid position, and the current version of each action plan with the milestones reached.
 *
 * <p>Collection {@code theme_work} (owned end to end by this class), one document per NOT_WORKING theme (only
 * those can be prioritised; the work arrives once one is): {@code {_id: programmeId|themeId, programmeId, themeId,
 * title, prioritised, rank, votes, whys: {<key>: {whyId, causeId, question, perspective}},
 * causes: {<key>: {causeId, whyId, text, perspective, flags: [], rootCause, rank, votes}},
 * successes: {<key>: {successId, perspective, text, rootCauseIds}}, measures: {<key>: {measureId, successId, kind,
 * description, dataSource, alreadyCollected, proxy, unit, direction, owner, frequency, baseline: reading,
 * actuals: [reading]}}, measureIds: [], alreadyInPlace: {<key>: {itemId, description}},
 * ideas: {<key>: {ideaId, mode, text, chosen, votes, rank, dropped, dropReason, medianEffort, medianImpact,
 * effortSpread, impactSpread, placements, quadrant}}, plans: {<key>: {planId, ideaId, version, content,
 * reached: [{milestoneId, reachedOn, note}]}}, planIds: []}}. Keyed maps keep the order things were first said.
 * Readings and dates are kept as ISO strings.
 *
 * <p>Handlers are idempotent ({@code $set} of fields, {@code $addToSet}; a plan version replaces the stored one
 * only when newer; never {@code $inc}), so the model is rebuilt by replay.
 */
@ReadModelVersion(2)
@ProcessingGroup(ThemeWorkProjection.PROCESSING_GROUP)
public class ThemeWorkProjection {

    public static final String PROCESSING_GROUP = "themework";
    public static final String THEME_WORK = "theme_work";

    private final MongoDatabase database;

    public ThemeWorkProjection(MongoDatabase database) {
        this.database = database;
        createIndexes();
    }

    private MongoCollection<Document> work() {
        return database.getCollection(THEME_WORK);
    }

    private void createIndexes() {
        work().createIndex(Indexes.ascending("programmeId", "measureIds"));
        work().createIndex(Indexes.ascending("programmeId", "planIds"));
    }

    @ResetHandler
    public void reset() {
        work().drop();
        createIndexes();
    }

    static String docId(String programmeId, String themeId) {
        return programmeId + "|" + themeId;
    }

    /** Ids become field names; '.', '$' (and the escape '%') are escaped so any id is a safe key. */
    static String key(String id) {
        return org.goldenthread.query.readstore.Documents.fieldKey(id);
    }

    /** Upserts the theme's document with the given updates. */
    private void update(String programmeId, String themeId, Bson... updates) {
        List<Bson> all = new ArrayList<>(List.of(updates));
        all.add(Updates.setOnInsert("programmeId", programmeId));
        all.add(Updates.setOnInsert("themeId", themeId));
        work().updateOne(Filters.eq("_id", docId(programmeId, themeId)), Updates.combine(all), UPSERT);
    }

    // ---- step 3: the themes ------------------------------------------------------------------------------

    @EventHandler
    public void on(ThemeCreated e) {
        if (e.category() == Category.NOT_WORKING) {
            update(e.programmeId(), e.themeId(), Updates.set("title", e.title()));
        }
    }

    @EventHandler
    public void on(ThemeRenamed e) {
        if (e.category() == Category.NOT_WORKING) {
            update(e.programmeId(), e.themeId(), Updates.set("title", e.title()));
        }
    }

    @EventHandler
    public void on(ThemeSplit e) {
        if (e.category() == Category.NOT_WORKING) {
            update(e.programmeId(), e.newThemeId(), Updates.set("title", e.title()));
        }
    }

    @EventHandler
    public void on(CycleStarted e) {
        for (CycleStarted.CarriedTheme c : e.carriedThemes()) {
            if (c.category() == Category.NOT_WORKING) {
                update(e.programmeId(), c.themeId(), Updates.set("title", c.title()));
            }
        }
    }

    @EventHandler
    public void on(ThemePrioritised e) {
        update(
                e.programmeId(),
                e.themeId(),
                Updates.set("prioritised", true),
                Updates.set("votingId", e.votingId()),
                Updates.set("rank", e.rank()),
                Updates.set("votes", e.votes()));
    }

    // ---- step 4: understand ------------------------------------------------------------------------------

    @EventHandler
    public void on(WhyAsked e) {
        String w = "whys." + key(e.whyId());
        update(
                e.programmeId(),
                e.themeId(),
                Updates.set(w + ".whyId", e.whyId()),
                Updates.set(w + ".causeId", e.causeId()),
                Updates.set(w + ".question", e.question()),
                Updates.set(w + ".perspective", name(e.perspective())));
    }

    @EventHandler
    public void on(CauseGiven e) {
        String c = "causes." + key(e.causeId());
        update(
                e.programmeId(),
                e.themeId(),
                Updates.set(c + ".causeId", e.causeId()),
                Updates.set(c + ".whyId", e.whyId()),
                Updates.set(c + ".text", e.text()),
                Updates.set(c + ".perspective", name(e.perspective())));
    }

    @EventHandler
    public void on(CauseFlaggedByGuardRail e) {
        String c = "causes." + key(e.causeId());
        update(
                e.programmeId(),
                e.themeId(),
                Updates.set(c + ".causeId", e.causeId()),
                Updates.addEachToSet(c + ".flags", e.reasons()));
    }

    @EventHandler
    public void on(RootCauseChosen e) {
        String c = "causes." + key(e.causeId());
        update(
                e.programmeId(),
                e.themeId(),
                Updates.set(c + ".causeId", e.causeId()),
                Updates.set(c + ".rootCause", true),
                Updates.set(c + ".rank", e.rank()),
                Updates.set(c + ".votes", e.votes()));
    }

    // ---- step 5: identify success ------------------------------------------------------------------------

    @EventHandler
    public void on(SuccessStatementWritten e) {
        String s = "successes." + key(e.successId());
        update(
                e.programmeId(),
                e.themeId(),
                Updates.set(s + ".successId", e.successId()),
                Updates.set(s + ".perspective", name(e.perspective())),
                Updates.set(s + ".text", e.text()),
                Updates.set(s + ".rootCauseIds", e.rootCauseIds()));
    }

    @EventHandler
    public void on(SuccessStatementRevised e) {
        String s = "successes." + key(e.successId());
        update(
                e.programmeId(),
                e.themeId(),
                Updates.set(s + ".successId", e.successId()),
                Updates.set(s + ".text", e.text()),
                Updates.set(s + ".rootCauseIds", e.rootCauseIds()));
    }

    @EventHandler
    public void on(MeasureDefined e) {
        String m = "measures." + key(e.measureId());
        update(
                e.programmeId(),
                e.themeId(),
                Updates.addToSet("measureIds", e.measureId()),
                Updates.set(m + ".measureId", e.measureId()),
                Updates.set(m + ".successId", e.successId()),
                Updates.set(m + ".kind", name(e.kind())),
                Updates.set(m + ".description", e.description()),
                Updates.set(m + ".dataSource", e.dataSource()),
                Updates.set(m + ".alreadyCollected", e.alreadyCollected()),
                Updates.set(m + ".proxy", e.proxy()),
                Updates.set(m + ".unit", e.unit()),
                Updates.set(m + ".direction", name(e.direction())),
                Updates.set(m + ".owner", e.owner()),
                Updates.set(m + ".frequency", e.frequency()));
    }

    @EventHandler
    public void on(MeasureBaselined e) {
        work().updateOne(
                        Filters.and(
                                Filters.eq("programmeId", e.programmeId()), Filters.eq("measureIds", e.measureId())),
                        Updates.set("measures." + key(e.measureId()) + ".baseline", reading(e.baseline())));
    }

    @EventHandler
    public void on(ActualRecorded e) {
        work().updateOne(
                        Filters.and(
                                Filters.eq("programmeId", e.programmeId()), Filters.eq("measureIds", e.measureId())),
                        Updates.addToSet("measures." + key(e.measureId()) + ".actuals", reading(e.actual())));
    }

    // ---- step 6: plan ------------------------------------------------------------------------------------

    @EventHandler
    public void on(AlreadyInPlaceRecorded e) {
        String a = "alreadyInPlace." + key(e.itemId());
        update(
                e.programmeId(),
                e.themeId(),
                Updates.set(a + ".itemId", e.itemId()),
                Updates.set(a + ".description", e.description()));
    }

    @EventHandler
    public void on(IdeaProposed e) {
        String i = "ideas." + key(e.ideaId());
        update(
                e.programmeId(),
                e.themeId(),
                Updates.set(i + ".ideaId", e.ideaId()),
                Updates.set(i + ".mode", name(e.mode())),
                Updates.set(i + ".text", e.text()),
                Updates.set(i + ".rootCauseIds", e.rootCauseIds()));
    }

    @EventHandler
    public void on(IdeaChosen e) {
        String i = "ideas." + key(e.ideaId());
        update(
                e.programmeId(),
                e.themeId(),
                Updates.set(i + ".ideaId", e.ideaId()),
                Updates.set(i + ".chosen", true),
                Updates.set(i + ".votes", e.votes()),
                Updates.set(i + ".rank", e.rank()));
    }

    @EventHandler
    public void on(IdeaPlaced e) {
        String i = "ideas." + key(e.ideaId());
        update(
                e.programmeId(),
                e.themeId(),
                Updates.set(i + ".ideaId", e.ideaId()),
                Updates.set(i + ".medianEffort", e.medianEffort()),
                Updates.set(i + ".medianImpact", e.medianImpact()),
                Updates.set(i + ".effortSpread", e.effortSpread()),
                Updates.set(i + ".impactSpread", e.impactSpread()),
                Updates.set(i + ".placements", e.placements()),
                Updates.set(i + ".quadrant", name(e.quadrant())));
    }

    @EventHandler
    public void on(IdeaDropped e) {
        String i = "ideas." + key(e.ideaId());
        update(
                e.programmeId(),
                e.themeId(),
                Updates.set(i + ".ideaId", e.ideaId()),
                Updates.set(i + ".dropped", true),
                Updates.set(i + ".dropReason", e.reason()));
    }

    // ---- step 7: implement -------------------------------------------------------------------------------

    @EventHandler
    public void on(ActionPlanAgreed e, EventMessage<?> message) {
        plan(e.programmeId(), e.themeId(), e.planId(), e.ideaId(), e.version(), e.content());
        version(e.programmeId(), e.themeId(), e.planId(), e.version(), e.content(), null, message);
    }

    @EventHandler
    public void on(ActionPlanChanged e, EventMessage<?> message) {
        plan(e.programmeId(), e.themeId(), e.planId(), e.ideaId(), e.version(), e.content());
        version(e.programmeId(), e.themeId(), e.planId(), e.version(), e.content(), e.reason(), message);
    }

    /** Keeps every version of the plan, by its number (written again the same on a redelivery). */
    private void version(
            String programmeId,
            String themeId,
            String planId,
            int version,
            PlanContent content,
            String reason,
            EventMessage<?> message) {
        String v = "plans." + key(planId) + ".versions." + version;
        Object actor = message.getMetaData().get(org.goldenthread.kernel.ActorMetaData.ACTOR);
        update(
                programmeId,
                themeId,
                Updates.set(
                        v,
                        new Document("version", version)
                                .append("content", content(content))
                                .append("reason", reason)
                                .append("at", Date.from(message.getTimestamp()))
                                .append("by", actor == null ? null : actor.toString())));
    }

    /** The ballot's count for every option, chosen or not (the chosen ones are marked by their own events). */
    @EventHandler
    public void on(BallotClosed e) {
        String field = e.subject() == BallotSubject.IDEAS ? "ideas." : "causes.";
        String idField = e.subject() == BallotSubject.IDEAS ? ".ideaId" : ".causeId";
        List<Bson> updates = new ArrayList<>();
        for (RankedOption option : e.ranking()) {
            String o = field + key(option.optionId());
            updates.add(Updates.set(o + idField, option.optionId()));
            updates.add(Updates.set(o + ".votes", option.votes()));
            updates.add(Updates.set(o + ".rank", option.rank()));
        }
        if (!updates.isEmpty()) {
            update(e.programmeId(), e.themeId(), updates.toArray(Bson[]::new));
        }
    }

    /** Keeps the plan's newest version: a version replaces the stored one only when it is newer. */
    private void plan(
            String programmeId, String themeId, String planId, String ideaId, int version, PlanContent content) {
        String p = "plans." + key(planId);
        update(programmeId, themeId, Updates.addToSet("planIds", planId), Updates.set(p + ".planId", planId));
        work().updateOne(
                        Filters.and(
                                Filters.eq("_id", docId(programmeId, themeId)),
                                Filters.or(Filters.exists(p + ".version", false), Filters.lt(p + ".version", version))),
                        Updates.combine(
                                Updates.set(p + ".ideaId", ideaId),
                                Updates.set(p + ".version", version),
                                Updates.set(p + ".content", content(content))));
    }

    @EventHandler
    public void on(MilestoneReached e) {
        work().updateOne(
                        Filters.and(Filters.eq("programmeId", e.programmeId()), Filters.eq("planIds", e.planId())),
                        Updates.addToSet(
                                "plans." + key(e.planId()) + ".reached",
                                new Document("milestoneId", e.milestoneId())
                                        .append("reachedOn", date(e.reachedOn()))
                                        .append("note", e.note())));
    }

    // ---- documents <-> values ----------------------------------------------------------------------------

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    /** Field order fixed, so the same reading is always the same subdocument (set semantics). */
    private static Document reading(Reading r) {
        return r == null
                ? null
                : new Document("value", r.value())
                        .append("date", date(r.date()))
                        .append("source", r.source());
    }

    private static Reading reading(Document d) {
        return d == null ? null : new Reading(d.getString("value"), date(d.getString("date")), d.getString("source"));
    }

    private static Document content(PlanContent c) {
        if (c == null) {
            return null;
        }
        List<Document> steps = new ArrayList<>();
        for (PlanContent.Step s : c.firstSteps() == null ? List.<PlanContent.Step>of() : c.firstSteps()) {
            steps.add(new Document("what", s.what()).append("due", date(s.due())));
        }
        List<Document> milestones = new ArrayList<>();
        for (PlanContent.Milestone m : c.milestones() == null ? List.<PlanContent.Milestone>of() : c.milestones()) {
            milestones.add(new Document("milestoneId", m.milestoneId())
                    .append("description", m.description())
                    .append("due", date(m.due())));
        }
        List<Document> resources = new ArrayList<>();
        for (PlanContent.Resource r : c.resources() == null ? List.<PlanContent.Resource>of() : c.resources()) {
            resources.add(new Document("what", r.what()).append("from", r.from()));
        }
        return new Document("keyFeatures", c.keyFeatures())
                .append("involved", c.involved() == null ? List.of() : c.involved())
                .append("lead", c.lead())
                .append("firstSteps", steps)
                .append("milestones", milestones)
                .append("resources", resources)
                .append("whatElseWouldHelp", c.whatElseWouldHelp())
                .append("measureIds", c.measureIds() == null ? List.of() : c.measureIds())
                .append("communication", c.communication());
    }

    private static PlanContent content(Document d) {
        if (d == null) {
            return null;
        }
        List<PlanContent.Step> steps = new ArrayList<>();
        for (Document s : d.getList("firstSteps", Document.class, List.of())) {
            steps.add(new PlanContent.Step(s.getString("what"), date(s.getString("due"))));
        }
        List<PlanContent.Milestone> milestones = new ArrayList<>();
        for (Document m : d.getList("milestones", Document.class, List.of())) {
            milestones.add(new PlanContent.Milestone(
                    m.getString("milestoneId"), m.getString("description"), date(m.getString("due"))));
        }
        List<PlanContent.Resource> resources = new ArrayList<>();
        for (Document r : d.getList("resources", Document.class, List.of())) {
            resources.add(new PlanContent.Resource(r.getString("what"), r.getString("from")));
        }
        return new PlanContent(
                d.getString("keyFeatures"),
                List.copyOf(d.getList("involved", String.class, List.of())),
                d.getString("lead"),
                steps,
                milestones,
                resources,
                d.getString("whatElseWouldHelp"),
                List.copyOf(d.getList("measureIds", String.class, List.of())),
                d.getString("communication"));
    }

    // ---- query -------------------------------------------------------------------------------------------

    /** The theme's work; null when the theme is unknown (never created or prioritised) in this programme. */
    @QueryHandler
    public ThemeWorkView handle(FindThemeWork query) {
        Document doc = work().find(Filters.eq("_id", docId(query.programmeId(), query.themeId())))
                .first();
        if (doc == null || (!doc.containsKey("title") && !Boolean.TRUE.equals(doc.getBoolean("prioritised")))) {
            return null;
        }
        List<Document> whys = values(doc, "whys");
        List<Document> causes = values(doc, "causes");

        List<ThemeWorkView.Why> tree = whysOf(null, whys, causes, new HashSet<>());

        List<ThemeWorkView.Cause> rootCauses = causes.stream()
                .filter(c -> Boolean.TRUE.equals(c.getBoolean("rootCause")))
                .sorted(Comparator.comparingInt(c -> c.getInteger("rank", Integer.MAX_VALUE)))
                .map(c -> new ThemeWorkView.Cause(
                        c.getString("causeId"), c.getString("text"), c.getInteger("rank", 0), c.getInteger("votes", 0)))
                .toList();

        List<Document> measures = values(doc, "measures");
        List<ThemeWorkView.Success> successes = new ArrayList<>();
        for (Document s : values(doc, "successes")) {
            String successId = s.getString("successId");
            List<ThemeWorkView.Measure> ms = measures.stream()
                    .filter(m -> successId.equals(m.getString("successId")))
                    .map(ThemeWorkProjection::measure)
                    .toList();
            successes.add(new ThemeWorkView.Success(
                    successId,
                    s.getString("perspective"),
                    s.getString("text"),
                    List.copyOf(s.getList("rootCauseIds", String.class, List.of())),
                    ms,
                    successProgress(measures, successId)));
        }

        List<String> inPlace = values(doc, "alreadyInPlace").stream()
                .map(a -> a.getString("description"))
                .toList();

        List<ThemeWorkView.Idea> ideas = new ArrayList<>();
        for (Document i : values(doc, "ideas")) {
            ideas.add(new ThemeWorkView.Idea(
                    i.getString("ideaId"),
                    i.getString("mode"),
                    i.getString("text"),
                    Boolean.TRUE.equals(i.getBoolean("chosen")),
                    i.getInteger("votes", 0),
                    Boolean.TRUE.equals(i.getBoolean("dropped")),
                    i.getString("dropReason"),
                    number(i, "medianEffort"),
                    number(i, "medianImpact"),
                    integer(i, "effortSpread"),
                    integer(i, "impactSpread"),
                    i.getInteger("placements", 0),
                    i.getString("quadrant")));
        }

        List<ThemeWorkView.Plan> plans = new ArrayList<>();
        for (Document p : values(doc, "plans")) {
            List<ThemeWorkView.Reached> reached = p.getList("reached", Document.class, List.of()).stream()
                    .map(r -> new ThemeWorkView.Reached(
                            r.getString("milestoneId"), date(r.getString("reachedOn")), r.getString("note")))
                    .sorted(Comparator.comparing(
                                    ThemeWorkView.Reached::reachedOn, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(ThemeWorkView.Reached::milestoneId))
                    .toList();
            List<ThemeWorkView.PlanVersion> versions = new ArrayList<>();
            Document byNumber = p.get("versions", Document.class);
            if (byNumber != null) {
                for (String n : byNumber.keySet()) {
                    Document v = byNumber.get(n, Document.class);
                    Date at = v.getDate("at");
                    versions.add(new ThemeWorkView.PlanVersion(
                            v.getInteger("version", 0),
                            content(v.get("content", Document.class)),
                            v.getString("reason"),
                            at == null ? null : at.toInstant(),
                            v.getString("by")));
                }
            }
            versions.sort(Comparator.comparingInt(ThemeWorkView.PlanVersion::version));
            plans.add(new ThemeWorkView.Plan(
                    p.getString("planId"),
                    p.getString("ideaId"),
                    p.getInteger("version", 0),
                    content(p.get("content", Document.class)),
                    reached,
                    versions));
        }

        return new ThemeWorkView(
                query.programmeId(),
                query.themeId(),
                doc.getString("title"),
                tree,
                rootCauses,
                successes,
                inPlace,
                ideas,
                plans);
    }

    private static List<Document> values(Document doc, String field) {
        Document map = doc.get(field, Document.class);
        List<Document> out = new ArrayList<>();
        if (map != null) {
            for (String k : map.keySet()) {
                out.add(map.get(k, Document.class));
            }
        }
        return out;
    }

    /** The whys asked of a cause ({@code causeId} null: of the theme), each with its causes and theirs. */
    private static List<ThemeWorkView.Why> whysOf(
            String causeId, List<Document> whys, List<Document> causes, Set<String> seen) {
        List<ThemeWorkView.Why> out = new ArrayList<>();
        for (Document w : whys) {
            String whyId = w.getString("whyId");
            if (whyId == null
                    || !java.util.Objects.equals(causeId, w.getString("causeId"))
                    || !seen.add("why:" + whyId)) {
                continue;
            }
            List<ThemeWorkView.CauseNode> given = new ArrayList<>();
            for (Document c : causes) {
                String id = c.getString("causeId");
                if (!whyId.equals(c.getString("whyId")) || !seen.add("cause:" + id)) {
                    continue;
                }
                given.add(new ThemeWorkView.CauseNode(
                        id,
                        c.getString("text"),
                        c.getString("perspective"),
                        List.copyOf(c.getList("flags", String.class, List.of())),
                        Boolean.TRUE.equals(c.getBoolean("rootCause")),
                        whysOf(id, whys, causes, seen)));
            }
            out.add(new ThemeWorkView.Why(whyId, w.getString("question"), w.getString("perspective"), given));
        }
        return out;
    }

    private static ThemeWorkView.Measure measure(Document m) {
        Reading baseline = reading(m.get("baseline", Document.class));
        List<Reading> actuals = actuals(m);
        return new ThemeWorkView.Measure(
                m.getString("measureId"),
                m.getString("kind"),
                m.getString("description"),
                m.getString("dataSource"),
                Boolean.TRUE.equals(m.getBoolean("alreadyCollected")),
                Boolean.TRUE.equals(m.getBoolean("proxy")),
                m.getString("unit"),
                m.getString("direction"),
                m.getString("owner"),
                m.getString("frequency"),
                baseline,
                actuals,
                trend(m).describe(
                                baseline,
                                actuals.isEmpty() ? null : actuals.get(actuals.size() - 1),
                                m.getString("direction")));
    }

    /** Actuals in date order (then value, so the order is stable). */
    private static List<Reading> actuals(Document m) {
        return m.getList("actuals", Document.class, List.of()).stream()
                .map(ThemeWorkProjection::reading)
                .sorted(Comparator.comparing(Reading::date, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Reading::value, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** How a measure is doing: its latest actual against its baseline, read in its desired direction. */
    enum Trend {
        NOT_BASELINED,
        NO_ACTUALS,
        IMPROVING,
        WORSENING,
        NO_CHANGE,
        MAINTAINED,
        CHANGED,
        QUALITATIVE;

        String describe(Reading baseline, Reading latest, String direction) {
            return switch (this) {
                case NOT_BASELINED -> "not baselined";
                case NO_ACTUALS -> "no actuals yet";
                case QUALITATIVE ->
                    "\"" + baseline.value() + "\" → \"" + latest.value() + "\" (qualitative: read the evidence)";
                default -> {
                    double b = baseline.numeric();
                    double a = latest.numeric();
                    String change = b == 0 ? "" : " (" + signed((a - b) / Math.abs(b) * 100) + "%)";
                    yield plain(b) + " → " + plain(a) + change + ", "
                            + name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (desired " + direction + ")";
                }
            };
        }

        /** Counts as progress towards the success statement. */
        boolean onTrack() {
            return this == IMPROVING || this == MAINTAINED;
        }
    }

    static Trend trend(Document m) {
        Reading baseline = reading(m.get("baseline", Document.class));
        if (baseline == null) {
            return Trend.NOT_BASELINED;
        }
        List<Reading> actuals = actuals(m);
        if (actuals.isEmpty()) {
            return Trend.NO_ACTUALS;
        }
        Double b = baseline.numeric();
        Double a = actuals.get(actuals.size() - 1).numeric();
        if (b == null || a == null) {
            return Trend.QUALITATIVE;
        }
        int cmp = Double.compare(a, b);
        String direction = m.getString("direction");
        if (MeasureDirection.MAINTAIN.name().equals(direction)) {
            return cmp == 0 ? Trend.MAINTAINED : Trend.CHANGED;
        }
        if (cmp == 0) {
            return Trend.NO_CHANGE;
        }
        boolean up = cmp > 0;
        return up == MeasureDirection.DECREASE.name().equals(direction) ? Trend.WORSENING : Trend.IMPROVING;
    }

    /** E.g. "2 of 3 measures improving; 1 no actuals yet" (improving counts MAINTAIN measures held steady). */
    private static String successProgress(List<Document> measures, String successId) {
        List<Trend> trends = measures.stream()
                .filter(m -> successId.equals(m.getString("successId")))
                .map(ThemeWorkProjection::trend)
                .toList();
        if (trends.isEmpty()) {
            return "no measures yet";
        }
        long onTrack = trends.stream().filter(Trend::onTrack).count();
        StringBuilder out = new StringBuilder(
                onTrack + " of " + trends.size() + (trends.size() == 1 ? " measure" : " measures") + " improving");
        List<String> rest = new ArrayList<>();
        for (Trend t : List.of(
                Trend.WORSENING,
                Trend.NO_CHANGE,
                Trend.CHANGED,
                Trend.QUALITATIVE,
                Trend.NO_ACTUALS,
                Trend.NOT_BASELINED)) {
            long n = trends.stream().filter(x -> x == t).count();
            if (n > 0) {
                rest.add(n + " "
                        + switch (t) {
                            case WORSENING -> "worsening";
                            case NO_CHANGE -> "unchanged";
                            case CHANGED -> "not held steady";
                            case QUALITATIVE -> "qualitative";
                            case NO_ACTUALS -> "no actuals yet";
                            default -> "not baselined";
                        });
            }
        }
        if (!rest.isEmpty()) {
            out.append("; ").append(String.join(", ", rest));
        }
        return out.toString();
    }

    private static String plain(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf((long) d);
        }
        return String.format(Locale.ROOT, "%.2f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String signed(double pct) {
        double rounded = Math.round(pct * 10) / 10.0;
        return (rounded > 0 ? "+" : "") + plain(rounded);
    }

    private static Double number(Document d, String field) {
        Object v = d.get(field);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    private static Integer integer(Document d, String field) {
        Object v = d.get(field);
        return v instanceof Number n ? n.intValue() : null;
    }
}
