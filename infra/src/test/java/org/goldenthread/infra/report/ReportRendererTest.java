package org.goldenthread.infra.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.implement.PlanContent;
import org.goldenthread.kernel.implement.Reading;
import org.goldenthread.kernel.programme.Advisory;
import org.goldenthread.kernel.programme.Level;
import org.goldenthread.kernel.programme.ProgrammeView;
import org.goldenthread.kernel.programme.SamplePlan;
import org.goldenthread.kernel.progress.ProgressView;
import org.goldenthread.kernel.progress.ThemeWorkView;
import org.goldenthread.kernel.theme.BoardView;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The WTfC report renders from hand-built views: well-formed, escaped XHTML, and a PDF that reads back. */
public class ReportRendererTest {

    static final String AWKWARD = "Me & my \"mates\" <3 don't <script>";

    /** As the app renders: DejaVu Sans when installed, else the built-in Helvetica. */
    private final ReportRenderer renderer = new ReportRenderer("/usr/share/fonts/truetype/dejavu");

    @Test
    void the_pdf_opens_and_carries_the_thread_from_themes_to_action_plans() throws Exception {
        byte[] pdf = renderer.pdf(sample());
        Path out = Path.of("target", "report-sample.pdf");
        Files.createDirectories(out.getParent());
        Files.write(out, pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Working Together for Change", "Report of cycle 1");
            // theme titles of all three boards, and the prioritised ones
            assertThat(text)
                    .contains(
                            "I like my house",
                            "I am lonely",
                            "I want to see more of friends and family",
                            "I don't like what I do during the day");
            // the five whys and the root causes chosen
            assertThat(text)
                    .contains(
                            "Why are older people lonely?",
                            "Because staff don't connect people or support them to make and maintain relationships",
                            "the contract does not put much emphasis on relationship building");
            // success statements from the three perspectives
            assertThat(text)
                    .contains(
                            "I am supported to maintain and make new relationships",
                            "We commission services that value relationships",
                            "We match staff and people on shared interests");
            // the action plan's key features
            assertThat(text)
                    .contains("Person gets a personal budget paid direct to the employer", "Employment Link Team");
            assertThat(text).contains("[erased]");
            assertThat(text).contains(AWKWARD);
        }
    }

    @Test
    void the_html_is_well_formed_and_escapes_people_s_words() throws Exception {
        String html = renderer.html(sample());

        assertThat(html).doesNotContain("<script>").doesNotContain("<3").contains("Me &amp; my");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document dom =
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(dom.getDocumentElement().getTextContent()).contains(AWKWARD);
        assertThat(html).doesNotContain("th:text").doesNotContain("th:each").doesNotContain("xmlns:th");
    }

    @Test
    void erased_words_stay_erased_and_at_most_three_statements_show_per_theme() {
        String html = renderer.html(sample());

        assertThat(html).contains("[erased]").doesNotContain("secret words of a forgotten person");
        assertThat(html)
                .contains("I sit at home all day")
                .doesNotContain("fourth statement not shown")
                .contains("and 1 more");
    }

    @Test
    void the_five_whys_render_as_nested_lists_with_guard_rails_flagged() {
        String html = renderer.html(sample()).replaceAll("\\s+", " ").replace("&#39;", "'");

        assertThat(html).contains("Why don't staff connect people?");
        int outer = html.indexOf("Why are older people lonely?");
        int inner = html.indexOf("Why don't staff connect people?");
        assertThat(outer).isLessThan(inner);
        assertThat(html.substring(outer, inner)).contains("<ul class=\"causes\">");
        assertThat(html).contains("Because the service specification").doesNotContain("Because Because");
        assertThat(html).contains("guard rail: 'budget'").doesNotContain("guard rail: guard rail");
    }

    @Test
    void an_empty_programme_still_renders() throws Exception {
        ProgrammeView programme = new ProgrammeView(
                "p",
                "We are using WTfC to listen so that we change",
                Level.UNIT,
                null,
                List.of(),
                0,
                0,
                Map.of(),
                0,
                0.0,
                0,
                List.of());
        ReportData empty = new ReportData(
                "r", 1, null, Instant.parse("2025-01-01T00:00:00Z"), programme, List.of(), null, List.of(), List.of());
        try (PDDocument document = Loader.loadPDF(renderer.pdf(empty))) {
            assertThat(new PDFTextStripper().getText(document)).contains("No themes have been prioritised");
        }
    }

    @Test
    void with_an_embedded_font_words_beyond_latin_1_survive_in_the_pdf() throws Exception {
        Path fonts = Path.of("/usr/share/fonts/truetype/dejavu");
        Assumptions.assumeTrue(
                Files.isReadable(fonts.resolve("DejaVuSans.ttf")), "DejaVu fonts are not installed here");
        ReportData data = sample();
        BoardView board = new BoardView(
                "prog-1",
                Category.WORKING,
                List.of(theme("w9", "I like my walks in Łódź", 0, st("s99", "Zoë walks with me to the café"))),
                List.of(),
                List.of(),
                List.of(),
                null,
                1);
        ReportData withWords = new ReportData(
                data.reportId(),
                data.cycle(),
                data.publishedAt(),
                data.renderedAt(),
                data.programme(),
                List.of(board),
                data.progress(),
                data.themeWork(),
                data.processReviews());
        try (PDDocument document = Loader.loadPDF(new ReportRenderer(fonts.toString()).pdf(withWords))) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("I like my walks in Łódź", "Zoë walks with me to the café");
        }
    }

    // ---- a programme in the spirit of the method's worked examples ----

    public static ReportData sample() {
        ProgrammeView programme = new ProgrammeView(
                "prog-1",
                "We are using WTfC to hear what matters to older people using home support so that we "
                        + "commission and provide support that helps them live the lives they want",
                Level.SERVICE,
                new SamplePlan(
                        "Person-centred reviews of the last year",
                        "Statements from reviews in people's own words",
                        "Older people using home support",
                        "Three providers in the north of the county",
                        "January to March",
                        60,
                        400),
                List.of(
                        new ProgrammeView.Participant("a", AWKWARD, "PERSON", null),
                        new ProgrammeView.Participant("b", "Sam", "COMMISSIONER", null),
                        new ProgrammeView.Participant("c", "Kim", "PROVIDER", null)),
                58,
                312,
                Map.of("WORKING", 104, "NOT_WORKING", 110, "FUTURE", 98),
                9,
                0.029,
                1,
                List.of(
                        new Advisory(
                                "sample",
                                true,
                                "Sample meets SERVICE guidance (at least 10% or 100 reviews, whichever is lower)"),
                        new Advisory("attendance", false, "3 participants; the optimum is 25-30")));

        BoardView working = new BoardView(
                "prog-1",
                Category.WORKING,
                List.of(theme(
                        "w1",
                        "I like my house",
                        0,
                        st("s1", "My flat is warm and I have my own things around me"),
                        st("s2", "I like my garden"))),
                List.of(),
                List.of(),
                List.of(),
                null,
                3);
        BoardView notWorking = new BoardView(
                "prog-1",
                Category.NOT_WORKING,
                List.of(
                        theme(
                                "nw1",
                                "I am lonely",
                                9,
                                st("s3", "I sit at home all day and nobody comes"),
                                erased("s5"),
                                st("s4", "I miss my friends from church"),
                                st("s6", "fourth statement not shown")),
                        theme("nw2", "I don't like what I do during the day", 7, st("s7", "The day centre is boring")),
                        theme("nw3", AWKWARD, 1, st("s8", AWKWARD))),
                List.of(st("s9", "unclustered words")),
                List.of(),
                List.of(),
                "voting-1",
                12);
        BoardView future = new BoardView(
                "prog-1",
                Category.FUTURE,
                List.of(theme(
                        "f1",
                        "I want to see more of friends and family",
                        0,
                        st("s10", "Staying in touch with my mum and dad"),
                        st("s11", "Seeing my friends at least once a week"))),
                List.of(),
                List.of(),
                List.of(),
                null,
                2);

        ProgressView progress = new ProgressView(
                "prog-1",
                1,
                List.of(
                        new ProgressView.Step(1, "Prepare", "DONE", "purpose, level and sample plan recorded"),
                        new ProgressView.Step(4, "Understand", "DONE", "root causes chosen for 2 themes"),
                        new ProgressView.Step(8, "Learning and review", "IN_PROGRESS", "2 actuals recorded")),
                List.of(
                        new ProgressView.PrioritisedTheme("nw1", "I am lonely", 1, 1, 9),
                        new ProgressView.PrioritisedTheme("nw2", "I don't like what I do during the day", 1, 2, 7)),
                List.of(new ProgressView.CycleTheme(
                        "nw1", "I am lonely", List.of(new ProgressView.CycleFigures(1, "nw1", 4, 9, true)))));

        ThemeWorkView.CauseNode c5 =
                cause("c5", "Because the service specification focuses on outputs not outcomes", false, List.of());
        ThemeWorkView.CauseNode c4 = cause(
                "c4",
                "the contract does not put much emphasis on relationship building as an important outcome",
                true,
                List.of(new ThemeWorkView.Why(
                        "y4",
                        "Why is relationship building not an outcome in the contract?",
                        "COMMISSIONER",
                        List.of(c5))));
        ThemeWorkView.CauseNode c2 = cause(
                "c2",
                "they are not trained in this and don't see it as part of their job",
                true,
                List.of(new ThemeWorkView.Why(
                        "y3", "Why is it not seen as part of the job?", "PROVIDER", List.of(c4))));
        ThemeWorkView.CauseNode c1 = cause(
                "c1",
                "staff don't connect people or support them to make and maintain relationships",
                false,
                List.of(new ThemeWorkView.Why("y2", "Why don't staff connect people?", "PERSON", List.of(c2))));
        ThemeWorkView.CauseNode budget = new ThemeWorkView.CauseNode(
                "c9",
                "there is not enough money for befriending",
                "PROVIDER",
                List.of("guard rail: 'budget'"),
                false,
                List.of());
        List<ThemeWorkView.Why> whys =
                List.of(new ThemeWorkView.Why("y1", "Why are older people lonely?", "PERSON", List.of(c1, budget)));

        ThemeWorkView.Measure m1 = new ThemeWorkView.Measure(
                "m1",
                "QUANTITATIVE",
                "People reporting at review that they see friends as often as they want",
                "Person-centred reviews",
                true,
                false,
                "%",
                "INCREASE",
                "Commissioning team",
                "Quarterly",
                new Reading("22", LocalDate.parse("2025-01-31"), "review audit"),
                List.of(new Reading("31", LocalDate.parse("2025-06-30"), "review audit")),
                "+9 towards increase");
        ThemeWorkView.Measure m2 = new ThemeWorkView.Measure(
                "m2",
                "QUALITATIVE",
                "Stories of new friendships",
                "Provider newsletters",
                false,
                true,
                null,
                "INCREASE",
                "Providers' forum",
                "Every six months",
                null,
                List.of(),
                null);
        List<ThemeWorkView.Success> success = List.of(
                new ThemeWorkView.Success(
                        "sx1",
                        "PEOPLE_CARERS_FAMILIES",
                        "I am supported to maintain and make new relationships and be a valued and active "
                                + "member of the community",
                        List.of("c2", "c4"),
                        List.of(m1),
                        "improving"),
                new ThemeWorkView.Success(
                        "sx2",
                        "COMMISSIONERS",
                        "We commission services that value relationships as an outcome",
                        List.of("c4"),
                        List.of(m2),
                        null),
                new ThemeWorkView.Success(
                        "sx3",
                        "PROVIDERS",
                        "We match staff and people on shared interests",
                        List.of("c2"),
                        List.of(),
                        null));
        List<ThemeWorkView.Idea> ideas = List.of(
                new ThemeWorkView.Idea(
                        "i1",
                        "DIFFERENT",
                        "Personal budgets for employment support",
                        true,
                        8,
                        false,
                        null,
                        4.0,
                        8.5,
                        3,
                        2,
                        5,
                        "QUICK_WIN"),
                new ThemeWorkView.Idea(
                        "i2", "RADICAL", "Adopt a granny", true, 5, false, null, 7.0, 7.0, 4, 3, 5, "MAJOR_PROJECT"),
                new ThemeWorkView.Idea(
                        "i3",
                        "TRADITIONAL",
                        "A new social group",
                        true,
                        4,
                        true,
                        "a thankless task",
                        8.0,
                        3.0,
                        2,
                        2,
                        5,
                        "THANKLESS_TASK"));
        PlanContent content = new PlanContent(
                "Person gets a personal budget paid direct to the employer; part supports the employee, "
                        + "part is paid as a wage",
                List.of(
                        "Learning Difficulties Commissioning Team",
                        "Local businesses through the Employment Link Team",
                        "In-house day services"),
                "Commissioning manager",
                List.of(
                        new PlanContent.Step(
                                "Develop a plan for sign-off by the senior management team",
                                LocalDate.parse("2025-03-01")),
                        new PlanContent.Step("Identify a first cohort", LocalDate.parse("2025-04-01"))),
                List.of(
                        new PlanContent.Milestone(
                                "ms1",
                                "Some people supported into paid employment using this model",
                                LocalDate.parse("2025-09-30")),
                        new PlanContent.Milestone(
                                "ms2", "Training made available to employers", LocalDate.parse("2025-12-31"))),
                List.of(new PlanContent.Resource("Analysis of day service staff skills", "In-house day services")),
                "Knowing how to market to employers",
                List.of("m1"),
                "Quarterly newsletter and a review event");
        List<ThemeWorkView.Plan> plans = List.of(new ThemeWorkView.Plan(
                "pl1",
                "i1",
                2,
                content,
                List.of(new ThemeWorkView.Reached("ms1", LocalDate.parse("2025-08-15"), "4 people in work")),
                List.of()));
        ThemeWorkView lonely = new ThemeWorkView(
                "prog-1",
                "nw1",
                "I am lonely",
                whys,
                List.of(
                        new ThemeWorkView.Cause("c4", c4.text(), 1, 11),
                        new ThemeWorkView.Cause("c2", c2.text(), 2, 8)),
                success,
                List.of("A befriending scheme run by the library", "Community transport on Tuesdays"),
                ideas,
                plans);
        ThemeWorkView day = new ThemeWorkView(
                "prog-1",
                "nw2",
                "I don't like what I do during the day",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());

        List<ReportData.ProcessReview> reviews = List.of(
                new ReportData.ProcessReview(
                        "PROVIDER",
                        List.of("Providers appreciated that the process is linked directly to action planning"),
                        List.of("There wasn't enough time for action planning on day two")),
                new ReportData.ProcessReview(
                        "PERSON", List.of("The process helped everybody to get involved"), List.of()));
        return new ReportData(
                "report-1",
                1,
                Instant.parse("2025-07-01T10:00:00Z"),
                Instant.parse("2025-07-02T09:30:00Z"),
                programme,
                List.of(notWorking, working, future),
                progress,
                List.of(lonely, day),
                reviews);
    }

    private static BoardView.Theme theme(String id, String title, int votes, BoardView.Statement... statements) {
        return new BoardView.Theme(id, title, List.of(statements), "ACTIVE", null, List.of(), null, votes, null, null);
    }

    private static BoardView.Statement st(String id, String text) {
        return new BoardView.Statement(id, "person-" + id, 1, text, false, List.of());
    }

    private static BoardView.Statement erased(String id) {
        return new BoardView.Statement(id, "person-" + id, 1, null, true, List.of());
    }

    private static ThemeWorkView.CauseNode cause(String id, String text, boolean root, List<ThemeWorkView.Why> whys) {
        return new ThemeWorkView.CauseNode(id, text, "PROVIDER", List.of(), root, whys);
    }
}
