package org.goldenthread.query.progress;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.codecs.pojo.annotations.BsonId;
import org.goldenthread.kernel.Lists;
import org.goldenthread.query.readstore.DocumentCollection;
import org.goldenthread.query.readstore.Elements;
import org.goldenthread.query.readstore.ScopedId;

/**
 * The progress read model's documents (public records, so the driver's record codec can read them), all in the
 * collection {@code progress}, told apart by {@code kind}:
 *
 * <ul>
 *   <li>{@link Programme} {@code {_id: programmeId}}: purpose, level, cycle, sample plan, participants, process
 *       reviews and reports by cycle;</li>
 *   <li>{@link Theme} {@code {_id: programmeId|theme|themeId}}: category, title, the cycle it belongs to and its
 *       lineage across cycles, its statements now, the votes cast for it, its priority, and the ids of its work in
 *       steps 4–8 by kind ({@link #WORK}) — every figure of steps 3–8 belongs to a theme, and a theme to a cycle,
 *       so each step can be read for the current cycle;</li>
 *   <li>{@link Statement} {@code {_id: programmeId|statement|statementId}}: one small document each, so 10,000
 *       statements never make one document large;</li>
 *   <li>{@link Voting} {@code {_id: programmeId|voting|votingId}};</li>
 *   <li>{@link MeasureRef} {@code {_id: programmeId|measure|measureId}}: the theme a measure belongs to, for the
 *       events that name only the measure (read by id, so a batch finds the measures it has just defined).</li>
 * </ul>
 * A statement, theme or voting round belongs to the cycle current when it is first seen; a carried theme to the
 * cycle that carried it. Handlers read documents by id only; the view reads the store by programme and kind.
 */
public final class ProgressStore {

    static final String PROGRESS = "progress";
    static final String PROGRAMME = "programme";
    static final String THEME = "theme";
    static final String STATEMENT = "statement";
    static final String VOTING = "voting";
    static final String MEASURE = "measure";

    /** The kinds of a theme's work in steps 4–8, each a set of ids. */
    static final List<String> WORK = List.of(
            "whys",
            "causes",
            "rootCauses",
            "successes",
            "measuredSuccesses",
            "measureIds",
            "baselined",
            "actuals",
            "inPlace",
            "ideas",
            "chosenIdeas",
            "placedIdeas",
            "plans");

    public record CycleItem(Integer cycle, String id) {}

    public record Programme(
            @BsonId String id,
            String kind,
            String programmeId,
            Integer cycle,
            String purpose,
            String level,
            Boolean samplePlanned,
            List<String> participants,
            List<CycleItem> processReviews,
            List<CycleItem> reports) {
        public Programme {
            participants = Lists.normal(participants);
            processReviews = Lists.normal(processReviews);
            reports = Lists.normal(reports);
        }

        int cycleOr1() {
            return cycle == null ? 1 : cycle;
        }
    }

    /** A programme's document with some fields changed. */
    static final class ProgrammeChange {
        private final Programme p;
        Integer cycle;
        String purpose;
        String level;
        Boolean samplePlanned;
        List<String> participants;
        List<CycleItem> processReviews;
        List<CycleItem> reports;

        ProgrammeChange(Programme p) {
            this.p = p;
            cycle = p.cycle();
            purpose = p.purpose();
            level = p.level();
            samplePlanned = p.samplePlanned();
            participants = p.participants();
            processReviews = p.processReviews();
            reports = p.reports();
        }

        Programme done() {
            return new Programme(
                    p.id(),
                    p.kind(),
                    p.programmeId(),
                    cycle,
                    purpose,
                    level,
                    samplePlanned,
                    participants,
                    processReviews,
                    reports);
        }
    }

    public record Vote(String votingId, String participantId) {}

    public record Theme(
            @BsonId String id,
            String kind,
            String programmeId,
            String themeId,
            String category,
            String title,
            Integer cycle,
            String lineageId,
            Date createdAt,
            Boolean retired,
            List<String> statementIds,
            List<Vote> votes,
            Integer closedVotes,
            Boolean prioritised,
            Integer rank,
            Integer prioritisedVotes,
            Map<String, List<String>> work) {
        public Theme {
            statementIds = Lists.normal(statementIds);
            votes = Lists.normal(votes);
            work = work == null ? Map.of() : work;
        }

        /** The ids of one kind of the theme's work ({@link #WORK}). */
        List<String> work(String kind) {
            return work.getOrDefault(kind, List.of());
        }

        /** A copy to change. */
        Change change() {
            return new Change(this);
        }
    }

    /** A theme's document with some fields changed. */
    static final class Change {
        private final Theme t;
        String category;
        String title;
        Integer cycle;
        String lineageId;
        Date createdAt;
        Boolean retired;
        List<String> statementIds;
        List<Vote> votes;
        Integer closedVotes;
        Boolean prioritised;
        Integer rank;
        Integer prioritisedVotes;
        final Map<String, List<String>> work;

        Change(Theme t) {
            this.t = t;
            category = t.category();
            title = t.title();
            cycle = t.cycle();
            lineageId = t.lineageId();
            createdAt = t.createdAt();
            retired = t.retired();
            statementIds = t.statementIds();
            votes = t.votes();
            closedVotes = t.closedVotes();
            prioritised = t.prioritised();
            rank = t.rank();
            prioritisedVotes = t.prioritisedVotes();
            work = new LinkedHashMap<>(t.work());
        }

        /** Adds the id to one kind of the theme's work. */
        Change add(String kind, String id) {
            work.put(kind, Elements.added(work.getOrDefault(kind, List.of()), List.of(id)));
            return this;
        }

        Theme done() {
            return new Theme(
                    t.id(),
                    t.kind(),
                    t.programmeId(),
                    t.themeId(),
                    category,
                    title,
                    cycle,
                    lineageId,
                    createdAt,
                    retired,
                    statementIds,
                    votes,
                    closedVotes,
                    prioritised,
                    rank,
                    prioritisedVotes,
                    work);
        }
    }

    public record Statement(
            @BsonId String id, String kind, String programmeId, Integer cycle, String person, String category) {}

    public record Voting(@BsonId String id, String kind, String programmeId, Integer cycle, Boolean closed) {}

    public record MeasureRef(@BsonId String id, String kind, String programmeId, String themeId) {}

    final DocumentCollection<Programme> programmes;
    final DocumentCollection<Theme> themes;
    final DocumentCollection<Statement> statements;
    final DocumentCollection<Voting> votings;
    final DocumentCollection<MeasureRef> measures;

    ProgressStore(MongoDatabase database) {
        programmes = new DocumentCollection<>(database, PROGRESS, Programme.class, Programme::id);
        themes = new DocumentCollection<>(database, PROGRESS, Theme.class, Theme::id);
        statements = new DocumentCollection<>(database, PROGRESS, Statement.class, Statement::id);
        votings = new DocumentCollection<>(database, PROGRESS, Voting.class, Voting::id);
        measures = new DocumentCollection<>(database, PROGRESS, MeasureRef.class, MeasureRef::id);
        createIndexes();
    }

    private void createIndexes() {
        programmes.collection().createIndex(Indexes.ascending("programmeId", "kind", "cycle"));
    }

    void drop() {
        programmes.drop();
        createIndexes();
    }

    Optional<Programme> programme(String programmeId) {
        return programmes.find(programmeId);
    }

    /** The programme's current cycle (1 until a CycleStarted). */
    int cycle(String programmeId) {
        return programme(programmeId).map(Programme::cycleOr1).orElse(1);
    }

    static String themeId(String programmeId, String themeId) {
        return ScopedId.of(programmeId, THEME, themeId);
    }

    Optional<Theme> theme(String programmeId, String themeId) {
        return themes.find(themeId(programmeId, themeId));
    }

    /** Changes a theme's document, creating it when missing (without a cycle). */
    void changeTheme(String programmeId, String themeId, Consumer<Change> change) {
        Theme theme = theme(programmeId, themeId)
                .orElseGet(() -> themes.blank(themeId(programmeId, themeId), THEME, programmeId, themeId));
        Change c = theme.change();
        change.accept(c);
        themes.put(c.done());
    }

    /** The documents of one kind of the programme (of one cycle, unless null), as stored. */
    <T extends Record> List<T> ofKind(
            DocumentCollection<T> collection, String programmeId, String kind, Integer cycle) {
        return collection
                .collection()
                .find(
                        cycle == null
                                ? Filters.and(Filters.eq("programmeId", programmeId), Filters.eq("kind", kind))
                                : Filters.and(
                                        Filters.eq("programmeId", programmeId),
                                        Filters.eq("kind", kind),
                                        Filters.eq("cycle", cycle)))
                .into(new ArrayList<>());
    }
}
