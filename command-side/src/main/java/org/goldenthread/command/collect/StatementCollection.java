package org.goldenthread.command.collect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.PersonalDataVault;
import org.goldenthread.kernel.Require;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.UnknownReference;
import org.goldenthread.kernel.collect.*;
import org.goldenthread.kernel.learn.CycleStarted;
import org.goldenthread.kernel.programme.ForgetPerson;
import org.goldenthread.kernel.programme.PersonForgotten;

/**
 * Step 2, Collect: who said what in a programme. Each person gives at most two statements per category
 * (their two top priorities, each priority once) across all their reviews of a cycle — a person reviewed
 * again in the next cycle gives their top two again; ids are never reused; a
 * forgotten person's pseudonym is never used again. Framework-free: {@code decide} methods check the
 * rules and answer the events to apply, {@code evolve} methods change state from events.
 */
public final class StatementCollection {

    public static final int MAX_PER_CATEGORY = 2;

    /** What the command side remembers of a statement (never its words). */
    public record Statement(
            String statementId, String reviewId, String person, Category category, int priority, int cycle) {}

    /** One review to record: the person and their statements. */
    public record ReviewDraft(String reviewId, String person, List<StatementInput> statements) {}

    private final Map<String, Statement> statements = new LinkedHashMap<>();
    private final Map<String, String> reviews = new LinkedHashMap<>();
    private final Set<String> forgotten = new LinkedHashSet<>();
    private final Set<String> keysDestroyed = new LinkedHashSet<>();
    /** The priorities each person has given per category in the current cycle ({@code person \0 category}). */
    private final Map<String, Set<Integer>> givenThisCycle = new HashMap<>();

    private int cycle = 1;

    // ---- queries

    public Optional<Statement> statement(String statementId) {
        return Optional.ofNullable(statements.get(statementId));
    }

    public boolean hasGivenStatements(String person) {
        return statements.values().stream().anyMatch(s -> s.person().equals(person));
    }

    public boolean isForgotten(String person) {
        return forgotten.contains(person);
    }

    // ---- decisions

    /** RecordReview: ReviewRecorded, then each StatementRecorded (sealed) with its flag if any. */
    public List<Object> record(RecordReview command, PersonalDataVault vault, QualityCheck check) {
        Batch batch = new Batch();
        batch.checkPerson(command.person());
        batch.checkReview(command.reviewId(), command.person());
        for (StatementInput s : command.statements()) {
            batch.checkStatement(s.statementId(), command.person(), s.category(), s.priority());
            batch.add(command.reviewId(), s.statementId(), command.person(), s.category(), s.priority());
        }
        return events(
                command.programmeId(),
                new ReviewDraft(command.reviewId(), command.person(), command.statements()),
                vault,
                check);
    }

    /**
     * ImportStatements, validation half: every row is checked (fields, then the rules counting the
     * statements already recorded and the earlier rows of the file); any bad line rejects the whole file
     * with every bad line listed. Answers one review per person, in order of first appearance.
     */
    public List<ReviewDraft> planImport(List<ImportRow> rows) {
        List<LineError> errors = new ArrayList<>();
        Batch batch = new Batch();
        Map<String, String> reviewOf = new LinkedHashMap<>();
        Map<String, List<StatementInput>> statementsOf = new LinkedHashMap<>();
        for (ImportRow row : rows) {
            int line = row.line();
            int before = errors.size();
            String person = field(errors, line, () -> Pseudonym.require("person", row.person()));
            Category category = field(errors, line, () -> Category.parse("category", row.category()));
            Integer priority = field(errors, line, () -> priority(row.priority()));
            String text = field(errors, line, () -> Require.text("text", row.text(), StatementInput.MAX_TEXT));
            String statementId = field(errors, line, () -> Require.id("statementId", row.statementId()));
            String reviewId = field(errors, line, () -> Require.id("reviewId", row.reviewId()));
            if (errors.size() > before) {
                continue;
            }
            String earlier = reviewOf.get(person);
            boolean ok = rule(errors, line, "person", () -> batch.checkPerson(person))
                    && rule(errors, line, "reviewId", () -> {
                        if (earlier != null && !earlier.equals(reviewId)) {
                            throw new RuleViolation(
                                    "one-review-per-person-per-file",
                                    "all of a person's rows in one file belong to one review ('" + earlier + "')");
                        }
                        batch.checkReview(reviewId, person);
                    })
                    && rule(
                            errors,
                            line,
                            "statementId",
                            () -> batch.checkStatement(statementId, person, category, priority));
            if (!ok) {
                continue;
            }
            batch.add(reviewId, statementId, person, category, priority);
            reviewOf.putIfAbsent(person, reviewId);
            statementsOf
                    .computeIfAbsent(person, p -> new ArrayList<>())
                    .add(new StatementInput(statementId, category, priority, text));
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        List<ReviewDraft> drafts = new ArrayList<>();
        reviewOf.forEach((person, reviewId) ->
                drafts.add(new ReviewDraft(reviewId, person, List.copyOf(statementsOf.get(person)))));
        return drafts;
    }

    /** The events recording one (already checked) review. */
    public static List<Object> events(
            String programmeId, ReviewDraft review, PersonalDataVault vault, QualityCheck check) {
        List<Object> events = new ArrayList<>();
        events.add(new ReviewRecorded(
                programmeId,
                review.reviewId(),
                review.person(),
                review.statements().stream().map(StatementInput::statementId).toList()));
        for (StatementInput s : review.statements()) {
            events.add(new StatementRecorded(
                    programmeId,
                    review.reviewId(),
                    s.statementId(),
                    review.person(),
                    s.category(),
                    s.priority(),
                    vault.seal(programmeId, review.person(), s.text())));
            List<String> reasons = check.reasonsFor(s.text());
            if (!reasons.isEmpty()) {
                events.add(new StatementFlaggedAsProfessionalLanguage(
                        programmeId, s.statementId(), s.category(), reasons));
            }
        }
        return events;
    }

    /** ForgetPerson: the person must have given statements here, and is forgotten once. */
    public List<Object> forget(ForgetPerson command) {
        if (forgotten.contains(command.person())) {
            throw new RuleViolation("forgotten-once", "person '" + command.person() + "' has already been forgotten");
        }
        if (!hasGivenStatements(command.person())) {
            throw new UnknownReference("person", command.person());
        }
        return List.of(new PersonForgotten(command.programmeId(), command.person(), command.reason()));
    }

    // ---- evolution

    public void evolve(ReviewRecorded event) {
        reviews.put(event.reviewId(), event.person());
    }

    public void evolve(StatementRecorded event) {
        statements.put(
                event.statementId(),
                new Statement(
                        event.statementId(),
                        event.reviewId(),
                        event.person(),
                        event.category(),
                        event.priority(),
                        cycle));
        givenThisCycle
                .computeIfAbsent(key(event.person(), event.category()), k -> new TreeSet<>())
                .add(event.priority());
    }

    public void evolve(CycleStarted event) {
        cycle = event.cycle();
        givenThisCycle.clear();
    }

    private static String key(String person, Category category) {
        return person + "\u0000" + category;
    }

    /** The erasure process destroyed the key of a forgotten person: recorded once (a repeat records nothing). */
    public List<Object> keyDestroyed(org.goldenthread.kernel.programme.RecordKeyDestroyed command) {
        if (!forgotten.contains(command.person())) {
            throw new RuleViolation("erasure-asked-first", "person '" + command.person() + "' has not been forgotten");
        }
        return keysDestroyed.contains(command.person())
                ? List.of()
                : List.of(new org.goldenthread.kernel.programme.PersonKeyDestroyed(
                        command.programmeId(), command.person()));
    }

    public void evolve(org.goldenthread.kernel.programme.PersonKeyDestroyed event) {
        keysDestroyed.add(event.person());
    }

    public void evolve(PersonForgotten event) {
        forgotten.add(event.person());
    }

    // ---- rules, counting what is recorded plus what is being added in this command

    private final class Batch {
        private final Map<String, String> reviewPerson = new HashMap<>();
        private final Set<String> statementIds = new HashSet<>();
        private final Map<String, Set<Integer>> priorities = new HashMap<>();

        void checkPerson(String person) {
            if (forgotten.contains(person)) {
                throw new RuleViolation(
                        "forgotten-person", "a forgotten person's pseudonym cannot be used again ('" + person + "')");
            }
        }

        void checkReview(String reviewId, String person) {
            String owner = reviewPerson.get(reviewId);
            if (owner != null && owner.equals(person)) {
                return;
            }
            if (owner != null || reviews.containsKey(reviewId)) {
                throw new RuleViolation("ids-unique", "review id '" + reviewId + "' is already used");
            }
        }

        void checkStatement(String statementId, String person, Category category, int priority) {
            if (statements.containsKey(statementId) || statementIds.contains(statementId)) {
                throw new RuleViolation("ids-unique", "statement id '" + statementId + "' is already used");
            }
            Set<Integer> used = used(person, category);
            if (used.size() >= MAX_PER_CATEGORY) {
                throw new RuleViolation(
                        "two-statements-per-category",
                        "a person may give at most " + MAX_PER_CATEGORY + " " + category + " statements");
            }
            if (used.contains(priority)) {
                throw new RuleViolation(
                        "priority-once-per-category",
                        "a person gives each priority once per category: priority " + priority + " for " + category
                                + " is already given");
            }
        }

        void add(String reviewId, String statementId, String person, Category category, int priority) {
            reviewPerson.put(reviewId, person);
            statementIds.add(statementId);
            priorities
                    .computeIfAbsent(key(person, category), k -> new HashSet<>())
                    .add(priority);
        }

        /** The priorities given so far this cycle, recorded or in this batch: O(1), so an import is linear. */
        private Set<Integer> used(String person, Category category) {
            Set<Integer> used = new TreeSet<>(givenThisCycle.getOrDefault(key(person, category), Set.of()));
            used.addAll(priorities.getOrDefault(key(person, category), Set.of()));
            return used;
        }
    }

    private static int priority(String value) {
        String v = value == null ? "" : value.strip();
        if (!v.equals("1") && !v.equals("2")) {
            throw new InvalidInput(
                    "priority", "priority must be 1 or 2 (at most the two top-priority statements per category)");
        }
        return Integer.parseInt(v);
    }

    /** Runs one rule check for an import line; a refusal becomes that line's error. */
    private static boolean rule(List<LineError> errors, int line, String field, Runnable check) {
        try {
            check.run();
            return true;
        } catch (RuleViolation v) {
            String f = switch (v.rule()) {
                case "two-statements-per-category" -> "category";
                case "priority-once-per-category" -> "priority";
                default -> field;
            };
            errors.add(new LineError(line, f, v.rule(), v.getMessage()));
            return false;
        }
    }

    private static <T> T field(List<LineError> errors, int line, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInput e) {
            errors.add(new LineError(line, e.field(), "invalid-input", e.getMessage()));
            return null;
        }
    }
}
