package org.goldenthread.infra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.goldenthread.infra.report.ReportAssembler;
import org.goldenthread.infra.report.ReportRenderer;
import org.goldenthread.infra.report.ReportRendererTest;
import org.goldenthread.infra.store.ReadYourWrites;
import org.goldenthread.kernel.Perspective;
import org.goldenthread.kernel.UnknownReference;
import org.goldenthread.kernel.ballot.BallotSubject;
import org.goldenthread.kernel.ballot.OpenBallot;
import org.goldenthread.kernel.implement.AgreeActionPlan;
import org.goldenthread.kernel.implement.BaselineMeasure;
import org.goldenthread.kernel.implement.ChangeActionPlan;
import org.goldenthread.kernel.learn.PublishReport;
import org.goldenthread.kernel.learn.StartNextCycle;
import org.goldenthread.kernel.success.WriteSuccessStatement;
import org.goldenthread.kernel.thread.Direction;
import org.goldenthread.kernel.thread.FindThread;
import org.goldenthread.kernel.thread.NodeType;
import org.goldenthread.kernel.understand.AskWhy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** Steps 4–8 over HTTP, with the gateways stubbed: HTTP in, kernel commands and queries out, problem+json back. */
class StepControllersTest {

    private static final String P = "/api/programmes/prog-1";

    private final List<Object> sent = new ArrayList<>();
    private final List<Object> asked = new ArrayList<>();
    private final ReportAssembler assembler = mock(ReportAssembler.class);
    private MockMvc mvc;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        CommandGateway commands = mock(CommandGateway.class);
        when(commands.sendAndWait(any())).thenAnswer(i -> {
            sent.add(i.getArgument(0));
            return null;
        });
        QueryGateway queries = mock(QueryGateway.class);
        when(queries.query(any(), any(ResponseType.class))).thenAnswer(i -> {
            asked.add(i.getArgument(0));
            return CompletableFuture.completedFuture(null);
        });
        ReadYourWrites positions = mock(ReadYourWrites.class);
        when(positions.positionAfter(any())).thenReturn(java.util.OptionalLong.empty());
        when(positions.readModelOf(any())).thenReturn(java.util.Optional.empty());
        Acts acts = new Acts(commands, queries, positions);
        mvc = MockMvcBuilders.standaloneSetup(
                        new UnderstandController(acts),
                        new BallotController(acts, new OwnVotes(acts)),
                        new SuccessController(acts),
                        new PlanController(acts),
                        new ImplementController(acts),
                        new LearningController(acts, assembler, new ReportRenderer(null)),
                        new ThreadController(acts, null))
                .setControllerAdvice(new ProblemHandler())
                .build();
    }

    private MvcResult send(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String json)
            throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(json))
                .andReturn();
    }

    @Test
    void asking_why_creates_a_why_with_its_location() throws Exception {
        mvc.perform(post(P + "/themes/t1/whys")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"question\":\"Why are older people lonely?\",\"perspective\":\"person\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith(P + "/whys/")))
                .andExpect(jsonPath("$.whyId").isNotEmpty());
        AskWhy ask = (AskWhy) sent.get(0);
        assertThat(ask.themeId()).isEqualTo("t1");
        assertThat(ask.causeId()).isNull();
        assertThat(ask.perspective()).isEqualTo(Perspective.PERSON);
    }

    @Test
    void a_ballot_defaults_to_three_votes_and_the_top_three() throws Exception {
        mvc.perform(post(P + "/ballots")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"ideas\",\"themeId\":\"t1\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.ballotId").isNotEmpty());
        OpenBallot open = (OpenBallot) sent.get(0);
        assertThat(open.subject()).isEqualTo(BallotSubject.IDEAS);
        assertThat(open.votesPerParticipant()).isEqualTo(3);
        assertThat(open.selectTop()).isEqualTo(3);
    }

    @Test
    void an_unknown_ballot_subject_is_refused_naming_the_field() throws Exception {
        mvc.perform(post(P + "/ballots")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"themes\",\"themeId\":\"t1\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("subject"));
        assertThat(sent).isEmpty();
    }

    @Test
    void an_unknown_ballot_is_not_found() throws Exception {
        mvc.perform(get(P + "/ballots/b9"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.kind").value("ballot"));
    }

    @Test
    void a_success_statement_in_the_wrong_voice_is_refused_by_the_kernel() throws Exception {
        mvc.perform(post(P + "/themes/t1/success-statements")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"perspective\":\"COMMISSIONERS\",\"text\":\"I am "
                                + "happy\",\"rootCauseIds\":[\"c1\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("text"));
        mvc.perform(post(P + "/themes/t1/success-statements")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"perspective\":\"PEOPLE_CARERS_FAMILIES\",\"text\":\"I am not "
                                + "lonely\",\"rootCauseIds\":[\"c1\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.successId").isNotEmpty());
        assertThat(((WriteSuccessStatement) sent.get(0)).rootCauseIds()).containsExactly("c1");
    }

    @Test
    void a_placement_needs_effort_and_impact() throws Exception {
        mvc.perform(post(P + "/ideas/i1/placements")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"participantId\":\"a\",\"impact\":8}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("effort"));
        mvc.perform(post(P + "/ideas/i1/placements")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"participantId\":\"a\",\"effort\":3,\"impact\":8}"))
                .andExpect(status().isNoContent());
    }

    private static final String PLAN = """
            {"keyFeatures":"Personal budgets paid to the employer","involved":["Employment Link Team"],"lead":"Sam",
             "firstSteps":[{"what":"Draft the model","due":"2025-03-01"}],
             "milestones":[{"description":"First people in work","due":"2025-09-30"}, %s],
             "resources":[{"what":"Staff time","from":"Day services"}],"measureIds":["m1"],
             "communication":"Newsletter" %s}""";

    @Test
    void agreeing_a_plan_mints_milestone_ids_and_a_change_keeps_the_ones_given() throws Exception {
        MvcResult created = send(
                post(P + "/ideas/i1/action-plans"),
                PLAN.formatted("{\"description\":\"Training for employers\",\"due\":\"2025-12-31\"}", ""));
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        AgreeActionPlan agree = (AgreeActionPlan) sent.get(0);
        List<String> ids =
                agree.content().milestones().stream().map(m -> m.milestoneId()).toList();
        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
        assertThat(created.getResponse().getContentAsString()).contains(agree.planId(), ids.get(0), ids.get(1));
        assertThat(agree.content().firstSteps().get(0).due()).isEqualTo(LocalDate.parse("2025-03-01"));

        MvcResult changed = send(
                put(P + "/action-plans/" + agree.planId()),
                PLAN.formatted(
                        "{\"milestoneId\":\"" + ids.get(1)
                                + "\",\"description\":\"Training for employers\",\"due\":\"2026-01-31\"}",
                        ", \"reason\":\"employers asked for more time\""));
        assertThat(changed.getResponse().getStatus()).isEqualTo(204);
        ChangeActionPlan change = (ChangeActionPlan) sent.get(1);
        assertThat(change.content().milestones().get(1).milestoneId()).isEqualTo(ids.get(1));
        assertThat(change.content().milestones().get(0).milestoneId()).isNotIn(ids);
        assertThat(change.reason()).isEqualTo("employers asked for more time");
    }

    @Test
    void a_malformed_date_is_refused_naming_the_field() throws Exception {
        MvcResult result = send(
                post(P + "/ideas/i1/action-plans"),
                PLAN.formatted("{\"description\":\"Training\",\"due\":\"2025-13-45\"}", ""));
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString())
                .contains("milestones")
                .contains("due");
        MvcResult baseline = send(
                post(P + "/measures/m1/baseline"), "{\"value\":\"22\",\"date\":\"31/01/2025\",\"source\":\"audit\"}");
        assertThat(baseline.getResponse().getStatus()).isEqualTo(400);
        assertThat(baseline.getResponse().getContentAsString()).contains("\"field\":\"date\"");
        assertThat(sent).isEmpty();
    }

    @Test
    void a_baseline_is_a_reading() throws Exception {
        MvcResult result = send(
                post(P + "/measures/m1/baseline"),
                "{\"value\":22,\"date\":\"2025-01-31\",\"source\":\"review audit\"}");
        assertThat(result.getResponse().getStatus()).isEqualTo(204);
        BaselineMeasure baseline = (BaselineMeasure) sent.get(0);
        assertThat(baseline.baseline().value()).isEqualTo("22");
        assertThat(baseline.baseline().date()).isEqualTo(LocalDate.parse("2025-01-31"));
    }

    @Test
    void the_thread_parses_from_direction_and_as_of() throws Exception {
        mvc.perform(get(P + "/thread")
                        .param("from", "measure:m1")
                        .param("direction", "forward")
                        .param("asOf", "2025-03-01T10:00:00Z"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.kind").value("measure"));
        FindThread query = (FindThread) asked.get(0);
        assertThat(query.from()).isEqualTo(new NodeType.NodeRef(NodeType.MEASURE, "m1"));
        assertThat(query.direction()).isEqualTo(Direction.FORWARD);
        assertThat(query.asOf()).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));

        mvc.perform(get(P + "/thread").param("from", "measure:m1").param("asOf", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("asOf"));
        mvc.perform(get(P + "/thread").param("from", "budget:k1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("from"));
        mvc.perform(get(P + "/thread"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("from"));
    }

    @Test
    void the_theme_work_of_an_unknown_theme_is_not_found() throws Exception {
        mvc.perform(get(P + "/themes/t9/work"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.kind").value("theme"));
    }

    @Test
    void a_report_is_published_and_read_as_html_or_pdf() throws Exception {
        MvcResult published = mvc.perform(post(P + "/reports")).andReturn();
        assertThat(published.getResponse().getStatus()).isEqualTo(201);
        String reportId = ((PublishReport) sent.get(0)).reportId();
        assertThat(published.getResponse().getHeader("Location")).isEqualTo(P + "/reports/" + reportId);
        when(assembler.assemble("prog-1", reportId)).thenReturn(ReportRendererTest.sample());

        MvcResult html = mvc.perform(get(P + "/reports/" + reportId).accept(MediaType.TEXT_HTML))
                .andReturn();
        assertThat(html.getResponse().getContentType()).startsWith("text/html");
        assertThat(html.getResponse().getContentAsString()).contains("I am lonely");

        MvcResult browser = mvc.perform(
                        get(P + "/reports/" + reportId).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"))
                .andReturn();
        assertThat(browser.getResponse().getContentType()).startsWith("text/html");

        MvcResult pdf = mvc.perform(get(P + "/reports/" + reportId).header("Accept", "application/pdf"))
                .andReturn();
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");

        MvcResult suffixPdf =
                mvc.perform(get(P + "/reports/" + reportId + ".pdf")).andReturn();
        assertThat(suffixPdf.getResponse().getContentType()).isEqualTo("application/pdf");
        MvcResult suffixHtml =
                mvc.perform(get(P + "/reports/" + reportId + ".html")).andReturn();
        assertThat(suffixHtml.getResponse().getContentType()).startsWith("text/html");
    }

    @Test
    void an_unknown_report_is_not_found_whatever_the_accept_header() throws Exception {
        when(assembler.assemble(eq("prog-1"), eq("r9"))).thenThrow(new UnknownReference("report", "r9"));
        for (String accept : List.of("application/pdf", "text/html", "*/*")) {
            MvcResult result =
                    mvc.perform(get(P + "/reports/r9").header("Accept", accept)).andReturn();
            assertThat(result.getResponse().getStatus()).as(accept).isEqualTo(404);
        }
        assertThat(mvc.perform(get(P + "/reports/r9.pdf"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void the_next_cycle_needs_a_reason() throws Exception {
        assertThat(send(post(P + "/cycles"), "{}").getResponse().getStatus()).isEqualTo(400);
        assertThat(send(post(P + "/cycles"), "{\"reason\":\"a year on\"}")
                        .getResponse()
                        .getStatus())
                .isEqualTo(204);
        assertThat(sent).containsExactly(new StartNextCycle("prog-1", "a year on"));
    }

    @Test
    void a_failed_list_query_answers_its_refusal_not_a_500() throws Exception {
        QueryGateway failing = mock(QueryGateway.class);
        when(failing.query(any(), any(ResponseType.class)))
                .thenReturn(CompletableFuture.failedFuture(new org.axonframework.queryhandling.QueryExecutionException(
                        "failed", new UnknownReference("programme", "nope"))));
        ReadYourWrites positions = mock(ReadYourWrites.class);
        when(positions.readModelOf(any())).thenReturn(java.util.Optional.empty());
        MockMvc list = MockMvcBuilders.standaloneSetup(
                        new ThreadController(new Acts(mock(CommandGateway.class), failing, positions), null))
                .setControllerAdvice(new ProblemHandler())
                .build();
        list.perform(get(P + "/thread/untraced"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.kind").value("programme"));
    }

    @Test
    void a_programme_locked_too_long_is_503_with_retry_after() {
        var answer = new ProblemHandler()
                .busy(new org.axonframework.common.lock.LockAcquisitionFailedException("timed out"));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(answer.getBody().getType().toString()).endsWith("/programme-busy");
    }
}
