package org.goldenthread.query.theme;

import static org.goldenthread.query.theme.BoardStore.PARKED;
import static org.goldenthread.query.theme.BoardStore.RETIRED;
import static org.goldenthread.query.theme.BoardStore.THEME;
import static org.goldenthread.query.theme.BoardStore.UNCLUSTERED;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.PersonalDataVault;
import org.goldenthread.kernel.theme.BoardView;
import org.goldenthread.query.readstore.ScopedId;
import org.goldenthread.query.theme.BoardStore.Board;
import org.goldenthread.query.theme.BoardStore.Round;
import org.goldenthread.query.theme.BoardStore.Statement;
import org.goldenthread.query.theme.BoardStore.Theme;

/** Builds a {@link BoardView} from the board's documents, opening the words through the vault. */
final class BoardAssembly {

    private final BoardStore store;
    private final PersonalDataVault vault;

    BoardAssembly(BoardStore store, PersonalDataVault vault) {
        this.store = store;
        this.vault = vault;
    }

    /** The board; empty for a known programme with nothing on this board; null for an unknown programme. */
    BoardView board(String programmeId, Category category) {
        Map<String, Board> found = store.boards.find(List.of(BoardStore.boardId(programmeId, category), programmeId));
        Board board = found.get(BoardStore.boardId(programmeId, category));
        Board marker = found.get(programmeId);
        if (board == null) {
            return marker == null
                    ? null
                    : new BoardView(programmeId, category, List.of(), List.of(), List.of(), List.of(), null, 0L);
        }
        Set<String> forgotten = new HashSet<>(marker == null ? List.of() : marker.forgottenPeople());
        BoardStore.Loaded loaded = store.load(board);

        Map<String, List<String>> inTheme = new HashMap<>();
        List<String> unclustered = new ArrayList<>();
        List<String> parked = new ArrayList<>();
        for (String id : loaded.ordered) {
            Statement s = loaded.statements.get(id);
            String kind = s == null ? null : s.kind();
            if (UNCLUSTERED.equals(kind)) {
                unclustered.add(id);
            } else if (PARKED.equals(kind)) {
                parked.add(id);
            } else if (THEME.equals(kind)) {
                inTheme.computeIfAbsent(s.placement().themeId(), t -> new ArrayList<>())
                        .add(id);
            }
        }

        String votingId = board.voting() == null ? null : board.voting().votingId();
        Optional<Round> round =
                votingId == null ? Optional.empty() : store.votes.find(ScopedId.of(programmeId, votingId));

        Map<String, Theme> themeDocs = store.themes(programmeId, board.themeIds());
        List<BoardView.Theme> themes = new ArrayList<>();
        List<BoardView.Theme> retired = new ArrayList<>();
        for (String themeId : board.themeIds()) {
            Theme t = themeDocs.get(themeId);
            if (t == null) {
                continue;
            }
            boolean isRetired = RETIRED.equals(t.status());
            List<String> ids = inTheme.getOrDefault(themeId, List.of());
            if (isRetired && t.heldWhenRetired() != null) {
                // what it held when retired, then anything placed into it afterwards
                LinkedHashSet<String> held = new LinkedHashSet<>(t.heldWhenRetired());
                held.addAll(ids);
                ids = new ArrayList<>(held);
            }
            BoardView.Theme theme = new BoardView.Theme(
                    themeId,
                    t.title(),
                    statementsOf(ids, loaded.statements, forgotten),
                    t.status(),
                    t.mergedInto(),
                    List.copyOf(t.mergedFrom()),
                    t.splitFrom(),
                    round.map(r -> r.votesFor(themeId)).orElse(0),
                    t.carriedFrom(),
                    t.carriedInto());
            (isRetired ? retired : themes).add(theme);
        }
        return new BoardView(
                programmeId,
                category,
                themes,
                statementsOf(unclustered, loaded.statements, forgotten),
                statementsOf(parked, loaded.statements, forgotten),
                retired,
                votingId,
                board.versionOr0());
    }

    private List<BoardView.Statement> statementsOf(
            List<String> ids, Map<String, Statement> statements, Set<String> forgotten) {
        List<BoardView.Statement> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            Statement s = statements.get(id);
            String person = s == null ? null : s.person();
            boolean erased = (s != null && s.isErased()) || (person != null && forgotten.contains(person));
            Optional<String> words = erased || s == null || s.text() == null ? Optional.empty() : vault.open(s.text());
            erased = erased || words.isEmpty();
            out.add(new BoardView.Statement(
                    id,
                    person,
                    s == null || s.priority() == null ? 0 : s.priority(),
                    erased ? PersonalDataVault.ERASED : words.get(),
                    erased,
                    s == null ? List.of() : List.copyOf(s.flags())));
        }
        return out;
    }
}
