package org.goldenthread.infra.store;

import com.mongodb.client.MongoDatabase;
import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Actuator health for the two stores: {@code eventStore} (its head position) and {@code readStore} (a ping). */
@Configuration(proxyBeanMethods = false)
public class StoreHealth {

    @Bean
    HealthIndicator eventStoreHealthIndicator(EventStore eventStore, ObjectProvider<EventStorageEngine> engine) {
        return () -> {
            try {
                TrackingToken token = eventStore.createHeadToken();
                OptionalLong head = token == null ? OptionalLong.empty() : token.position();
                return Health.up()
                        .withDetail(
                                "store",
                                engine.getIfAvailable() != null
                                        ? engine.getIfAvailable().getClass().getSimpleName()
                                        : eventStore.getClass().getSimpleName())
                        .withDetail("headPosition", head.isPresent() ? head.getAsLong() : -1)
                        .build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }

    @Bean
    HealthIndicator readStoreHealthIndicator(MongoDatabase readStore) {
        return () -> {
            try {
                Document pong = readStore.runCommand(new Document("ping", 1));
                return Health.up()
                        .withDetail("database", readStore.getName())
                        .withDetail("ping", pong.get("ok"))
                        .build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }
}
