package org.goldenthread.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.goldenthread.infra.security.Access;
import org.goldenthread.infra.security.Rule;
import org.goldenthread.kernel.progress.FindProgress;
import org.goldenthread.kernel.progress.FindThemeWork;
import org.goldenthread.kernel.progress.ProgressView;
import org.goldenthread.kernel.progress.ThemeWorkView;
import org.goldenthread.kernel.thread.Direction;
import org.goldenthread.kernel.thread.FindThread;
import org.goldenthread.kernel.thread.FindThreadLinks;
import org.goldenthread.kernel.thread.FindUntraced;
import org.goldenthread.kernel.thread.NodeType;
import org.goldenthread.kernel.thread.ThreadLink;
import org.goldenthread.kernel.thread.ThreadView;
import org.goldenthread.kernel.thread.UntracedItem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The golden thread (back to people's words, forward to actions, as it stood at any time), progress and a theme's work.
 */
@RestController
@RequestMapping("/api/programmes/{programmeId}")
@Tag(name = "Golden thread and progress")
public class ThreadController {

    private final Acts acts;

    private final org.goldenthread.infra.store.PointInTime pointInTime;

    public ThreadController(Acts acts, org.goldenthread.infra.store.PointInTime pointInTime) {
        this.acts = acts;
        this.pointInTime = pointInTime;
    }

    @Access(Rule.READ)
    @GetMapping("/thread")
    @Operation(
            summary = "Everything reached from a node (type:id) going BACK towards people's words or "
                    + "FORWARD towards actions, optionally as it stood at asOf")
    public ThreadView thread(
            @PathVariable String programmeId,
            @Parameter(
                            description = "type:id, e.g. measure:<id>; types statement, theme, priority, cause, "
                                    + "success, measure, idea, plan, kpi, contract")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "back (default) or forward") @RequestParam(required = false) String direction,
            @Parameter(description = "an ISO-8601 instant, e.g. 2025-03-01T10:00:00Z; now when left out")
                    @RequestParam(required = false)
                    String asOf) {
        NodeType.NodeRef ref = NodeType.parseRef("from", from);
        Direction walk = direction == null || direction.isBlank()
                ? Direction.BACK
                : Acts.parse(Direction.class, "direction", direction);
        Instant at = Acts.instant("asOf", asOf);
        return acts.find(
                new FindThread(programmeId, ref, walk, at),
                ThreadView.class,
                ref.type().name().toLowerCase(java.util.Locale.ROOT),
                ref.id());
    }

    @Access(Rule.READ)
    @GetMapping("/thread/untraced")
    @Operation(summary = "Measures, ideas and action plans that reach no statement of people going back")
    public List<UntracedItem> untraced(@PathVariable String programmeId) {
        return acts.askMany(new FindUntraced(programmeId), UntracedItem.class);
    }

    @Access(Rule.READ)
    @GetMapping("/thread/links")
    @Operation(summary = "Every link of the thread with when and by whom it was made (and unmade), for auditors")
    public List<ThreadLink> links(@PathVariable String programmeId) {
        return acts.askMany(new FindThreadLinks(programmeId), ThreadLink.class);
    }

    @Access(Rule.READ)
    @GetMapping("/progress")
    @Operation(
            summary = "Where the programme stands in each of the 8 steps this cycle, prioritised themes, "
                    + "and the comparison across cycles; with asOf, as it stood then (replayed: for audits)")
    public ProgressView progress(
            @PathVariable String programmeId,
            @Parameter(description = "an ISO-8601 instant, e.g. 2025-03-01T10:00:00Z; now when left out")
                    @RequestParam(required = false)
                    String asOf) {
        Instant at = Acts.instant("asOf", asOf);
        if (at != null) {
            ProgressView then = pointInTime.progress(programmeId, at);
            if (then == null) {
                throw new org.goldenthread.kernel.UnknownReference("programme", programmeId);
            }
            return then;
        }
        return acts.find(new FindProgress(programmeId), ProgressView.class, "programme", programmeId);
    }

    @Access(Rule.READ)
    @GetMapping("/themes/{themeId}/work")
    @Operation(
            summary = "Steps 4–8 for one prioritised theme: five whys, root causes, success statements and "
                    + "measures, ideas, action plans")
    public ThemeWorkView work(@PathVariable String programmeId, @PathVariable String themeId) {
        return acts.find(new FindThemeWork(programmeId, themeId), ThemeWorkView.class, "theme", themeId);
    }
}
