package org.goldenthread.query.contract;

import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.conversions.Bson;
import org.goldenthread.kernel.contract.*;
import org.goldenthread.kernel.contract.DashboardView.Due;
import org.goldenthread.kernel.contract.DashboardView.KpiPanel;
import org.goldenthread.kernel.contract.DashboardView.Point;
import org.goldenthread.kernel.implement.Reading;
import org.goldenthread.kernel.success.MeasureKind;
import org.goldenthread.query.contract.ContractStore.ActualDoc;
import org.goldenthread.query.contract.ContractStore.ContractDoc;
import org.goldenthread.query.contract.ContractStore.EvidenceDoc;
import org.goldenthread.query.contract.ContractStore.Forgotten;
import org.goldenthread.query.contract.ContractStore.KpiDoc;
import org.goldenthread.query.contract.ContractStore.ProposalDoc;
import org.goldenthread.query.contract.ContractStore.PrototypeReviewDoc;
import org.goldenthread.query.contract.ContractStore.VersionDoc;

/**
 * Contract views and KPI dashboards, as they stood at an instant: every act in a contract's document carries its
 * time, so the view at {@code asOf} is the document with the later acts left out. "Due" periods are those whose due
 * date had passed by {@code asOf}'s date (today's when none) without a report. Evidence naming a statement of a
 * person since forgotten is shown as {@code [erased]}, whatever the instant: erased words are never shown again.
 */
final class DashboardAssembly {

    static final String ERASED = "[erased]";

    private final ContractStore store;

    DashboardAssembly(ContractStore store) {
        this.store = store;
    }

    /** One contract at an instant, as the parties saw it. */
    private final class At {
        final ContractDoc doc;
        final Instant asOf;
        final Set<String> forgotten;

        At(ContractDoc doc, Instant asOf) {
            this.doc = doc;
            this.asOf = asOf;
            this.forgotten = forgotten(doc);
        }

        boolean seen(Instant t) {
            return t != null && (asOf == null || !t.isAfter(asOf));
        }

        boolean exists() {
            return doc.drafted() != null && seen(doc.draftedAct().at());
        }

        ContractStatus status() {
            if (doc.activated() != null && seen(doc.activated().at())) {
                return ContractStatus.ACTIVE;
            }
            return doc.agreed() != null && seen(doc.agreed().at()) ? ContractStatus.AGREED : ContractStatus.DRAFT;
        }

        LocalDate today() {
            return LocalDate.ofInstant(asOf == null ? Instant.now() : asOf, ZoneOffset.UTC);
        }

        List<KpiDoc> kpis() {
            return doc.kpis().stream().filter(k -> !versions(k).isEmpty()).toList();
        }

        /** The KPI's versions seen at the instant, in order (computed once per KPI). */
        private final Map<String, List<VersionDoc>> versions = new java.util.HashMap<>();

        List<VersionDoc> versions(KpiDoc k) {
            return versions.computeIfAbsent(
                    k.kpiId(),
                    id -> k.versions().stream()
                            .filter(v -> seen(v.at()))
                            .sorted(Comparator.comparing(VersionDoc::version))
                            .toList());
        }

        List<ActualDoc> actuals(KpiDoc k) {
            return k.actuals().stream()
                    .filter(a -> seen(a.at()))
                    .sorted(Comparator.comparing(ActualDoc::periodStart))
                    .toList();
        }

        List<PrototypeReviewDoc> reviews(KpiDoc k) {
            return k.reviews().stream()
                    .filter(r -> seen(r.at()))
                    .sorted(Comparator.comparing(PrototypeReviewDoc::at))
                    .toList();
        }

        VersionDoc current(KpiDoc k) {
            List<VersionDoc> versions = versions(k);
            return versions.get(versions.size() - 1);
        }

        /** The version in force for the period starting then: the latest whose effectiveFrom is not after it. */
        VersionDoc inForce(KpiDoc k, LocalDate periodStart) {
            List<VersionDoc> all = versions(k);
            VersionDoc found = all.get(0);
            for (VersionDoc v : all) {
                if (!v.effectiveFrom().isAfter(periodStart)) {
                    found = v;
                }
            }
            return found;
        }

        boolean retired(KpiDoc k) {
            return reviews(k).stream().anyMatch(r -> r.outcome() == PrototypeOutcome.RETIRE);
        }

        /** The date a prototype awaits its review by, or null: its version is a prototype not reviewed since. */
        LocalDate reviewDue(KpiDoc k) {
            VersionDoc v = current(k);
            if (!v.terms().prototype()) {
                return null;
            }
            boolean reviewedSince = reviews(k).stream().anyMatch(r -> !r.at().isBefore(v.at()));
            return reviewedSince ? null : v.terms().reviewBy();
        }

        ContractView.EvidenceView evidence(EvidenceDoc e) {
            Evidence x = e.evidence();
            boolean erased =
                    e.person() != null && forgotten.contains(ContractStore.forgottenId(x.programmeId(), e.person()));
            return new ContractView.EvidenceView(
                    x.kind(), erased ? ERASED : x.text(), x.programmeId(), x.statementId(), erased);
        }

        boolean late(ActualDoc a) {
            return LocalDate.ofInstant(a.at(), ZoneOffset.UTC).isAfter(a.dueBy());
        }
    }

    private Set<String> forgotten(ContractDoc doc) {
        List<String> ids = new ArrayList<>();
        for (KpiDoc k : doc.kpis()) {
            for (ActualDoc a : k.actuals()) {
                for (EvidenceDoc e : a.evidence()) {
                    if (e.person() != null) {
                        ids.add(ContractStore.forgottenId(e.evidence().programmeId(), e.person()));
                    }
                }
            }
        }
        Map<String, Forgotten> found = ids.isEmpty() ? Map.of() : store.forgotten.find(ids);
        return new HashSet<>(found.keySet());
    }

    // ---- contracts

    ContractView contract(String contractId, Instant asOf) {
        return store.contracts
                .find(contractId)
                .map(d -> new At(d, asOf))
                .filter(At::exists)
                .map(this::contract)
                .orElse(null);
    }

    List<ContractView> contracts(Set<String> organisationIds) {
        List<ContractView> out = new ArrayList<>();
        for (ContractDoc d : store.contracts.collection().find(visibleTo(organisationIds))) {
            At at = new At(d, null);
            if (at.exists()) {
                out.add(contract(at));
            }
        }
        out.sort(Comparator.comparing(ContractView::draftedAt).reversed());
        return out;
    }

    private static Bson visibleTo(Set<String> organisationIds) {
        if (organisationIds == null) {
            return Filters.empty();
        }
        return Filters.or(
                Filters.in("drafted.commissionerId", organisationIds),
                Filters.in("drafted.providerId", organisationIds));
    }

    private ContractView contract(At at) {
        ContractDoc d = at.doc;
        ContractDrafted c = d.drafted();
        List<ContractView.Kpi> kpis = new ArrayList<>();
        for (KpiDoc k : at.kpis()) {
            VersionDoc current = at.current(k);
            kpis.add(new ContractView.Kpi(
                    k.kpiId(),
                    current.terms().name(),
                    current.terms().level(),
                    k.derivedFrom() != null,
                    k.derivedFrom(),
                    k.justification(),
                    k.proposalId(),
                    at.retired(k),
                    at.reviewDue(k),
                    at.versions(k).stream()
                            .map(v -> new ContractView.Version(
                                    v.version(),
                                    v.terms(),
                                    v.effectiveFrom(),
                                    v.at(),
                                    v.by(),
                                    v.reason(),
                                    v.proposalId()))
                            .toList(),
                    at.actuals(k).stream()
                            .map(a -> new ContractView.Actual(
                                    a.periodStart(),
                                    a.periodEnd(),
                                    a.dueBy(),
                                    a.value(),
                                    at.late(a),
                                    a.at(),
                                    a.by(),
                                    a.partyId(),
                                    a.evidence().stream().map(at::evidence).toList()))
                            .toList(),
                    at.reviews(k).stream()
                            .map(r -> new ContractView.PrototypeReview(r.outcome(), r.reason(), r.at(), r.by()))
                            .toList()));
        }
        List<ContractView.Proposal> proposals = new ArrayList<>();
        for (ProposalDoc p : d.proposals()) {
            if (p.proposed() == null || !at.seen(p.at())) {
                continue;
            }
            boolean decided = p.decidedAt() != null && at.seen(p.decidedAt());
            KpiProposed e = p.proposed();
            proposals.add(new ContractView.Proposal(
                    e.proposalId(),
                    e.kpiId(),
                    e.revision(),
                    e.terms(),
                    e.derivedFrom(),
                    e.justification(),
                    e.effectiveFrom(),
                    e.reason(),
                    p.at(),
                    p.by(),
                    decided ? p.decision() : "OPEN",
                    decided ? p.decisionReason() : null,
                    decided ? p.decidedAt() : null,
                    decided ? p.decidedBy() : null));
        }
        List<ContractView.Review> reviews = d.reviews().stream()
                .filter(r -> at.seen(r.at()))
                .map(r -> new ContractView.Review(
                        r.held().reviewId(),
                        r.held().heldOn(),
                        r.held().outcomes(),
                        r.held().actions(),
                        r.at(),
                        r.by()))
                .toList();
        boolean agreed = d.agreed() != null && at.seen(d.agreed().at());
        boolean activated = d.activated() != null && at.seen(d.activated().at());
        return new ContractView(
                d.id(),
                c.commissionerId(),
                c.providerId(),
                c.service(),
                c.periodStart(),
                c.periodEnd(),
                c.programmeIds(),
                c.reportingWindowDays(),
                at.status(),
                d.draftedAct().at(),
                d.draftedAct().by(),
                agreed ? d.agreed().at() : null,
                agreed ? d.agreed().by() : null,
                agreed ? d.agreed().comment() : null,
                activated ? d.activated().at() : null,
                activated ? d.activated().by() : null,
                kpis,
                proposals,
                reviews);
    }

    // ---- dashboards

    DashboardView dashboard(String contractId, Instant asOf) {
        return store.contracts
                .find(contractId)
                .map(d -> new At(d, asOf))
                .filter(At::exists)
                .map(this::dashboard)
                .orElse(null);
    }

    List<DashboardView> dashboards(FindDashboards query) {
        List<Bson> filters = new ArrayList<>();
        filters.add(visibleTo(query.organisationIds()));
        if (query.providerId() != null) {
            filters.add(Filters.eq("drafted.providerId", query.providerId()));
        }
        if (query.programmeId() != null) {
            filters.add(Filters.eq("drafted.programmeIds", query.programmeId()));
        }
        List<DashboardView> out = new ArrayList<>();
        for (ContractDoc d : store.contracts.collection().find(Filters.and(filters))) {
            At at = new At(d, query.asOf());
            if (at.exists()) {
                out.add(dashboard(at));
            }
        }
        out.sort(Comparator.comparing(DashboardView::service).thenComparing(DashboardView::contractId));
        return out;
    }

    private DashboardView dashboard(At at) {
        ContractDrafted c = at.doc.drafted();
        ContractStatus status = at.status();
        List<KpiPanel> panels = new ArrayList<>();
        for (KpiDoc k : at.kpis()) {
            panels.add(panel(at, k, status));
        }
        int onTrack = 0, atRisk = 0, offTrack = 0, notJudged = 0, untraced = 0, due = 0;
        int outcome = 0, output = 0, input = 0;
        for (KpiPanel p : panels) {
            due += p.duePeriods().size();
            if (!p.why().traced()) {
                untraced++;
            }
            if (p.retired()) {
                continue;
            }
            KpiStatus s = p.latest() == null ? null : p.latest().status();
            if (s == KpiStatus.ON_TRACK) {
                onTrack++;
            } else if (s == KpiStatus.AT_RISK) {
                atRisk++;
            } else if (s == KpiStatus.OFF_TRACK) {
                offTrack++;
            } else {
                notJudged++;
            }
            switch (p.level()) {
                case OUTCOME -> outcome++;
                case OUTPUT -> output++;
                case INPUT -> input++;
            }
        }
        int inForce = outcome + output + input;
        return new DashboardView(
                at.doc.id(),
                c.service(),
                c.commissionerId(),
                c.providerId(),
                c.programmeIds(),
                status,
                c.periodStart(),
                c.periodEnd(),
                at.asOf,
                new DashboardView.Summary(onTrack, atRisk, offTrack, notJudged, untraced, due),
                new DashboardView.Mix(
                        outcome, output, input, inForce == 0 ? null : Math.round(outcome * 100f / inForce)),
                panels);
    }

    private KpiPanel panel(At at, KpiDoc k, ContractStatus status) {
        ContractDrafted c = at.doc.drafted();
        VersionDoc current = at.current(k);
        KpiTerms terms = current.terms();
        List<Point> series = new ArrayList<>();
        Set<LocalDate> reported = new HashSet<>();
        List<ContractView.EvidenceView> evidence = new ArrayList<>();
        for (ActualDoc a : at.actuals(k)) {
            reported.add(a.periodStart());
            VersionDoc v = at.inForce(k, a.periodStart());
            List<ContractView.EvidenceView> shown =
                    a.evidence().stream().map(at::evidence).toList();
            evidence.addAll(0, shown);
            series.add(point(a, v, at.late(a), shown));
        }
        Point latest = series.isEmpty() ? null : series.get(series.size() - 1);
        KpiTrend trend = null;
        List<Point> numbered = series.stream().filter(p -> p.number() != null).toList();
        if (numbered.size() >= 2 && terms.kind() == MeasureKind.QUANTITATIVE) {
            Point last = numbered.get(numbered.size() - 1);
            Double target = new Reading(last.target(), null, null).numeric();
            if (target != null) {
                trend = KpiJudgement.trend(
                        terms.direction(),
                        target,
                        numbered.get(numbered.size() - 2).number(),
                        last.number());
            }
        }
        boolean retired = at.retired(k);
        List<Due> duePeriods = new ArrayList<>();
        LocalDate firstPeriod = at.versions(k).get(0).effectiveFrom();
        if (status == ContractStatus.ACTIVE && !retired) {
            LocalDate today = at.today();
            for (Cadence.Period p : terms.cadence().periods(c.periodStart(), c.periodEnd())) {
                LocalDate dueBy = p.end().plusDays(c.reportingWindowDays());
                if (!p.start().isBefore(firstPeriod) && dueBy.isBefore(today) && !reported.contains(p.start())) {
                    duePeriods.add(new Due(p.start(), p.end(), dueBy));
                }
            }
        }
        LocalDate reviewDue = at.reviewDue(k);
        MeasureRef from = k.derivedFrom();
        return new KpiPanel(
                k.kpiId(),
                terms.name(),
                terms.kind(),
                terms.level(),
                terms.unit(),
                terms.direction(),
                terms.cadence(),
                terms.baseline(),
                terms.target(),
                terms.tolerance(),
                current.version(),
                terms.prototype(),
                terms.reviewBy(),
                reviewDue != null && reviewDue.isBefore(at.today()),
                retired,
                latest,
                trend,
                series,
                duePeriods,
                new DashboardView.Why(
                        from != null,
                        from,
                        k.justification(),
                        from == null
                                ? null
                                : "/api/programmes/" + from.programmeId() + "/thread?from=kpi:" + k.kpiId()
                                        + "&direction=back"),
                evidence);
    }

    private static Point point(ActualDoc a, VersionDoc v, boolean late, List<ContractView.EvidenceView> evidence) {
        KpiTerms t = v.terms();
        Double number = t.kind() == MeasureKind.QUANTITATIVE ? new Reading(a.value(), null, null).numeric() : null;
        Double target = t.kind() == MeasureKind.QUANTITATIVE ? t.targetNumber() : null;
        Double variance = null;
        KpiStatus status = null;
        if (number != null && target != null) {
            variance = KpiJudgement.variancePercent(target, number);
            status = KpiJudgement.status(t.direction(), target, t.tolerance() == null ? 0 : t.tolerance(), number);
        }
        return new Point(
                a.periodStart(),
                a.periodEnd(),
                a.value(),
                number,
                t.target(),
                t.tolerance(),
                v.version(),
                variance,
                status,
                late,
                a.dueBy(),
                a.at(),
                evidence);
    }
}
