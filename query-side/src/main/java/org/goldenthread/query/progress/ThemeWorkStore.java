package org.goldenthread.query.progress;

import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.codecs.pojo.annotations.BsonId;
import org.goldenthread.kernel.Lists;
import org.goldenthread.kernel.implement.PlanContent;
import org.goldenthread.kernel.implement.Reading;
import org.goldenthread.query.readstore.DocumentCollection;
import org.goldenthread.query.readstore.Elements;
import org.goldenthread.query.readstore.ScopedId;

/**
 * The theme-work read model's documents (public records, so the driver's record codec can read them).
 *
 * <ul>
 *   <li>{@code theme_work}: one {@link Work} per NOT_WORKING theme (only those can be prioritised; the work arrives
 *       once one is), {@code _id: programmeId|themeId}: the theme's title and priority, and its whys, causes,
 *       success statements, measures (baseline, actuals), what is already in place, ideas and action plans (every
 *       version), each list in the order things were first said;</li>
 *   <li>{@code theme_work_refs}: which theme a measure or a plan belongs to ({@link Ref}, {@code _id:
 *       programmeId|measure|measureId} or {@code programmeId|plan|planId}), for the events that name only the
 *       measure or the plan — read by id, so a batch sees the measures and plans it has just added.</li>
 * </ul>
 * Enumerations are kept by name, dates as dates; readings and plan contents as the kernel's records.
 */
public final class ThemeWorkStore {

    static final String THEME_WORK = "theme_work";
    static final String REFS = "theme_work_refs";

    public record Work(
            @BsonId String id,
            String programmeId,
            String themeId,
            String title,
            Boolean prioritised,
            String votingId,
            Integer rank,
            Integer votes,
            List<Why> whys,
            List<Cause> causes,
            List<Success> successes,
            List<Measure> measures,
            List<InPlace> alreadyInPlace,
            List<Idea> ideas,
            List<Plan> plans) {
        public Work {
            whys = Lists.normal(whys);
            causes = Lists.normal(causes);
            successes = Lists.normal(successes);
            measures = Lists.normal(measures);
            alreadyInPlace = Lists.normal(alreadyInPlace);
            ideas = Lists.normal(ideas);
            plans = Lists.normal(plans);
        }

        Work withTitle(String title) {
            return new Work(
                    id,
                    programmeId,
                    themeId,
                    title,
                    prioritised,
                    votingId,
                    rank,
                    votes,
                    whys,
                    causes,
                    successes,
                    measures,
                    alreadyInPlace,
                    ideas,
                    plans);
        }

        Work withPriority(String votingId, int rank, int votes) {
            return new Work(
                    id,
                    programmeId,
                    themeId,
                    title,
                    true,
                    votingId,
                    rank,
                    votes,
                    whys,
                    causes,
                    successes,
                    measures,
                    alreadyInPlace,
                    ideas,
                    plans);
        }

        Work withWhy(String whyId, UnaryOperator<Why> change) {
            return new Work(
                    id,
                    programmeId,
                    themeId,
                    title,
                    prioritised,
                    votingId,
                    rank,
                    votes,
                    Elements.put(whys, Why::whyId, whyId, change, () -> new Why(whyId, null, null, null)),
                    causes,
                    successes,
                    measures,
                    alreadyInPlace,
                    ideas,
                    plans);
        }

        Work withCause(String causeId, UnaryOperator<Cause> change) {
            return new Work(
                    id,
                    programmeId,
                    themeId,
                    title,
                    prioritised,
                    votingId,
                    rank,
                    votes,
                    whys,
                    Elements.put(causes, Cause::causeId, causeId, change, () -> Cause.of(causeId)),
                    successes,
                    measures,
                    alreadyInPlace,
                    ideas,
                    plans);
        }

        Work withSuccess(String successId, UnaryOperator<Success> change) {
            return new Work(
                    id,
                    programmeId,
                    themeId,
                    title,
                    prioritised,
                    votingId,
                    rank,
                    votes,
                    whys,
                    causes,
                    Elements.put(
                            successes,
                            Success::successId,
                            successId,
                            change,
                            () -> new Success(successId, null, null, null)),
                    measures,
                    alreadyInPlace,
                    ideas,
                    plans);
        }

        Work withMeasure(String measureId, UnaryOperator<Measure> change) {
            return new Work(
                    id,
                    programmeId,
                    themeId,
                    title,
                    prioritised,
                    votingId,
                    rank,
                    votes,
                    whys,
                    causes,
                    successes,
                    Elements.put(measures, Measure::measureId, measureId, change, () -> Measure.of(measureId)),
                    alreadyInPlace,
                    ideas,
                    plans);
        }

        Work withInPlace(String itemId, String description) {
            return new Work(
                    id,
                    programmeId,
                    themeId,
                    title,
                    prioritised,
                    votingId,
                    rank,
                    votes,
                    whys,
                    causes,
                    successes,
                    measures,
                    Elements.put(
                            alreadyInPlace,
                            InPlace::itemId,
                            itemId,
                            i -> new InPlace(itemId, description),
                            () -> new InPlace(itemId, description)),
                    ideas,
                    plans);
        }

        Work withIdea(String ideaId, UnaryOperator<Idea> change) {
            return new Work(
                    id,
                    programmeId,
                    themeId,
                    title,
                    prioritised,
                    votingId,
                    rank,
                    votes,
                    whys,
                    causes,
                    successes,
                    measures,
                    alreadyInPlace,
                    Elements.put(ideas, Idea::ideaId, ideaId, change, () -> Idea.of(ideaId)),
                    plans);
        }

        Work withPlan(String planId, UnaryOperator<Plan> change) {
            return new Work(
                    id,
                    programmeId,
                    themeId,
                    title,
                    prioritised,
                    votingId,
                    rank,
                    votes,
                    whys,
                    causes,
                    successes,
                    measures,
                    alreadyInPlace,
                    ideas,
                    Elements.put(
                            plans, Plan::planId, planId, change, () -> new Plan(planId, null, null, null, null, null)));
        }
    }

    public record Why(String whyId, String causeId, String question, String perspective) {}

    public record Cause(
            String causeId,
            String whyId,
            String text,
            String perspective,
            List<String> flags,
            Boolean rootCause,
            Integer rank,
            Integer votes) {
        public Cause {
            flags = Lists.normal(flags);
        }

        static Cause of(String causeId) {
            return new Cause(causeId, null, null, null, null, null, null, null);
        }

        Cause given(String whyId, String text, String perspective) {
            return new Cause(causeId, whyId, text, perspective, flags, rootCause, rank, votes);
        }

        Cause flagged(List<String> reasons) {
            return new Cause(causeId, whyId, text, perspective, Elements.added(flags, reasons), rootCause, rank, votes);
        }

        Cause counted(Integer rank, Integer votes, Boolean rootCause) {
            return new Cause(causeId, whyId, text, perspective, flags, rootCause, rank, votes);
        }
    }

    public record Success(String successId, String perspective, String text, List<String> rootCauseIds) {
        public Success {
            rootCauseIds = Lists.normal(rootCauseIds);
        }
    }

    public record Measure(
            String measureId,
            String successId,
            String kind,
            String description,
            String dataSource,
            Boolean alreadyCollected,
            Boolean proxy,
            String unit,
            String direction,
            String owner,
            String frequency,
            Reading baseline,
            List<Reading> actuals) {
        public Measure {
            actuals = Lists.normal(actuals);
        }

        static Measure of(String measureId) {
            return new Measure(measureId, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        Measure baselined(Reading baseline) {
            return new Measure(
                    measureId,
                    successId,
                    kind,
                    description,
                    dataSource,
                    alreadyCollected,
                    proxy,
                    unit,
                    direction,
                    owner,
                    frequency,
                    baseline,
                    actuals);
        }

        Measure withActual(Reading actual) {
            return new Measure(
                    measureId,
                    successId,
                    kind,
                    description,
                    dataSource,
                    alreadyCollected,
                    proxy,
                    unit,
                    direction,
                    owner,
                    frequency,
                    baseline,
                    Elements.added(actuals, List.of(actual)));
        }
    }

    public record InPlace(String itemId, String description) {}

    public record Idea(
            String ideaId,
            String mode,
            String text,
            List<String> rootCauseIds,
            Boolean chosen,
            Integer votes,
            Integer rank,
            Boolean dropped,
            String dropReason,
            Double medianEffort,
            Double medianImpact,
            Integer effortSpread,
            Integer impactSpread,
            Integer placements,
            String quadrant) {
        public Idea {
            rootCauseIds = Lists.normal(rootCauseIds);
        }

        static Idea of(String ideaId) {
            return new Idea(ideaId, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        Idea proposed(String mode, String text, List<String> rootCauseIds) {
            return new Idea(
                    ideaId,
                    mode,
                    text,
                    rootCauseIds,
                    chosen,
                    votes,
                    rank,
                    dropped,
                    dropReason,
                    medianEffort,
                    medianImpact,
                    effortSpread,
                    impactSpread,
                    placements,
                    quadrant);
        }

        Idea counted(Integer rank, Integer votes, Boolean chosen) {
            return new Idea(
                    ideaId,
                    mode,
                    text,
                    rootCauseIds,
                    chosen,
                    votes,
                    rank,
                    dropped,
                    dropReason,
                    medianEffort,
                    medianImpact,
                    effortSpread,
                    impactSpread,
                    placements,
                    quadrant);
        }

        Idea placed(
                double medianEffort,
                double medianImpact,
                int effortSpread,
                int impactSpread,
                int placements,
                String quadrant) {
            return new Idea(
                    ideaId,
                    mode,
                    text,
                    rootCauseIds,
                    chosen,
                    votes,
                    rank,
                    dropped,
                    dropReason,
                    medianEffort,
                    medianImpact,
                    effortSpread,
                    impactSpread,
                    placements,
                    quadrant);
        }

        Idea dropped(String reason) {
            return new Idea(
                    ideaId,
                    mode,
                    text,
                    rootCauseIds,
                    chosen,
                    votes,
                    rank,
                    true,
                    reason,
                    medianEffort,
                    medianImpact,
                    effortSpread,
                    impactSpread,
                    placements,
                    quadrant);
        }
    }

    /** A plan in its newest version, every version it had, and the milestones reached. */
    public record Plan(
            String planId,
            String ideaId,
            Integer version,
            PlanContent content,
            List<Reached> reached,
            List<PlanVersion> versions) {
        public Plan {
            reached = Lists.normal(reached);
            versions = Lists.normal(versions);
        }

        /** The plan with this version kept (once), and as the newest when it is newer. */
        Plan withVersion(String ideaId, PlanVersion v) {
            List<PlanVersion> all = new ArrayList<>(versions);
            all.removeIf(x -> x.version().equals(v.version()));
            all.add(v);
            all.sort(java.util.Comparator.comparing(PlanVersion::version));
            boolean newer = version == null || v.version() > version;
            return new Plan(
                    planId,
                    newer ? ideaId : this.ideaId,
                    newer ? v.version() : version,
                    newer ? v.content() : content,
                    reached,
                    all);
        }

        Plan withReached(Reached r) {
            return new Plan(planId, ideaId, version, content, Elements.added(reached, List.of(r)), versions);
        }
    }

    public record PlanVersion(Integer version, PlanContent content, String reason, Date at, String by) {}

    public record Reached(String milestoneId, LocalDate reachedOn, String note) {}

    /** The theme a measure or a plan belongs to. */
    public record Ref(@BsonId String id, String themeId) {}

    final DocumentCollection<Work> work;
    final DocumentCollection<Ref> refs;

    ThemeWorkStore(MongoDatabase database) {
        work = new DocumentCollection<>(database, THEME_WORK, Work.class, Work::id);
        refs = new DocumentCollection<>(database, REFS, Ref.class, Ref::id);
    }

    void drop() {
        work.drop();
        refs.drop();
    }

    static String workId(String programmeId, String themeId) {
        return ScopedId.of(programmeId, themeId);
    }

    Optional<Work> find(String programmeId, String themeId) {
        return work.find(workId(programmeId, themeId));
    }

    /** Changes the theme's work, creating it when missing. */
    void change(String programmeId, String themeId, UnaryOperator<Work> change) {
        Work current = find(programmeId, themeId)
                .orElseGet(() -> work.blank(workId(programmeId, themeId), programmeId, themeId));
        work.put(change.apply(current));
    }

    /** Remembers which theme the measure or plan ({@code kind}) belongs to. */
    void refer(String programmeId, String kind, String id, String themeId) {
        refs.put(new Ref(ScopedId.of(programmeId, kind, id), themeId));
    }

    /** Changes the work of the theme the measure or plan belongs to; nothing when it is unknown. */
    void changeReferred(String programmeId, String kind, String id, UnaryOperator<Work> change) {
        refs.find(ScopedId.of(programmeId, kind, id))
                .flatMap(ref -> find(programmeId, ref.themeId()))
                .ifPresent(w -> work.put(change.apply(w)));
    }
}
