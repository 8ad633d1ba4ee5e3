package org.goldenthread.infra.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.goldenthread.infra.web.Acts;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.learn.FindProcessReviews;
import org.goldenthread.kernel.learn.FindReport;
import org.goldenthread.kernel.learn.ProcessReviewView;
import org.goldenthread.kernel.learn.ReportView;
import org.goldenthread.kernel.programme.FindProgramme;
import org.goldenthread.kernel.programme.ProgrammeView;
import org.goldenthread.kernel.progress.FindProgress;
import org.goldenthread.kernel.progress.FindThemeWork;
import org.goldenthread.kernel.progress.ProgressView;
import org.goldenthread.kernel.progress.ThemeWorkView;
import org.goldenthread.kernel.theme.BoardView;
import org.goldenthread.kernel.theme.FindBoard;
import org.springframework.stereotype.Component;

/** Gathers a published report's contents from the views, through the query gateway. */
@Component
public class ReportAssembler {

    private final Acts acts;
    private final org.springframework.beans.factory.ObjectProvider<org.goldenthread.infra.store.ChainVerifier> verifier;

    public ReportAssembler(
            Acts acts,
            org.springframework.beans.factory.ObjectProvider<org.goldenthread.infra.store.ChainVerifier> verifier) {
        this.acts = acts;
        this.verifier = verifier;
    }

    /** The report's contents now; 404 (naming the report) when the programme has published no report with this id. */
    public ReportData assemble(String programmeId, String reportId) {
        History history = history(programmeId, reportId);
        ProgrammeView programme =
                acts.find(new FindProgramme(programmeId), ProgrammeView.class, "programme", programmeId);
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
        org.goldenthread.infra.store.ChainVerifier v = verifier.getIfAvailable();
        org.goldenthread.infra.store.ChainVerifier.Verification chain = v == null ? null : v.verify(programmeId, null);
        return new ReportData(
                reportId,
                history.cycle,
                history.publishedAt,
                Instant.now(),
                programme,
                boards,
                progress,
                work,
                history.reviews,
                chain == null ? null : chain.headHash(),
                chain == null ? null : chain.events());
    }

    private record History(int cycle, Instant publishedAt, List<ReportData.ProcessReview> reviews) {}

    private History history(String programmeId, String reportId) {
        ReportView published = acts.find(new FindReport(programmeId, reportId), ReportView.class, "report", reportId);
        List<ReportData.ProcessReview> ofCycle =
                acts.askMany(new FindProcessReviews(programmeId, published.cycle()), ProcessReviewView.class).stream()
                        .map(r -> new ReportData.ProcessReview(r.perspective(), r.working(), r.notWorking()))
                        .toList();
        return new History(published.cycle(), published.publishedAt(), ofCycle);
    }
}
