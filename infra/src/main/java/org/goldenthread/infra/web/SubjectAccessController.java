package org.goldenthread.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.infra.security.Access;
import org.goldenthread.infra.security.Rule;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.UnknownReference;
import org.goldenthread.kernel.programme.ErasureView;
import org.goldenthread.kernel.programme.FindErasure;
import org.goldenthread.kernel.theme.BoardView;
import org.goldenthread.kernel.theme.FindBoard;
import org.goldenthread.kernel.thread.Direction;
import org.goldenthread.kernel.thread.FindThread;
import org.goldenthread.kernel.thread.NodeType;
import org.goldenthread.kernel.thread.ThreadView;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * A subject-access export: for one pseudonym, everything the service holds about that person — their statements
 * (their words, or what was erased and when), where each went (the theme it is in, or the pile, and that theme's
 * votes in the latest round) and the golden thread forward from each (what was done) — as JSON, and as a page a
 * facilitator or admin can hand over.
 */
@RestController
@RequestMapping("/api/programmes/{programmeId}/people/{person}")
@Tag(name = "Personal data")
public class SubjectAccessController {

    public record SubjectAccessExport(
            String programmeId, String person, Instant generatedAt, Erasure erasure, List<HeldStatement> statements) {}

    /** Null when the person's erasure was never asked for. */
    public record Erasure(String status, Instant requestedAt, Instant keyDestroyedAt) {}

    /**
     * {@code placedIn}: THEME (with its id, title and votes), UNCLUSTERED or PARKED; {@code thread}: what it led to.
     */
    public record HeldStatement(
            String statementId,
            Category category,
            int priority,
            String text,
            boolean erased,
            String placedIn,
            String themeId,
            String themeTitle,
            Integer themeVotes,
            ThreadView thread) {}

    private final Acts acts;

    public SubjectAccessController(Acts acts) {
        this.acts = acts;
    }

    @Access(Rule.GOVERN)
    @GetMapping("/export")
    @Operation(
            summary = "Subject-access export of one person (pseudonym): their statements, where each went, "
                    + "the thread forward, and any erasure")
    public SubjectAccessExport export(@PathVariable String programmeId, @PathVariable String person) {
        List<HeldStatement> held = new ArrayList<>();
        for (Category c : Category.values()) {
            BoardView board = acts.find(new FindBoard(programmeId, c), BoardView.class, "programme", programmeId);
            for (BoardView.Theme t : board.themes()) {
                t.statements().stream()
                        .filter(s -> s.person().equals(person))
                        .forEach(s -> held.add(statement(programmeId, c, s, "THEME", t)));
            }
            board.unclustered().stream()
                    .filter(s -> s.person().equals(person))
                    .forEach(s -> held.add(statement(programmeId, c, s, "UNCLUSTERED", null)));
            board.parked().stream()
                    .filter(s -> s.person().equals(person))
                    .forEach(s -> held.add(statement(programmeId, c, s, "PARKED", null)));
        }
        ErasureView erasure = acts.ask(new FindErasure(programmeId, person), ErasureView.class);
        if (held.isEmpty() && erasure == null) {
            throw new UnknownReference("person", person);
        }
        return new SubjectAccessExport(
                programmeId,
                person,
                Instant.now(),
                erasure == null
                        ? null
                        : new Erasure(erasure.status().name(), erasure.requestedAt(), erasure.keyDestroyedAt()),
                List.copyOf(held));
    }

    private HeldStatement statement(
            String programmeId, Category category, BoardView.Statement s, String pile, BoardView.Theme theme) {
        ThreadView thread = acts.ask(
                new FindThread(
                        programmeId,
                        new NodeType.NodeRef(NodeType.STATEMENT, s.statementId()),
                        Direction.FORWARD,
                        null),
                ThreadView.class);
        return new HeldStatement(
                s.statementId(),
                category,
                s.priority(),
                s.text(),
                s.erased(),
                pile,
                theme == null ? null : theme.themeId(),
                theme == null ? null : theme.title(),
                theme == null ? null : theme.votes(),
                thread);
    }

    @Access(Rule.GOVERN)
    @GetMapping(value = "/export.html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The subject-access export as a readable page")
    public String page(@PathVariable String programmeId, @PathVariable String person) {
        SubjectAccessExport e = export(programmeId, person);
        StringBuilder html = new StringBuilder(
                        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>What we hold about ")
                .append(h(person))
                .append("</title></head><body><h1>What Golden Thread holds about ")
                .append(h(person))
                .append("</h1>")
                .append("<p>Programme ")
                .append(h(programmeId))
                .append(". Made ")
                .append(h(e.generatedAt().toString()))
                .append(".</p>");
        if (e.erasure() != null) {
            html.append("<h2>Erasure</h2><p>Erasure asked for on ")
                    .append(h(String.valueOf(e.erasure().requestedAt())))
                    .append(": ")
                    .append(
                            e.erasure().status().equals("DONE")
                                    ? "done — the key to these words was destroyed on "
                                            + h(String.valueOf(e.erasure().keyDestroyedAt()))
                                            + "; the words cannot be read by anyone."
                                    : "pending — the words are already hidden; the key is being destroyed.")
                    .append("</p>");
        }
        html.append("<h2>Your statements (").append(e.statements().size()).append(")</h2><ol>");
        for (HeldStatement s : e.statements()) {
            html.append("<li><p><strong>")
                    .append(h(s.category().name()))
                    .append("</strong> (priority ")
                    .append(s.priority())
                    .append("): ")
                    .append(s.erased() ? "<em>erased</em>" : "“" + h(s.text()) + "”")
                    .append("</p><p>");
            if (s.themeId() != null) {
                html.append("Grouped in the theme “")
                        .append(h(s.themeTitle()))
                        .append("”, which had ")
                        .append(s.themeVotes())
                        .append(" vote(s) in the latest round.");
            } else {
                html.append(
                        s.placedIn().equals("PARKED")
                                ? "Set aside (parked) by the workshop."
                                : "Not yet grouped into a theme.");
            }
            html.append("</p>");
            List<String> led = new ArrayList<>();
            if (s.thread() != null) {
                collect(s.thread(), led, 0);
            }
            if (!led.isEmpty()) {
                html.append("<p>What it led to:</p><ul>");
                led.forEach(l -> html.append("<li>").append(l).append("</li>"));
                html.append("</ul>");
            }
            html.append("</li>");
        }
        return html.append("</ol></body></html>").toString();
    }

    private static void collect(ThreadView node, List<String> out, int depth) {
        for (ThreadView child : node.children()) {
            if (!child.repeat()) {
                out.add("&nbsp;".repeat(depth * 4) + h(child.type().toLowerCase(java.util.Locale.ROOT)) + ": "
                        + h(child.label() == null ? "" : child.label()));
            }
            collect(child, out, depth + 1);
        }
    }

    private static String h(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s);
    }
}
