package org.goldenthread.command.theme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.learn.CycleStarted;
import org.goldenthread.kernel.theme.*;

/**
 * Step 3, Theme: one theming board (one per category). Every statement of the category recorded in the
 * current cycle is in exactly one place: unclustered, parked, or one active theme. Themes are ACTIVE, or
 * RETIRED when merged into another or carried into the next cycle (kept, with lineage; nothing is
 * deleted). Themes keep their creation order. When a cycle starts, the statements of the earlier cycle
 * leave the board: the clustered ones stay in their retired themes, the unclustered and parked ones are
 * off the board; none of them can be placed again.
 * <p>
 * Checks that need the other boards (ids used elsewhere) are made by {@link Boards} before a board decides.
 */
public final class Board {

    public enum Status {
        ACTIVE,
        RETIRED
    }

    /** A theme as it stands: its statements in the order they arrived. */
    public record Theme(
            String themeId,
            String title,
            Status status,
            String splitFrom,
            List<String> mergedFrom,
            String mergedInto,
            String carriedFrom,
            String carriedInto,
            List<String> statementIds) {

        Theme with(List<String> statements) {
            return new Theme(
                    themeId,
                    title,
                    status,
                    splitFrom,
                    mergedFrom,
                    mergedInto,
                    carriedFrom,
                    carriedInto,
                    List.copyOf(statements));
        }

        Theme titled(String newTitle) {
            return new Theme(
                    themeId,
                    newTitle,
                    status,
                    splitFrom,
                    mergedFrom,
                    mergedInto,
                    carriedFrom,
                    carriedInto,
                    statementIds);
        }

        Theme mergedInto(String targetThemeId) {
            return new Theme(
                    themeId,
                    title,
                    Status.RETIRED,
                    splitFrom,
                    mergedFrom,
                    targetThemeId,
                    carriedFrom,
                    carriedInto,
                    List.of());
        }

        Theme mergedFrom(List<String> more) {
            List<String> all = new ArrayList<>(mergedFrom);
            all.addAll(more);
            return new Theme(
                    themeId,
                    title,
                    status,
                    splitFrom,
                    List.copyOf(all),
                    mergedInto,
                    carriedFrom,
                    carriedInto,
                    statementIds);
        }

        /** Retired at the start of a cycle, keeping its statements. */
        Theme carriedInto(String newThemeId) {
            return new Theme(
                    themeId,
                    title,
                    Status.RETIRED,
                    splitFrom,
                    mergedFrom,
                    mergedInto,
                    carriedFrom,
                    newThemeId,
                    statementIds);
        }

        static Theme created(String themeId, String title, String splitFrom, String carriedFrom) {
            return new Theme(themeId, title, Status.ACTIVE, splitFrom, List.of(), null, carriedFrom, null, List.of());
        }

        public boolean active() {
            return status == Status.ACTIVE;
        }
    }

    /** Where a statement is: {@code themeId} null means unclustered, unless {@code parked}. */
    private record Place(boolean parked, String themeId) {
        static final Place UNCLUSTERED = new Place(false, null);
        static final Place PARKED = new Place(true, null);
    }

    private final Category category;
    private final Map<String, Place> places = new LinkedHashMap<>();
    private final Map<String, Theme> themes = new LinkedHashMap<>();
    /** Statements of earlier cycles, in the order they arrived. */
    private final Set<String> earlier = new LinkedHashSet<>();

    public Board(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }

    // ---- queries

    /** The statement is on this board in the current cycle. */
    public boolean hasStatement(String statementId) {
        return places.containsKey(statementId);
    }

    /** The statement was on this board in an earlier cycle. */
    public boolean hadStatement(String statementId) {
        return earlier.contains(statementId);
    }

    public Optional<Theme> theme(String themeId) {
        return Optional.ofNullable(themes.get(themeId));
    }

    /** All themes, active and retired, in creation order. */
    public List<Theme> themes() {
        return List.copyOf(themes.values());
    }

    public boolean isParked(String statementId) {
        return places.get(statementId).parked();
    }

    /** The active theme holding the statement, or null when unclustered or parked. */
    public String themeOf(String statementId) {
        return places.get(statementId).themeId();
    }

    // ---- decisions (the caller has checked that ids exist on this board, and that new ids are unused)

    List<Object> create(CreateTheme c) {
        List<Object> events = new ArrayList<>();
        events.add(new ThemeCreated(c.programmeId(), category, c.themeId(), c.title()));
        for (String statementId : c.statementIds()) {
            events.add(placement(c.programmeId(), statementId, c.themeId()));
        }
        return events;
    }

    List<Object> cluster(ClusterStatement c) {
        requireActive(c.themeId());
        return List.of(placement(c.programmeId(), c.statementId(), c.themeId()));
    }

    List<Object> park(ParkStatement c) {
        Place place = places.get(c.statementId());
        if (place.parked()) {
            throw new RuleViolation("already-parked", "statement '" + c.statementId() + "' is already parked");
        }
        return List.of(new StatementParked(c.programmeId(), category, c.statementId(), place.themeId()));
    }

    List<Object> unpark(UnparkStatement c) {
        if (!places.get(c.statementId()).parked()) {
            throw new RuleViolation(
                    "not-parked",
                    "only a parked statement can be unparked; statement '" + c.statementId() + "' is not parked");
        }
        return List.of(new StatementUnparked(c.programmeId(), category, c.statementId()));
    }

    /** Renaming to the same title is no act at all: nothing is applied. */
    List<Object> rename(RenameTheme c) {
        Theme theme = requireActive(c.themeId());
        if (theme.title().equals(c.title())) {
            return List.of();
        }
        return List.of(new ThemeRenamed(c.programmeId(), category, c.themeId(), theme.title(), c.title()));
    }

    List<Object> merge(MergeThemes c) {
        requireActive(c.themeId());
        List<String> moved = new ArrayList<>();
        for (String source : c.themeIds()) {
            moved.addAll(requireActive(source).statementIds());
        }
        return List.of(new ThemesMerged(c.programmeId(), category, c.themeId(), c.themeIds(), moved));
    }

    List<Object> split(SplitTheme c) {
        requireActive(c.themeId());
        for (String statementId : c.statementIds()) {
            if (!c.themeId().equals(places.get(statementId).themeId())) {
                throw new RuleViolation(
                        "split-own-statements",
                        "only statements in theme '" + c.themeId() + "' can be split out of it; statement '"
                                + statementId + "' is not in it");
            }
        }
        return List.of(
                new ThemeSplit(c.programmeId(), category, c.themeId(), c.newThemeId(), c.title(), c.statementIds()));
    }

    private Object placement(String programmeId, String statementId, String themeId) {
        Place place = places.get(statementId);
        if (themeId.equals(place.themeId())) {
            throw new RuleViolation(
                    "already-in-theme", "statement '" + statementId + "' is already in theme '" + themeId + "'");
        }
        if (place.themeId() != null) {
            return new StatementMoved(programmeId, category, statementId, place.themeId(), themeId);
        }
        return new StatementClustered(programmeId, category, statementId, themeId, place.parked());
    }

    private Theme requireActive(String themeId) {
        Theme theme = themes.get(themeId);
        if (!theme.active() && theme.carriedInto() != null) {
            throw new RuleViolation(
                    "theme-retired",
                    "theme '" + themeId + "' belongs to an earlier cycle and is "
                            + "retired; it was carried forward as '" + theme.carriedInto() + "'");
        }
        if (!theme.active()) {
            throw new RuleViolation(
                    "theme-retired",
                    "theme '" + themeId + "' was merged into '" + theme.mergedInto()
                            + "' and is retired; use that theme");
        }
        return theme;
    }

    // ---- evolution

    void statementRecorded(String statementId) {
        places.put(statementId, Place.UNCLUSTERED);
    }

    void evolve(ThemeCreated e) {
        themes.put(e.themeId(), Theme.created(e.themeId(), e.title(), null, null));
    }

    void evolve(StatementClustered e) {
        moveTo(e.statementId(), new Place(false, e.themeId()));
    }

    void evolve(StatementMoved e) {
        moveTo(e.statementId(), new Place(false, e.toThemeId()));
    }

    void evolve(StatementParked e) {
        moveTo(e.statementId(), Place.PARKED);
    }

    void evolve(StatementUnparked e) {
        moveTo(e.statementId(), Place.UNCLUSTERED);
    }

    void evolve(ThemeRenamed e) {
        Theme t = themes.get(e.themeId());
        themes.put(t.themeId(), t.titled(e.title()));
    }

    void evolve(ThemesMerged e) {
        for (String statementId : e.statementIds()) {
            moveTo(statementId, new Place(false, e.themeId()));
        }
        for (String source : e.mergedThemeIds()) {
            themes.put(source, themes.get(source).mergedInto(e.themeId()));
        }
        themes.put(e.themeId(), themes.get(e.themeId()).mergedFrom(e.mergedThemeIds()));
    }

    void evolve(ThemeSplit e) {
        themes.put(e.newThemeId(), Theme.created(e.newThemeId(), e.title(), e.themeId(), null));
        for (String statementId : e.statementIds()) {
            moveTo(statementId, new Place(false, e.newThemeId()));
        }
    }

    /** The carried themes of this board; then the cycle's statements leave the board. */
    void evolve(CycleStarted e) {
        for (CycleStarted.CarriedTheme c : e.carriedThemes()) {
            if (c.category() != category) {
                continue;
            }
            themes.put(c.fromThemeId(), themes.get(c.fromThemeId()).carriedInto(c.themeId()));
            themes.put(c.themeId(), Theme.created(c.themeId(), c.title(), null, c.fromThemeId()));
        }
        earlier.addAll(places.keySet());
        places.clear();
    }

    private void moveTo(String statementId, Place to) {
        Place from = places.get(statementId);
        if (from != null && from.themeId() != null) {
            Theme t = themes.get(from.themeId());
            List<String> rest = new ArrayList<>(t.statementIds());
            rest.remove(statementId);
            themes.put(t.themeId(), t.with(rest));
        }
        places.put(statementId, to);
        if (to.themeId() != null) {
            Theme t = themes.get(to.themeId());
            List<String> more = new ArrayList<>(t.statementIds());
            more.add(statementId);
            themes.put(t.themeId(), t.with(more));
        }
    }

    @Override
    public boolean equals(Object o) {
        // order-sensitive: creation order of themes and arrival order of statements are part of the state
        return o instanceof Board b
                && category == b.category
                && List.copyOf(places.entrySet()).equals(List.copyOf(b.places.entrySet()))
                && List.copyOf(themes.values()).equals(List.copyOf(b.themes.values()))
                && List.copyOf(earlier).equals(List.copyOf(b.earlier));
    }

    @Override
    public int hashCode() {
        return Objects.hash(category, places, themes, earlier);
    }
}
