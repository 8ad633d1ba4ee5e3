package org.goldenthread.command.theme;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.UnknownReference;
import org.goldenthread.kernel.collect.StatementRecorded;
import org.goldenthread.kernel.learn.CycleStarted;
import org.goldenthread.kernel.theme.*;

/**
 * The three theming boards of a programme. Every theming command names its board (category); an id on
 * another board is refused ({@code statement-on-its-own-board}, {@code theme-on-its-own-board}), an id on
 * no board is unknown. Theme ids are unique across the programme.
 */
public final class Boards {

    private final EnumMap<Category, Board> boards = new EnumMap<>(Category.class);

    public Boards() {
        for (Category c : Category.values()) {
            boards.put(c, new Board(c));
        }
    }

    public Board on(Category category) {
        return boards.get(category);
    }

    public boolean themeExists(String themeId) {
        return boards.values().stream().anyMatch(b -> b.theme(themeId).isPresent());
    }

    // ---- decisions

    public List<Object> create(CreateTheme c) {
        requireUnused(c.themeId());
        requireDistinct("statementIds", c.statementIds());
        c.statementIds().forEach(id -> requireStatement(c.category(), id));
        return on(c.category()).create(c);
    }

    public List<Object> cluster(ClusterStatement c) {
        requireTheme(c.category(), c.themeId());
        requireStatement(c.category(), c.statementId());
        return on(c.category()).cluster(c);
    }

    public List<Object> park(ParkStatement c) {
        requireStatement(c.category(), c.statementId());
        return on(c.category()).park(c);
    }

    public List<Object> unpark(UnparkStatement c) {
        requireStatement(c.category(), c.statementId());
        return on(c.category()).unpark(c);
    }

    public List<Object> rename(RenameTheme c) {
        requireTheme(c.category(), c.themeId());
        return on(c.category()).rename(c);
    }

    public List<Object> merge(MergeThemes c) {
        requireTheme(c.category(), c.themeId());
        requireDistinct("themeIds", c.themeIds());
        if (c.themeIds().contains(c.themeId())) {
            throw new InvalidInput("themeIds", "themeIds must not name the theme they are merged into");
        }
        c.themeIds().forEach(id -> requireTheme(c.category(), id));
        return on(c.category()).merge(c);
    }

    public List<Object> split(SplitTheme c) {
        requireTheme(c.category(), c.themeId());
        requireUnused(c.newThemeId());
        requireDistinct("statementIds", c.statementIds());
        c.statementIds().forEach(id -> requireStatement(c.category(), id));
        return on(c.category()).split(c);
    }

    private void requireStatement(Category category, String statementId) {
        if (on(category).hasStatement(statementId)) {
            return;
        }
        if (boards.values().stream().anyMatch(b -> b.hadStatement(statementId))) {
            throw new RuleViolation(
                    "statement-in-current-cycle",
                    "statement '" + statementId
                            + "' was given in an earlier cycle; it stays where that cycle left it and "
                            + "cannot be placed again");
        }
        Optional<Board> other = boards.values().stream()
                .filter(b -> b.hasStatement(statementId))
                .findFirst();
        if (other.isEmpty()) {
            throw new UnknownReference("statement", statementId);
        }
        throw new RuleViolation(
                "statement-on-its-own-board",
                "statement '" + statementId + "' is a "
                        + other.get().category() + " statement; it can only be placed on the "
                        + other.get().category()
                        + " board");
    }

    private void requireTheme(Category category, String themeId) {
        if (on(category).theme(themeId).isPresent()) {
            return;
        }
        Optional<Board> other = boards.values().stream()
                .filter(b -> b.theme(themeId).isPresent())
                .findFirst();
        if (other.isEmpty()) {
            throw new UnknownReference("theme", themeId);
        }
        throw new RuleViolation(
                "theme-on-its-own-board",
                "theme '" + themeId + "' is on the " + other.get().category() + " board, not the " + category
                        + " board");
    }

    private void requireUnused(String themeId) {
        if (themeExists(themeId)) {
            throw new RuleViolation("ids-unique", "theme id '" + themeId + "' is already used");
        }
    }

    private static void requireDistinct(String field, List<String> ids) {
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new InvalidInput(field, field + " must not name the same id twice");
        }
    }

    // ---- evolution

    public void evolve(StatementRecorded e) {
        on(e.category()).statementRecorded(e.statementId());
    }

    public void evolve(ThemeCreated e) {
        on(e.category()).evolve(e);
    }

    public void evolve(StatementClustered e) {
        on(e.category()).evolve(e);
    }

    public void evolve(StatementMoved e) {
        on(e.category()).evolve(e);
    }

    public void evolve(StatementParked e) {
        on(e.category()).evolve(e);
    }

    public void evolve(StatementUnparked e) {
        on(e.category()).evolve(e);
    }

    public void evolve(ThemeRenamed e) {
        on(e.category()).evolve(e);
    }

    public void evolve(ThemesMerged e) {
        on(e.category()).evolve(e);
    }

    public void evolve(ThemeSplit e) {
        on(e.category()).evolve(e);
    }

    public void evolve(CycleStarted e) {
        boards.values().forEach(b -> b.evolve(e));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Boards b && boards.equals(b.boards);
    }

    @Override
    public int hashCode() {
        return Objects.hash(boards);
    }
}
