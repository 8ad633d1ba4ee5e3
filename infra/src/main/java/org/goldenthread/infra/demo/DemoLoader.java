package org.goldenthread.infra.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.goldenthread.infra.security.SecurityProperties;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.Perspective;
import org.goldenthread.kernel.Refusal;
import org.goldenthread.kernel.collect.RecordReview;
import org.goldenthread.kernel.collect.StatementInput;
import org.goldenthread.kernel.programme.GrantMembership;
import org.goldenthread.kernel.programme.LaunchProgramme;
import org.goldenthread.kernel.programme.Level;
import org.goldenthread.kernel.programme.MemberRole;
import org.goldenthread.kernel.programme.PlanSample;
import org.goldenthread.kernel.programme.RegisterParticipant;
import org.goldenthread.kernel.programme.SamplePlan;
import org.goldenthread.kernel.theme.ClusterStatement;
import org.goldenthread.kernel.theme.CreateTheme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@code --demo}: one programme built from the method's own worked examples, so a new user sees a
 * populated board at once. Loaded once: the programme and everything in it have fixed ids, so on a later start
 * each act is either refused as done already (its id is taken) and skipped, or done now — a load cut short by a
 * crash is completed. Any other failure stops the start with the reason: a half-loaded demo is never left quietly.
 * The acts are recorded as done by the facilitator "demo".
 */
@Component
@ConditionalOnProperty(name = "goldenthread.demo", havingValue = "true")
public class DemoLoader implements ApplicationRunner {

    public static final String PROGRAMME_ID = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final CommandGateway commands;

    public DemoLoader(CommandGateway commands) {
        this.commands = commands;
    }

    /** Person pseudonym → statements (category, priority, words), from the method's examples. */
    static Map<String, List<String[]>> reviews() {
        Map<String, List<String[]>> r = new LinkedHashMap<>();
        r.put(
                "P-001",
                List.of(
                        new String[] {"NOT_WORKING", "1", "I have only one friend"},
                        new String[] {"NOT_WORKING", "2", "I don't have my own space"},
                        new String[] {"WORKING", "1", "Going out shopping and to the hairdressers"},
                        new String[] {"FUTURE", "1", "Staying in touch with my mum and dad"}));
        r.put(
                "P-002",
                List.of(
                        new String[] {"NOT_WORKING", "1", "I only have staff in my life"},
                        new String[] {"NOT_WORKING", "2", "My bedroom is not right for me"},
                        new String[] {"WORKING", "1", "Going to the pub for coffee, baileys and chocolate cake"},
                        new String[] {"FUTURE", "1", "Seeing my friends at least once a week"}));
        r.put(
                "P-003",
                List.of(
                        new String[] {"NOT_WORKING", "1", "I don't see many people during the day"},
                        new String[] {"NOT_WORKING", "2", "I don't like what I do during the day"},
                        new String[] {"WORKING", "1", "Getting to the football"}));
        r.put(
                "P-004",
                List.of(
                        new String[] {"NOT_WORKING", "1", "I am bored"},
                        new String[] {"NOT_WORKING", "2", "I don't get on with my paid support staff"},
                        new String[] {"FUTURE", "1", "I want a job"}));
        r.put(
                "P-005",
                List.of(
                        new String[] {"NOT_WORKING", "1", "Staff are addressing social isolation"},
                        new String[] {"WORKING", "1", "My support worker listens to me"}));
        return r;
    }

    @Override
    public void run(ApplicationArguments args) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "demo", null, AuthorityUtils.createAuthorityList("ROLE_FACILITATOR")));
        try {
            int done = load();
            if (done == 0) {
                log.info("Demo programme '{}' is there from an earlier start", PROGRAMME_ID);
            } else {
                log.info(
                        "Demo programme loaded ({} acts): GET /api/programmes/{} and "
                                + "/api/programmes/{}/boards/NOT_WORKING " + "(user facilitator/facilitator)",
                        done,
                        PROGRAMME_ID,
                        PROGRAMME_ID);
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "the demo programme '" + PROGRAMME_ID + "' could not be loaded: " + e.getMessage(), e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Sends the act; answers whether it was done now (false: refused as done already, its id being taken). */
    private boolean act(Object command) {
        try {
            commands.sendAndWait(command);
            return true;
        } catch (RuntimeException e) {
            if (doneAlready(e)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean doneAlready(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException) {
                return true; // the programme's id is taken: launched before
            }
            Refusal r = t instanceof Refusal.Refused refused
                    ? refused.refusal()
                    : t instanceof CommandExecutionException c && c.getDetails().orElse(null) instanceof Refusal d
                            ? d
                            : null;
            if (r != null) {
                return r.kind() == Refusal.Kind.RULE_VIOLATION && DONE_ALREADY.contains(r.rule());
            }
        }
        return false;
    }

    /** The refusals that mean "this act of the demo was done on an earlier start". */
    private static final Set<String> DONE_ALREADY = Set.of(
            "ids-unique",
            "participant-registered-once",
            "username-linked-once",
            "already-in-theme",
            "member-already-in-role");

    private int load() {
        String p = PROGRAMME_ID;
        int done = 0;
        boolean launched = act(new LaunchProgramme(
                p,
                "We are using WTfC to find out what matters to older people using day and home support so "
                        + "that we commission support that helps them stay connected",
                Level.SERVICE));
        if (launched) {
            done++;
            commands.sendAndWait(new PlanSample(
                    p,
                    new SamplePlan(
                            "person-centred reviews",
                            "review conversations using the three questions",
                            "older people using day and home support",
                            "at home and in day centres",
                            "over six weeks",
                            50,
                            480)));
            done++;
        }
        // the demo users are members of the demo programme (commissioner and provider for their organisations)
        for (SecurityProperties.User u : SecurityProperties.DEMO_USERS) {
            if (!u.role().equals("ADMIN")) {
                MemberRole role = MemberRole.valueOf(u.role());
                done += act(new GrantMembership(
                                p, u.name(), role, role.needsOrganisation() ? u.organisation() : null, "a demo user"))
                        ? 1
                        : 0;
            }
        }
        // the demo commissioner and provider act for organisations of those names (for contracts and alignments)
        for (SecurityProperties.User u : SecurityProperties.DEMO_USERS) {
            if (u.organisation() != null) {
                boolean commissioning = u.role().equals("COMMISSIONER");
                String organisationId = commissioning ? "demo-council" : "demo-care";
                if (act(new org.goldenthread.kernel.organisation.RegisterOrganisation(
                        organisationId,
                        u.organisation(),
                        commissioning
                                ? org.goldenthread.kernel.organisation.OrganisationKind.COMMISSIONING
                                : org.goldenthread.kernel.organisation.OrganisationKind.PROVIDER))) {
                    commands.sendAndWait(new org.goldenthread.kernel.organisation.AddOrganisationUser(
                            organisationId, u.name(), "a demo user"));
                    done += 2;
                }
            }
        }
        String[][] participants = {
            {"Pat", "PERSON", "participant"},
            {"Ravi", "CARER_FAMILY", null},
            {"Morgan", "COMMISSIONER", "commissioner"},
            {"Sam", "PROVIDER", "provider"},
            {"Alex", "PRACTITIONER", null}
        };
        for (int i = 0; i < participants.length; i++) {
            done += act(new RegisterParticipant(
                            p,
                            "demo-participant-" + (i + 1),
                            participants[i][0],
                            Perspective.valueOf(participants[i][1]),
                            participants[i][2]))
                    ? 1
                    : 0;
        }
        Map<String, String> idsByWords = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, List<String[]>> review : reviews().entrySet()) {
            List<StatementInput> statements = new ArrayList<>();
            for (String[] s : review.getValue()) {
                String id = "demo-statement-" + (++n);
                idsByWords.put(s[2], id);
                statements.add(new StatementInput(id, Category.valueOf(s[0]), Integer.parseInt(s[1]), s[2]));
            }
            done += act(new RecordReview(p, "demo-review-" + review.getKey(), review.getKey(), statements)) ? 1 : 0;
        }
        done += theme(
                Category.NOT_WORKING,
                "demo-theme-lonely",
                "I am lonely",
                idsByWords,
                "I have only one friend",
                "I only have staff in my life",
                "I don't see many people during the day");
        done += theme(
                Category.NOT_WORKING,
                "demo-theme-home",
                "I don't like where I live",
                idsByWords,
                "I don't have my own space",
                "My bedroom is not right for me");
        done += theme(
                Category.NOT_WORKING,
                "demo-theme-day",
                "I don't like what I do during the day",
                idsByWords,
                "I don't like what I do during the day");
        done += theme(Category.NOT_WORKING, "demo-theme-bored", "I am bored", idsByWords, "I am bored");
        done += theme(
                Category.NOT_WORKING,
                "demo-theme-staff",
                "I don't get on with my paid support staff",
                idsByWords,
                "I don't get on with my paid support staff");
        done += theme(
                Category.WORKING,
                "demo-theme-out",
                "Getting out and about",
                idsByWords,
                "Going out shopping and to the hairdressers",
                "Going to the pub for coffee, baileys and chocolate cake");
        done += act(new ClusterStatement(
                        p, Category.WORKING, "demo-theme-out", idsByWords.get("Getting to the football")))
                ? 1
                : 0;
        done += theme(
                Category.FUTURE,
                "demo-theme-family",
                "I want to see more of friends and family",
                idsByWords,
                "Staying in touch with my mum and dad",
                "Seeing my friends at least once a week");
        return done;
    }

    private int theme(Category category, String themeId, String title, Map<String, String> ids, String... words) {
        List<String> statementIds = java.util.Arrays.stream(words).map(ids::get).toList();
        return act(new CreateTheme(PROGRAMME_ID, category, themeId, title, statementIds)) ? 1 : 0;
    }
}
