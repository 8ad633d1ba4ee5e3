package org.goldenthread.query.theme;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.codecs.pojo.annotations.BsonId;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.Lists;
import org.goldenthread.kernel.SealedText;
import org.goldenthread.query.readstore.DocumentCollection;
import org.goldenthread.query.readstore.Documents;
import org.goldenthread.query.readstore.ScopedId;

/**
 * The board read model's documents (public records, so the driver's record codec can read them) and how they are found.
 * A POPULATION
 * programme puts thousands of statements on one board, so no document grows with the board: every event reads
 * and writes only small documents, always by {@code _id} (the only lookup mongo-java-server serves from an index).
 *
 * <ul>
 *   <li>{@code boards}: the programme marker {@code {_id: programmeId, kind: "programme", forgottenPeople}} —
 *       written on {@code ProgrammeLaunched} so an empty board of a known programme can be told from an unknown
 *       one — and one small {@link Board} per board {@code {_id: programmeId + ":" + category}};</li>
 *   <li>{@code board_members}: the board's statement ids in recording order, in chunks of {@value #CHUNK} global
 *       positions ({@link Members}, {@code _id: boardId + "|" + n}), so a board's members are read by id and no
 *       append rewrites a long array;</li>
 *   <li>{@code board_statements}: one {@link Statement} per statement, its words sealed, with its {@link
 *       Placement};</li>
 *   <li>{@code board_themes}: one {@link Theme} per theme; a retired theme keeps, as lineage, the statements it held
 *       when it was retired (merged, or carried into the next cycle), written once;</li>
 *   <li>{@code board_people}: each person's statement ids ({@link Person}), so forgetting a person touches exactly
 *       their statements;</li>
 *   <li>{@code board_votes}: one {@link Round} per voting round, voters per theme.</li>
 * </ul>
 */
public final class BoardStore {

    static final String BOARDS = "boards";
    static final String MEMBERS = "board_members";
    static final String STATEMENTS = "board_statements";
    static final String THEMES = "board_themes";
    static final String PEOPLE = "board_people";
    static final String VOTES = "board_votes";

    static final String ACTIVE = "ACTIVE";
    static final String RETIRED = "RETIRED";
    static final String UNCLUSTERED = "UNCLUSTERED";
    static final String PARKED = "PARKED";
    static final String THEME = "THEME";
    /** Left the board: an unclustered or parked statement when a new cycle starts. */
    static final String OFF = "OFF";

    static final String KIND_BOARD = "board";
    static final String KIND_PROGRAMME = "programme";
    /** Global positions per membership chunk. */
    static final int CHUNK = 1024;

    /**
     * Where a statement is: {@code at} is the global position of the event that placed it and {@code seq} its index in
     * that event's list — the order key of every pile and theme. The latest placement wins whatever the delivery order.
     */
    public record Placement(Long at, Integer seq, String kind, String themeId) {

        /** Later than the other: by position, index, then kind and theme (none first), as MongoDB orders them. */
        boolean isAfter(Placement other) {
            return other == null || ORDER.compare(this, other) > 0;
        }

        private static final Comparator<Placement> ORDER = Comparator.comparing(
                        Placement::at, Comparator.nullsFirst(Comparator.<Long>naturalOrder()))
                .thenComparing(Placement::seq, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
                .thenComparing(Placement::kind, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                .thenComparing(Placement::themeId, Comparator.nullsFirst(Comparator.<String>naturalOrder()));
    }

    /** The latest voting round opened on the board (by position). */
    public record Voting(Long at, String votingId) {}

    /** A board, or the programme's marker (kind {@code programme}, with the people forgotten). */
    public record Board(
            @BsonId String id,
            String kind,
            String programmeId,
            String category,
            Long version,
            List<String> themeIds,
            List<Long> chunks,
            Voting voting,
            List<String> forgottenPeople) {
        public Board {
            themeIds = Lists.normal(themeIds);
            chunks = Lists.normal(chunks);
            forgottenPeople = Lists.normal(forgottenPeople);
        }

        long versionOr0() {
            return version == null ? 0L : version;
        }
    }

    public record Members(@BsonId String id, String boardId, Long chunk, List<String> statementIds) {
        public Members {
            statementIds = Lists.normal(statementIds);
        }
    }

    public record Statement(
            @BsonId String id,
            String programmeId,
            String statementId,
            String category,
            String person,
            Integer priority,
            SealedText text,
            List<String> flags,
            Boolean erased,
            Placement placement) {
        public Statement {
            flags = Lists.normal(flags);
        }

        String kind() {
            return placement == null ? null : placement.kind();
        }

        boolean isErased() {
            return Boolean.TRUE.equals(erased);
        }
    }

    public record Theme(
            @BsonId String id,
            String programmeId,
            String category,
            String themeId,
            String title,
            String status,
            Long createdAt,
            String mergedInto,
            List<String> mergedFrom,
            String splitFrom,
            String carriedFrom,
            String carriedInto,
            List<String> heldWhenRetired) {
        public Theme {
            mergedFrom = Lists.normal(mergedFrom);
        }
    }

    public record Person(
            @BsonId String id, String programmeId, String person, List<String> statementIds, Boolean forgotten) {
        public Person {
            statementIds = Lists.normal(statementIds);
        }
    }

    /** A voting round: voters per theme, the theme ids as safe field names ({@link Documents#fieldKey}). */
    public record Round(@BsonId String id, String programmeId, String votingId, Map<String, List<String>> votes) {
        /** Votes by theme in the themes' order, so the stored document does not depend on how it was built. */
        public Round {
            votes = votes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(votes));
        }

        int votesFor(String themeId) {
            return votes.getOrDefault(Documents.fieldKey(themeId), List.of()).size();
        }
    }

    final DocumentCollection<Board> boards;
    final DocumentCollection<Members> members;
    final DocumentCollection<Statement> statements;
    final DocumentCollection<Theme> themes;
    final DocumentCollection<Person> people;
    final DocumentCollection<Round> votes;

    BoardStore(com.mongodb.client.MongoDatabase database) {
        boards = new DocumentCollection<>(database, BOARDS, Board.class, Board::id);
        members = new DocumentCollection<>(database, MEMBERS, Members.class, Members::id);
        statements = new DocumentCollection<>(database, STATEMENTS, Statement.class, Statement::id);
        themes = new DocumentCollection<>(database, THEMES, Theme.class, Theme::id);
        people = new DocumentCollection<>(database, PEOPLE, Person.class, Person::id);
        votes = new DocumentCollection<>(database, VOTES, Round.class, Round::id);
    }

    void drop() {
        List.of(boards, members, statements, themes, people, votes).forEach(DocumentCollection::drop);
    }

    static String boardId(String programmeId, Category category) {
        return programmeId + ":" + category.name();
    }

    static String statementId(String programmeId, String statementId) {
        return ScopedId.of(programmeId, statementId);
    }

    static String themeId(String programmeId, String themeId) {
        return ScopedId.of(programmeId, themeId);
    }

    static String membersId(String boardId, long chunk) {
        return boardId + "|" + chunk;
    }

    Optional<Board> board(String programmeId, Category category) {
        return boards.find(boardId(programmeId, category));
    }

    /** The programme's boards that exist. */
    List<Board> existingBoards(String programmeId) {
        List<String> ids = new ArrayList<>();
        for (Category c : Category.values()) {
            ids.add(boardId(programmeId, c));
        }
        return List.copyOf(boards.find(ids).values());
    }

    Map<String, Theme> themes(String programmeId, Collection<String> themeIds) {
        Map<String, Theme> byTheme = new HashMap<>();
        for (Theme t : themes.find(
                        themeIds.stream().map(t -> themeId(programmeId, t)).toList())
                .values()) {
            byTheme.put(t.themeId(), t);
        }
        return byTheme;
    }

    /** A board's members, ordered by placement (position, index in the event, recording order), and statements. */
    static final class Loaded {
        final List<String> ordered = new ArrayList<>();
        final Map<String, Statement> statements = new HashMap<>();

        List<String> placedIn(String themeId) {
            List<String> out = new ArrayList<>();
            for (String id : ordered) {
                Statement s = statements.get(id);
                if (s != null
                        && THEME.equals(s.kind())
                        && themeId.equals(s.placement().themeId())) {
                    out.add(id);
                }
            }
            return out;
        }
    }

    Loaded load(Board board) {
        Loaded loaded = new Loaded();
        if (board == null || board.chunks().isEmpty()) {
            return loaded;
        }
        List<Long> chunks = new ArrayList<>(board.chunks());
        chunks.sort(Comparator.naturalOrder());
        Map<String, Members> byId =
                members.find(chunks.stream().map(c -> membersId(board.id(), c)).toList());
        Set<String> recorded = new LinkedHashSet<>();
        for (Long c : chunks) {
            Members m = byId.get(membersId(board.id(), c));
            if (m != null) {
                recorded.addAll(m.statementIds());
            }
        }
        for (Statement s : statements
                .find(recorded.stream()
                        .map(s -> statementId(board.programmeId(), s))
                        .toList())
                .values()) {
            loaded.statements.put(s.statementId(), s);
        }
        Map<String, Integer> index = new HashMap<>();
        for (String id : recorded) {
            index.put(id, index.size());
            loaded.ordered.add(id);
        }
        loaded.ordered.sort(Comparator.<String>comparingLong(id -> at(loaded.statements.get(id), true))
                .thenComparingLong(id -> at(loaded.statements.get(id), false))
                .thenComparingInt(index::get));
        return loaded;
    }

    private static long at(Statement statement, boolean position) {
        Placement p = statement == null ? null : statement.placement();
        Number n = p == null ? null : (position ? p.at() : p.seq());
        return n == null ? 0L : n.longValue();
    }
}
