package org.goldenthread.infra.store;

import javax.sql.DataSource;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Events in Axon's JDBC storage engine: an embedded H2 file under the data directory by default,
 * PostgreSQL when {@code spring.datasource.url} points at one. Not used when Axon Server is the store.
 * The tables are created at start when missing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class EventStoreConfiguration {

    static final String UNIQUE_VIOLATION = "23505";

    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            DataSource dataSource,
            TransactionManager transactionManager,
            @Value("${spring.datasource.url:}") String jdbcUrl,
            @Value("${goldenthread.processing.batch-size:100}") int batchSize) {
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                // a unique-key violation (SQLSTATE 23505, on H2 and PostgreSQL alike) is a taken id or a concurrent
                // append, never a store failure
                .persistenceExceptionResolver(new SQLStateResolver(UNIQUE_VIOLATION))
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                // a processor's batch holds what one read from the store returns, so they are of one size
                .batchSize(batchSize)
                .build();
        EventTableFactory tables = jdbcUrl.startsWith("jdbc:postgresql:")
                ? PostgresEventTableFactory.INSTANCE
                : H2EventTableFactory.INSTANCE;
        engine.createSchema(tables);
        return new ChainedEventStorageEngine(engine, eventSerializer, new StoredEvents(dataSource));
    }

    /** Verifies the events' hash chains (tamper evidence) from the event table. */
    @Bean
    ChainVerifier chainVerifier(DataSource dataSource) {
        return new ChainVerifier(new StoredEvents(dataSource));
    }
}
