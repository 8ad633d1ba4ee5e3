package org.goldenthread.query.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.collect.StatementFlaggedAsProfessionalLanguage;
import org.goldenthread.kernel.collect.StatementRecorded;
import org.goldenthread.kernel.programme.Level;
import org.goldenthread.kernel.programme.ProgrammeLaunched;
import org.goldenthread.kernel.theme.BoardView;
import org.goldenthread.kernel.theme.StatementClustered;
import org.goldenthread.kernel.theme.ThemeCreated;
import org.goldenthread.kernel.theme.ThemesMerged;
import org.goldenthread.query.support.FakeVault;

/**
 * The events of a POPULATION-sized card call, for the board benchmarks: {@code n} statements spread over the three
 * boards (every 10th flagged as professional language), 100 themes, every statement clustered into a random theme
 * of its board (seeded), then 10 merges on the NOT_WORKING board.
 */
final class PopulationCardCall {

    static final String PROGRAMME = "pop";
    static final int THEMES = 100;
    static final int MERGES = 10;
    private static final Category[] BOARDS = {Category.NOT_WORKING, Category.WORKING, Category.FUTURE};

    final int n;
    final List<Object> recorded = new ArrayList<>();
    final List<Object> themes = new ArrayList<>();
    final List<Object> clustered = new ArrayList<>();
    final List<Object> merges = new ArrayList<>();

    PopulationCardCall(int n, FakeVault vault) {
        this.n = n;
        Random random = new Random(42);
        recorded.add(
                new ProgrammeLaunched(PROGRAMME, "We are using WTfC across the borough so that …", Level.POPULATION));
        for (int i = 0; i < n; i++) {
            Category c = BOARDS[i % 3];
            String person = "person-" + (i / 3);
            recorded.add(new StatementRecorded(
                    PROGRAMME,
                    "review-" + person,
                    "s" + i,
                    person,
                    c,
                    1 + i % 3,
                    vault.seal(PROGRAMME, person, "statement number " + i + " about " + c)));
            if (i % 10 == 0) {
                recorded.add(
                        new StatementFlaggedAsProfessionalLanguage(PROGRAMME, "s" + i, c, List.of("service user")));
            }
        }
        for (int t = 0; t < THEMES; t++) {
            themes.add(new ThemeCreated(PROGRAMME, BOARDS[t % 3], "t" + t, "Theme " + t));
        }
        List<List<String>> inTheme = new ArrayList<>();
        for (int t = 0; t < THEMES; t++) {
            inTheme.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            int board = i % 3;
            int t = board + 3 * random.nextInt((THEMES - board + 2) / 3);
            clustered.add(new StatementClustered(PROGRAMME, BOARDS[board], "s" + i, "t" + t, false));
            inTheme.get(t).add("s" + i);
        }
        for (int m = 0; m < MERGES; m++) {
            int into = 3 * (2 * m);
            int from = 3 * (2 * m + 1);
            merges.add(new ThemesMerged(
                    PROGRAMME, Category.NOT_WORKING, "t" + into, List.of("t" + from), inTheme.get(from)));
        }
    }

    /** Every event, in order. */
    List<Object> all() {
        List<Object> all = new ArrayList<>(recorded);
        all.addAll(themes);
        all.addAll(clustered);
        all.addAll(merges);
        return all;
    }

    /** The NOT_WORKING board as the card call leaves it: every statement in a theme, ten themes retired. */
    void assertNotWorkingBoard(BoardView view) {
        int statements =
                view.themes().stream().mapToInt(t -> t.statements().size()).sum();
        assertThat(statements).isEqualTo((n + 2) / 3);
        assertThat(view.unclustered()).isEmpty();
        assertThat(view.retiredThemes()).hasSize(MERGES);
        assertThat(view.themes()).hasSize((THEMES + 2) / 3 - MERGES);
    }
}
