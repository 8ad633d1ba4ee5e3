package org.goldenthread.infra.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;
import org.goldenthread.kernel.ActorMetaData;
import org.goldenthread.query.readstore.WriteBatchInterceptor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon wiring: Jackson everywhere, pooled streaming processors, tokens in the read store beside the
 * read models, actor and Axon correlation/trace ids copied from each command onto its events, and an
 * aggregate cache.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Axon's (Jackson 2) mapper; Spring MVC uses its own Jackson 3 mapper. It also writes programme snapshots. */
    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Snapshots.register(mapper);
        return mapper;
    }

    /**
     * Tracking processors, one per read model. They wait on the event store's own signal for new events, so a view
     * follows an act within milliseconds; pooled streaming processors poll the embedded store every 500 ms (its streams
     * offer no availability callback), which measured p50 295 / p99 519 ms from an act to the screens.
     */
    @Bean
    ConfigurerModule trackingProcessors(@Value("${goldenthread.processing.batch-size:100}") int batchSize) {
        // a batch takes what is there (up to batch-size events), writes the read models once for all of them
        // (WriteBatchInterceptor) and then stores the token once (TokenAfterBatch)
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingTrackingEventProcessors()
                .registerDefaultHandlerInterceptor((config, processor) -> new WriteBatchInterceptor())
                .registerTrackingEventProcessorConfiguration(
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(batchSize)));
    }

    /**
     * Each event processor's metrics: messages counted (processed, ignored, failed) and its latency (the
     * {@code <processor>_latency} gauge). Axon's default set also has a capacity monitor and a timer; the capacity
     * monitor keeps every message's time in a one-minute sliding window, which held 4.2 million entries (≈ 360 MB)
     * while 14 processors replayed 1,000,000 events and exhausted a 512 MiB heap; with the timer they cost ≈ 15 % of a
     * processor's time in a rebuild. Neither is registered for event processors.
     */
    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConfigurerModule processorMonitors(io.micrometer.core.instrument.MeterRegistry registry) {
        java.util.function.Function<org.axonframework.messaging.Message<?>, Iterable<io.micrometer.core.instrument.Tag>>
                noTags = message -> io.micrometer.core.instrument.Tags.empty();
        return configurer -> configurer.configureMessageMonitor(
                org.axonframework.eventhandling.EventProcessor.class,
                (config, componentType, name) -> new org.axonframework.monitoring.MultiMessageMonitor(List.of(
                        org.axonframework.micrometer.MessageCountingMonitor.buildMonitor(name, registry, noTags),
                        org.axonframework.micrometer.EventProcessorLatencyMonitor.builder()
                                .meterNamePrefix(name)
                                .meterRegistry(registry)
                                .tagsBuilder(noTags)
                                .build())));
    }

    @Bean
    TokenStore tokenStore(
            MongoClient client,
            Serializer serializer,
            @Value("${spring.mongodb.database:goldenthread}") String database) {
        return new TokenAfterBatch(MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(client, database)
                        .build())
                .serializer(serializer)
                .transactionManager(NoTransactionManager.instance()));
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider actorCorrelationProvider() {
        return new SimpleCorrelationDataProvider(ActorMetaData.ACTOR, ActorMetaData.ROLE, ActorMetaData.ROLES);
    }

    /**
     * Axon's local command bus as its auto-configuration builds it, except that a refusal which applied no event
     * commits instead of rolling back (see {@link Refusals#rollback()}); with Axon Server it is the local segment.
     */
    @Bean
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(
            TransactionManager transactionManager,
            org.axonframework.config.Configuration axon,
            DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        SimpleCommandBus bus = SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                .rollbackConfiguration(Refusals.rollback())
                .build();
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return bus;
    }

    /** Strong and bounded: an idle programme stays loaded until newer ones push it out (see LruAggregateCache). */
    @Bean
    LruAggregateCache programmeCache(@Value("${goldenthread.aggregate-cache-size:64}") int size) {
        return new LruAggregateCache(size);
    }
}
