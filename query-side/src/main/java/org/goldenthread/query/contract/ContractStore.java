package org.goldenthread.query.contract;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bson.codecs.pojo.annotations.BsonId;
import org.goldenthread.kernel.Lists;
import org.goldenthread.kernel.contract.*;
import org.goldenthread.query.readstore.DocumentCollection;
import org.goldenthread.query.readstore.Elements;
import org.goldenthread.query.readstore.ScopedId;

/**
 * The contract projection's documents. One per contract ({@code contracts}), holding every act with its time and
 * actor, so any instant's view is a filter of it; and two small kinds for erasure ({@code contract_statements}: a
 * statement's person, {@code contract_forgotten}: people forgotten), so evidence linked to a forgotten person's
 * statement shows as erased.
 */
public final class ContractStore {

    /** Who did an act, and when. */
    public record Act(Instant at, String by, String comment) {}

    public record ContractDoc(
            @BsonId String id,
            ContractDrafted drafted,
            Act draftedAct,
            Act agreed,
            Act activated,
            List<KpiDoc> kpis,
            List<ProposalDoc> proposals,
            List<ReviewDoc> reviews) {
        public ContractDoc {
            kpis = Lists.normal(kpis);
            proposals = Lists.normal(proposals);
            reviews = Lists.normal(reviews);
        }

        ContractDoc withAgreed(Act a) {
            return new ContractDoc(id, drafted, draftedAct, a, activated, kpis, proposals, reviews);
        }

        ContractDoc withActivated(Act a) {
            return new ContractDoc(id, drafted, draftedAct, agreed, a, kpis, proposals, reviews);
        }

        ContractDoc withKpi(String kpiId, UnaryOperator<KpiDoc> change) {
            List<KpiDoc> changed = Elements.put(
                    kpis, KpiDoc::kpiId, kpiId, change, () -> new KpiDoc(kpiId, null, null, null, null, null, null));
            return new ContractDoc(id, drafted, draftedAct, agreed, activated, changed, proposals, reviews);
        }

        ContractDoc withProposal(String proposalId, UnaryOperator<ProposalDoc> change) {
            List<ProposalDoc> changed = Elements.put(
                    proposals,
                    p -> p.proposed().proposalId(),
                    proposalId,
                    change,
                    () -> new ProposalDoc(null, null, null, null, null, null, null));
            return new ContractDoc(id, drafted, draftedAct, agreed, activated, kpis, changed, reviews);
        }

        ContractDoc withReview(ReviewDoc review) {
            List<ReviewDoc> changed = Elements.put(
                    reviews, r -> r.held().reviewId(), review.held().reviewId(), r -> review, () -> review);
            return new ContractDoc(id, drafted, draftedAct, agreed, activated, kpis, proposals, changed);
        }
    }

    public record KpiDoc(
            String kpiId,
            MeasureRef derivedFrom,
            String justification,
            String proposalId,
            List<VersionDoc> versions,
            List<ActualDoc> actuals,
            List<PrototypeReviewDoc> reviews) {
        public KpiDoc {
            versions = Lists.normal(versions);
            actuals = Lists.normal(actuals);
            reviews = Lists.normal(reviews);
        }

        KpiDoc withVersion(VersionDoc v) {
            return new KpiDoc(
                    kpiId,
                    derivedFrom,
                    justification,
                    proposalId,
                    Elements.put(
                            versions, x -> x.version().toString(), v.version().toString(), x -> v, () -> v),
                    actuals,
                    reviews);
        }

        KpiDoc withActual(ActualDoc a) {
            String key = a.periodStart().toString();
            return new KpiDoc(
                    kpiId,
                    derivedFrom,
                    justification,
                    proposalId,
                    versions,
                    Elements.put(actuals, x -> x.periodStart().toString(), key, x -> a, () -> a),
                    reviews);
        }

        KpiDoc withReview(PrototypeReviewDoc r) {
            String key = r.at().toString();
            return new KpiDoc(
                    kpiId,
                    derivedFrom,
                    justification,
                    proposalId,
                    versions,
                    actuals,
                    Elements.put(reviews, x -> x.at().toString(), key, x -> r, () -> r));
        }
    }

    public record VersionDoc(
            Integer version,
            KpiTerms terms,
            LocalDate effectiveFrom,
            Instant at,
            String by,
            String reason,
            String proposalId) {}

    public record EvidenceDoc(Evidence evidence, String person) {}

    public record ActualDoc(
            LocalDate periodStart,
            LocalDate periodEnd,
            LocalDate dueBy,
            String value,
            String partyId,
            List<EvidenceDoc> evidence,
            Instant at,
            String by) {
        public ActualDoc {
            evidence = Lists.normal(evidence);
        }
    }

    public record PrototypeReviewDoc(PrototypeOutcome outcome, String reason, Instant at, String by) {}

    public record ProposalDoc(
            KpiProposed proposed,
            Instant at,
            String by,
            String decision,
            String decisionReason,
            Instant decidedAt,
            String decidedBy) {}

    public record ReviewDoc(ContractReviewHeld held, Instant at, String by) {}

    public record StatementPerson(@BsonId String id, String person) {}

    public record Forgotten(@BsonId String id, Instant at) {}

    final DocumentCollection<ContractDoc> contracts;
    final DocumentCollection<StatementPerson> statements;
    final DocumentCollection<Forgotten> forgotten;

    ContractStore(MongoDatabase database) {
        contracts = new DocumentCollection<>(database, "contracts", ContractDoc.class, ContractDoc::id);
        statements =
                new DocumentCollection<>(database, "contract_statements", StatementPerson.class, StatementPerson::id);
        forgotten = new DocumentCollection<>(database, "contract_forgotten", Forgotten.class, Forgotten::id);
        createIndexes();
    }

    private void createIndexes() {
        contracts.collection().createIndex(Indexes.ascending("drafted.providerId"));
        contracts.collection().createIndex(Indexes.ascending("drafted.programmeIds"));
    }

    void drop() {
        contracts.drop();
        statements.drop();
        forgotten.drop();
        createIndexes();
    }

    static String statementId(String programmeId, String statementId) {
        return ScopedId.of(programmeId, statementId);
    }

    static String forgottenId(String programmeId, String person) {
        return ScopedId.of(programmeId, person);
    }

    /** Changes the contract's document, if it was drafted. */
    void change(String contractId, UnaryOperator<ContractDoc> change) {
        contracts.find(contractId).ifPresent(c -> contracts.put(change.apply(c)));
    }
}
