package org.goldenthread.command.contract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.goldenthread.command.organisation.Parties;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.UnknownReference;
import org.goldenthread.kernel.contract.*;
import org.goldenthread.kernel.implement.Reading;
import org.goldenthread.kernel.organisation.OrganisationKind;
import org.goldenthread.kernel.success.MeasureKind;

/**
 * The Do stage's rules for one contract, free of the framework: each decision checks a command completely and answers
 * the events to apply (a refused act applies nothing); state changes only in {@code evolve}.
 *
 * <p>Who: the commissioner's users draft, set KPIs, activate, revise, review prototypes and decide proposals; the
 * provider's users agree and propose; users of either party report actuals and record contract reviews. The order:
 * KPIs are set while the draft waits for the provider; the provider agrees (at least one KPI); the commissioner
 * activates; actuals, revisions, proposals and reviews follow. A KPI comes from a measure of a linked programme (and
 * inherits its thread) or carries a written justification; an actual is for a period its cadence defines, once; a
 * revision is in force from a period on which nothing has been reported yet, so each period keeps its target; a
 * prototype KPI is changed only through its review, and takes no actual for a period after its review date until
 * reviewed.
 */
public final class Contracting {

    /** A KPI: its versions in order, where it comes from, whether retired, the review a prototype still awaits. */
    record Kpi(
            List<Version> versions,
            MeasureRef derivedFrom,
            boolean retired,
            LocalDate reviewBy,
            Set<LocalDate> reported) {
        Version current() {
            return versions.get(versions.size() - 1);
        }
    }

    record Version(int version, KpiTerms terms, LocalDate effectiveFrom) {}

    private String contractId;
    private String commissionerId;
    private String providerId;
    private LocalDate start;
    private LocalDate end;
    private int window;
    private final List<String> programmeIds = new ArrayList<>();
    private ContractStatus status;
    private final Map<String, Kpi> kpis = new LinkedHashMap<>();
    private final Map<String, KpiProposed> openProposals = new LinkedHashMap<>();
    private final Set<String> decidedProposals = new LinkedHashSet<>();
    private final Set<String> reviews = new LinkedHashSet<>();

    // ---- decisions

    public static List<Object> draft(DraftContract c, String actor, Parties parties, ProgrammeFacts programmes) {
        parties.requireKind(
                c.commissionerId(), OrganisationKind.COMMISSIONING, "contract-between-commissioner-and-provider");
        parties.requireKind(c.providerId(), OrganisationKind.PROVIDER, "contract-between-commissioner-and-provider");
        if (!parties.actsFor(c.commissionerId(), actor)) {
            throw new RuleViolation(
                    "commissioner-drafts",
                    "a contract is drafted by a user of its commissioning organisation (" + c.commissionerId() + ")");
        }
        for (String programmeId : c.programmeIds()) {
            if (!programmes.exists(programmeId)) {
                throw new UnknownReference("programme", programmeId);
            }
        }
        return List.of(new ContractDrafted(
                c.contractId(),
                c.commissionerId(),
                c.providerId(),
                c.service(),
                c.periodStart(),
                c.periodEnd(),
                c.programmeIds(),
                c.reportingWindowDays()));
    }

    public List<Object> agreeKpi(AgreeKpi c, String actor, Parties parties, ProgrammeFacts programmes) {
        requireCommissioner(parties, actor, "commissioner-sets-kpis", "set a KPI");
        if (status != ContractStatus.DRAFT) {
            throw new RuleViolation(
                    "kpis-set-before-provider-agrees",
                    "the KPIs are set while the draft waits for the provider's agreement; the contract is " + status
                            + " (propose or revise instead)");
        }
        requireNewKpi(c.kpiId());
        requireTraced(c.terms(), c.derivedFrom(), c.justification(), programmes);
        return List.of(
                new KpiAgreed(contractId, c.kpiId(), c.terms(), c.derivedFrom(), c.justification(), start, null));
    }

    public List<Object> agree(AgreeContract c, String actor, Parties parties) {
        if (!parties.actsFor(providerId, actor)) {
            throw new RuleViolation(
                    "provider-agrees-for-itself",
                    "only a user of the provider (" + providerId + ") agrees the contract for it");
        }
        if (status != ContractStatus.DRAFT) {
            throw new RuleViolation("provider-agrees-once", "the provider has already agreed this contract");
        }
        if (kpis.isEmpty()) {
            throw new RuleViolation("contract-has-kpis", "a contract is agreed with at least one KPI");
        }
        return List.of(new ProviderAgreed(contractId, providerId, c.comment()));
    }

    public List<Object> activate(ActivateContract c, String actor, Parties parties) {
        requireCommissioner(parties, actor, "commissioner-activates", "activate the contract");
        if (status == ContractStatus.DRAFT) {
            throw new RuleViolation(
                    "provider-agrees-before-activation",
                    "a contract is active only once its provider has agreed it; it is still a draft");
        }
        if (status == ContractStatus.ACTIVE) {
            throw new RuleViolation("activated-once", "the contract is already active");
        }
        return List.of(new ContractActivated(contractId));
    }

    public List<Object> revise(ReviseKpi c, String actor, Parties parties) {
        requireCommissioner(parties, actor, "commissioner-revises", "revise a KPI");
        requireActive("revisions-on-active-contracts", "revised");
        Kpi kpi = requireKpi(c.kpiId());
        if (kpi.reviewBy() != null) {
            throw new RuleViolation(
                    "prototype-changed-through-its-review",
                    "KPI " + c.kpiId() + " is a prototype awaiting its review (by " + kpi.reviewBy()
                            + "): change it by reviewing it");
        }
        requireRevisable(c.kpiId(), kpi, c.terms(), c.effectiveFrom());
        return List.of(revised(c.kpiId(), kpi, c.terms(), c.effectiveFrom(), c.reason(), null));
    }

    public List<Object> propose(ProposeKpi c, String actor, Parties parties, ProgrammeFacts programmes) {
        if (!parties.actsFor(providerId, actor)) {
            throw new RuleViolation(
                    "provider-proposes",
                    "KPIs and revisions are proposed by users of the provider (" + providerId + ")");
        }
        requireActive("proposals-on-active-contracts", "given proposals");
        if (openProposals.containsKey(c.proposalId()) || decidedProposals.contains(c.proposalId())) {
            throw new RuleViolation("proposal-ids-unique", "proposal id '" + c.proposalId() + "' is already used");
        }
        Kpi existing = kpis.get(c.kpiId());
        if (existing != null) {
            requireRevisable(c.kpiId(), existing, c.terms(), c.effectiveFrom());
        } else {
            requireTraced(c.terms(), c.derivedFrom(), c.justification(), programmes);
            requirePeriodStart(c.terms().cadence(), c.effectiveFrom());
        }
        return List.of(new KpiProposed(
                contractId,
                c.proposalId(),
                c.kpiId(),
                existing != null,
                c.terms(),
                existing != null ? existing.derivedFrom() : c.derivedFrom(),
                c.justification(),
                c.effectiveFrom(),
                c.reason()));
    }

    public List<Object> decide(DecideProposal c, String actor, Parties parties) {
        requireCommissioner(parties, actor, "commissioner-decides-proposals", "accept or decline a proposal");
        if (decidedProposals.contains(c.proposalId())) {
            throw new RuleViolation("proposal-decided-once", "proposal " + c.proposalId() + " is already decided");
        }
        KpiProposed p = openProposals.get(c.proposalId());
        if (p == null) {
            throw new UnknownReference("proposal", c.proposalId());
        }
        if (!c.accept()) {
            return List.of(new ProposalDeclined(contractId, c.proposalId(), c.reason()));
        }
        List<Object> events = new ArrayList<>();
        events.add(new ProposalAccepted(contractId, c.proposalId(), c.reason()));
        if (p.revision()) {
            Kpi kpi = requireKpi(p.kpiId());
            requireRevisable(p.kpiId(), kpi, p.terms(), p.effectiveFrom());
            events.add(revised(p.kpiId(), kpi, p.terms(), p.effectiveFrom(), p.reason(), p.proposalId()));
        } else {
            requireNewKpi(p.kpiId());
            events.add(new KpiAgreed(
                    contractId,
                    p.kpiId(),
                    p.terms(),
                    p.derivedFrom(),
                    p.justification(),
                    p.effectiveFrom(),
                    p.proposalId()));
        }
        return events;
    }

    public List<Object> reviewPrototype(ReviewPrototypeKpi c, String actor, Parties parties) {
        requireCommissioner(parties, actor, "commissioner-reviews-prototypes", "review a prototype KPI");
        requireActive("prototype-reviews-on-active-contracts", "reviewed");
        Kpi kpi = requireKpi(c.kpiId());
        if (kpi.reviewBy() == null) {
            throw new RuleViolation(
                    "prototype-reviewed-once",
                    "KPI " + c.kpiId()
                            + " is not a prototype awaiting review (reviewed already, or never a prototype)");
        }
        List<Object> events = new ArrayList<>();
        events.add(new PrototypeKpiReviewed(contractId, c.kpiId(), c.outcome(), c.reason()));
        if (c.outcome() == PrototypeOutcome.REVISE) {
            requireRevisable(c.kpiId(), kpi, c.terms(), c.effectiveFrom());
            events.add(revised(c.kpiId(), kpi, c.terms(), c.effectiveFrom(), c.reason(), null));
        }
        return events;
    }

    public List<Object> report(ReportActual c, String actor, Parties parties, ProgrammeFacts programmes) {
        String party = partyOf(parties, actor)
                .orElseThrow(() -> new RuleViolation(
                        "parties-report", "actuals are reported by users of the contract's provider or commissioner"));
        requireActive("actuals-for-active-contracts", "given actuals");
        Kpi kpi = requireKpi(c.kpiId());
        if (kpi.retired()) {
            throw new RuleViolation("retired-kpi-takes-no-actuals", "KPI " + c.kpiId() + " is retired");
        }
        KpiTerms terms = kpi.current().terms();
        Cadence.Period period = requirePeriodStart(terms.cadence(), c.periodStart());
        if (kpi.reported().contains(period.start())) {
            throw new RuleViolation(
                    "one-actual-per-period",
                    "KPI " + c.kpiId() + " already has an actual for the period starting " + period.start());
        }
        if (kpi.reviewBy() != null && period.start().isAfter(kpi.reviewBy())) {
            throw new RuleViolation(
                    "prototype-kpi-reviewed",
                    "prototype KPI " + c.kpiId() + " was to be reviewed by " + kpi.reviewBy()
                            + "; review it (keep, revise or retire) before reporting later periods");
        }
        if (terms.kind() == MeasureKind.QUANTITATIVE) {
            Reading.validatedNumber(c.value(), period.start(), "actual");
        }
        for (int i = 0; i < c.evidence().size(); i++) {
            Evidence e = c.evidence().get(i);
            if (e.statementId() == null) {
                continue;
            }
            if (!programmeIds.contains(e.programmeId())) {
                throw new RuleViolation(
                        "evidence-from-linked-programme",
                        "evidence[" + i + "] names a statement of programme " + e.programmeId()
                                + ", which this contract is not linked to");
            }
            if (!programmes.hasStatement(e.programmeId(), e.statementId())) {
                throw new UnknownReference("statement", e.statementId());
            }
        }
        return List.of(new ActualReported(
                contractId,
                c.kpiId(),
                period.start(),
                period.end(),
                period.end().plusDays(window),
                c.value(),
                c.evidence(),
                party));
    }

    public List<Object> holdReview(HoldContractReview c, String actor, Parties parties) {
        if (partyOf(parties, actor).isEmpty()) {
            throw new RuleViolation(
                    "parties-review", "a contract review is recorded by a user of its commissioner or provider");
        }
        requireActive("reviews-of-active-contracts", "reviewed");
        if (reviews.contains(c.reviewId())) {
            throw new RuleViolation("review-ids-unique", "review id '" + c.reviewId() + "' is already used");
        }
        return List.of(new ContractReviewHeld(contractId, c.reviewId(), c.heldOn(), c.outcomes(), c.actions()));
    }

    // ---- checks

    private void requireCommissioner(Parties parties, String actor, String rule, String act) {
        if (!parties.actsFor(commissionerId, actor)) {
            throw new RuleViolation(
                    rule, "only a user of the commissioner (" + commissionerId + ") may " + act + " on this contract");
        }
    }

    private Optional<String> partyOf(Parties parties, String actor) {
        if (parties.actsFor(providerId, actor)) {
            return Optional.of(providerId);
        }
        return parties.actsFor(commissionerId, actor) ? Optional.of(commissionerId) : Optional.empty();
    }

    private void requireActive(String rule, String what) {
        if (status != ContractStatus.ACTIVE) {
            throw new RuleViolation(
                    rule, "only an active contract's KPIs are " + what + "; this contract is " + status);
        }
    }

    private Kpi requireKpi(String kpiId) {
        Kpi kpi = kpis.get(kpiId);
        if (kpi == null) {
            throw new UnknownReference("kpi", kpiId);
        }
        return kpi;
    }

    private void requireNewKpi(String kpiId) {
        if (kpis.containsKey(kpiId)) {
            throw new RuleViolation("kpi-ids-unique", "KPI id '" + kpiId + "' is already used on this contract");
        }
    }

    private void requireTraced(
            KpiTerms terms, MeasureRef derivedFrom, String justification, ProgrammeFacts programmes) {
        if (derivedFrom == null) {
            if (justification == null) {
                throw new RuleViolation(
                        "untraced-kpi-justified",
                        "a KPI not derived from a programme's measure needs a written justification (it is reported "
                                + "untraced)");
            }
            return;
        }
        if (!programmeIds.contains(derivedFrom.programmeId())) {
            throw new RuleViolation(
                    "kpi-measure-from-linked-programme",
                    "the measure's programme " + derivedFrom.programmeId() + " is not linked to this contract");
        }
        MeasureKind kind = programmes
                .measureKind(derivedFrom.programmeId(), derivedFrom.measureId())
                .orElseThrow(() -> new UnknownReference("measure", derivedFrom.measureId()));
        if (kind != terms.kind()) {
            throw new RuleViolation(
                    "kpi-kind-matches-measure",
                    "measure " + derivedFrom.measureId() + " is " + kind + "; a KPI derived from it is too");
        }
    }

    private Cadence.Period requirePeriodStart(Cadence cadence, LocalDate periodStart) {
        return cadence.period(start, end, periodStart)
                .orElseThrow(() -> new RuleViolation(
                        "period-defined-by-cadence",
                        periodStart + " does not start a " + cadence + " period of the contract (" + start + " to "
                                + end + "); periods start on "
                                + cadence.periods(start, end).stream()
                                        .limit(4)
                                        .map(p -> p.start().toString())
                                        .toList() + "…"));
    }

    private void requireRevisable(String kpiId, Kpi kpi, KpiTerms terms, LocalDate effectiveFrom) {
        if (kpi.retired()) {
            throw new RuleViolation("retired-kpi-stays-retired", "KPI " + kpiId + " is retired");
        }
        KpiTerms current = kpi.current().terms();
        if (terms.kind() != current.kind() || terms.cadence() != current.cadence()) {
            throw new RuleViolation(
                    "revision-keeps-kind-and-cadence",
                    "a revision keeps the KPI's kind (" + current.kind() + ") and cadence (" + current.cadence()
                            + "); agree a new KPI instead");
        }
        requirePeriodStart(current.cadence(), effectiveFrom);
        boolean reportedSince = kpi.reported().stream().anyMatch(p -> !p.isBefore(effectiveFrom));
        if (reportedSince || effectiveFrom.isBefore(kpi.current().effectiveFrom())) {
            throw new RuleViolation(
                    "revision-not-retroactive",
                    "a revision is in force from a period with no actual yet and not before the version in force ("
                            + kpi.current().effectiveFrom() + "): each period is judged against the target in "
                            + "force for it");
        }
    }

    private KpiRevised revised(
            String kpiId, Kpi kpi, KpiTerms terms, LocalDate effectiveFrom, String reason, String proposalId) {
        return new KpiRevised(contractId, kpiId, kpi.current().version() + 1, terms, effectiveFrom, reason, proposalId);
    }

    // ---- evolution

    public void evolve(ContractDrafted e) {
        contractId = e.contractId();
        commissionerId = e.commissionerId();
        providerId = e.providerId();
        start = e.periodStart();
        end = e.periodEnd();
        window = e.reportingWindowDays();
        programmeIds.addAll(e.programmeIds());
        status = ContractStatus.DRAFT;
    }

    public void evolve(KpiAgreed e) {
        kpis.put(
                e.kpiId(),
                new Kpi(
                        List.of(new Version(1, e.terms(), e.effectiveFrom())),
                        e.derivedFrom(),
                        false,
                        e.terms().prototype() ? e.terms().reviewBy() : null,
                        Set.of()));
    }

    public void evolve(KpiRevised e) {
        Kpi kpi = kpis.get(e.kpiId());
        List<Version> versions = new ArrayList<>(kpi.versions());
        versions.add(new Version(e.version(), e.terms(), e.effectiveFrom()));
        kpis.put(
                e.kpiId(),
                new Kpi(
                        List.copyOf(versions),
                        kpi.derivedFrom(),
                        false,
                        e.terms().prototype() ? e.terms().reviewBy() : null,
                        kpi.reported()));
    }

    public void evolve(ProviderAgreed e) {
        status = ContractStatus.AGREED;
    }

    public void evolve(ContractActivated e) {
        status = ContractStatus.ACTIVE;
    }

    public void evolve(KpiProposed e) {
        openProposals.put(e.proposalId(), e);
    }

    public void evolve(ProposalAccepted e) {
        decided(e.proposalId());
    }

    public void evolve(ProposalDeclined e) {
        decided(e.proposalId());
    }

    private void decided(String proposalId) {
        openProposals.remove(proposalId);
        decidedProposals.add(proposalId);
    }

    public void evolve(PrototypeKpiReviewed e) {
        Kpi kpi = kpis.get(e.kpiId());
        kpis.put(
                e.kpiId(),
                new Kpi(
                        kpi.versions(),
                        kpi.derivedFrom(),
                        e.outcome() == PrototypeOutcome.RETIRE,
                        null,
                        kpi.reported()));
    }

    public void evolve(ActualReported e) {
        Kpi kpi = kpis.get(e.kpiId());
        Set<LocalDate> reported = new LinkedHashSet<>(kpi.reported());
        reported.add(e.periodStart());
        kpis.put(
                e.kpiId(),
                new Kpi(kpi.versions(), kpi.derivedFrom(), kpi.retired(), kpi.reviewBy(), Set.copyOf(reported)));
    }

    public void evolve(ContractReviewHeld e) {
        reviews.add(e.reviewId());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Contracting c
                && Objects.equals(contractId, c.contractId)
                && status == c.status
                && kpis.equals(c.kpis)
                && openProposals.equals(c.openProposals)
                && decidedProposals.equals(c.decidedProposals)
                && reviews.equals(c.reviews);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contractId, status, kpis);
    }
}
