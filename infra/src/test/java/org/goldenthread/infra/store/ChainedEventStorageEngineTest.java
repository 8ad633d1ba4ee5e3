package org.goldenthread.infra.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.theme.ThemeCreated;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The chain continues correctly when two nodes append to the same aggregate in turn. */
class ChainedEventStorageEngineTest {

    private static GenericDomainEventMessage<ThemeCreated> event(long seq) {
        return new GenericDomainEventMessage<>(
                "Programme", "p1", seq, new ThemeCreated("p1", Category.WORKING, "t" + seq, "Theme " + seq));
    }

    @Test
    void a_node_that_remembers_an_older_head_reads_the_events_another_node_appended_since() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:chain-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        ConnectionProvider connections = db::getConnection;
        JdbcEventStorageEngine jdbc = JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.instance())
                .build();
        jdbc.createSchema(H2EventTableFactory.INSTANCE);
        StoredEvents stored = new StoredEvents(db);
        ChainedEventStorageEngine nodeA = new ChainedEventStorageEngine(jdbc, serializer, stored);
        ChainedEventStorageEngine nodeB = new ChainedEventStorageEngine(jdbc, serializer, stored);

        nodeA.appendEvents(List.of(event(0), event(1)));
        nodeB.appendEvents(List.of(event(2)));
        nodeA.appendEvents(List.of(event(3)));
        nodeB.appendEvents(List.of(event(4)));

        ChainVerifier.Verification v = new ChainVerifier(stored).verify("p1", null);
        assertThat(v.verified()).as(v.toString()).isTrue();
        assertThat(v.events()).isEqualTo(5);
        assertThat(v.chainedFrom()).isZero();
    }
}
