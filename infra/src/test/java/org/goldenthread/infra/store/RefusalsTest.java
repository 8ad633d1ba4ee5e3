package org.goldenthread.infra.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.Workshop;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.Refusal;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.UnknownReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refusal leaves the programme as it was: no rollback (so no eviction from the cache) unless an event was applied.
 */
class RefusalsTest {

    @TempDir
    Path data;

    private static boolean rollsBack(Throwable t, boolean eventsStaged) {
        UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
        try {
            if (eventsStaged) {
                uow.resources().put("SomeEventBus@1_EVENTS", new ArrayList<>(List.of("an event")));
            }
            return Refusals.rollback().rollBackOn(t);
        } finally {
            uow.rollback();
        }
    }

    @Test
    void a_refusal_that_applied_nothing_commits_anything_else_rolls_back() {
        RuleViolation rule = new RuleViolation("three-votes", "three votes each");
        assertThat(rollsBack(rule, false)).isFalse();
        assertThat(rollsBack(new InvalidInput("title", "blank"), false)).isFalse();
        assertThat(rollsBack(new UnknownReference("theme", "t1"), false)).isFalse();
        assertThat(rollsBack(new CommandExecutionException("refused", null, rule.refusal()), false))
                .isFalse();
        // an event was applied before the refusal: roll back, whatever it was
        assertThat(rollsBack(rule, true)).isTrue();
        // not a refusal: roll back
        assertThat(rollsBack(new IllegalStateException("bug"), false)).isTrue();
        assertThat(rollsBack(new CommandExecutionException("failed", null, "not a refusal"), false))
                .isTrue();
        // outside a unit of work there is nothing to keep
        assertThat(Refusals.rollback().rollBackOn(rule)).isTrue();
        assertThat(Refusals.of(new CommandExecutionException("x", null, rule.refusal())))
                .isEqualTo(new Refusal(
                        Refusal.Kind.RULE_VIOLATION, "three votes each", null, "three-votes", null, null, null));
    }

    @Test
    void refused_acts_keep_the_programme_in_the_cache() {
        try (RunningApp app = RunningApp.start(data, "goldenthread.read-store=memory")) {
            Api facilitator = app.api("facilitator");
            Workshop w = Workshop.launch(facilitator);
            List<String> s = w.review("P-1", "NOT_WORKING", 1, "I have only one friend");
            LruAggregateCache cache = app.bean(LruAggregateCache.class);
            assertThat(cache.containsKey(w.id)).isTrue();
            for (int i = 0; i < 20; i++) {
                assertThat(w.post(
                                        "/boards/NOT_WORKING/themes",
                                        Map.of("title", "I am lonely", "statementIds", List.of("nope")))
                                .status())
                        .isEqualTo(404);
                assertThat(w.post(
                                        "/reviews",
                                        Map.of(
                                                "person",
                                                "P-1",
                                                "statements",
                                                List.of(Map.of(
                                                        "category", "NOT_WORKING", "priority", 1, "text", "again"))))
                                .status())
                        .isEqualTo(409);
            }
            assertThat(cache.containsKey(w.id)).isTrue();
            // and nothing of them was applied
            assertThat(w.view("/boards/NOT_WORKING").get("themes")).isEmpty();
            assertThat(w.view("").get("statements").asInt()).isEqualTo(1);
            assertThat(w.theme("NOT_WORKING", "I am lonely", s)).isNotBlank();
        }
    }
}
