package org.goldenthread.query.progress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.goldenthread.kernel.implement.Reading;
import org.goldenthread.kernel.progress.ThemeWorkView;
import org.goldenthread.kernel.success.MeasureDirection;
import org.goldenthread.query.progress.ThemeWorkStore.Cause;
import org.goldenthread.query.progress.ThemeWorkStore.Idea;
import org.goldenthread.query.progress.ThemeWorkStore.Measure;
import org.goldenthread.query.progress.ThemeWorkStore.Plan;
import org.goldenthread.query.progress.ThemeWorkStore.Success;
import org.goldenthread.query.progress.ThemeWorkStore.Why;
import org.goldenthread.query.progress.ThemeWorkStore.Work;

/** Builds a {@link ThemeWorkView} from a theme's work document, with each measure's and success's progress. */
final class ThemeWorkAssembly {

    private ThemeWorkAssembly() {}

    /** The view; null for a theme that was never created nor prioritised (only named by later work). */
    static ThemeWorkView view(Work w) {
        if (w.title() == null && !Boolean.TRUE.equals(w.prioritised())) {
            return null;
        }
        List<ThemeWorkView.Why> tree = whysOf(null, w.whys(), w.causes(), new HashSet<>());
        List<ThemeWorkView.Cause> rootCauses = w.causes().stream()
                .filter(c -> Boolean.TRUE.equals(c.rootCause()))
                .sorted(Comparator.comparingInt(c -> c.rank() == null ? Integer.MAX_VALUE : c.rank()))
                .map(c -> new ThemeWorkView.Cause(c.causeId(), c.text(), orZero(c.rank()), orZero(c.votes())))
                .toList();

        List<ThemeWorkView.Success> successes = new ArrayList<>();
        for (Success s : w.successes()) {
            List<Measure> ofSuccess = w.measures().stream()
                    .filter(m -> s.successId().equals(m.successId()))
                    .toList();
            successes.add(new ThemeWorkView.Success(
                    s.successId(),
                    s.perspective(),
                    s.text(),
                    s.rootCauseIds(),
                    ofSuccess.stream().map(ThemeWorkAssembly::measure).toList(),
                    successProgress(ofSuccess)));
        }

        List<ThemeWorkView.Idea> ideas = new ArrayList<>();
        for (Idea i : w.ideas()) {
            ideas.add(new ThemeWorkView.Idea(
                    i.ideaId(),
                    i.mode(),
                    i.text(),
                    Boolean.TRUE.equals(i.chosen()),
                    orZero(i.votes()),
                    Boolean.TRUE.equals(i.dropped()),
                    i.dropReason(),
                    i.medianEffort(),
                    i.medianImpact(),
                    i.effortSpread(),
                    i.impactSpread(),
                    orZero(i.placements()),
                    i.quadrant()));
        }

        List<ThemeWorkView.Plan> plans = new ArrayList<>();
        for (Plan p : w.plans()) {
            List<ThemeWorkView.Reached> reached = p.reached().stream()
                    .map(r -> new ThemeWorkView.Reached(r.milestoneId(), r.reachedOn(), r.note()))
                    .sorted(Comparator.comparing(
                                    ThemeWorkView.Reached::reachedOn, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(ThemeWorkView.Reached::milestoneId))
                    .toList();
            List<ThemeWorkView.PlanVersion> versions = p.versions().stream()
                    .map(v -> new ThemeWorkView.PlanVersion(
                            orZero(v.version()),
                            v.content(),
                            v.reason(),
                            v.at() == null ? null : v.at().toInstant(),
                            v.by()))
                    .sorted(Comparator.comparingInt(ThemeWorkView.PlanVersion::version))
                    .toList();
            plans.add(new ThemeWorkView.Plan(
                    p.planId(), p.ideaId(), orZero(p.version()), p.content(), reached, versions));
        }

        return new ThemeWorkView(
                w.programmeId(),
                w.themeId(),
                w.title(),
                tree,
                rootCauses,
                successes,
                w.alreadyInPlace().stream()
                        .map(ThemeWorkStore.InPlace::description)
                        .toList(),
                ideas,
                plans);
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }

    /** The whys asked of a cause ({@code causeId} null: of the theme), each with its causes and theirs. */
    private static List<ThemeWorkView.Why> whysOf(
            String causeId, List<Why> whys, List<Cause> causes, Set<String> seen) {
        List<ThemeWorkView.Why> out = new ArrayList<>();
        for (Why w : whys) {
            if (w.whyId() == null || !Objects.equals(causeId, w.causeId()) || !seen.add("why:" + w.whyId())) {
                continue;
            }
            List<ThemeWorkView.CauseNode> given = new ArrayList<>();
            for (Cause c : causes) {
                if (!w.whyId().equals(c.whyId()) || !seen.add("cause:" + c.causeId())) {
                    continue;
                }
                given.add(new ThemeWorkView.CauseNode(
                        c.causeId(),
                        c.text(),
                        c.perspective(),
                        c.flags(),
                        Boolean.TRUE.equals(c.rootCause()),
                        whysOf(c.causeId(), whys, causes, seen)));
            }
            out.add(new ThemeWorkView.Why(w.whyId(), w.question(), w.perspective(), given));
        }
        return out;
    }

    private static ThemeWorkView.Measure measure(Measure m) {
        List<Reading> actuals = actuals(m);
        return new ThemeWorkView.Measure(
                m.measureId(),
                m.kind(),
                m.description(),
                m.dataSource(),
                Boolean.TRUE.equals(m.alreadyCollected()),
                Boolean.TRUE.equals(m.proxy()),
                m.unit(),
                m.direction(),
                m.owner(),
                m.frequency(),
                m.baseline(),
                actuals,
                trend(m).describe(
                                m.baseline(),
                                actuals.isEmpty() ? null : actuals.get(actuals.size() - 1),
                                m.direction()));
    }

    /** Actuals in date order (then value, so the order is stable). */
    private static List<Reading> actuals(Measure m) {
        return m.actuals().stream()
                .sorted(Comparator.comparing(Reading::date, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Reading::value, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** How a measure is doing: its latest actual against its baseline, read in its desired direction. */
    enum Trend {
        NOT_BASELINED,
        NO_ACTUALS,
        IMPROVING,
        WORSENING,
        NO_CHANGE,
        MAINTAINED,
        CHANGED,
        QUALITATIVE;

        String describe(Reading baseline, Reading latest, String direction) {
            return switch (this) {
                case NOT_BASELINED -> "not baselined";
                case NO_ACTUALS -> "no actuals yet";
                case QUALITATIVE ->
                    "\"" + baseline.value() + "\" → \"" + latest.value() + "\" (qualitative: read the evidence)";
                default -> {
                    double b = baseline.numeric();
                    double a = latest.numeric();
                    String change = b == 0 ? "" : " (" + signed((a - b) / Math.abs(b) * 100) + "%)";
                    yield plain(b) + " → " + plain(a) + change + ", "
                            + name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (desired " + direction + ")";
                }
            };
        }

        /** Counts as progress towards the success statement. */
        boolean onTrack() {
            return this == IMPROVING || this == MAINTAINED;
        }
    }

    static Trend trend(Measure m) {
        Reading baseline = m.baseline();
        if (baseline == null) {
            return Trend.NOT_BASELINED;
        }
        List<Reading> actuals = actuals(m);
        if (actuals.isEmpty()) {
            return Trend.NO_ACTUALS;
        }
        Double b = baseline.numeric();
        Double a = actuals.get(actuals.size() - 1).numeric();
        if (b == null || a == null) {
            return Trend.QUALITATIVE;
        }
        int cmp = Double.compare(a, b);
        if (MeasureDirection.MAINTAIN.name().equals(m.direction())) {
            return cmp == 0 ? Trend.MAINTAINED : Trend.CHANGED;
        }
        if (cmp == 0) {
            return Trend.NO_CHANGE;
        }
        boolean up = cmp > 0;
        return up == MeasureDirection.DECREASE.name().equals(m.direction()) ? Trend.WORSENING : Trend.IMPROVING;
    }

    /** E.g. "2 of 3 measures improving; 1 no actuals yet" (improving counts MAINTAIN measures held steady). */
    private static String successProgress(List<Measure> measures) {
        List<Trend> trends = measures.stream().map(ThemeWorkAssembly::trend).toList();
        if (trends.isEmpty()) {
            return "no measures yet";
        }
        long onTrack = trends.stream().filter(Trend::onTrack).count();
        StringBuilder out = new StringBuilder(
                onTrack + " of " + trends.size() + (trends.size() == 1 ? " measure" : " measures") + " improving");
        List<String> rest = new ArrayList<>();
        for (Trend t : List.of(
                Trend.WORSENING,
                Trend.NO_CHANGE,
                Trend.CHANGED,
                Trend.QUALITATIVE,
                Trend.NO_ACTUALS,
                Trend.NOT_BASELINED)) {
            long n = trends.stream().filter(x -> x == t).count();
            if (n > 0) {
                rest.add(n + " "
                        + switch (t) {
                            case WORSENING -> "worsening";
                            case NO_CHANGE -> "unchanged";
                            case CHANGED -> "not held steady";
                            case QUALITATIVE -> "qualitative";
                            case NO_ACTUALS -> "no actuals yet";
                            default -> "not baselined";
                        });
            }
        }
        if (!rest.isEmpty()) {
            out.append("; ").append(String.join(", ", rest));
        }
        return out.toString();
    }

    private static String plain(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf((long) d);
        }
        return String.format(Locale.ROOT, "%.2f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String signed(double pct) {
        double rounded = Math.round(pct * 10) / 10.0;
        return (rounded > 0 ? "+" : "") + plain(rounded);
    }
}
