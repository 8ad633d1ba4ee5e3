package org.goldenthread.infra.report;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.goldenthread.infra.web.Acts;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.UnknownReference;
import org.goldenthread.progress.FindProgress;
import org.goldenthread.progress.FindThemeWork;
import org.goldenthread.progress.ProgressView;
import org.goldenthread.progress.ThemeWorkView;
import org.goldenthread.programme.FindProgramme;
import org.goldenthread.programme.ProgrammeView;
import org.goldenthread.review.ProcessReviewRecorded;
import org.goldenthread.review.ReportPublished;
import org.goldenthread.theme.BoardView;
import org.goldenthread.theme.FindBoard;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Gathers a published report's contents: the views through the query gateway, and — since no view
 * holds them — the report's publication and the cycle's process reviews from the programme's own
 * event stream (read from the first event, never from a snapshot).
 */
@Component
public class ReportAssembler {

    private final Acts acts;
    private final EventStore events;

    public ReportAssembler(Acts acts, EventStore events) {
        this.acts = acts;
        this.events = events;
    }

    /** The report's contents now; 404 (naming the report) when the programme has published no report with this id. */
    public ReportData assemble(String programmeId, String reportId) {
        History history = history(programmeId, reportId);
        ProgrammeView programme = acts.find(new FindProgramme(programmeId), ProgrammeView.class, "programme", programmeId);
        List<BoardView> boards = new ArrayList<>();
        for (Category category : Category.values()) {
            BoardView board = acts.ask(new FindBoard(programmeId, category), BoardView.class);
            if (board != null) {
                boards.add(board);
            }
        }
        ProgressView progress = acts.find(new FindProgress(programmeId), ProgressView.class, "programme", programmeId);
        List<ThemeWorkView> work = new ArrayList<>();
        if (progress.prioritisedThemes() != null) {
            progress.prioritisedThemes().stream()
                    .filter(t -> t.cycle() == progress.cycle())
                    .sorted(Comparator.comparingInt(ProgressView.PrioritisedTheme::rank))
                    .forEach(t -> {
                        ThemeWorkView view = acts.ask(new FindThemeWork(programmeId, t.themeId()), ThemeWorkView.class);
                        if (view != null) {
                            work.add(view);
                        }
                    });
        }
        return new ReportData(reportId, history.cycle, history.publishedAt, Instant.now(), programme, boards, progress,
                work, history.reviews);
    }

    private record History(int cycle, Instant publishedAt, List<ReportData.ProcessReview> reviews) {
    }

    private History history(String programmeId, String reportId) {
        ReportPublished published = null;
        Instant publishedAt = null;
        List<ProcessReviewRecorded> reviews = new ArrayList<>();
        DomainEventStream stream = events.readEvents(programmeId, 0L);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            Class<?> type = event.getPayloadType();
            if (type == ReportPublished.class) {
                ReportPublished p = (ReportPublished) event.getPayload();
                if (p.reportId().equals(reportId)) {
                    published = p;
                    publishedAt = event.getTimestamp();
                }
            } else if (type == ProcessReviewRecorded.class) {
                reviews.add((ProcessReviewRecorded) event.getPayload());
            }
        }
        if (published == null) {
            throw new UnknownReference("report", reportId);
        }
        int cycle = published.cycle();
        List<ReportData.ProcessReview> ofCycle = reviews.stream()
                .filter(r -> r.cycle() == cycle)
                .map(r -> new ReportData.ProcessReview(r.perspective() == null ? null : r.perspective().name(), r.working(), r.notWorking()))
                .toList();
        return new History(cycle, publishedAt, ofCycle);
    }
}
