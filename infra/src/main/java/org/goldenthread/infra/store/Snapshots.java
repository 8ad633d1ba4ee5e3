package org.goldenthread.infra.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.goldenthread.command.ballot.Ballot;
import org.goldenthread.command.ballot.Ballots;
import org.goldenthread.command.collect.StatementCollection;
import org.goldenthread.command.implement.ActionPlans;
import org.goldenthread.command.implement.Baselines;
import org.goldenthread.command.learn.Cycles;
import org.goldenthread.command.plan.Ideas;
import org.goldenthread.command.programme.Members;
import org.goldenthread.command.programme.Participants;
import org.goldenthread.command.programme.Programme;
import org.goldenthread.command.success.SuccessStatements;
import org.goldenthread.command.theme.Board;
import org.goldenthread.command.theme.Boards;
import org.goldenthread.command.understand.FiveWhys;
import org.goldenthread.command.vote.Poll;
import org.goldenthread.command.vote.VotingRound;
import org.goldenthread.command.vote.VotingRounds;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.ballot.BallotOption;
import org.goldenthread.kernel.ballot.BallotSubject;
import org.goldenthread.kernel.vote.ThemeAtOpening;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * Snapshots of programmes, so a long programme loads from its latest snapshot and the events after it instead of
 * its whole history (24,000 events took 2.7 s to replay). A snapshot is taken every
 * {@code goldenthread.snapshot-threshold} events (default 1,000) on a thread of its own, after the act that crossed
 * the threshold is answered; it holds the programme's state as its fields are ({@link #STATE_CLASSES}, with Jackson
 * reading and writing fields, not accessors), under {@link Programme#SNAPSHOT_REVISION}: a snapshot of another
 * revision is ignored. Snapshots are a cache kept beside the events: the events stay the truth.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class Snapshots {

    /** The programme and its rule classes: every class a snapshot holds that is neither a record nor the JDK's. */
    public static final List<Class<?>> STATE_CLASSES = List.of(
            Programme.class,
            Members.class,
            Participants.class,
            StatementCollection.class,
            Boards.class,
            Board.class,
            VotingRounds.class,
            VotingRound.class,
            Poll.class,
            FiveWhys.class,
            Ballots.class,
            Ballot.class,
            SuccessStatements.class,
            Ideas.class,
            ActionPlans.class,
            Baselines.class,
            Cycles.class);

    @JsonAutoDetect(
            fieldVisibility = JsonAutoDetect.Visibility.ANY,
            getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE,
            setterVisibility = JsonAutoDetect.Visibility.NONE,
            creatorVisibility = JsonAutoDetect.Visibility.ANY)
    abstract static class ByFields {}

    /** A voting round is restored through the constructor that takes what it opened with. */
    @JsonAutoDetect(
            fieldVisibility = JsonAutoDetect.Visibility.ANY,
            getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE,
            setterVisibility = JsonAutoDetect.Visibility.NONE)
    abstract static class VotingRoundByFields {
        @JsonCreator
        VotingRoundByFields(@JsonProperty("poll") Poll poll, @JsonProperty("themes") List<ThemeAtOpening> themes) {}
    }

    /** A vote's count is restored through the constructor that takes what it opened with. */
    @JsonAutoDetect(
            fieldVisibility = JsonAutoDetect.Visibility.ANY,
            getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE,
            setterVisibility = JsonAutoDetect.Visibility.NONE)
    abstract static class PollByFields {
        @JsonCreator
        PollByFields(
                @JsonProperty("pollId") String pollId,
                @JsonProperty("votesPerParticipant") int votesPerParticipant,
                @JsonProperty("selectTop") int selectTop,
                @JsonProperty("optionIds") List<String> optionIds) {}
    }

    /** A ballot is restored through the constructor that takes what it opened with. */
    @JsonAutoDetect(
            fieldVisibility = JsonAutoDetect.Visibility.ANY,
            getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE,
            setterVisibility = JsonAutoDetect.Visibility.NONE)
    abstract static class BallotByFields {
        @JsonCreator
        BallotByFields(
                @JsonProperty("poll") Poll poll,
                @JsonProperty("subject") BallotSubject subject,
                @JsonProperty("themeId") String themeId,
                @JsonProperty("options") List<BallotOption> options) {}
    }

    /** A board is restored through its constructor, with its category. */
    @JsonAutoDetect(
            fieldVisibility = JsonAutoDetect.Visibility.ANY,
            getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE,
            setterVisibility = JsonAutoDetect.Visibility.NONE)
    abstract static class BoardByFields {
        @JsonCreator
        BoardByFields(@JsonProperty("category") Category category) {}
    }

    /**
     * The Jackson module that lets Axon's serializer write and read the programme's state by its fields: the state
     * classes read by fields (those opened with something, through their constructors), and a {@code Set} kept in
     * its order.
     */
    public static SimpleModule programmeState() {
        SimpleModule module = new SimpleModule("programme-snapshots");
        for (Class<?> type : STATE_CLASSES) {
            module.setMixInAnnotation(type, ByFields.class);
        }
        module.setMixInAnnotation(VotingRound.class, VotingRoundByFields.class);
        module.setMixInAnnotation(Ballot.class, BallotByFields.class);
        module.setMixInAnnotation(Poll.class, PollByFields.class);
        module.setMixInAnnotation(Board.class, BoardByFields.class);
        module.addAbstractTypeMapping(Set.class, LinkedHashSet.class);
        return module;
    }

    /** Registered on Axon's object mapper: parameter names for creators, and {@link #programmeState()}. */
    public static void register(com.fasterxml.jackson.databind.ObjectMapper mapper) {
        mapper.registerModule(new ParameterNamesModule());
        mapper.registerModule(programmeState());
    }

    @Bean
    SnapshotTriggerDefinition programmeSnapshotTrigger(
            Snapshotter snapshotter, @Value("${goldenthread.snapshot-threshold:1000}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    SnapshotFilter programmeSnapshotFilter() {
        return RevisionSnapshotFilter.builder()
                .type(Programme.class)
                .revision(Programme.SNAPSHOT_REVISION)
                .build();
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService snapshotExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "programme-snapshots");
            t.setDaemon(true);
            return t;
        });
    }

    /** Axon's snapshotter, as its auto-configuration builds it, taking snapshots on a thread of its own. */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(
            Configuration configuration,
            HandlerDefinition handlerDefinition,
            ParameterResolverFactory parameterResolverFactory,
            EventStore eventStore,
            TransactionManager transactionManager,
            ExecutorService snapshotExecutor) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .executor(snapshotExecutor)
                .build();
    }
}
