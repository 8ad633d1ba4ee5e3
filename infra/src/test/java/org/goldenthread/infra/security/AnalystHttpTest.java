package org.goldenthread.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.Workshop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * An analyst answers "how many NOT_WORKING statements per theme" and reads no words and no pseudonym — over every
 * GET an analyst may call (found from the controllers' rules, so a new one is checked too).
 */
class AnalystHttpTest {

    @TempDir
    Path data;

    @Test
    void an_analyst_counts_statements_per_theme_but_reads_no_words_and_no_pseudonym() {
        try (RunningApp app = RunningApp.start(data, "goldenthread.read-store=memory")) {
            Workshop w = Workshop.launch(app.api("facilitator"));
            w.member("analyst", "ANALYST");
            List<String> lonely = new ArrayList<>();
            List<String> words = new ArrayList<>();
            List<String> people = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                String text = "Words only person " + i + " said";
                words.add(text);
                people.add("PSEUDO-" + i);
                lonely.addAll(w.review("PSEUDO-" + i, "NOT_WORKING", 1, text));
            }
            List<String> bored = w.review("PSEUDO-7", "NOT_WORKING", 1, "Nothing happens all day");
            words.add("Nothing happens all day");
            people.add("PSEUDO-7");
            String lonelyTheme = w.theme("NOT_WORKING", "I am lonely", lonely);
            String boredTheme = w.theme("NOT_WORKING", "I am bored", bored);
            w.participant("Patricia Quentin-Smith", "PERSON", null);

            Api analyst = app.api("analyst");
            JsonNode analysis = analyst.get(w.path("/analysis")).json();
            assertThat(analysis.get("smallCellThreshold").asInt()).isEqualTo(5);
            JsonNode notWorking = null;
            for (JsonNode c : analysis.get("categories")) {
                if (c.get("category").asText().equals("NOT_WORKING")) {
                    notWorking = c;
                }
            }
            assertThat(notWorking.get("statements").asText()).isEqualTo("7");
            assertThat(notWorking.get("people").asText()).isEqualTo("7");
            Map<String, String> perTheme = new java.util.HashMap<>();
            notWorking
                    .get("themes")
                    .forEach(t -> perTheme.put(
                            t.get("themeId").asText(),
                            t.get("title").asText() + "=" + t.get("statements").asText() + "/"
                                    + t.get("people").asText()));
            assertThat(perTheme)
                    .containsEntry(lonelyTheme, "I am lonely=6/6")
                    .containsEntry(boredTheme, "I am bored=<5/<5");

            // every GET the analyst may call: no words, no pseudonym, no name
            RequestMappingHandlerMapping mapping =
                    app.context().getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
            List<String> paths = new ArrayList<>();
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                    mapping.getHandlerMethods().entrySet()) {
                Access access = e.getValue().getMethodAnnotation(Access.class);
                boolean get = e.getKey().getMethodsCondition().getMethods().stream()
                        .anyMatch(m -> m.name().equals("GET"));
                if (access != null
                        && get
                        && Set.of(Rule.ANALYSE, Rule.SIGNED_IN).contains(access.value())) {
                    e.getKey().getPatternValues().stream()
                            .filter(p -> p.startsWith("/api/")) // the pages are shells; their data is these
                            .forEach(p -> paths.add(p.replace("{programmeId}", w.id)));
                }
            }
            assertThat(paths).contains("/api/programmes/" + w.id + "/analysis", "/api/programmes");
            for (String path : paths) {
                Api.Response r = analyst.get(path);
                assertThat(r.status()).as(path).isEqualTo(200);
                for (String forbidden : concat(words, people, List.of("Patricia", "Quentin-Smith"))) {
                    assertThat(r.body()).as(path).doesNotContain(forbidden);
                }
            }
            // and the views with words are closed to them
            assertThat(analyst.get(w.path("/boards/NOT_WORKING")).status()).isEqualTo(403);
            assertThat(analyst.get(w.path("")).status()).isEqualTo(403);
            assertThat(analyst.get(w.path("/thread/untraced")).status()).isEqualTo(403);
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> out = new ArrayList<>();
        for (List<String> l : lists) {
            out.addAll(l);
        }
        return out;
    }
}
