package org.goldenthread.infra.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.goldenthread.kernel.implement.PlanContent;
import org.goldenthread.kernel.implement.Reading;
import org.goldenthread.kernel.programme.Advisory;
import org.goldenthread.kernel.programme.ProgrammeView;
import org.goldenthread.kernel.programme.SamplePlan;
import org.goldenthread.kernel.progress.ProgressView;
import org.goldenthread.kernel.progress.ThemeWorkView;
import org.goldenthread.kernel.theme.BoardView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The WTfC report of a cycle, from {@link ReportData}: XHTML from a Thymeleaf template in XML mode (so
 * every word is escaped and the markup is well-formed), and PDF from that XHTML with openhtmltopdf.
 * Pure: the same data renders the same report. The template is {@code report/wtfc-report.xhtml}.
 */
@Component
public class ReportRenderer {

    /**
     * A font family (and its condensed cut, for wide tables) embedded in the PDF when its files are found; otherwise
     * the PDF's built-in Helvetica.
     */
    static final String FONT_FAMILY = "Report Sans";

    static final int STATEMENTS_PER_THEME = 3;
    static final String ERASED = "[erased]";

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern(
                    "d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final TemplateEngine templates;
    private final Map<String, File> fonts;

    public ReportRenderer(@Value("${goldenthread.report.font-dir:/usr/share/fonts/truetype/dejavu}") String fontDir) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ReportRenderer.class.getClassLoader());
        resolver.setPrefix("report/");
        resolver.setSuffix(".xhtml");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        this.templates = new TemplateEngine();
        this.templates.setTemplateResolver(resolver);
        this.fonts = fonts(fontDir);
    }

    /** The report as a well-formed XHTML document. */
    public String html(ReportData data) {
        Context context = new Context(Locale.UK);
        context.setVariable("r", page(data));
        context.setVariable("chainHead", data.chainHead());
        context.setVariable("chainEvents", data.chainEvents());
        context.setVariable(
                "programmeId",
                data.programme() == null ? null : data.programme().programmeId());
        context.setVariable("font", fonts.isEmpty() ? "Helvetica" : FONT_FAMILY);
        context.setVariable(
                "narrowFont",
                fonts.containsKey("DejaVuSansCondensed")
                        ? FONT_FAMILY + " Condensed"
                        : fonts.isEmpty() ? "Helvetica" : FONT_FAMILY);
        context.setVariable("fmt", new Format());
        return templates.process("wtfc-report", context);
    }

    /** The report as PDF (A4), rendered from {@link #html(ReportData)}. */
    public byte[] pdf(ReportData data) {
        return pdf(html(data));
    }

    /**
     * Another page of this folder ({@code report/<template>.xhtml}) with its variables, as well-formed XHTML; the page
     * gets {@code font} (the embedded font's family, as the report) and {@code fmt}.
     */
    public String render(String template, Map<String, Object> variables) {
        Context context = new Context(Locale.UK);
        variables.forEach(context::setVariable);
        context.setVariable("font", fonts.isEmpty() ? "Helvetica" : FONT_FAMILY);
        context.setVariable("fmt", new Format());
        return templates.process(template, context);
    }

    /** XHTML as PDF (A4); inline SVG (charts) drawn by Batik, so a page and its PDF show the same chart. */
    public byte[] pdf(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new com.openhtmltopdf.svgsupport.BatikSVGDrawer());
            fonts.forEach((style, file) -> builder.useFont(
                    file,
                    style.contains("Condensed") ? FONT_FAMILY + " Condensed" : FONT_FAMILY,
                    style.contains("Bold") ? 700 : 400,
                    style.contains("Oblique")
                            ? PdfRendererBuilder.FontStyle.ITALIC
                            : PdfRendererBuilder.FontStyle.NORMAL,
                    true));
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the report could not be rendered as PDF", e);
        }
    }

    private static Map<String, File> fonts(String dir) {
        Map<String, File> found = new LinkedHashMap<>();
        if (dir == null || dir.isBlank()) {
            return found;
        }
        for (String style : List.of(
                "DejaVuSans",
                "DejaVuSans-Bold",
                "DejaVuSans-Oblique",
                "DejaVuSans-BoldOblique",
                "DejaVuSansCondensed",
                "DejaVuSansCondensed-Bold",
                "DejaVuSansCondensed-Oblique")) {
            Path file = Path.of(dir, style + ".ttf");
            if (Files.isReadable(file)) {
                found.put(style, file.toFile());
            }
        }
        return found.containsKey("DejaVuSans") ? found : Map.of();
    }

    /** Formatting the template may call: {@code ${fmt.label(name)}}. */
    public static final class Format {
        public String label(String name) {
            return ReportRenderer.label(name);
        }

        /** A date as "3 Mar 2026" (empty for none). */
        public String date(LocalDate date) {
            return date == null ? "" : DATE.format(date);
        }

        /** An instant as "3 Mar 2026, 09:00 UTC" (empty for none). */
        public String instant(Instant instant) {
            return instant == null ? "" : INSTANT.format(instant);
        }

        /**
         * The guard rails a cause reached, as "guard rail: 'budget', 'cuts'" (the view's reasons may already name them
         * so).
         */
        public String guardRails(List<String> flags) {
            List<String> phrases = flags.stream()
                    .map(f -> f.replaceFirst("(?i)^guard rail:\\s*", ""))
                    .toList();
            return "guard rail: " + String.join(", ", phrases);
        }

        /** A cause as given, with "Because" in front unless it already starts with "because". */
        public String because(String cause) {
            String c = cause == null ? "" : cause.strip();
            return c.toLowerCase(Locale.ROOT).startsWith("because") ? c : "Because " + c;
        }

        /** A question as asked, with "Why?" in front unless it already starts with "why". */
        public String question(String question) {
            String q = question == null ? "" : question.strip();
            return q.toLowerCase(Locale.ROOT).startsWith("why") ? q : "Why? " + q;
        }
    }

    // ---- the page model: what the template shows, with every lookup already made ----

    public record Page(
            String reportId,
            int cycle,
            String publishedAt,
            String renderedAt,
            boolean otherCycle,
            int currentCycle,
            String purpose,
            String level,
            List<Row> prepare,
            List<Row> collection,
            List<Advisory> advisories,
            List<Board> boards,
            List<Ranked> prioritised,
            List<Theme> themes,
            List<ProgressView.Step> steps,
            List<Review> reviews,
            List<Integer> cycles,
            List<Lineage> comparison) {}

    public record Row(String label, String value) {}

    public record Board(
            String category,
            String title,
            String css,
            List<BoardTheme> themes,
            boolean votes,
            int unclustered,
            int parked) {}

    public record BoardTheme(String title, int statements, List<Words> words, int more, int votes) {}

    public record Words(String text, boolean erased) {}

    public record Ranked(int rank, String title, int votes) {}

    public record Theme(
            String title,
            int rank,
            int votes,
            List<ThemeWorkView.Why> whys,
            List<ThemeWorkView.Cause> rootCauses,
            List<SuccessRow> success,
            List<MeasureRow> measures,
            List<String> inPlace,
            List<IdeaRow> ideas,
            List<PlanView> plans) {}

    public record SuccessRow(Cell people, Cell commissioners, Cell providers) {
        /** The three columns in order; a missing statement is null (an empty cell). */
        public List<Cell> cells() {
            return java.util.Arrays.asList(people, commissioners, providers);
        }
    }

    public record Cell(String text, List<String> answers, String progress) {}

    public record MeasureRow(
            String success,
            String description,
            String kind,
            String source,
            String alreadyCollected,
            String proxy,
            String direction,
            String owner,
            String frequency,
            String baseline,
            String latest,
            String progress) {}

    public record IdeaRow(
            String text,
            String mode,
            int votes,
            boolean chosen,
            String grid,
            String quadrant,
            boolean dropped,
            String dropReason) {}

    public record PlanView(
            String idea,
            int version,
            List<Row> answers,
            List<String> involved,
            List<Row> firstSteps,
            List<Milestone> milestones,
            List<Row> resources,
            List<String> measures) {}

    public record Milestone(String description, String due, boolean reached, String reachedOn, String note) {}

    public record Review(String perspective, List<String> working, List<String> notWorking) {}

    public record Lineage(String title, List<String> figures) {}

    static Page page(ReportData d) {
        ProgrammeView p = d.programme();
        ProgressView progress = d.progress();
        int currentCycle = progress == null ? d.cycle() : progress.cycle();
        Map<String, ProgressView.PrioritisedTheme> ranks = new HashMap<>();
        List<Ranked> prioritised = new ArrayList<>();
        if (progress != null && progress.prioritisedThemes() != null) {
            progress.prioritisedThemes().stream()
                    .filter(t -> t.cycle() == currentCycle)
                    .sorted(Comparator.comparingInt(ProgressView.PrioritisedTheme::rank))
                    .forEach(t -> {
                        ranks.put(t.themeId(), t);
                        prioritised.add(new Ranked(t.rank(), t.title(), t.votes()));
                    });
        }
        Map<String, String> measureNames = new HashMap<>();
        for (ThemeWorkView w : d.themeWork()) {
            for (ThemeWorkView.Success s : list(w.successStatements())) {
                for (ThemeWorkView.Measure m : list(s.measures())) {
                    measureNames.put(m.measureId(), m.description());
                }
            }
        }
        List<Theme> themes = d.themeWork().stream()
                .map(w -> theme(w, ranks.get(w.themeId()), measureNames))
                .toList();
        List<Integer> cycles = new ArrayList<>();
        List<Lineage> comparison = new ArrayList<>();
        if (progress != null && progress.cycleComparison() != null) {
            progress.cycleComparison().stream()
                    .flatMap(c -> list(c.cycles()).stream())
                    .map(ProgressView.CycleFigures::cycle)
                    .distinct()
                    .sorted()
                    .forEach(cycles::add);
            for (ProgressView.CycleTheme c : progress.cycleComparison()) {
                List<String> figures = new ArrayList<>();
                for (int cycle : cycles) {
                    figures.add(list(c.cycles()).stream()
                            .filter(f -> f.cycle() == cycle)
                            .findFirst()
                            .map(f -> f.statements() + " statements, " + f.votes() + " votes"
                                    + (f.prioritised() ? ", prioritised" : ""))
                            .orElse("-"));
                }
                comparison.add(new Lineage(c.title(), figures));
            }
        }
        return new Page(
                d.reportId(),
                d.cycle(),
                instant(d.publishedAt()),
                instant(d.renderedAt()),
                currentCycle != d.cycle(),
                currentCycle,
                p == null ? null : p.purpose(),
                p == null || p.level() == null ? null : label(p.level().name()),
                prepare(p),
                collection(p),
                p == null ? List.of() : list(p.advisories()),
                boards(d.boards()),
                prioritised,
                themes,
                progress == null ? List.of() : list(progress.steps()),
                reviews(d.processReviews()),
                cycles,
                comparison);
    }

    private static List<Row> prepare(ProgrammeView p) {
        List<Row> rows = new ArrayList<>();
        SamplePlan s = p == null ? null : p.samplePlan();
        if (s == null) {
            rows.add(new Row("Sample plan", "not recorded"));
            return rows;
        }
        rows.add(new Row("What", s.what()));
        rows.add(new Row("How", s.how()));
        rows.add(new Row("Who", s.who()));
        rows.add(new Row("Where", s.where()));
        rows.add(new Row("When", s.when()));
        rows.add(new Row(
                "How many",
                s.quantity() + " of " + s.populationSize() + " ("
                        + Math.round(100.0 * s.quantity() / Math.max(1, s.populationSize())) + "%)"));
        return rows;
    }

    private static List<Row> collection(ProgrammeView p) {
        List<Row> rows = new ArrayList<>();
        if (p == null) {
            return rows;
        }
        rows.add(new Row("Reviews recorded", Integer.toString(p.reviews())));
        rows.add(new Row("Statements", Integer.toString(p.statements())));
        Map<String, Integer> by = p.statementsByCategory() == null ? Map.of() : p.statementsByCategory();
        for (String c : List.of("WORKING", "NOT_WORKING", "FUTURE")) {
            rows.add(new Row(
                    "Statements: " + categoryTitle(c).toLowerCase(Locale.UK), Integer.toString(by.getOrDefault(c, 0))));
        }
        rows.add(new Row(
                "Flagged as professional language",
                p.flaggedStatements() + " (" + Math.round(p.flaggedShare() * 100) + "%)"));
        rows.add(new Row("Workshop participants", participants(list(p.participants()))));
        if (p.peopleForgotten() > 0) {
            rows.add(new Row("People whose words were erased on request", Integer.toString(p.peopleForgotten())));
        }
        return rows;
    }

    private static String participants(List<ProgrammeView.Participant> participants) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ProgrammeView.Participant participant : participants) {
            counts.merge(label(participant.perspective()), 1, Integer::sum);
        }
        StringBuilder out = new StringBuilder(Integer.toString(participants.size()));
        if (!counts.isEmpty()) {
            out.append(": ");
            List<String> parts = new ArrayList<>();
            counts.forEach((k, v) -> parts.add(k.toLowerCase(Locale.UK) + " " + v));
            out.append(String.join(", ", parts));
        }
        return out.toString();
    }

    private static List<Board> boards(List<BoardView> boards) {
        List<Board> out = new ArrayList<>();
        List<String> order = List.of("WORKING", "NOT_WORKING", "FUTURE");
        boards.stream()
                .filter(b -> b.category() != null)
                .sorted(Comparator.comparingInt(b -> order.indexOf(b.category().name())))
                .forEach(b -> {
                    boolean notWorking = b.category().name().equals("NOT_WORKING");
                    List<BoardTheme> themes = list(b.themes()).stream()
                            .map(t -> {
                                List<BoardView.Statement> statements = list(t.statements());
                                List<Words> words = statements.stream()
                                        .limit(STATEMENTS_PER_THEME)
                                        .map(s -> s.erased() || s.text() == null
                                                ? new Words(ERASED, true)
                                                : new Words(s.text(), false))
                                        .toList();
                                return new BoardTheme(
                                        t.title(),
                                        statements.size(),
                                        words,
                                        Math.max(0, statements.size() - words.size()),
                                        t.votes());
                            })
                            .sorted(
                                    notWorking
                                            ? Comparator.comparingInt(BoardTheme::votes)
                                                    .reversed()
                                                    .thenComparing(BoardTheme::statements, Comparator.reverseOrder())
                                            : Comparator.comparingInt(BoardTheme::statements)
                                                    .reversed())
                            .toList();
                    out.add(new Board(
                            b.category().name(),
                            categoryTitle(b.category().name()),
                            b.category().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                            themes,
                            notWorking,
                            list(b.unclustered()).size(),
                            list(b.parked()).size()));
                });
        return out;
    }

    private static Theme theme(ThemeWorkView w, ProgressView.PrioritisedTheme rank, Map<String, String> measureNames) {
        Map<String, String> causes = new HashMap<>();
        collectCauses(list(w.whys()), causes);
        list(w.rootCauses()).forEach(c -> causes.put(c.causeId(), c.text()));
        List<ThemeWorkView.Cause> rootCauses = list(w.rootCauses()).stream()
                .sorted(Comparator.comparingInt(ThemeWorkView.Cause::rank))
                .toList();

        Map<String, List<Cell>> byPerspective = new LinkedHashMap<>();
        List<MeasureRow> measures = new ArrayList<>();
        for (ThemeWorkView.Success s : list(w.successStatements())) {
            List<String> answers = list(s.rootCauseIds()).stream()
                    .map(id -> causes.getOrDefault(id, id))
                    .toList();
            byPerspective
                    .computeIfAbsent(Objects.toString(s.perspective(), ""), k -> new ArrayList<>())
                    .add(new Cell(s.text(), answers, s.progress()));
            for (ThemeWorkView.Measure m : list(s.measures())) {
                List<Reading> actuals = list(m.actuals());
                measures.add(new MeasureRow(
                        s.text(),
                        m.description() + (m.unit() == null ? "" : " (" + m.unit() + ")"),
                        label(m.kind()),
                        m.dataSource(),
                        m.alreadyCollected() ? "yes" : "no",
                        m.proxy() ? "yes" : "no",
                        label(m.direction()),
                        m.owner(),
                        m.frequency(),
                        reading(m.baseline()),
                        actuals.isEmpty() ? null : reading(actuals.get(actuals.size() - 1)),
                        m.progress()));
            }
        }
        List<Cell> people = byPerspective.getOrDefault("PEOPLE_CARERS_FAMILIES", List.of());
        List<Cell> commissioners = byPerspective.getOrDefault("COMMISSIONERS", List.of());
        List<Cell> providers = byPerspective.getOrDefault("PROVIDERS", List.of());
        List<SuccessRow> success = new ArrayList<>();
        int rows = Math.max(people.size(), Math.max(commissioners.size(), providers.size()));
        for (int i = 0; i < rows; i++) {
            success.add(new SuccessRow(at(people, i), at(commissioners, i), at(providers, i)));
        }

        Map<String, String> ideaTexts = new HashMap<>();
        List<IdeaRow> ideas = new ArrayList<>();
        list(w.ideas()).stream()
                .sorted(Comparator.comparing(ThemeWorkView.Idea::dropped)
                        .thenComparing(ThemeWorkView.Idea::chosen, Comparator.reverseOrder())
                        .thenComparing(ThemeWorkView.Idea::votes, Comparator.reverseOrder()))
                .forEach(i -> {
                    ideaTexts.put(i.ideaId(), i.text());
                    String grid = i.medianEffort() == null || i.medianImpact() == null
                            ? null
                            : "effort " + number(i.medianEffort()) + ", impact " + number(i.medianImpact()) + " ("
                                    + i.placements() + (i.placements() == 1 ? " placement)" : " placements)");
                    ideas.add(new IdeaRow(
                            i.text(),
                            label(i.mode()),
                            i.votes(),
                            i.chosen(),
                            grid,
                            label(i.quadrant()),
                            i.dropped(),
                            i.dropReason()));
                });

        List<PlanView> plans = new ArrayList<>();
        for (ThemeWorkView.Plan plan : list(w.plans())) {
            PlanContent c = plan.content();
            if (c == null) {
                continue;
            }
            Map<String, ThemeWorkView.Reached> reached = new HashMap<>();
            list(plan.reached()).forEach(r -> reached.put(r.milestoneId(), r));
            List<Row> steps = list(c.firstSteps()).stream()
                    .map(s -> new Row(s.what(), date(s.due())))
                    .toList();
            List<Milestone> milestones = list(c.milestones()).stream()
                    .map(m -> {
                        ThemeWorkView.Reached r = reached.get(m.milestoneId());
                        return new Milestone(
                                m.description(),
                                date(m.due()),
                                r != null,
                                r == null ? null : date(r.reachedOn()),
                                r == null ? null : r.note());
                    })
                    .toList();
            List<Row> resources = list(c.resources()).stream()
                    .map(r -> new Row(r.what(), r.from()))
                    .toList();
            List<String> planMeasures = list(c.measureIds()).stream()
                    .map(id -> measureNames.getOrDefault(id, id))
                    .toList();
            List<Row> answers = new ArrayList<>();
            answers.add(new Row("What are the key features of this work?", c.keyFeatures()));
            answers.add(new Row("Who leads?", c.lead()));
            answers.add(new Row("What else would help?", c.whatElseWouldHelp() == null ? "-" : c.whatElseWouldHelp()));
            answers.add(new Row("How will progress be communicated?", c.communication()));
            List<String> changes = list(plan.versions()).stream()
                    .filter(v -> v.reason() != null)
                    .map(v -> "version " + v.version()
                            + (v.at() == null
                                    ? ""
                                    : " ("
                                            + date(v.at().atZone(java.time.ZoneOffset.UTC)
                                                    .toLocalDate()) + ")")
                            + ": " + v.reason())
                    .toList();
            if (!changes.isEmpty()) {
                answers.add(new Row("How has the plan changed?", String.join("; ", changes)));
            }
            plans.add(new PlanView(
                    ideaTexts.getOrDefault(plan.ideaId(), plan.ideaId()),
                    plan.version(),
                    answers,
                    list(c.involved()),
                    steps,
                    milestones,
                    resources,
                    planMeasures));
        }
        return new Theme(
                w.title(),
                rank == null ? 0 : rank.rank(),
                rank == null ? 0 : rank.votes(),
                list(w.whys()),
                rootCauses,
                success,
                measures,
                list(w.alreadyInPlace()),
                ideas,
                plans);
    }

    private static void collectCauses(List<ThemeWorkView.Why> whys, Map<String, String> into) {
        for (ThemeWorkView.Why why : whys) {
            for (ThemeWorkView.CauseNode c : list(why.causes())) {
                into.put(c.causeId(), c.text());
                collectCauses(list(c.whys()), into);
            }
        }
    }

    private static List<Review> reviews(List<ReportData.ProcessReview> reviews) {
        Map<String, Review> by = new LinkedHashMap<>();
        for (ReportData.ProcessReview r : reviews) {
            Review merged = by.computeIfAbsent(
                    Objects.toString(r.perspective(), "OTHER"),
                    k -> new Review(label(k), new ArrayList<>(), new ArrayList<>()));
            merged.working().addAll(r.working());
            merged.notWorking().addAll(r.notWorking());
        }
        return List.copyOf(by.values());
    }

    private static Cell at(List<Cell> cells, int i) {
        return i < cells.size() ? cells.get(i) : null;
    }

    private static String reading(Reading r) {
        return r == null ? null : r.value() + " (" + date(r.date()) + ", " + r.source() + ")";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.UK, "%.1f", value);
    }

    static String categoryTitle(String category) {
        return switch (category) {
            case "WORKING" -> "Working";
            case "NOT_WORKING" -> "Not working";
            case "FUTURE" -> "Important for the future";
            default -> label(category);
        };
    }

    /**
     * An enum-like name for people: PEOPLE_CARERS_FAMILIES → "People, carers and families", QUICK_WIN → "Quick win".
     */
    static String label(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return switch (name) {
            case "PEOPLE_CARERS_FAMILIES" -> "People, carers and families";
            case "CARER_FAMILY" -> "Carers and families";
            case "PERSON" -> "People using support";
            default -> {
                String s = name.replace('_', ' ').toLowerCase(Locale.UK);
                yield Character.toUpperCase(s.charAt(0)) + s.substring(1);
            }
        };
    }

    private static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    private static String instant(Instant instant) {
        return instant == null ? null : INSTANT.format(instant);
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
