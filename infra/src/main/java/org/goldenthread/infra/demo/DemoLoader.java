package org.goldenthread.infra.demo;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.goldenthread.collect.RecordReview;
import org.goldenthread.collect.StatementInput;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.Perspective;
import org.goldenthread.programme.LaunchProgramme;
import org.goldenthread.programme.Level;
import org.goldenthread.programme.PlanSample;
import org.goldenthread.programme.RegisterParticipant;
import org.goldenthread.programme.SamplePlan;
import org.goldenthread.theme.ClusterStatement;
import org.goldenthread.theme.CreateTheme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --demo}: one programme built from the method's own worked examples, so a new user sees a
 * populated board at once. Loaded once: the programme has a fixed id, and a second start finds it there.
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
        r.put("P-001", List.of(
                new String[]{"NOT_WORKING", "1", "I have only one friend"},
                new String[]{"NOT_WORKING", "2", "I don't have my own space"},
                new String[]{"WORKING", "1", "Going out shopping and to the hairdressers"},
                new String[]{"FUTURE", "1", "Staying in touch with my mum and dad"}));
        r.put("P-002", List.of(
                new String[]{"NOT_WORKING", "1", "I only have staff in my life"},
                new String[]{"NOT_WORKING", "2", "My bedroom is not right for me"},
                new String[]{"WORKING", "1", "Going to the pub for coffee, baileys and chocolate cake"},
                new String[]{"FUTURE", "1", "Seeing my friends at least once a week"}));
        r.put("P-003", List.of(
                new String[]{"NOT_WORKING", "1", "I don't see many people during the day"},
                new String[]{"NOT_WORKING", "2", "I don't like what I do during the day"},
                new String[]{"WORKING", "1", "Getting to the football"}));
        r.put("P-004", List.of(
                new String[]{"NOT_WORKING", "1", "I am bored"},
                new String[]{"NOT_WORKING", "2", "I don't get on with my paid support staff"},
                new String[]{"FUTURE", "1", "I want a job"}));
        r.put("P-005", List.of(
                new String[]{"NOT_WORKING", "1", "Staff are addressing social isolation"},
                new String[]{"WORKING", "1", "My support worker listens to me"}));
        return r;
    }

    @Override
    public void run(ApplicationArguments args) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "demo", null, AuthorityUtils.createAuthorityList("ROLE_FACILITATOR")));
        try {
            load();
        } catch (RuntimeException e) {
            log.info("Demo programme '{}' not loaded ({}); it is probably there from an earlier start", PROGRAMME_ID, e.getMessage());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void load() {
        String p = PROGRAMME_ID;
        commands.sendAndWait(new LaunchProgramme(p,
                "We are using WTfC to find out what matters to older people using day and home support so that we commission support that helps them stay connected", Level.SERVICE));
        commands.sendAndWait(new PlanSample(p, new SamplePlan("person-centred reviews", "review conversations using the three questions",
                "older people using day and home support", "at home and in day centres", "over six weeks", 50, 480)));
        String[][] participants = {
                {"Pat", "PERSON", "participant"}, {"Ravi", "CARER_FAMILY", null}, {"Morgan", "COMMISSIONER", "commissioner"},
                {"Sam", "PROVIDER", "provider"}, {"Alex", "PRACTITIONER", null}};
        for (int i = 0; i < participants.length; i++) {
            commands.sendAndWait(new RegisterParticipant(p, "demo-participant-" + (i + 1), participants[i][0],
                    Perspective.valueOf(participants[i][1]), participants[i][2]));
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
            commands.sendAndWait(new RecordReview(p, "demo-review-" + review.getKey(), review.getKey(), statements));
        }
        theme(Category.NOT_WORKING, "demo-theme-lonely", "I am lonely", idsByWords,
                "I have only one friend", "I only have staff in my life", "I don't see many people during the day");
        theme(Category.NOT_WORKING, "demo-theme-home", "I don't like where I live", idsByWords,
                "I don't have my own space", "My bedroom is not right for me");
        theme(Category.NOT_WORKING, "demo-theme-day", "I don't like what I do during the day", idsByWords,
                "I don't like what I do during the day");
        theme(Category.NOT_WORKING, "demo-theme-bored", "I am bored", idsByWords, "I am bored");
        theme(Category.NOT_WORKING, "demo-theme-staff", "I don't get on with my paid support staff", idsByWords,
                "I don't get on with my paid support staff");
        theme(Category.WORKING, "demo-theme-out", "Getting out and about", idsByWords,
                "Going out shopping and to the hairdressers", "Going to the pub for coffee, baileys and chocolate cake");
        commands.sendAndWait(new ClusterStatement(p, Category.WORKING, "demo-theme-out", idsByWords.get("Getting to the football")));
        theme(Category.FUTURE, "demo-theme-family", "I want to see more of friends and family", idsByWords,
                "Staying in touch with my mum and dad", "Seeing my friends at least once a week");
        log.info("Demo programme loaded: GET /api/programmes/{} and /api/programmes/{}/boards/NOT_WORKING (user facilitator/facilitator)", p, p);
    }

    private void theme(Category category, String themeId, String title, Map<String, String> ids, String... words) {
        List<String> statementIds = java.util.Arrays.stream(words).map(ids::get).toList();
        commands.sendAndWait(new CreateTheme(PROGRAMME_ID, category, themeId, title, statementIds));
    }
}
