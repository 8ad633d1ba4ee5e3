package org.goldenthread.kernel.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A contract with every act on it: its KPIs with all their versions and actuals, proposals and reviews. */
public record ContractView(
        String contractId,
        String commissionerId,
        String providerId,
        String service,
        LocalDate periodStart,
        LocalDate periodEnd,
        List<String> programmeIds,
        int reportingWindowDays,
        ContractStatus status,
        Instant draftedAt,
        String draftedBy,
        Instant providerAgreedAt,
        String providerAgreedBy,
        String providerComment,
        Instant activatedAt,
        String activatedBy,
        List<Kpi> kpis,
        List<Proposal> proposals,
        List<Review> reviews) {

    /** A KPI: {@code reviewDue} the date a prototype awaits its review by (null when none is awaited). */
    public record Kpi(
            String kpiId,
            String name,
            KpiLevel level,
            boolean traced,
            MeasureRef derivedFrom,
            String justification,
            String proposalId,
            boolean retired,
            LocalDate reviewDue,
            List<Version> versions,
            List<Actual> actuals,
            List<PrototypeReview> prototypeReviews) {}

    public record Version(
            int version,
            KpiTerms terms,
            LocalDate effectiveFrom,
            Instant at,
            String by,
            String reason,
            String proposalId) {}

    public record Actual(
            LocalDate periodStart,
            LocalDate periodEnd,
            LocalDate dueBy,
            String value,
            boolean late,
            Instant reportedAt,
            String reportedBy,
            String partyId,
            List<EvidenceView> evidence) {}

    /** Evidence as shown: a statement's person forgotten, its text is {@code [erased]} and {@code erased} true. */
    public record EvidenceView(
            EvidenceKind kind, String text, String programmeId, String statementId, boolean erased) {}

    public record PrototypeReview(PrototypeOutcome outcome, String reason, Instant at, String by) {}

    /** {@code decision}: OPEN, ACCEPTED or DECLINED. */
    public record Proposal(
            String proposalId,
            String kpiId,
            boolean revision,
            KpiTerms terms,
            MeasureRef derivedFrom,
            String justification,
            LocalDate effectiveFrom,
            String reason,
            Instant proposedAt,
            String proposedBy,
            String decision,
            String decisionReason,
            Instant decidedAt,
            String decidedBy) {}

    public record Review(
            String reviewId, LocalDate heldOn, String outcomes, List<FollowUp> actions, Instant at, String by) {}
}
