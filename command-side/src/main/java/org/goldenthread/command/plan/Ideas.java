package org.goldenthread.command.plan;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.goldenthread.command.understand.FiveWhys;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.UnknownReference;
import org.goldenthread.kernel.ballot.BallotOption;
import org.goldenthread.kernel.plan.*;

/**
 * Step 6, Plan: per prioritised theme, what is already in place, the ideas proposed (TRADITIONAL, RADICAL,
 * DIFFERENT), which the vote chose, and where the participants place each chosen idea on the effort/impact
 * grid ({@link Grid}). An idea can be dropped (with a reason), once; a dropped idea stays in history but
 * is no longer voted on, placed or planned. The caller checks that the theme is prioritised before an
 * item is recorded or an idea proposed, and that a participant may act before they place an idea.
 */
public final class Ideas {

    public record Idea(
            String ideaId,
            String themeId,
            String text,
            boolean chosen,
            boolean dropped,
            Map<String, Grid.Placement> placements) {

        Idea with(boolean chosen, boolean dropped, Map<String, Grid.Placement> placements) {
            return new Idea(ideaId, themeId, text, chosen, dropped, placements);
        }
    }

    private final Map<String, String> alreadyInPlace = new LinkedHashMap<>();
    private final Map<String, Idea> ideas = new LinkedHashMap<>();

    // ---- queries

    public Idea require(String ideaId) {
        Idea idea = ideas.get(ideaId);
        if (idea == null) {
            throw new UnknownReference("idea", ideaId);
        }
        return idea;
    }

    /** The idea exists, the vote chose it, and it has not been dropped: it can be placed and planned. */
    public Idea requireChosenAndKept(String ideaId) {
        Idea idea = require(ideaId);
        if (!idea.chosen()) {
            throw new RuleViolation(
                    "idea-chosen",
                    "idea '" + ideaId + "' was not chosen by an ideas vote; only chosen ideas are placed on the grid "
                            + "and planned");
        }
        if (idea.dropped()) {
            throw new RuleViolation("idea-dropped", "idea '" + ideaId + "' was dropped");
        }
        return idea;
    }

    /** An ideas ballot offers the theme's ideas not dropped, in the order proposed. */
    public List<BallotOption> ballotOptions(String themeId) {
        return ideas.values().stream()
                .filter(i -> i.themeId().equals(themeId) && !i.dropped())
                .map(i -> new BallotOption(i.ideaId(), i.text()))
                .toList();
    }

    // ---- decisions

    public List<Object> recordAlreadyInPlace(RecordAlreadyInPlace c) {
        if (alreadyInPlace.containsKey(c.itemId())) {
            throw new RuleViolation("ids-unique", "item id '" + c.itemId() + "' is already used");
        }
        return List.of(new AlreadyInPlaceRecorded(c.programmeId(), c.itemId(), c.themeId(), c.description()));
    }

    public List<Object> propose(ProposeIdea c, FiveWhys whys) {
        if (ideas.containsKey(c.ideaId())) {
            throw new RuleViolation("ids-unique", "idea id '" + c.ideaId() + "' is already used");
        }
        if (new HashSet<>(c.rootCauseIds()).size() != c.rootCauseIds().size()) {
            throw new InvalidInput("rootCauseIds", "rootCauseIds must not name the same cause twice");
        }
        c.rootCauseIds().forEach(id -> whys.requireChosenRootCause(c.themeId(), id));
        return List.of(
                new IdeaProposed(c.programmeId(), c.ideaId(), c.themeId(), c.mode(), c.text(), c.rootCauseIds()));
    }

    /** The participant's placement replaces their earlier one; the event carries the idea's new position. */
    public List<Object> place(PlaceIdea c) {
        Idea idea = requireChosenAndKept(c.ideaId());
        Map<String, Grid.Placement> after = new LinkedHashMap<>(idea.placements());
        after.put(c.participantId(), new Grid.Placement(c.effort(), c.impact()));
        Grid.Position p = Grid.position(after.values());
        return List.of(new IdeaPlaced(
                c.programmeId(),
                c.ideaId(),
                idea.themeId(),
                c.participantId(),
                c.effort(),
                c.impact(),
                p.medianEffort(),
                p.medianImpact(),
                p.effortSpread(),
                p.impactSpread(),
                after.size(),
                p.quadrant()));
    }

    public List<Object> drop(DropIdea c) {
        Idea idea = require(c.ideaId());
        if (idea.dropped()) {
            throw new RuleViolation("dropped-once", "idea '" + c.ideaId() + "' has already been dropped");
        }
        return List.of(new IdeaDropped(c.programmeId(), c.ideaId(), idea.themeId(), c.reason()));
    }

    // ---- evolution

    public void evolve(AlreadyInPlaceRecorded e) {
        alreadyInPlace.put(e.itemId(), e.themeId());
    }

    public void evolve(IdeaProposed e) {
        ideas.put(e.ideaId(), new Idea(e.ideaId(), e.themeId(), e.text(), false, false, Map.of()));
    }

    public void evolve(IdeaChosen e) {
        Idea i = ideas.get(e.ideaId());
        ideas.put(i.ideaId(), i.with(true, i.dropped(), i.placements()));
    }

    public void evolve(IdeaPlaced e) {
        Idea i = ideas.get(e.ideaId());
        Map<String, Grid.Placement> after = new LinkedHashMap<>(i.placements());
        after.put(e.participantId(), new Grid.Placement(e.effort(), e.impact()));
        ideas.put(i.ideaId(), i.with(i.chosen(), i.dropped(), after));
    }

    public void evolve(IdeaDropped e) {
        Idea i = ideas.get(e.ideaId());
        ideas.put(i.ideaId(), i.with(i.chosen(), true, i.placements()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ideas i
                && List.copyOf(alreadyInPlace.entrySet()).equals(List.copyOf(i.alreadyInPlace.entrySet()))
                && List.copyOf(ideas.values()).equals(List.copyOf(i.ideas.values()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(alreadyInPlace, ideas);
    }
}
