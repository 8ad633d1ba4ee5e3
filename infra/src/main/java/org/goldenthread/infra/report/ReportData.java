package org.goldenthread.infra.report;

import java.time.Instant;
import java.util.List;
import org.goldenthread.kernel.programme.ProgrammeView;
import org.goldenthread.kernel.progress.ProgressView;
import org.goldenthread.kernel.progress.ThemeWorkView;
import org.goldenthread.kernel.theme.BoardView;

/**
 * Everything the WTfC report of one cycle shows, as the views answered it: the programme, the three
 * boards (WORKING, NOT_WORKING, FUTURE), progress (prioritised themes and the cycle comparison), the
 * work on each prioritised theme, and the process reviews of the cycle; and the head of the programme's event chain
 * as the report was rendered (tamper evidence: an outsider can later check it is still in the chain). Rendering it is
 * pure.
 */
public record ReportData(
        String reportId,
        int cycle,
        Instant publishedAt,
        Instant renderedAt,
        ProgrammeView programme,
        List<BoardView> boards,
        ProgressView progress,
        List<ThemeWorkView> themeWork,
        List<ProcessReview> processReviews,
        String chainHead,
        Integer chainEvents) {

    /** A report without its event chain's head (a store that keeps none). */
    public ReportData(
            String reportId,
            int cycle,
            Instant publishedAt,
            Instant renderedAt,
            ProgrammeView programme,
            List<BoardView> boards,
            ProgressView progress,
            List<ThemeWorkView> themeWork,
            List<ProcessReview> processReviews) {
        this(
                reportId,
                cycle,
                publishedAt,
                renderedAt,
                programme,
                boards,
                progress,
                themeWork,
                processReviews,
                null,
                null);
    }

    public ReportData {
        boards = boards == null ? List.of() : List.copyOf(boards);
        themeWork = themeWork == null ? List.of() : List.copyOf(themeWork);
        processReviews = processReviews == null ? List.of() : List.copyOf(processReviews);
    }

    /** One stakeholder group's "working / not working" about the process itself. */
    public record ProcessReview(String perspective, List<String> working, List<String> notWorking) {
        public ProcessReview {
            working = working == null ? List.of() : List.copyOf(working);
            notWorking = notWorking == null ? List.of() : List.copyOf(notWorking);
        }
    }
}
