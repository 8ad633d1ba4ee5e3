package org.goldenthread.command.learn;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.goldenthread.command.theme.Board;
import org.goldenthread.command.theme.Boards;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.learn.*;

/**
 * Step 8, Learning and review, and the cycle it closes: the process reviews ("working / not working"
 * about the method itself) and the WTfC reports of each cycle, and the start of the next cycle. Cycles
 * are numbered from 1. A new cycle carries every active theme forward as a new, empty theme of the same
 * title, so cycles can be compared; it waits until every vote (theme round or ballot) is closed.
 */
public final class Cycles {

    public static final String CARRIED = "~c";

    private int cycle = 1;
    private final Set<String> processReviewIds = new LinkedHashSet<>();
    private final Set<String> reportIds = new LinkedHashSet<>();

    public int current() {
        return cycle;
    }

    // ---- decisions

    public List<Object> recordProcessReview(RecordProcessReview c) {
        if (processReviewIds.contains(c.reviewId())) {
            throw new RuleViolation("ids-unique", "process review id '" + c.reviewId() + "' is already used");
        }
        return List.of(new ProcessReviewRecorded(
                c.programmeId(), c.reviewId(), cycle, c.perspective(), c.working(), c.notWorking()));
    }

    public List<Object> publish(PublishReport c) {
        if (reportIds.contains(c.reportId())) {
            throw new RuleViolation("ids-unique", "report id '" + c.reportId() + "' is already used");
        }
        return List.of(new ReportPublished(c.programmeId(), c.reportId(), cycle));
    }

    /** {@code votesOpen}: a theme voting round or a ballot is still open. */
    public List<Object> startNext(StartNextCycle c, Boards boards, boolean votesOpen) {
        if (votesOpen) {
            throw new RuleViolation(
                    "close-open-votes-first", "close the open voting round and ballots before starting the next cycle");
        }
        int next = cycle + 1;
        List<CycleStarted.CarriedTheme> carried = new ArrayList<>();
        for (Category category : Category.values()) {
            for (Board.Theme t : boards.on(category).themes()) {
                if (!t.active()) {
                    continue;
                }
                String themeId = t.themeId() + CARRIED + next;
                if (boards.themeExists(themeId)) {
                    throw new RuleViolation(
                            "ids-unique",
                            "theme '" + t.themeId() + "' would be carried forward as '" + themeId
                                    + "', but that theme id is already used");
                }
                carried.add(new CycleStarted.CarriedTheme(t.themeId(), themeId, category, t.title()));
            }
        }
        return List.of(new CycleStarted(c.programmeId(), next, List.copyOf(carried), c.reason()));
    }

    // ---- evolution

    public void evolve(ProcessReviewRecorded e) {
        processReviewIds.add(e.reviewId());
    }

    public void evolve(ReportPublished e) {
        reportIds.add(e.reportId());
    }

    public void evolve(CycleStarted e) {
        cycle = e.cycle();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cycles y
                && cycle == y.cycle
                && processReviewIds.equals(y.processReviewIds)
                && reportIds.equals(y.reportIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cycle, processReviewIds, reportIds);
    }
}
