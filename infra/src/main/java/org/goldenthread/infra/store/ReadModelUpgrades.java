package org.goldenthread.infra.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a read model whose documents were written under another {@link
 * org.goldenthread.query.readstore.ReadModelVersion}: at start, its processor
 * is reset (its reset handler drops its documents) and replays the events, and the version it was built under is
 * recorded in {@code read_model_versions}. A read store without a record (a new one) is built from the events once.
 */
@Component
public class ReadModelUpgrades {

    private static final Logger log = LoggerFactory.getLogger(ReadModelUpgrades.class);
    static final String COLLECTION = "read_model_versions";

    private final ApplicationContext context;
    private final EventProcessingConfiguration processing;
    private final MongoCollection<Document> versions;
    /** Axon's token store collection (axon-mongo's default name). */
    private final MongoCollection<Document> tokens;

    private final ReadStoreConfiguration.ReadStoreSync durable;

    public ReadModelUpgrades(
            ApplicationContext context,
            EventProcessingConfiguration processing,
            MongoDatabase readStore,
            ReadStoreConfiguration.ReadStoreSync durable) {
        this.context = context;
        this.durable = durable;
        this.processing = processing;
        this.versions = readStore.getCollection(COLLECTION);
        this.tokens = readStore.getCollection("trackingtokens");
    }

    /** The version of each read model (processing group) as its projection declares it. */
    Map<String, Integer> declared() {
        return new TreeMap<>(ReadModels.of(context).versions());
    }

    /** Whether the processor has handled anything (a read store from before versions were recorded): a stored token. */
    private boolean hasProgress(String group) {
        return tokens.find(Filters.and(Filters.eq("processorName", group), Filters.ne("token", null)))
                        .first()
                != null;
    }

    /**
     * Runs as Axon starts, just before the event processors do (so a processor is reset while it is not running:
     * no shutdown racing its own start, no segment left unclaimed for a claim interval, and the tokens it reads are
     * those of earlier runs only).
     */
    @org.springframework.context.annotation.Bean
    static org.axonframework.config.ConfigurerModule readModelUpgradesBeforeProcessing(
            org.springframework.beans.factory.ObjectProvider<ReadModelUpgrades> upgrades) {
        return configurer -> configurer.onStart(
                org.axonframework.lifecycle.Phase.INBOUND_EVENT_CONNECTORS - 1,
                () -> upgrades.getObject().upgrade());
    }

    void upgrade() {
        declared().forEach((group, version) -> {
            Document recorded = versions.find(Filters.eq("_id", group)).first();
            Integer built = recorded == null ? null : recorded.getInteger("version");
            if (built != null && built.equals(version)) {
                return;
            }
            StreamingEventProcessor processor = processing
                    .eventProcessor(group, StreamingEventProcessor.class)
                    .orElse(null);
            if (processor == null) {
                return;
            }
            if (built != null || hasProgress(group)) {
                log.info(
                        "Read model '{}' was built under version {}; rebuilding it for version {} from the events",
                        group,
                        built == null ? 1 : built,
                        version);
                boolean running = processor.isRunning();
                if (running) {
                    processor.shutDown();
                }
                processor.resetTokens();
                if (running) {
                    processor.start();
                }
            }
            versions.replaceOne(
                    Filters.eq("_id", group),
                    new Document("_id", group).append("version", version),
                    new ReplaceOptions().upsert(true));
        });
        // a crash soon after start must not lose the record and rebuild every read model on the next start
        durable.sync();
    }
}
