package org.goldenthread.infra.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldenthread.infra.web.Acts;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.Lists;
import org.goldenthread.kernel.UnknownReference;
import org.goldenthread.kernel.programme.FindProgramme;
import org.goldenthread.kernel.programme.ProgrammeView;
import org.goldenthread.kernel.progress.FindProgress;
import org.goldenthread.kernel.progress.FindThemeWork;
import org.goldenthread.kernel.progress.ProgressView;
import org.goldenthread.kernel.progress.ThemeWorkView;
import org.goldenthread.kernel.theme.BoardView;
import org.goldenthread.kernel.theme.FindBoard;
import org.goldenthread.kernel.thread.Direction;
import org.goldenthread.kernel.thread.FindThread;
import org.goldenthread.kernel.thread.NodeType;
import org.goldenthread.kernel.thread.ThreadView;
import org.springframework.stereotype.Component;

/**
 * "You said, we did" (the Do toolkit's first task: a summary people can take in within ten minutes): per programme,
 * the prioritised themes of the current cycle in people's own words — a few quotes each, never from a person who has
 * been forgotten — and what is being done about each (the ideas chosen, the action plans and how far they are, the
 * measures and their progress, the KPIs agreed in contracts); per contributor, each of their statements, the theme it
 * joined, and what is being done, following the golden thread forward from the statement.
 */
@Component
public class YouSaidWeDid {

    /** Quotes per theme: enough to hear people, few enough to read in ten minutes. */
    static final int QUOTES = 3;

    public record Summary(String programmeId, String purpose, int cycle, List<ThemeSummary> themes) {}

    public record ThemeSummary(String themeId, String title, int rank, int votes, List<String> quotes, Doing doing) {}

    /** What is being done: plain lines, each a thing people can check. */
    public record Doing(List<String> ideas, List<PlanLine> plans, List<String> measures, List<String> kpis) {
        public boolean isEmpty() {
            return ideas.isEmpty() && plans.isEmpty() && measures.isEmpty() && kpis.isEmpty();
        }
    }

    public record PlanLine(String what, String lead, int milestones, int reached) {}

    public record Contributor(String programmeId, String person, List<Said> statements) {}

    /**
     * One statement of the person: {@code where} is THEME, PARKED or UNCLUSTERED; {@code prioritised} when its theme
     * went forward; {@code erased} (and no text) when the person was forgotten.
     */
    public record Said(
            String statementId,
            Category category,
            String text,
            boolean erased,
            String where,
            String themeTitle,
            boolean prioritised,
            Doing doing) {}

    private final Acts acts;

    public YouSaidWeDid(Acts acts) {
        this.acts = acts;
    }

    public Summary programme(String programmeId) {
        ProgrammeView programme =
                acts.find(new FindProgramme(programmeId), ProgrammeView.class, "programme", programmeId);
        ProgressView progress = acts.find(new FindProgress(programmeId), ProgressView.class, "programme", programmeId);
        BoardView board = acts.ask(new FindBoard(programmeId, Category.NOT_WORKING), BoardView.class);
        List<ThemeSummary> themes = new ArrayList<>();
        for (ProgressView.PrioritisedTheme t : prioritised(progress)) {
            List<String> quotes = new ArrayList<>();
            if (board != null) {
                board.themes().stream()
                        .filter(b -> b.themeId().equals(t.themeId()))
                        .flatMap(b -> b.statements().stream())
                        .filter(s -> !s.erased())
                        .sorted(Comparator.comparingInt(BoardView.Statement::priority))
                        .limit(QUOTES)
                        .forEach(s -> quotes.add(s.text()));
            }
            themes.add(new ThemeSummary(
                    t.themeId(), t.title(), t.rank(), t.votes(), quotes, doing(programmeId, t.themeId())));
        }
        return new Summary(programmeId, programme.purpose(), progress.cycle(), themes);
    }

    public Contributor contributor(String programmeId, String person) {
        ProgressView progress = acts.find(new FindProgress(programmeId), ProgressView.class, "programme", programmeId);
        Set<String> prioritised = new LinkedHashSet<>();
        prioritised(progress).forEach(t -> prioritised.add(t.themeId()));
        List<Said> said = new ArrayList<>();
        for (Category c : Category.values()) {
            BoardView board = acts.ask(new FindBoard(programmeId, c), BoardView.class);
            if (board == null) {
                continue;
            }
            for (BoardView.Theme t : board.themes()) {
                for (BoardView.Statement s : t.statements()) {
                    if (s.person().equals(person)) {
                        boolean forward = prioritised.contains(t.themeId());
                        said.add(said(
                                c,
                                s,
                                "THEME",
                                t.title(),
                                forward,
                                forward ? doing(programmeId, t.themeId()) : thread(programmeId, s.statementId())));
                    }
                }
            }
            board.parked().stream()
                    .filter(s -> s.person().equals(person))
                    .forEach(s -> said.add(said(c, s, "PARKED", null, false, none())));
            board.unclustered().stream()
                    .filter(s -> s.person().equals(person))
                    .forEach(s -> said.add(said(c, s, "UNCLUSTERED", null, false, none())));
        }
        if (said.isEmpty()) {
            throw new UnknownReference("person", person);
        }
        return new Contributor(programmeId, person, said);
    }

    private static Said said(
            Category c, BoardView.Statement s, String where, String theme, boolean prioritised, Doing doing) {
        return new Said(s.statementId(), c, s.erased() ? null : s.text(), s.erased(), where, theme, prioritised, doing);
    }

    private static List<ProgressView.PrioritisedTheme> prioritised(ProgressView progress) {
        if (progress.prioritisedThemes() == null) {
            return List.of();
        }
        return progress.prioritisedThemes().stream()
                .filter(t -> t.cycle() == progress.cycle())
                .sorted(Comparator.comparingInt(ProgressView.PrioritisedTheme::rank))
                .toList();
    }

    private static Doing none() {
        return new Doing(List.of(), List.of(), List.of(), List.of());
    }

    /**
     * What is being done about a prioritised theme: its work (ideas, plans, measures) and the KPIs its thread
     * reaches.
     */
    private Doing doing(String programmeId, String themeId) {
        ThemeWorkView work = acts.ask(new FindThemeWork(programmeId, themeId), ThemeWorkView.class);
        List<String> ideas = new ArrayList<>();
        List<PlanLine> plans = new ArrayList<>();
        List<String> measures = new ArrayList<>();
        if (work != null) {
            Lists.normal(work.ideas()).stream()
                    .filter(i -> i.chosen() && !i.dropped())
                    .forEach(i -> ideas.add(i.text()));
            for (ThemeWorkView.Plan p : Lists.normal(work.plans())) {
                plans.add(new PlanLine(
                        p.content().keyFeatures(),
                        p.content().lead(),
                        Lists.normal(p.content().milestones()).size(),
                        Lists.normal(p.reached()).size()));
            }
            for (ThemeWorkView.Success s : Lists.normal(work.successStatements())) {
                for (ThemeWorkView.Measure m : Lists.normal(s.measures())) {
                    measures.add(
                            m.progress() == null || m.progress().isBlank()
                                    ? m.description()
                                    : m.description() + ": " + m.progress());
                }
            }
        }
        List<String> kpis =
                List.copyOf(reached(programmeId, NodeType.THEME, themeId).get("kpi"));
        return new Doing(List.copyOf(ideas), List.copyOf(plans), List.copyOf(measures), kpis);
    }

    /** For a statement whose theme did not go forward: whatever its thread reaches anyway (KPIs, plans, ideas). */
    private Doing thread(String programmeId, String statementId) {
        Map<String, Set<String>> reached = reached(programmeId, NodeType.STATEMENT, statementId);
        return new Doing(
                List.copyOf(reached.get("idea")),
                reached.get("plan").stream()
                        .map(label -> new PlanLine(label, null, 0, 0))
                        .toList(),
                List.of(),
                List.copyOf(reached.get("kpi")));
    }

    /** The labels of the ideas, plans and KPIs the thread reaches going forward from the node, by type (one walk). */
    private Map<String, Set<String>> reached(String programmeId, NodeType type, String id) {
        Map<String, Set<String>> labels = new java.util.HashMap<>();
        for (String wanted : List.of("idea", "plan", "kpi")) {
            labels.put(wanted, new LinkedHashSet<>());
        }
        ThreadView root = acts.ask(
                new FindThread(programmeId, new NodeType.NodeRef(type, id), Direction.FORWARD, null), ThreadView.class);
        if (root != null) {
            collect(root, labels);
        }
        return labels;
    }

    private static void collect(ThreadView node, Map<String, Set<String>> labels) {
        Set<String> ofType = labels.get(node.type());
        if (ofType != null && node.link() != null && node.link().unmadeAt() == null) {
            ofType.add(node.label() != null ? node.label() : node.text());
        }
        node.children().forEach(c -> collect(c, labels));
    }
}
