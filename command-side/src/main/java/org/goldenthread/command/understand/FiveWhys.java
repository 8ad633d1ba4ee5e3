package org.goldenthread.command.understand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.UnknownReference;
import org.goldenthread.kernel.ballot.BallotOption;
import org.goldenthread.kernel.understand.*;

/**
 * Step 4, Understand: the five-whys tree of each prioritised theme. A "why?" is asked of the theme or of
 * a cause given earlier (questioned again); each why may be answered by several causes ("because…").
 * Causes that reach a guard rail are flagged, never refused. The vote on the top root causes (a ballot)
 * marks causes as chosen root causes of their theme.
 * <p>
 * The caller checks that the theme is prioritised before a why is asked of it.
 */
public final class FiveWhys {

    public record Why(String whyId, String themeId, String causeId) {}

    public record Cause(String causeId, String whyId, String themeId, String text, boolean chosen) {}

    private final Map<String, Why> whys = new LinkedHashMap<>();
    private final Map<String, Cause> causes = new LinkedHashMap<>();

    // ---- queries

    /** The causes given for the theme, in the order given. */
    public List<Cause> causesOf(String themeId) {
        return causes.values().stream().filter(c -> c.themeId().equals(themeId)).toList();
    }

    /** A root-cause ballot offers every cause given for the theme, in the order given. */
    public List<BallotOption> ballotOptions(String themeId) {
        return causesOf(themeId).stream()
                .map(c -> new BallotOption(c.causeId(), c.text()))
                .toList();
    }

    /** The cause exists ({@code cause}, 404) and the vote chose it as a root cause of the theme. */
    public void requireChosenRootCause(String themeId, String causeId) {
        Cause cause = causes.get(causeId);
        if (cause == null) {
            throw new UnknownReference("cause", causeId);
        }
        if (!cause.themeId().equals(themeId) || !cause.chosen()) {
            throw new RuleViolation(
                    "root-cause-of-theme",
                    "cause '" + causeId
                            + "' is not a chosen root cause of theme '" + themeId
                            + "'; only the causes the root-cause vote chose for the theme can be named");
        }
    }

    // ---- decisions

    public List<Object> ask(AskWhy c) {
        if (whys.containsKey(c.whyId())) {
            throw new RuleViolation("ids-unique", "why id '" + c.whyId() + "' is already used");
        }
        if (c.causeId() != null) {
            Cause cause = causes.get(c.causeId());
            if (cause == null) {
                throw new UnknownReference("cause", c.causeId());
            }
            if (!cause.themeId().equals(c.themeId())) {
                throw new RuleViolation(
                        "cause-of-theme",
                        "cause '" + c.causeId() + "' was given for theme '" + cause.themeId() + "', not theme '"
                                + c.themeId() + "'; ask why of it there");
            }
        }
        return List.of(
                new WhyAsked(c.programmeId(), c.whyId(), c.themeId(), c.causeId(), c.question(), c.perspective()));
    }

    /** CauseGiven, followed by CauseFlaggedByGuardRail when the cause reaches a guard rail. */
    public List<Object> give(GiveCause c, GuardRails guardRails) {
        Why why = whys.get(c.whyId());
        if (why == null) {
            throw new UnknownReference("why", c.whyId());
        }
        if (causes.containsKey(c.causeId())) {
            throw new RuleViolation("ids-unique", "cause id '" + c.causeId() + "' is already used");
        }
        List<Object> events = new ArrayList<>();
        events.add(new CauseGiven(c.programmeId(), c.causeId(), c.whyId(), why.themeId(), c.text(), c.perspective()));
        List<String> reasons = guardRails.reasonsFor(c.text());
        if (!reasons.isEmpty()) {
            events.add(new CauseFlaggedByGuardRail(c.programmeId(), c.causeId(), why.themeId(), reasons));
        }
        return events;
    }

    // ---- evolution

    public void evolve(WhyAsked e) {
        whys.put(e.whyId(), new Why(e.whyId(), e.themeId(), e.causeId()));
    }

    public void evolve(CauseGiven e) {
        causes.put(e.causeId(), new Cause(e.causeId(), e.whyId(), e.themeId(), e.text(), false));
    }

    public void evolve(RootCauseChosen e) {
        Cause c = causes.get(e.causeId());
        causes.put(c.causeId(), new Cause(c.causeId(), c.whyId(), c.themeId(), c.text(), true));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FiveWhys f
                && List.copyOf(whys.values()).equals(List.copyOf(f.whys.values()))
                && List.copyOf(causes.values()).equals(List.copyOf(f.causes.values()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(whys, causes);
    }
}
