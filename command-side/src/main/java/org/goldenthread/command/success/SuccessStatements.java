package org.goldenthread.command.success;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.goldenthread.command.understand.FiveWhys;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.UnknownReference;
import org.goldenthread.kernel.success.*;

/**
 * Step 5, Identify success: each stakeholder group's success statements for a prioritised theme, each
 * answering some of the theme's chosen root causes, and the measures ("how else would you know?") of each.
 * A revision keeps the statement's perspective (and so its voice) and records the root-cause links it made
 * and broke. The caller checks that the theme is prioritised before a statement is written for it.
 */
public final class SuccessStatements {

    public record Statement(
            String successId, String themeId, SuccessPerspective perspective, String text, List<String> rootCauseIds) {}

    public record Measure(String measureId, String successId, String themeId, MeasureKind kind) {}

    private final Map<String, Statement> statements = new LinkedHashMap<>();
    private final Map<String, Measure> measures = new LinkedHashMap<>();

    // ---- queries

    public Statement require(String successId) {
        Statement s = statements.get(successId);
        if (s == null) {
            throw new UnknownReference("success", successId);
        }
        return s;
    }

    /** The measure exists ({@code measure}, 404). */
    public Measure requireMeasure(String measureId) {
        Measure m = measures.get(measureId);
        if (m == null) {
            throw new UnknownReference("measure", measureId);
        }
        return m;
    }

    // ---- decisions

    public List<Object> write(WriteSuccessStatement c, FiveWhys whys) {
        if (statements.containsKey(c.successId())) {
            throw new RuleViolation("ids-unique", "success statement id '" + c.successId() + "' is already used");
        }
        requireRootCauses(c.themeId(), c.rootCauseIds(), whys);
        return List.of(new SuccessStatementWritten(
                c.programmeId(), c.successId(), c.themeId(), c.perspective(), c.text(), c.rootCauseIds()));
    }

    public List<Object> revise(ReviseSuccessStatement c, FiveWhys whys) {
        Statement s = require(c.successId());
        WriteSuccessStatement.requireVoice(s.perspective(), c.text());
        requireRootCauses(s.themeId(), c.rootCauseIds(), whys);
        List<String> linked = c.rootCauseIds().stream()
                .filter(id -> !s.rootCauseIds().contains(id))
                .toList();
        List<String> unlinked = s.rootCauseIds().stream()
                .filter(id -> !c.rootCauseIds().contains(id))
                .toList();
        return List.of(new SuccessStatementRevised(
                c.programmeId(), c.successId(), s.themeId(), c.text(), c.rootCauseIds(), linked, unlinked, c.reason()));
    }

    public List<Object> define(DefineMeasure c) {
        Statement s = require(c.successId());
        if (measures.containsKey(c.measureId())) {
            throw new RuleViolation("ids-unique", "measure id '" + c.measureId() + "' is already used");
        }
        return List.of(new MeasureDefined(
                c.programmeId(),
                c.measureId(),
                c.successId(),
                s.themeId(),
                c.kind(),
                c.description(),
                c.dataSource(),
                c.alreadyCollected(),
                c.proxy(),
                c.unit(),
                c.direction(),
                c.owner(),
                c.frequency()));
    }

    private static void requireRootCauses(String themeId, List<String> rootCauseIds, FiveWhys whys) {
        if (new HashSet<>(rootCauseIds).size() != rootCauseIds.size()) {
            throw new InvalidInput("rootCauseIds", "rootCauseIds must not name the same cause twice");
        }
        rootCauseIds.forEach(id -> whys.requireChosenRootCause(themeId, id));
    }

    // ---- evolution

    public void evolve(SuccessStatementWritten e) {
        statements.put(
                e.successId(),
                new Statement(e.successId(), e.themeId(), e.perspective(), e.text(), List.copyOf(e.rootCauseIds())));
    }

    public void evolve(SuccessStatementRevised e) {
        Statement s = statements.get(e.successId());
        statements.put(
                s.successId(),
                new Statement(s.successId(), s.themeId(), s.perspective(), e.text(), List.copyOf(e.rootCauseIds())));
    }

    public void evolve(MeasureDefined e) {
        measures.put(e.measureId(), new Measure(e.measureId(), e.successId(), e.themeId(), e.kind()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SuccessStatements s
                && List.copyOf(statements.values()).equals(List.copyOf(s.statements.values()))
                && List.copyOf(measures.values()).equals(List.copyOf(s.measures.values()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(statements, measures);
    }
}
