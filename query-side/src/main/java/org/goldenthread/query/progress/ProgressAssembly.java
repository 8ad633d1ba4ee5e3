package org.goldenthread.query.progress;

import static org.goldenthread.kernel.progress.StepPolicy.NOT_STARTED;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.progress.ProgressView;
import org.goldenthread.kernel.progress.StepPolicy;
import org.goldenthread.query.progress.ProgressStore.Programme;
import org.goldenthread.query.progress.ProgressStore.Statement;
import org.goldenthread.query.progress.ProgressStore.Theme;
import org.goldenthread.query.progress.ProgressStore.Voting;

/** Builds a programme's {@link ProgressView} from the progress documents, each step judged by {@link StepPolicy}. */
final class ProgressAssembly {

    private final ProgressStore store;

    ProgressAssembly(ProgressStore store) {
        this.store = store;
    }

    /** The programme's progress, or null when the programme was never launched. */
    ProgressView progress(String pid) {
        Optional<Programme> found = store.programme(pid);
        if (found.isEmpty() || found.get().purpose() == null) {
            return null;
        }
        Programme programme = found.get();
        int cycle = programme.cycleOr1();
        List<Theme> themes = new ArrayList<>(store.ofKind(store.themes, pid, ProgressStore.THEME, null));
        themes.sort(Comparator.comparing(Theme::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Theme::themeId));
        List<Theme> current = themes.stream().filter(t -> cycleOf(t) == cycle).toList();
        List<Theme> prioritised = current.stream()
                .filter(t -> Boolean.TRUE.equals(t.prioritised()))
                .toList();

        List<ProgressView.Step> steps = new ArrayList<>();
        steps.add(prepare(programme));
        ProgressView.Step theme = theme(pid, cycle, current, prioritised);
        steps.add(collect(pid, cycle, !NOT_STARTED.equals(theme.status())));
        steps.add(theme);
        steps.add(perTheme(
                4,
                "Understand",
                prioritised,
                current,
                "whys",
                "causes",
                t -> has(t, "rootCauses"),
                "root causes chosen",
                n -> count(current, "whys") + " whys asked, " + count(current, "causes") + " causes given, "
                        + count(current, "rootCauses") + " root causes chosen"));
        steps.add(perTheme(
                5,
                "Identify success",
                prioritised,
                current,
                "successes",
                null,
                t -> has(t, "measuredSuccesses"),
                "success statements with measures",
                n -> count(current, "successes") + " success statements, " + count(current, "measureIds")
                        + " measures"));
        steps.add(perTheme(
                6,
                "Plan",
                prioritised,
                current,
                "ideas",
                "inPlace",
                t -> has(t, "placedIdeas") && has(t, "chosenIdeas"),
                "chosen ideas placed on the grid",
                n -> count(current, "ideas") + " ideas, " + count(current, "chosenIdeas") + " chosen, "
                        + count(current, "placedIdeas") + " placed"));
        steps.add(perTheme(
                7,
                "Implement",
                prioritised,
                current,
                "plans",
                "baselined",
                t -> has(t, "plans") && has(t, "baselined"),
                "action plans agreed and measures baselined",
                n -> count(current, "plans") + " action plans, " + count(current, "baselined") + " of "
                        + count(current, "measureIds") + " measures baselined"));
        steps.add(review(programme, cycle, current));

        List<ProgressView.PrioritisedTheme> priorities = themes.stream()
                .filter(t -> Boolean.TRUE.equals(t.prioritised()))
                .sorted(Comparator.comparingInt(ProgressAssembly::cycleOf)
                        .thenComparingInt(t -> t.rank() == null ? Integer.MAX_VALUE : t.rank())
                        .thenComparing(Theme::themeId))
                .map(t -> new ProgressView.PrioritisedTheme(
                        t.themeId(), t.title(), cycleOf(t), orZero(t.rank()), orZero(t.prioritisedVotes())))
                .toList();

        return new ProgressView(pid, cycle, steps, priorities, comparison(themes));
    }

    private static int cycleOf(Theme t) {
        return orZero(t.cycle());
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }

    private static boolean has(Theme t, String kind) {
        return !t.work(kind).isEmpty();
    }

    private static int count(List<Theme> themes, String kind) {
        return themes.stream().mapToInt(t -> t.work(kind).size()).sum();
    }

    private static ProgressView.Step step(int number, String name, String status, String summary) {
        return new ProgressView.Step(number, name, status, summary);
    }

    private static ProgressView.Step prepare(Programme p) {
        boolean planned = Boolean.TRUE.equals(p.samplePlanned());
        int participants = p.participants().size();
        String status = StepPolicy.prepare(planned, participants);
        return step(
                1,
                "Prepare",
                status,
                "Purpose stated; " + (planned ? "sample planned" : "no sample plan yet") + "; " + participants
                        + (participants == 1 ? " participant" : " participants") + " registered");
    }

    private ProgressView.Step collect(String pid, int cycle, boolean cardCallStarted) {
        Map<Category, Integer> byCategory = new EnumMap<>(Category.class);
        Set<String> people = new HashSet<>();
        int total = 0;
        for (Statement s : store.ofKind(store.statements, pid, ProgressStore.STATEMENT, cycle)) {
            total++;
            if (s.person() != null) {
                people.add(s.person());
            }
            if (s.category() != null) {
                byCategory.merge(Category.valueOf(s.category()), 1, Integer::sum);
            }
        }
        String status = StepPolicy.collect(total, cardCallStarted);
        String summary = total == 0
                ? "No statements collected yet this cycle"
                : total + (total == 1 ? " statement" : " statements") + " from " + people.size()
                        + (people.size() == 1 ? " person" : " people") + " ("
                        + byCategory.getOrDefault(Category.WORKING, 0)
                        + " working, " + byCategory.getOrDefault(Category.NOT_WORKING, 0) + " not working, "
                        + byCategory.getOrDefault(Category.FUTURE, 0) + " important for the future)";
        return step(2, "Collect", status, summary);
    }

    private ProgressView.Step theme(String pid, int cycle, List<Theme> current, List<Theme> prioritised) {
        List<Voting> votings = store.ofKind(store.votings, pid, ProgressStore.VOTING, cycle);
        boolean closed = votings.stream().anyMatch(v -> Boolean.TRUE.equals(v.closed()));
        List<Theme> withStatements = current.stream()
                .filter(t ->
                        !Boolean.TRUE.equals(t.retired()) && !t.statementIds().isEmpty())
                .toList();
        long notWorking = withStatements.stream()
                .filter(t -> Category.NOT_WORKING.name().equals(t.category()))
                .count();
        String status = StepPolicy.theme(closed, !withStatements.isEmpty() || !votings.isEmpty());
        String vote = closed
                ? "vote closed, " + prioritised.size() + " prioritised"
                : votings.isEmpty() ? "no vote yet" : "vote open";
        return step(
                3,
                "Theme",
                status,
                withStatements.size() + (withStatements.size() == 1 ? " theme" : " themes") + " with statements ("
                        + notWorking + " not working); " + vote);
    }

    /**
     * A step done theme by theme: NOT_STARTED until any of its work exists this cycle, DONE when every prioritised
     * theme satisfies {@code done}, IN_PROGRESS in between.
     */
    private static ProgressView.Step perTheme(
            int number,
            String name,
            List<Theme> prioritised,
            List<Theme> current,
            String startKind,
            String otherStartKind,
            Predicate<Theme> done,
            String doneWords,
            IntFunction<String> figures) {
        boolean started =
                current.stream().anyMatch(t -> has(t, startKind) || (otherStartKind != null && has(t, otherStartKind)));
        long doneThemes = prioritised.stream().filter(done).count();
        String status = StepPolicy.perTheme(started, doneThemes, prioritised.size());
        String summary = status.equals(NOT_STARTED)
                ? "Not started"
                : doneWords + " for " + doneThemes + " of " + prioritised.size() + " prioritised themes ("
                        + figures.apply((int) doneThemes) + ")";
        return step(number, name, status, summary);
    }

    private static ProgressView.Step review(Programme p, int cycle, List<Theme> current) {
        int actuals = count(current, "actuals");
        long reviews = p.processReviews().stream()
                .filter(r -> orZero(r.cycle()) == cycle)
                .count();
        boolean report = p.reports().stream().anyMatch(r -> orZero(r.cycle()) == cycle);
        String status = StepPolicy.review(report, actuals > 0 || reviews > 0);
        return step(
                8,
                "Learning and review",
                status,
                "actuals for " + actuals + (actuals == 1 ? " measure" : " measures")
                        + "; " + reviews + (reviews == 1 ? " process review" : " process reviews") + "; "
                        + (report ? "report published" : "no report yet"));
    }

    /** Each lineage of (not merged-away) themes, with its figures per cycle, in the order lineages began. */
    private static List<ProgressView.CycleTheme> comparison(List<Theme> themes) {
        Map<String, List<Theme>> lineages = new LinkedHashMap<>();
        for (Theme t : themes) {
            if (Boolean.TRUE.equals(t.retired()) || t.category() == null) {
                continue;
            }
            String lineage = t.lineageId() == null ? t.themeId() : t.lineageId();
            lineages.computeIfAbsent(lineage, k -> new ArrayList<>()).add(t);
        }
        List<ProgressView.CycleTheme> out = new ArrayList<>();
        for (Map.Entry<String, List<Theme>> l : lineages.entrySet()) {
            List<Theme> members = new ArrayList<>(l.getValue());
            members.sort(Comparator.comparingInt(ProgressAssembly::cycleOf));
            List<ProgressView.CycleFigures> figures = new ArrayList<>();
            for (Theme t : members) {
                int votes =
                        t.closedVotes() != null ? t.closedVotes() : t.votes().size();
                figures.add(new ProgressView.CycleFigures(
                        cycleOf(t), t.themeId(), t.statementIds().size(), votes, Boolean.TRUE.equals(t.prioritised())));
            }
            out.add(new ProgressView.CycleTheme(
                    l.getKey(), members.get(members.size() - 1).title(), figures));
        }
        return out;
    }
}
