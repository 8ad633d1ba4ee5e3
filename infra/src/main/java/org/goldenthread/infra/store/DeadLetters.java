package org.goldenthread.infra.store;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLTransientException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.GenericDeadLetterTableFactory;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.TransientDataAccessException;

/**
 * A failing projection never skips an event.
 *
 * <ul>
 *   <li>A <b>transient</b> failure (the read store unreachable or timing out, a transient database error) is not
 *       decided on: it fails the batch, the processor releases the segment and tries again with back-off (1 s, 2 s, 4 s
 * …
 *       up to 60 s) from the same token, so nothing is skipped and nothing is dead-lettered for an outage.</li>
 *   <li>Any other failure (a poison event: a payload or a document the projection cannot handle) puts the event in the
 *       processing group's <b>dead-letter queue</b> (Axon's sequenced queue, in the JDBC database beside the events):
 *       the rest of that programme's events for that read model wait behind it (the sequence is the programme), every
 *       other programme goes on.</li>
 * </ul>
 * {@link Admin} lists, retries and evicts dead letters ({@code /api/admin/dead-letters}); the gauge
 * {@code goldenthread_dead_letters{processor}} counts them; the health component {@code deadLetters} is
 * {@code DEGRADED} while any processor has one.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    public static final Status DEGRADED =
            new Status("DEGRADED", "a read model has dead letters: its views lag for those programmes");
    static final String TABLE = "dead_letter_entry";

    /** A failure worth trying again as it is: the store, not the event, is at fault. */
    static boolean transientFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MongoSocketException
                    || t instanceof MongoTimeoutException
                    || t instanceof MongoConnectionPoolClearedException
                    || t instanceof TransientDataAccessException
                    || t instanceof SQLTransientException
                    || (t instanceof MongoException m
                            && (m.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
                                    || m.hasErrorLabel("RetryableWriteError")))) {
                return true;
            }
        }
        return false;
    }

    /** The sequence a letter waits in: its programme (events are sequenced per aggregate), else the event itself. */
    static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter.message() instanceof org.axonframework.eventhandling.DomainEventMessage<?> d
                ? d.getAggregateIdentifier()
                : letter.message().getIdentifier();
    }

    /** The failure is transient: fail the batch so the processor retries it with back-off, skipping nothing. */
    public static final class RetryLater extends RuntimeException {
        RetryLater(Throwable cause) {
            super("a transient failure; the batch will be retried: " + cause, cause);
        }
    }

    private static final ThreadLocal<Boolean> RETRYING = ThreadLocal.withInitial(() -> false);

    /**
     * Poison events are dead-lettered; transient failures are retried by the processor (or, on an admin retry,
     * requeued).
     */
    static final class Policy implements EnqueuePolicy<EventMessage<?>> {
        @Override
        public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
            if (transientFailure(cause)) {
                if (RETRYING.get()) {
                    return Decisions.requeue(cause);
                }
                throw new RetryLater(cause);
            }
            log.warn(
                    "Event {} ({}) dead-lettered for sequence {}: {}",
                    letter.message().getIdentifier(),
                    letter.message().getPayloadType().getSimpleName(),
                    sequenceOf(letter),
                    cause.toString());
            return RETRYING.get() ? Decisions.requeue(cause) : Decisions.enqueue(cause);
        }
    }

    /** Axon's generic table, with the index statements repeatable and the binary type each database knows. */
    static final class Tables extends GenericDeadLetterTableFactory {
        private final boolean postgres;

        Tables(boolean postgres) {
            this.postgres = postgres;
        }

        @Override
        protected String serializedDataType() {
            return postgres ? "BYTEA" : "BLOB";
        }

        @Override
        protected String processingGroupIndexSql(DeadLetterSchema schema) {
            return super.processingGroupIndexSql(schema).replaceFirst("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ");
        }

        @Override
        protected String sequenceIdentifierIndexSql(DeadLetterSchema schema) {
            return super.sequenceIdentifierIndexSql(schema)
                    .replaceFirst("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ");
        }
    }

    /** The processing groups of this application's projections. */
    static List<String> processingGroups(ListableBeanFactory beans) {
        return List.copyOf(new TreeSet<>(ReadModels.of(beans).versions().keySet()));
    }

    @Bean
    ConfigurerModule deadLetterQueues(
            DataSource dataSource,
            TransactionManager transactionManager,
            Serializer serializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            ListableBeanFactory beans,
            @Value("${spring.datasource.url:}") String url) {
        return configurer -> {
            JdbcSequencedDeadLetterQueue<EventMessage<?>> schemaMaker =
                    queue("schema", dataSource, transactionManager, serializer, eventSerializer);
            schemaMaker.createSchema(new Tables(url.startsWith("jdbc:postgresql:")));
            configurer.eventProcessing(processing -> {
                processing.registerDeadLetterQueueProvider(
                        group -> config -> queue(group, dataSource, transactionManager, serializer, eventSerializer));
                processing.registerDefaultDeadLetterPolicy(config -> new Policy());
                for (String group : processingGroups(beans)) {
                    processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                            group, (config, invoker) -> invoker.enableSequenceIdentifierCache());
                }
            });
        };
    }

    private static JdbcSequencedDeadLetterQueue<EventMessage<?>> queue(
            String group,
            DataSource dataSource,
            TransactionManager transactionManager,
            Serializer serializer,
            Serializer eventSerializer) {
        return JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(group)
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(transactionManager)
                .schema(DeadLetterSchema.builder().deadLetterTable(TABLE).build())
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build();
    }

    @Bean
    Admin deadLetterAdmin(EventProcessingConfiguration processing, ListableBeanFactory beans, MeterRegistry registry) {
        Admin admin = new Admin(processing, processingGroups(beans));
        for (String group : admin.groups()) {
            Gauge.builder("goldenthread.dead.letters", () -> admin.size(group))
                    .description("Events in a read model's dead-letter queue")
                    .tag("processor", group)
                    .register(registry);
        }
        return admin;
    }

    @Bean
    HealthIndicator deadLettersHealthIndicator(Admin admin) {
        return () -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String group : admin.groups()) {
                long n = admin.size(group);
                if (n > 0) {
                    counts.put(group, n);
                }
            }
            return (counts.isEmpty() ? Health.up() : Health.status(DEGRADED))
                    .withDetail("deadLetters", counts)
                    .build();
        };
    }

    /** One dead letter as an operator sees it: never its payload, which may hold people's words. */
    public record Letter(
            String eventId,
            String eventType,
            String programmeId,
            Long aggregateSequence,
            Long position,
            Instant enqueuedAt,
            Instant lastTouched,
            String causeType,
            String causeMessage) {}

    /** The dead letters of one read model's sequence (a programme). */
    public record Sequence(String processor, String sequenceId, List<Letter> letters) {}

    /** What a retry did. */
    public record Retried(String processor, int sequencesApplied, long deadLettersLeft) {}

    /** Lists, retries and evicts dead letters. */
    public static final class Admin {
        private final EventProcessingConfiguration processing;
        private final List<String> groups;

        Admin(EventProcessingConfiguration processing, List<String> groups) {
            this.processing = processing;
            this.groups = groups;
        }

        public List<String> groups() {
            return groups;
        }

        private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String group) {
            return processing.deadLetterQueue(group);
        }

        public long size(String group) {
            return queue(group).map(SequencedDeadLetterQueue::size).orElse(0L);
        }

        public List<Sequence> list() {
            List<Sequence> out = new ArrayList<>();
            for (String group : groups) {
                queue(group).ifPresent(q -> {
                    for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : q.deadLetters()) {
                        List<Letter> letters = new ArrayList<>();
                        String sequenceId = null;
                        for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                            sequenceId = sequenceOf(letter);
                            letters.add(describe(letter));
                        }
                        if (!letters.isEmpty()) {
                            out.add(new Sequence(group, sequenceId, letters));
                        }
                    }
                });
            }
            return out;
        }

        private static Letter describe(DeadLetter<? extends EventMessage<?>> letter) {
            EventMessage<?> m = letter.message();
            Long sequence =
                    m instanceof org.axonframework.eventhandling.DomainEventMessage<?> d ? d.getSequenceNumber() : null;
            String aggregate = m instanceof org.axonframework.eventhandling.DomainEventMessage<?> d
                    ? d.getAggregateIdentifier()
                    : null;
            Long position = m instanceof org.axonframework.eventhandling.TrackedEventMessage<?> t
                            && t.trackingToken() != null
                    ? t.trackingToken().position().stream().boxed().findFirst().orElse(null)
                    : null;
            return new Letter(
                    m.getIdentifier(),
                    m.getPayloadType().getSimpleName(),
                    aggregate,
                    sequence,
                    position,
                    letter.enqueuedAt(),
                    letter.lastTouched(),
                    letter.cause().map(c -> c.type()).orElse(null),
                    letter.cause().map(c -> c.message()).orElse(null));
        }

        /**
         * Applies the dead letters of the group again, oldest sequence first (one sequence when given); what is left
         * stays.
         */
        public Retried retry(String group, String sequenceId) {
            SequencedDeadLetterProcessor<EventMessage<?>> processor = processing
                    .sequencedDeadLetterProcessor(group)
                    .orElseThrow(() -> new org.goldenthread.kernel.UnknownReference("processor", group));
            int applied = 0;
            RETRYING.set(true);
            try {
                long sequences = queue(group)
                        .map(SequencedDeadLetterQueue::amountOfSequences)
                        .orElse(0L);
                for (long i = 0; i < sequences; i++) {
                    boolean done = sequenceId == null
                            ? processor.processAny()
                            : processor.process(l -> sequenceId.equals(sequenceOf(l)));
                    if (!done) {
                        break;
                    }
                    applied++;
                    if (sequenceId != null
                            && !queue(group).map(q -> q.contains(sequenceId)).orElse(false)) {
                        break;
                    }
                }
            } finally {
                RETRYING.remove();
            }
            return new Retried(group, applied, size(group));
        }

        /** Removes the sequence's dead letters without applying them: its read model will lack those events. */
        public long evict(String group, String sequenceId, String actor, String reason) {
            SequencedDeadLetterQueue<EventMessage<?>> q =
                    queue(group).orElseThrow(() -> new org.goldenthread.kernel.UnknownReference("processor", group));
            long evicted = 0;
            for (DeadLetter<? extends EventMessage<?>> letter : q.deadLetterSequence(sequenceId)) {
                q.evict(letter);
                evicted++;
            }
            if (evicted == 0) {
                throw new org.goldenthread.kernel.UnknownReference("dead-letter sequence", sequenceId);
            }
            log.warn(
                    "{} evicted {} dead letter(s) of sequence {} from read model {} without applying them: {}",
                    actor,
                    evicted,
                    sequenceId,
                    group,
                    reason);
            return evicted;
        }
    }
}
