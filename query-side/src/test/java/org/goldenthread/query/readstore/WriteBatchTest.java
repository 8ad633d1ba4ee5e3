package org.goldenthread.query.readstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.codecs.pojo.annotations.BsonId;
import org.goldenthread.query.support.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WriteBatchTest {

    public record Bag(@BsonId String id, List<String> items) {
        public Bag {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    record Add(String bag, String item) {}

    /** Adds then fails: a poison event. */
    record AddThenFail(String bag, String item) {}

    /** Counted by update operators (a projection of plain documents). */
    record Count(String bag) {}

    record CountThenFail(String bag) {}

    /** A projection of bags; it records what it saw of the store while handling. */
    public static final class Bags {
        final DocumentCollection<Bag> bags;
        final List<Long> storedWhileHandling = new ArrayList<>();

        final com.mongodb.client.MongoCollection<org.bson.Document> tallies;

        Bags(MongoDatabase db) {
            bags = new DocumentCollection<>(db, "bags", Bag.class, Bag::id);
            tallies = db.getCollection("tallies");
        }

        Map<String, Integer> counted() {
            Map<String, Integer> out = new java.util.TreeMap<>();
            tallies.find().forEach(d -> out.put(d.getString("_id"), d.getInteger("n")));
            return out;
        }

        @EventHandler
        public void on(Add e) {
            storedWhileHandling.add(bags.collection().countDocuments());
            add(e.bag(), e.item());
        }

        @EventHandler
        public void on(AddThenFail e) {
            add(e.bag(), e.item());
            throw new IllegalStateException("poison " + e.item());
        }

        @EventHandler
        public void on(Count e) {
            storedWhileHandling.add(tallies.countDocuments());
            // two updates whose order matters: the second sets what the first has just counted
            QueuedWrites.updateOne(
                    tallies,
                    Filters.eq("_id", e.bag()),
                    com.mongodb.client.model.Updates.inc("n", 1),
                    Documents.UPSERT);
            QueuedWrites.updateOne(
                    tallies, Filters.eq("_id", e.bag()), com.mongodb.client.model.Updates.set("last", e.bag()));
        }

        @EventHandler
        public void on(CountThenFail e) {
            QueuedWrites.updateOne(
                    tallies,
                    Filters.eq("_id", e.bag()),
                    com.mongodb.client.model.Updates.inc("n", 100),
                    Documents.UPSERT);
            throw new IllegalStateException("poison count");
        }

        private void add(String bag, String item) {
            Bag found = bags.find(bag).orElseGet(() -> bags.blank(bag));
            LinkedHashSet<String> items = new LinkedHashSet<>(found.items());
            items.add(item);
            bags.put(new Bag(bag, new ArrayList<>(items)));
        }

        Map<String, Bag> stored() {
            Map<String, Bag> out = new java.util.TreeMap<>();
            bags.collection().find().forEach(b -> out.put(b.id(), b));
            return out;
        }
    }

    private static EmbeddedMongo mongo;
    private Bags projection;
    private AnnotationEventHandlerAdapter adapter;

    @BeforeAll
    static void start() {
        mongo = new EmbeddedMongo();
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @BeforeEach
    void fresh() {
        projection = new Bags(mongo.freshDatabase());
        adapter = new AnnotationEventHandlerAdapter(projection);
    }

    /** Handles the events as a processor does: one batching unit of work through the interceptor. */
    private void batch(boolean deadLetterFailures, Object... payloads) {
        batch(null, deadLetterFailures, payloads);
    }

    /** As a rebuild does when {@code ledger} is given: the unit of work carries the rebuild's ledger. */
    private void batch(RebuildLedger ledger, boolean deadLetterFailures, Object... payloads) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Object p : payloads) {
            messages.add(GenericEventMessage.asEventMessage(p));
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
        if (ledger != null) {
            unitOfWork.resources().put(RebuildLedger.RESOURCE, ledger);
        }
        var result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(
                        unitOfWork, List.of(new WriteBatchInterceptor()), m -> {
                            try {
                                return adapter.handle(m);
                            } catch (IllegalStateException poison) {
                                if (deadLetterFailures) {
                                    return null; // as Axon's dead-lettering invoker does: the event is set aside
                                }
                                throw poison;
                            }
                        })
                .proceed());
        if (result.isExceptional()) {
            throw (RuntimeException) result.exceptionResult();
        }
    }

    @Test
    void a_batch_reaches_the_store_when_its_last_event_is_handled_and_reads_see_its_own_writes() {
        batch(false, new Add("a", "1"), new Add("a", "2"), new Add("b", "3"));

        assertThat(projection.storedWhileHandling).containsExactly(0L, 0L, 0L);
        assertThat(projection.stored())
                .containsExactly(
                        Map.entry("a", new Bag("a", List.of("1", "2"))), Map.entry("b", new Bag("b", List.of("3"))));
    }

    @Test
    void a_failing_handler_leaves_none_of_its_writes_while_the_rest_of_the_batch_is_written() {
        batch(
                true,
                new Add("a", "1"),
                new AddThenFail("a", "poison"),
                new AddThenFail("c", "poison"),
                new Add("a", "2"));

        assertThat(projection.stored()).containsExactly(Map.entry("a", new Bag("a", List.of("1", "2"))));
    }

    @Test
    void a_failed_batch_writes_nothing_so_it_can_be_handled_again() {
        assertThatThrownBy(() -> batch(false, new Add("a", "1"), new AddThenFail("a", "poison"), new Add("b", "2")))
                .hasMessageContaining("poison");

        assertThat(projection.stored()).isEmpty();
        batch(false, new Add("a", "1"), new Add("b", "2"));
        assertThat(projection.stored()).containsOnlyKeys("a", "b");
    }

    @Test
    void updates_by_operator_reach_the_store_in_order_at_the_end_of_the_batch_and_a_failing_handler_leaves_none() {
        batch(true, new Count("a"), new CountThenFail("a"), new Count("a"), new Count("b"));

        assertThat(projection.storedWhileHandling).containsExactly(0L, 0L, 0L);
        assertThat(projection.counted()).containsExactly(Map.entry("a", 2), Map.entry("b", 1));
        assertThat(projection.tallies.find(Filters.eq("_id", "b")).first().getString("last"))
                .isEqualTo("b");
    }

    @Test
    void in_a_rebuild_a_document_it_never_wrote_is_not_looked_for_and_is_inserted() {
        RebuildLedger ledger = new RebuildLedger();
        batch(ledger, false, new Add("a", "1"));
        // a document that appears behind the rebuild's back (it is the only writer, so this cannot happen in a
        // rebuild): the ledger answers that it does not exist, and the insert that meets it replaces it instead
        projection.bags.collection().insertOne(new Bag("x", List.of("not the rebuild's")));

        batch(ledger, false, new Add("x", "2"), new Add("a", "3"));

        assertThat(projection.stored())
                .containsExactly(
                        Map.entry("a", new Bag("a", List.of("1", "3"))), Map.entry("x", new Bag("x", List.of("2"))));
        assertThat(ledger.size()).isEqualTo(2);
    }

    @Test
    void a_ledger_the_rebuild_is_over_with_frees_what_it_recorded_and_every_document_is_read_as_usual() {
        RebuildLedger ledger = new RebuildLedger();
        batch(ledger, false, new Add("a", "1"));
        assertThat(ledger.size()).isEqualTo(1);

        ledger.forget();
        projection.bags.collection().insertOne(new Bag("x", List.of("written since")));
        batch(ledger, false, new Add("x", "2"));

        assertThat(ledger.size()).isZero();
        assertThat(projection.stored())
                .containsExactly(
                        Map.entry("a", new Bag("a", List.of("1"))),
                        Map.entry("x", new Bag("x", List.of("written since", "2"))));
    }

    @Test
    void in_a_rebuild_a_collection_that_was_not_empty_is_read_as_usual() {
        projection.bags.put(new Bag("x", List.of("old")));
        RebuildLedger ledger = new RebuildLedger();

        batch(ledger, false, new Add("x", "new"));

        assertThat(projection.stored()).containsExactly(Map.entry("x", new Bag("x", List.of("old", "new"))));
        assertThat(ledger.size()).isZero();
    }

    @Test
    void outside_a_batch_every_write_goes_to_the_store_at_once() {
        projection.on(new Add("a", "1"));
        projection.on(new Add("a", "2"));

        assertThat(projection.storedWhileHandling).containsExactly(0L, 1L);
        assertThat(projection.bags.collection().find(Filters.eq("_id", "a")).first())
                .isEqualTo(new Bag("a", List.of("1", "2")));
    }

    @Test
    void many_ids_are_read_in_parts_and_missing_ones_are_remembered_as_missing() {
        for (int i = 0; i < 300; i++) {
            projection.bags.put(new Bag("b" + i, List.of()));
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 310; i++) {
            ids.add("b" + i);
        }
        assertThat(projection.bags.find(ids)).hasSize(300).containsKey("b299").doesNotContainKey("b300");
    }

    @Test
    void a_blank_document_has_the_leading_components_given_and_the_others_unset() {
        assertThat(projection.bags.blank("c")).isEqualTo(new Bag("c", List.of()));
        assertThat(projection.bags.blank()).isEqualTo(new Bag(null, List.of()));
        assertThatThrownBy(() -> projection.bags.blank("c", List.of(), "extra"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more values than components");
    }
}
