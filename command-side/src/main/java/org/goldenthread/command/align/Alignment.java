package org.goldenthread.command.align;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.goldenthread.command.organisation.Parties;
import org.goldenthread.kernel.ActorMetaData;
import org.goldenthread.kernel.align.*;

/**
 * One values alignment between a commissioning and a provider organisation; the rules are in
 * {@link ValuesAlignment}.
 */
@Aggregate
public class Alignment {

    @AggregateIdentifier
    private String alignmentId;

    private final ValuesAlignment rules = new ValuesAlignment();

    protected Alignment() {}

    @CommandHandler
    public Alignment(StartAlignment c, @MetaDataValue(ActorMetaData.ACTOR) String actor, Parties parties) {
        applyAll(ValuesAlignment.start(c, actor, parties));
    }

    @CommandHandler
    public void handle(RecordValue c, @MetaDataValue(ActorMetaData.ACTOR) String actor, Parties parties) {
        applyAll(rules.record(c, actor, parties));
    }

    @CommandHandler
    public void handle(LinkValues c, @MetaDataValue(ActorMetaData.ACTOR) String actor, Parties parties) {
        applyAll(rules.link(c, actor, parties));
    }

    @CommandHandler
    public void handle(UnlinkValues c, @MetaDataValue(ActorMetaData.ACTOR) String actor, Parties parties) {
        applyAll(rules.unlink(c, actor, parties));
    }

    @CommandHandler
    public void handle(AgreeToCallOut c, @MetaDataValue(ActorMetaData.ACTOR) String actor, Parties parties) {
        applyAll(rules.agreeToCallOut(c, actor, parties));
    }

    private static void applyAll(List<Object> events) {
        events.forEach(AggregateLifecycle::apply);
    }

    @EventSourcingHandler
    void on(AlignmentStarted e) {
        alignmentId = e.alignmentId();
        rules.evolve(e);
    }

    @EventSourcingHandler
    void on(ValueRecorded e) {
        rules.evolve(e);
    }

    @EventSourcingHandler
    void on(ValuesLinked e) {
        rules.evolve(e);
    }

    @EventSourcingHandler
    void on(ValuesUnlinked e) {
        rules.evolve(e);
    }

    @EventSourcingHandler
    void on(CallOutAgreed e) {
        rules.evolve(e);
    }
}
