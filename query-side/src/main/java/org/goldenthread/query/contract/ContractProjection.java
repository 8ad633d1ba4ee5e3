package org.goldenthread.query.contract;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.goldenthread.kernel.ActorMetaData;
import org.goldenthread.kernel.collect.StatementRecorded;
import org.goldenthread.kernel.contract.*;
import org.goldenthread.kernel.programme.PersonForgotten;
import org.goldenthread.query.contract.ContractStore.Act;
import org.goldenthread.query.contract.ContractStore.ActualDoc;
import org.goldenthread.query.contract.ContractStore.ContractDoc;
import org.goldenthread.query.contract.ContractStore.EvidenceDoc;
import org.goldenthread.query.contract.ContractStore.Forgotten;
import org.goldenthread.query.contract.ContractStore.KpiDoc;
import org.goldenthread.query.contract.ContractStore.ProposalDoc;
import org.goldenthread.query.contract.ContractStore.PrototypeReviewDoc;
import org.goldenthread.query.contract.ContractStore.ReviewDoc;
import org.goldenthread.query.contract.ContractStore.StatementPerson;
import org.goldenthread.query.contract.ContractStore.VersionDoc;
import org.goldenthread.query.readstore.ReadModelVersion;

/**
 * Contracts and their KPI dashboards. Each contract's document keeps every act with its time and actor (versions,
 * actuals, reviews, proposals), so {@link DashboardAssembly} answers any instant by filtering it, and a replay
 * rebuilds it exactly: times come from the events, never from the clock. Elements are keyed (a KPI by id, a version
 * by number, an actual by period), so an event handled twice leaves the same document.
 */
@ReadModelVersion(1)
@ProcessingGroup(ContractProjection.PROCESSING_GROUP)
public class ContractProjection {

    public static final String PROCESSING_GROUP = "contract";

    private final ContractStore store;
    private final DashboardAssembly assembly;

    public ContractProjection(MongoDatabase database) {
        this.store = new ContractStore(database);
        this.assembly = new DashboardAssembly(store);
    }

    @ResetHandler
    public void reset() {
        store.drop();
    }

    // ---- queries

    @QueryHandler
    public ContractView handle(FindContract query) {
        return assembly.contract(query.contractId(), query.asOf());
    }

    @QueryHandler
    public List<ContractView> handle(FindContracts query) {
        return assembly.contracts(query.organisationIds());
    }

    @QueryHandler
    public DashboardView handle(FindDashboard query) {
        return assembly.dashboard(query.contractId(), query.asOf());
    }

    @QueryHandler
    public List<DashboardView> handle(FindDashboards query) {
        return assembly.dashboards(query);
    }

    // ---- erasure: which person a statement is of, who is forgotten

    @EventHandler
    public void on(StatementRecorded e) {
        store.statements.put(
                new StatementPerson(ContractStore.statementId(e.programmeId(), e.statementId()), e.person()));
    }

    @EventHandler
    public void on(PersonForgotten e, @Timestamp Instant at) {
        store.forgotten.put(new Forgotten(ContractStore.forgottenId(e.programmeId(), e.person()), at));
    }

    // ---- contracts

    @EventHandler
    public void on(ContractDrafted e, @Timestamp Instant at, @MetaDataValue(ActorMetaData.ACTOR) String by) {
        ContractDoc d = store.contracts.find(e.contractId()).orElseGet(() -> store.contracts.blank(e.contractId()));
        store.contracts.put(new ContractDoc(
                d.id(), e, new Act(at, by, null), d.agreed(), d.activated(), d.kpis(), d.proposals(), d.reviews()));
    }

    @EventHandler
    public void on(ProviderAgreed e, @Timestamp Instant at, @MetaDataValue(ActorMetaData.ACTOR) String by) {
        store.change(e.contractId(), c -> c.withAgreed(new Act(at, by, e.comment())));
    }

    @EventHandler
    public void on(ContractActivated e, @Timestamp Instant at, @MetaDataValue(ActorMetaData.ACTOR) String by) {
        store.change(e.contractId(), c -> c.withActivated(new Act(at, by, null)));
    }

    @EventHandler
    public void on(KpiAgreed e, @Timestamp Instant at, @MetaDataValue(ActorMetaData.ACTOR) String by) {
        VersionDoc first = new VersionDoc(1, e.terms(), e.effectiveFrom(), at, by, null, e.proposalId());
        store.change(
                e.contractId(),
                c -> c.withKpi(
                        e.kpiId(),
                        k -> new KpiDoc(
                                        e.kpiId(),
                                        e.derivedFrom(),
                                        e.justification(),
                                        e.proposalId(),
                                        k.versions(),
                                        k.actuals(),
                                        k.reviews())
                                .withVersion(first)));
    }

    @EventHandler
    public void on(KpiRevised e, @Timestamp Instant at, @MetaDataValue(ActorMetaData.ACTOR) String by) {
        VersionDoc next = new VersionDoc(e.version(), e.terms(), e.effectiveFrom(), at, by, e.reason(), e.proposalId());
        store.change(e.contractId(), c -> c.withKpi(e.kpiId(), k -> k.withVersion(next)));
    }

    @EventHandler
    public void on(PrototypeKpiReviewed e, @Timestamp Instant at, @MetaDataValue(ActorMetaData.ACTOR) String by) {
        PrototypeReviewDoc review = new PrototypeReviewDoc(e.outcome(), e.reason(), at, by);
        store.change(e.contractId(), c -> c.withKpi(e.kpiId(), k -> k.withReview(review)));
    }

    @EventHandler
    public void on(ActualReported e, @Timestamp Instant at, @MetaDataValue(ActorMetaData.ACTOR) String by) {
        List<String> ids = e.evidence().stream()
                .filter(x -> x.statementId() != null)
                .map(x -> ContractStore.statementId(x.programmeId(), x.statementId()))
                .toList();
        var persons = store.statements.find(ids);
        List<EvidenceDoc> evidence = new ArrayList<>();
        for (Evidence x : e.evidence()) {
            StatementPerson p = x.statementId() == null
                    ? null
                    : persons.get(ContractStore.statementId(x.programmeId(), x.statementId()));
            evidence.add(new EvidenceDoc(x, p == null ? null : p.person()));
        }
        ActualDoc actual =
                new ActualDoc(e.periodStart(), e.periodEnd(), e.dueBy(), e.value(), e.partyId(), evidence, at, by);
        store.change(e.contractId(), c -> c.withKpi(e.kpiId(), k -> k.withActual(actual)));
    }

    @EventHandler
    public void on(KpiProposed e, @Timestamp Instant at, @MetaDataValue(ActorMetaData.ACTOR) String by) {
        store.change(
                e.contractId(),
                c -> c.withProposal(
                        e.proposalId(),
                        p -> new ProposalDoc(
                                e, at, by, p.decision(), p.decisionReason(), p.decidedAt(), p.decidedBy())));
    }

    @EventHandler
    public void on(ProposalAccepted e, @Timestamp Instant at, @MetaDataValue(ActorMetaData.ACTOR) String by) {
        decided(e.contractId(), e.proposalId(), "ACCEPTED", e.reason(), at, by);
    }

    @EventHandler
    public void on(ProposalDeclined e, @Timestamp Instant at, @MetaDataValue(ActorMetaData.ACTOR) String by) {
        decided(e.contractId(), e.proposalId(), "DECLINED", e.reason(), at, by);
    }

    private void decided(String contractId, String proposalId, String decision, String reason, Instant at, String by) {
        store.change(
                contractId,
                c -> c.withProposal(
                        proposalId, p -> new ProposalDoc(p.proposed(), p.at(), p.by(), decision, reason, at, by)));
    }

    @EventHandler
    public void on(ContractReviewHeld e, @Timestamp Instant at, @MetaDataValue(ActorMetaData.ACTOR) String by) {
        store.change(e.contractId(), c -> c.withReview(new ReviewDoc(e, at, by)));
    }
}
