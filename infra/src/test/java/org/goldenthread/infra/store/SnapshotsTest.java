package org.goldenthread.infra.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.goldenthread.command.collect.QualityCheck;
import org.goldenthread.command.programme.Programme;
import org.goldenthread.command.understand.GuardRails;
import org.goldenthread.kernel.ActorMetaData;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.PersonalDataVault;
import org.goldenthread.kernel.Perspective;
import org.goldenthread.kernel.SealedText;
import org.goldenthread.kernel.ballot.BallotSubject;
import org.goldenthread.kernel.ballot.CastBallotVote;
import org.goldenthread.kernel.ballot.CloseBallot;
import org.goldenthread.kernel.ballot.OpenBallot;
import org.goldenthread.kernel.collect.RecordReview;
import org.goldenthread.kernel.collect.StatementInput;
import org.goldenthread.kernel.implement.AgreeActionPlan;
import org.goldenthread.kernel.implement.BaselineMeasure;
import org.goldenthread.kernel.implement.PlanContent;
import org.goldenthread.kernel.implement.Reading;
import org.goldenthread.kernel.learn.PublishReport;
import org.goldenthread.kernel.learn.RecordProcessReview;
import org.goldenthread.kernel.learn.StartNextCycle;
import org.goldenthread.kernel.plan.IdeaMode;
import org.goldenthread.kernel.plan.PlaceIdea;
import org.goldenthread.kernel.plan.ProposeIdea;
import org.goldenthread.kernel.plan.RecordAlreadyInPlace;
import org.goldenthread.kernel.programme.LaunchProgramme;
import org.goldenthread.kernel.programme.Level;
import org.goldenthread.kernel.programme.PlanSample;
import org.goldenthread.kernel.programme.RegisterParticipant;
import org.goldenthread.kernel.programme.SamplePlan;
import org.goldenthread.kernel.success.DefineMeasure;
import org.goldenthread.kernel.success.MeasureDirection;
import org.goldenthread.kernel.success.MeasureKind;
import org.goldenthread.kernel.success.SuccessPerspective;
import org.goldenthread.kernel.success.WriteSuccessStatement;
import org.goldenthread.kernel.theme.CreateTheme;
import org.goldenthread.kernel.theme.MergeThemes;
import org.goldenthread.kernel.theme.ParkStatement;
import org.goldenthread.kernel.theme.SplitTheme;
import org.goldenthread.kernel.understand.AskWhy;
import org.goldenthread.kernel.understand.GiveCause;
import org.goldenthread.kernel.vote.CastVote;
import org.goldenthread.kernel.vote.CloseVoting;
import org.goldenthread.kernel.vote.OpenVoting;
import org.junit.jupiter.api.Test;

/** A snapshot holds the whole of a programme's state, and restores it exactly. */
class SnapshotsTest {

    private static final String P = "prog-1";
    private static final MetaData FACILITATOR =
            MetaData.with(ActorMetaData.ACTOR, "fran").and(ActorMetaData.ROLE, ActorMetaData.FACILITATOR);

    /** Seals by reversing (the snapshot must not depend on the vault). */
    private static final PersonalDataVault VAULT = new PersonalDataVault() {
        @Override
        public SealedText seal(String programmeId, String person, String plainText) {
            return new SealedText(
                    programmeId + "/" + person,
                    new StringBuilder(plainText).reverse().toString());
        }

        @Override
        public Optional<String> open(SealedText sealed) {
            return Optional.of(new StringBuilder(sealed.cipherText()).reverse().toString());
        }

        @Override
        public void tombstone(String programmeId, String person) {}

        @Override
        public void destroyKey(String programmeId, String person) {}
    };

    private static Object as(Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(FACILITATOR);
    }

    /** A programme through every step, with refusable state everywhere: a second cycle begun. */
    private static Programme richProgramme() {
        AggregateTestFixture<Programme> fixture = new AggregateTestFixture<>(Programme.class);
        fixture.registerInjectableResource(VAULT);
        fixture.registerInjectableResource(QualityCheck.withSeedLexicon());
        fixture.registerInjectableResource(GuardRails.withMethodDefaults());
        List<Object> commands = new ArrayList<>(List.of(
                new LaunchProgramme(P, "We are using WTfC to listen so that we change", Level.SERVICE),
                new PlanSample(
                        P, new SamplePlan("reviews", "three questions", "older people", "at home", "spring", 10, 100)),
                new org.goldenthread.kernel.programme.GrantMembership(
                        P, "participant", org.goldenthread.kernel.programme.MemberRole.PARTICIPANT, null, "joins"),
                new RegisterParticipant(P, "pat", "Pat", Perspective.PERSON, "participant"),
                new RegisterParticipant(P, "morgan", "Morgan", Perspective.COMMISSIONER, null),
                new RecordReview(
                        P,
                        "r1",
                        "P-1",
                        List.of(
                                new StatementInput("s1", Category.NOT_WORKING, 1, "I have only one friend"),
                                new StatementInput("s2", Category.NOT_WORKING, 2, "I am bored"),
                                new StatementInput("s3", Category.WORKING, 1, "Going out shopping"))),
                new RecordReview(
                        P,
                        "r2",
                        "P-2",
                        List.of(
                                new StatementInput("s4", Category.NOT_WORKING, 1, "I only have staff in my life"),
                                new StatementInput("s5", Category.NOT_WORKING, 2, "My bedroom is not right"),
                                new StatementInput("s6", Category.FUTURE, 1, "Staff are addressing social isolation"))),
                new CreateTheme(P, Category.NOT_WORKING, "lonely", "I am lonely", List.of("s1", "s4")),
                new CreateTheme(P, Category.NOT_WORKING, "bored", "I am bored", List.of("s2")),
                new CreateTheme(P, Category.NOT_WORKING, "home", "Where I live", List.of("s5")),
                new CreateTheme(P, Category.NOT_WORKING, "extra", "Extra", List.of("s5")),
                new MergeThemes(P, Category.NOT_WORKING, "home", List.of("extra")),
                new SplitTheme(P, Category.NOT_WORKING, "lonely", "staff", "I only see staff", List.of("s4")),
                new ParkStatement(P, Category.WORKING, "s3"),
                new OpenVoting(P, "v1", 3, 4),
                new CastVote(P, "v1", "pat", "lonely"),
                new CastVote(P, "v1", "pat", "bored"),
                new CastVote(P, "v1", "pat", "staff"),
                new CastVote(P, "v1", "morgan", "lonely"),
                new CastVote(P, "v1", "morgan", "home"),
                new CloseVoting(P, "v1"),
                new AskWhy(P, "w1", "lonely", null, "Why are people lonely?", Perspective.PERSON),
                new GiveCause(P, "c1", "w1", "Because staff don't connect people", Perspective.PROVIDER),
                new GiveCause(P, "c2", "w1", "Because the budget is inadequate", Perspective.COMMISSIONER),
                new AskWhy(P, "w2", "lonely", "c1", "Why don't staff connect people?", Perspective.PROVIDER),
                new GiveCause(P, "c3", "w2", "Because they are not trained", Perspective.PROVIDER),
                new OpenBallot(P, "b1", BallotSubject.ROOT_CAUSES, "lonely", 3, 3),
                new CastBallotVote(P, "b1", "pat", "c1"),
                new CastBallotVote(P, "b1", "morgan", "c3"),
                new CloseBallot(P, "b1"),
                new WriteSuccessStatement(
                        P,
                        "su1",
                        "lonely",
                        SuccessPerspective.PEOPLE_CARERS_FAMILIES,
                        "I make new friends",
                        List.of("c1")),
                new DefineMeasure(
                        P,
                        "m1",
                        "su1",
                        MeasureKind.QUANTITATIVE,
                        "People seeing friends weekly",
                        "reviews",
                        true,
                        false,
                        "%",
                        MeasureDirection.INCREASE,
                        "Commissioning",
                        "quarterly"),
                new RecordAlreadyInPlace(P, "i0", "lonely", "A lunch club"),
                new ProposeIdea(P, "i1", "lonely", IdeaMode.TRADITIONAL, "Train staff", List.of("c3")),
                new ProposeIdea(P, "i2", "lonely", IdeaMode.DIFFERENT, "Befriending", List.of()),
                new OpenBallot(P, "b2", BallotSubject.IDEAS, "lonely", 3, 3),
                new CastBallotVote(P, "b2", "pat", "i1"),
                new CastBallotVote(P, "b2", "morgan", "i1"),
                new CloseBallot(P, "b2"),
                new PlaceIdea(P, "i1", "pat", 3, 8),
                new AgreeActionPlan(
                        P,
                        "plan1",
                        "i1",
                        new PlanContent(
                                "Relationships in every plan",
                                List.of("staff"),
                                "Manager",
                                List.of(new PlanContent.Step("Map training", LocalDate.of(2026, 2, 1))),
                                List.of(new PlanContent.Milestone(
                                        "ms1", "All staff trained", LocalDate.of(2026, 9, 30))),
                                List.of(new PlanContent.Resource("Budget", "Fund")),
                                null,
                                List.of("m1"),
                                "Newsletter")),
                new BaselineMeasure(P, "m1", new Reading("20", LocalDate.of(2026, 1, 10), "reviews")),
                new RecordProcessReview(
                        P, "pr1", Perspective.PERSON, List.of("Being listened to"), List.of("The venue")),
                new PublishReport(P, "rep1"),
                new StartNextCycle(P, "A year on")));
        fixture.givenCommands(commands.stream().map(SnapshotsTest::as).toList());
        AtomicReference<Programme> state = new AtomicReference<>();
        fixture.when(as(new RecordReview(
                        P, "r3", "P-1", List.of(new StatementInput("s7", Category.NOT_WORKING, 1, "Still lonely")))))
                .expectSuccessfulHandlerExecution()
                .expectState(state::set);
        return state.get();
    }

    @Test
    void a_snapshot_restores_the_programme_exactly() throws Exception {
        ObjectMapper mapper = new AxonConfiguration().defaultAxonObjectMapper();
        Programme programme = richProgramme();
        String written = mapper.writeValueAsString(programme);
        Programme restored = mapper.readValue(written, Programme.class);
        assertThat(mapper.writeValueAsString(restored)).isEqualTo(written);
        // every part of the state is in it, never the words
        assertThat(written)
                .contains(
                        "\"programmeId\":\"" + P + "\"",
                        "\"s7\"",
                        "\"lonely\"",
                        "\"staff\"",
                        "\"v1\"",
                        "\"c3\"",
                        "\"b2\"",
                        "\"su1\"",
                        "\"m1\"",
                        "\"i1\"",
                        "\"plan1\"",
                        "\"rep1\"",
                        "\"pr1\"",
                        "\"cycle\":2",
                        "\"P-2\"");
        assertThat(written).doesNotContain("only one friend");
    }

    @Test
    void every_class_of_the_programme_state_is_written_by_its_fields() {
        Set<Class<?>> found = new HashSet<>();
        Deque<Type> todo = new ArrayDeque<>(List.of(Programme.class));
        while (!todo.isEmpty()) {
            Type type = todo.pop();
            if (type instanceof ParameterizedType p) {
                todo.addAll(List.of(p.getActualTypeArguments()));
                todo.push(p.getRawType());
                continue;
            }
            if (!(type instanceof Class<?> c)
                    || !c.getName().startsWith("org.goldenthread.")
                    || c.isEnum()
                    || !found.add(c)) {
                continue;
            }
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    todo.push(f.getGenericType());
                }
            }
        }
        Set<Class<?>> needFields = new HashSet<>();
        for (Class<?> c : found) {
            if (!c.isRecord()) {
                needFields.add(c);
            }
        }
        assertThat(Snapshots.STATE_CLASSES).containsExactlyInAnyOrderElementsOf(needFields);
    }
}
