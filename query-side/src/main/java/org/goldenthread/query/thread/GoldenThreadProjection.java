package org.goldenthread.query.thread;

import static org.goldenthread.query.thread.ThreadStore.ref;

import com.mongodb.client.MongoDatabase;
import java.util.Date;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.goldenthread.kernel.ActorMetaData;
import org.goldenthread.kernel.PersonalDataVault;
import org.goldenthread.kernel.collect.StatementRecorded;
import org.goldenthread.kernel.contract.ActualReported;
import org.goldenthread.kernel.contract.ContractDrafted;
import org.goldenthread.kernel.contract.Evidence;
import org.goldenthread.kernel.contract.KpiAgreed;
import org.goldenthread.kernel.contract.KpiRevised;
import org.goldenthread.kernel.implement.ActionPlanAgreed;
import org.goldenthread.kernel.implement.ActionPlanChanged;
import org.goldenthread.kernel.learn.CycleStarted;
import org.goldenthread.kernel.plan.IdeaDropped;
import org.goldenthread.kernel.plan.IdeaProposed;
import org.goldenthread.kernel.programme.PersonForgotten;
import org.goldenthread.kernel.success.MeasureDefined;
import org.goldenthread.kernel.success.SuccessStatementRevised;
import org.goldenthread.kernel.success.SuccessStatementWritten;
import org.goldenthread.kernel.theme.StatementClustered;
import org.goldenthread.kernel.theme.StatementMoved;
import org.goldenthread.kernel.theme.StatementParked;
import org.goldenthread.kernel.theme.ThemeCreated;
import org.goldenthread.kernel.theme.ThemeRenamed;
import org.goldenthread.kernel.theme.ThemeSplit;
import org.goldenthread.kernel.theme.ThemesMerged;
import org.goldenthread.kernel.thread.*;
import org.goldenthread.kernel.understand.CauseGiven;
import org.goldenthread.kernel.understand.RootCauseChosen;
import org.goldenthread.kernel.vote.ThemePrioritised;
import org.goldenthread.query.readstore.Elements;
import org.goldenthread.query.readstore.ReadModelVersion;
import org.goldenthread.query.readstore.ScopedId;
import org.goldenthread.query.thread.ThreadStore.Node;
import org.goldenthread.query.thread.ThreadStore.Person;

/**
 * The golden thread: people's words → theme → priority → root cause → success statement → measure → idea → action
 * plan, and back. The handlers here turn events into the nodes and links of {@link ThreadStore} (each link an
 * interval, so the thread can be read as it stood at any moment, {@link FindThread#asOf()}); {@link ThreadAssembly}
 * answers the queries: the thread from a node, what is untraced, every link.
 *
 * <p>Handlers are idempotent — a node is made once and re-touched the same, a link's id derives from the event that
 * made it, lists are sets, a node's creation is its earliest sighting — and the model is rebuilt by replay: times
 * come from the events, never from the clock.
 */
@ReadModelVersion(3)
@ProcessingGroup(GoldenThreadProjection.PROCESSING_GROUP)
public class GoldenThreadProjection {

    public static final String PROCESSING_GROUP = "thread";
    public static final String NODES = ThreadStore.NODES;
    public static final String LINKS = ThreadStore.LINKS;

    static final String CLUSTERS = "clusters";
    static final String MERGED_FROM = "merged from";
    static final String SPLIT_FROM = "split from";
    static final String CARRIED_FROM = "carried from";
    static final String PRIORITISES = "prioritises";
    static final String ROOT_CAUSE_OF = "root cause of";
    static final String ANSWERS = "answers";
    static final String SUCCESS_FOR = "success for";
    static final String MEASURES = "measures";
    static final String TACKLES = "tackles";
    static final String IDEA_FOR = "idea for";
    static final String PLANS = "plans";
    static final String TRACKED_BY = "tracked by";
    static final String DERIVED_FROM = "derived from";
    static final String AGREED_IN = "agreed in";
    static final String EVIDENCED_BY = "evidenced by";

    private final ThreadStore store;
    private final ThreadAssembly assembly;

    public GoldenThreadProjection(MongoDatabase database, PersonalDataVault vault) {
        this.store = new ThreadStore(database);
        this.assembly = new ThreadAssembly(store, vault);
    }

    @ResetHandler
    public void reset() {
        store.drop();
    }

    // ---- queries -----------------------------------------------------------------------------------------

    /**
     * The thread from a node, BACK towards people's words or FORWARD towards actions, as it stood at {@code asOf}
     * (now when null); null when the node is unknown, or did not exist yet at {@code asOf}.
     */
    @QueryHandler
    public ThreadView handle(FindThread query) {
        return assembly.thread(query);
    }

    /** Every measure, idea and action plan whose thread, going back now, reaches no statement — with where it stops. */
    @QueryHandler
    public List<UntracedItem> handle(FindUntraced query) {
        return assembly.untraced(query.programmeId());
    }

    /** Every link of the programme's thread, with its interval, in the order the links were made. */
    @QueryHandler
    public List<ThreadLink> handle(FindThreadLinks query) {
        return assembly.links(query.programmeId());
    }

    // ---- building blocks ---------------------------------------------------------------------------------

    static String priorityId(String votingId, String themeId) {
        return votingId + "/" + themeId;
    }

    private static String actor(EventMessage<?> message) {
        Object actor = message.getMetaData().get(ActorMetaData.ACTOR);
        return actor == null ? null : actor.toString();
    }

    private static Date at(EventMessage<?> message) {
        return Date.from(message.getTimestamp());
    }

    private static List<String> nonNull(List<String> ids) {
        return ids == null ? List.of() : ids;
    }

    private Person person(String programmeId, String person) {
        String id = ScopedId.of(programmeId, person);
        return store.people.find(id).orElse(new Person(id, List.of(), null));
    }

    /** The link (from, to) made by this event. */
    private void made(EventMessage<?> message, String programmeId, String from, String to, String relation) {
        store.link(message.getIdentifier(), programmeId, from, to, relation, at(message), actor(message));
    }

    /** The open link (from, to) closed by this event. */
    private void unmade(EventMessage<?> message, String programmeId, String from, String to) {
        store.unlink(programmeId, from, to, at(message), actor(message));
    }

    // ---- events: nodes -----------------------------------------------------------------------------------

    @EventHandler
    public void on(StatementRecorded e, EventMessage<?> message) {
        String programmeId = e.programmeId();
        Node node = store.make(
                programmeId,
                NodeType.STATEMENT,
                e.statementId(),
                e.category() == null ? null : e.category().name(),
                at(message));
        boolean forgotten = false;
        if (e.person() != null) {
            Person person = person(programmeId, e.person());
            store.people.put(new Person(
                    person.id(), Elements.added(person.statementIds(), List.of(e.statementId())), person.forgotten()));
            forgotten = Boolean.TRUE.equals(person.forgotten());
        }
        store.nodes.put(node.said(e.text(), e.person(), forgotten));
    }

    @EventHandler
    public void on(PersonForgotten e) {
        // the words are unreadable once the key is destroyed; drop the ciphertext too — the links stay
        Person person = person(e.programmeId(), e.person());
        store.people.put(new Person(person.id(), person.statementIds(), true));
        List<String> keys = person.statementIds().stream()
                .map(s -> ThreadStore.nodeId(e.programmeId(), ref(NodeType.STATEMENT, s)))
                .toList();
        for (Node n : store.nodes.find(keys).values()) {
            store.nodes.put(n.erasedWords());
        }
    }

    @EventHandler
    public void on(ThemeCreated e, EventMessage<?> message) {
        store.make(e.programmeId(), NodeType.THEME, e.themeId(), e.title(), at(message));
    }

    @EventHandler
    public void on(ThemeRenamed e, EventMessage<?> message) {
        store.relabel(e.programmeId(), NodeType.THEME, e.themeId(), e.title(), at(message));
    }

    @EventHandler
    public void on(CauseGiven e, EventMessage<?> message) {
        store.make(e.programmeId(), NodeType.CAUSE, e.causeId(), e.text(), at(message));
    }

    @EventHandler
    public void on(IdeaDropped e) {
        store.nodes
                .find(ThreadStore.nodeId(e.programmeId(), ref(NodeType.IDEA, e.ideaId())))
                .ifPresent(n -> store.nodes.put(n.droppedFor(e.reason())));
    }

    // ---- events: nodes with their links ------------------------------------------------------------------

    @EventHandler
    public void on(StatementClustered e, EventMessage<?> message) {
        made(
                message,
                e.programmeId(),
                ref(NodeType.THEME, e.themeId()),
                ref(NodeType.STATEMENT, e.statementId()),
                CLUSTERS);
    }

    @EventHandler
    public void on(StatementMoved e, EventMessage<?> message) {
        String statement = ref(NodeType.STATEMENT, e.statementId());
        unmade(message, e.programmeId(), ref(NodeType.THEME, e.fromThemeId()), statement);
        made(message, e.programmeId(), ref(NodeType.THEME, e.toThemeId()), statement, CLUSTERS);
    }

    @EventHandler
    public void on(StatementParked e, EventMessage<?> message) {
        if (e.fromThemeId() != null) {
            unmade(
                    message,
                    e.programmeId(),
                    ref(NodeType.THEME, e.fromThemeId()),
                    ref(NodeType.STATEMENT, e.statementId()));
        }
    }

    @EventHandler
    public void on(ThemesMerged e, EventMessage<?> message) {
        String target = ref(NodeType.THEME, e.themeId());
        for (String statementId : nonNull(e.statementIds())) {
            String statement = ref(NodeType.STATEMENT, statementId);
            for (String merged : nonNull(e.mergedThemeIds())) {
                unmade(message, e.programmeId(), ref(NodeType.THEME, merged), statement);
            }
            made(message, e.programmeId(), target, statement, CLUSTERS);
        }
        for (String merged : nonNull(e.mergedThemeIds())) {
            made(message, e.programmeId(), target, ref(NodeType.THEME, merged), MERGED_FROM);
        }
    }

    @EventHandler
    public void on(ThemeSplit e, EventMessage<?> message) {
        store.make(e.programmeId(), NodeType.THEME, e.newThemeId(), e.title(), at(message));
        String old = ref(NodeType.THEME, e.themeId());
        String split = ref(NodeType.THEME, e.newThemeId());
        for (String statementId : nonNull(e.statementIds())) {
            String statement = ref(NodeType.STATEMENT, statementId);
            unmade(message, e.programmeId(), old, statement);
            made(message, e.programmeId(), split, statement, CLUSTERS);
        }
        made(message, e.programmeId(), split, old, SPLIT_FROM);
    }

    @EventHandler
    public void on(CycleStarted e, EventMessage<?> message) {
        for (CycleStarted.CarriedTheme c : e.carriedThemes()) {
            store.make(e.programmeId(), NodeType.THEME, c.themeId(), c.title(), at(message));
            made(
                    message,
                    e.programmeId(),
                    ref(NodeType.THEME, c.themeId()),
                    ref(NodeType.THEME, c.fromThemeId()),
                    CARRIED_FROM);
        }
    }

    @EventHandler
    public void on(ThemePrioritised e, EventMessage<?> message) {
        String id = priorityId(e.votingId(), e.themeId());
        store.make(
                e.programmeId(), NodeType.PRIORITY, id, "rank " + e.rank() + ", " + e.votes() + " votes", at(message));
        made(message, e.programmeId(), ref(NodeType.PRIORITY, id), ref(NodeType.THEME, e.themeId()), PRIORITISES);
    }

    @EventHandler
    public void on(RootCauseChosen e, EventMessage<?> message) {
        made(
                message,
                e.programmeId(),
                ref(NodeType.CAUSE, e.causeId()),
                ref(NodeType.THEME, e.themeId()),
                ROOT_CAUSE_OF);
    }

    @EventHandler
    public void on(SuccessStatementWritten e, EventMessage<?> message) {
        store.make(e.programmeId(), NodeType.SUCCESS, e.successId(), e.text(), at(message));
        String success = ref(NodeType.SUCCESS, e.successId());
        List<String> causes = nonNull(e.rootCauseIds());
        if (causes.isEmpty()) {
            made(message, e.programmeId(), success, ref(NodeType.THEME, e.themeId()), SUCCESS_FOR);
        }
        for (String causeId : causes) {
            made(message, e.programmeId(), success, ref(NodeType.CAUSE, causeId), ANSWERS);
        }
    }

    @EventHandler
    public void on(SuccessStatementRevised e, EventMessage<?> message) {
        store.relabel(e.programmeId(), NodeType.SUCCESS, e.successId(), e.text(), at(message));
        String success = ref(NodeType.SUCCESS, e.successId());
        for (String causeId : nonNull(e.unlinkedRootCauseIds())) {
            unmade(message, e.programmeId(), success, ref(NodeType.CAUSE, causeId));
        }
        for (String causeId : nonNull(e.linkedRootCauseIds())) {
            made(message, e.programmeId(), success, ref(NodeType.CAUSE, causeId), ANSWERS);
        }
        // a statement answering no root cause is linked to its theme; one answering some is not
        String theme = ref(NodeType.THEME, e.themeId());
        if (nonNull(e.rootCauseIds()).isEmpty()) {
            if (store.openLinks(e.programmeId(), success, theme, at(message)).isEmpty()) {
                made(message, e.programmeId(), success, theme, SUCCESS_FOR);
            }
        } else {
            unmade(message, e.programmeId(), success, theme);
        }
    }

    @EventHandler
    public void on(MeasureDefined e, EventMessage<?> message) {
        store.make(e.programmeId(), NodeType.MEASURE, e.measureId(), e.description(), at(message));
        made(
                message,
                e.programmeId(),
                ref(NodeType.MEASURE, e.measureId()),
                ref(NodeType.SUCCESS, e.successId()),
                MEASURES);
    }

    @EventHandler
    public void on(IdeaProposed e, EventMessage<?> message) {
        store.nodes.put(store.make(e.programmeId(), NodeType.IDEA, e.ideaId(), e.text(), at(message))
                .idea());
        String idea = ref(NodeType.IDEA, e.ideaId());
        List<String> causes = nonNull(e.rootCauseIds());
        if (causes.isEmpty()) {
            made(message, e.programmeId(), idea, ref(NodeType.THEME, e.themeId()), IDEA_FOR);
        }
        for (String causeId : causes) {
            made(message, e.programmeId(), idea, ref(NodeType.CAUSE, causeId), TACKLES);
        }
    }

    @EventHandler
    public void on(ActionPlanAgreed e, EventMessage<?> message) {
        store.make(e.programmeId(), NodeType.PLAN, e.planId(), planLabel(e.content()), at(message));
        String plan = ref(NodeType.PLAN, e.planId());
        made(message, e.programmeId(), plan, ref(NodeType.IDEA, e.ideaId()), PLANS);
        List<String> measures =
                e.content() == null ? List.of() : nonNull(e.content().measureIds());
        for (String measureId : measures) {
            made(message, e.programmeId(), plan, ref(NodeType.MEASURE, measureId), TRACKED_BY);
        }
    }

    @EventHandler
    public void on(ActionPlanChanged e, EventMessage<?> message) {
        store.relabel(e.programmeId(), NodeType.PLAN, e.planId(), planLabel(e.content()), at(message));
        String plan = ref(NodeType.PLAN, e.planId());
        for (String measureId : nonNull(e.unlinkedMeasureIds())) {
            unmade(message, e.programmeId(), plan, ref(NodeType.MEASURE, measureId));
        }
        for (String measureId : nonNull(e.linkedMeasureIds())) {
            made(message, e.programmeId(), plan, ref(NodeType.MEASURE, measureId), TRACKED_BY);
        }
    }

    // ---- the Do stage: a KPI derived from a measure, in the contract that agreed it; evidence naming statements

    @EventHandler
    public void on(ContractDrafted e, EventMessage<?> message) {
        for (String programmeId : e.programmeIds()) {
            store.make(programmeId, NodeType.CONTRACT, e.contractId(), e.service(), at(message));
        }
    }

    /** A KPI derived from a measure joins that measure's programme's thread; an untraced one joins none. */
    @EventHandler
    public void on(KpiAgreed e, EventMessage<?> message) {
        if (e.derivedFrom() == null) {
            return;
        }
        String programmeId = e.derivedFrom().programmeId();
        String name = e.terms().name();
        store.kpis.put(new ThreadStore.KpiHome(ScopedId.of(e.contractId(), e.kpiId()), programmeId, name));
        store.make(programmeId, NodeType.KPI, e.kpiId(), name, at(message));
        String kpi = ref(NodeType.KPI, e.kpiId());
        made(message, programmeId, kpi, ref(NodeType.MEASURE, e.derivedFrom().measureId()), DERIVED_FROM);
        made(message, programmeId, ref(NodeType.CONTRACT, e.contractId()), kpi, AGREED_IN);
    }

    @EventHandler
    public void on(KpiRevised e, EventMessage<?> message) {
        String id = ScopedId.of(e.contractId(), e.kpiId());
        store.kpis.find(id).ifPresent(home -> {
            store.relabel(home.programmeId(), NodeType.KPI, e.kpiId(), e.terms().name(), at(message));
            store.kpis.put(
                    new ThreadStore.KpiHome(id, home.programmeId(), e.terms().name()));
        });
    }

    /** Evidence naming a statement links the KPI to it, in the statement's programme. */
    @EventHandler
    public void on(ActualReported e, EventMessage<?> message) {
        String label = store.kpis
                .find(ScopedId.of(e.contractId(), e.kpiId()))
                .map(ThreadStore.KpiHome::label)
                .orElse("KPI " + e.kpiId());
        for (Evidence evidence : e.evidence()) {
            if (evidence.statementId() == null) {
                continue;
            }
            String programmeId = evidence.programmeId();
            if (store.nodes
                    .find(ThreadStore.nodeId(programmeId, ref(NodeType.KPI, e.kpiId())))
                    .isEmpty()) {
                store.make(programmeId, NodeType.KPI, e.kpiId(), label, at(message));
            }
            made(
                    message,
                    programmeId,
                    ref(NodeType.KPI, e.kpiId()),
                    ref(NodeType.STATEMENT, evidence.statementId()),
                    EVIDENCED_BY);
        }
    }

    private static String planLabel(org.goldenthread.kernel.implement.PlanContent content) {
        if (content == null || content.keyFeatures() == null) {
            return "action plan";
        }
        return content.keyFeatures();
    }
}
