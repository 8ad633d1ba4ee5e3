package org.goldenthread.command.contract;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.goldenthread.command.organisation.Parties;
import org.goldenthread.kernel.ActorMetaData;
import org.goldenthread.kernel.contract.*;

/**
 * One contract between a commissioning and a provider organisation: a consistency boundary of its own, linked to the
 * programmes its KPIs come from. A thin Axon shell: the rules live in {@link Contracting}; organisations and
 * programmes are asked through {@link Parties} and {@link ProgrammeFacts} (injected resources).
 */
@Aggregate
public class Contract {

    @AggregateIdentifier
    private String contractId;

    private final Contracting rules = new Contracting();

    protected Contract() {}

    @CommandHandler
    public Contract(
            DraftContract c,
            @MetaDataValue(ActorMetaData.ACTOR) String actor,
            Parties parties,
            ProgrammeFacts programmes) {
        applyAll(Contracting.draft(c, actor, parties, programmes));
    }

    @CommandHandler
    public void handle(
            AgreeKpi c, @MetaDataValue(ActorMetaData.ACTOR) String actor, Parties parties, ProgrammeFacts programmes) {
        applyAll(rules.agreeKpi(c, actor, parties, programmes));
    }

    @CommandHandler
    public void handle(AgreeContract c, @MetaDataValue(ActorMetaData.ACTOR) String actor, Parties parties) {
        applyAll(rules.agree(c, actor, parties));
    }

    @CommandHandler
    public void handle(ActivateContract c, @MetaDataValue(ActorMetaData.ACTOR) String actor, Parties parties) {
        applyAll(rules.activate(c, actor, parties));
    }

    @CommandHandler
    public void handle(ReviseKpi c, @MetaDataValue(ActorMetaData.ACTOR) String actor, Parties parties) {
        applyAll(rules.revise(c, actor, parties));
    }

    @CommandHandler
    public void handle(
            ProposeKpi c,
            @MetaDataValue(ActorMetaData.ACTOR) String actor,
            Parties parties,
            ProgrammeFacts programmes) {
        applyAll(rules.propose(c, actor, parties, programmes));
    }

    @CommandHandler
    public void handle(DecideProposal c, @MetaDataValue(ActorMetaData.ACTOR) String actor, Parties parties) {
        applyAll(rules.decide(c, actor, parties));
    }

    @CommandHandler
    public void handle(ReviewPrototypeKpi c, @MetaDataValue(ActorMetaData.ACTOR) String actor, Parties parties) {
        applyAll(rules.reviewPrototype(c, actor, parties));
    }

    @CommandHandler
    public void handle(
            ReportActual c,
            @MetaDataValue(ActorMetaData.ACTOR) String actor,
            Parties parties,
            ProgrammeFacts programmes) {
        applyAll(rules.report(c, actor, parties, programmes));
    }

    @CommandHandler
    public void handle(HoldContractReview c, @MetaDataValue(ActorMetaData.ACTOR) String actor, Parties parties) {
        applyAll(rules.holdReview(c, actor, parties));
    }

    private static void applyAll(List<Object> events) {
        events.forEach(AggregateLifecycle::apply);
    }

    // ---- event sourcing

    @EventSourcingHandler
    void on(ContractDrafted e) {
        contractId = e.contractId();
        rules.evolve(e);
    }

    @EventSourcingHandler
    void on(KpiAgreed e) {
        rules.evolve(e);
    }

    @EventSourcingHandler
    void on(KpiRevised e) {
        rules.evolve(e);
    }

    @EventSourcingHandler
    void on(ProviderAgreed e) {
        rules.evolve(e);
    }

    @EventSourcingHandler
    void on(ContractActivated e) {
        rules.evolve(e);
    }

    @EventSourcingHandler
    void on(KpiProposed e) {
        rules.evolve(e);
    }

    @EventSourcingHandler
    void on(ProposalAccepted e) {
        rules.evolve(e);
    }

    @EventSourcingHandler
    void on(ProposalDeclined e) {
        rules.evolve(e);
    }

    @EventSourcingHandler
    void on(PrototypeKpiReviewed e) {
        rules.evolve(e);
    }

    @EventSourcingHandler
    void on(ActualReported e) {
        rules.evolve(e);
    }

    @EventSourcingHandler
    void on(ContractReviewHeld e) {
        rules.evolve(e);
    }
}
