package org.goldenthread.command.align;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.goldenthread.command.organisation.Parties;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.UnknownReference;
import org.goldenthread.kernel.align.*;
import org.goldenthread.kernel.organisation.OrganisationKind;

/**
 * The rules of aligning values, free of the framework: the alignment is between a commissioning and a provider
 * organisation and only their users act on it; each party records its own values (the party is the organisation the
 * actor acts for); a cover link joins a value of one party to a value of the other, once; a party agrees to call out
 * its own or the other's behaviour once, and the call-out is agreed when both have.
 */
public final class ValuesAlignment {

    private String alignmentId;
    private String commissionerId;
    private String providerId;
    private final Map<String, String> partyOfValue = new LinkedHashMap<>();
    private final Set<List<String>> links = new LinkedHashSet<>();
    private final Map<String, Set<String>> callOuts = new LinkedHashMap<>();

    public static List<Object> start(StartAlignment c, String actor, Parties parties) {
        parties.requireKind(
                c.commissionerId(), OrganisationKind.COMMISSIONING, "alignment-between-commissioner-and-provider");
        parties.requireKind(c.providerId(), OrganisationKind.PROVIDER, "alignment-between-commissioner-and-provider");
        if (!parties.actsFor(c.commissionerId(), actor) && !parties.actsFor(c.providerId(), actor)) {
            throw new RuleViolation(
                    "alignment-parties-act", "an alignment is started by a user of one of its two organisations");
        }
        return List.of(new AlignmentStarted(c.alignmentId(), c.commissionerId(), c.providerId(), c.purpose()));
    }

    public List<Object> record(RecordValue c, String actor, Parties parties) {
        String party = partyOf(actor, parties);
        if (partyOfValue.containsKey(c.valueId())) {
            throw new RuleViolation("value-ids-unique", "value id '" + c.valueId() + "' is already used");
        }
        return List.of(new ValueRecorded(alignmentId, c.valueId(), party, c.kind(), c.code(), c.text(), c.source()));
    }

    public List<Object> link(LinkValues c, String actor, Parties parties) {
        partyOf(actor, parties);
        String covering = requireValue(c.coveringValueId());
        String covered = requireValue(c.coveredValueId());
        if (covering.equals(covered)) {
            throw new RuleViolation(
                    "cover-links-two-parties",
                    "a cover link joins a value of one party to a value of the other; both are " + covering + "'s");
        }
        if (links.contains(List.of(c.coveringValueId(), c.coveredValueId()))) {
            throw new RuleViolation("cover-linked-once", "these values are already linked");
        }
        return List.of(new ValuesLinked(alignmentId, c.coveringValueId(), c.coveredValueId()));
    }

    public List<Object> unlink(UnlinkValues c, String actor, Parties parties) {
        partyOf(actor, parties);
        if (!links.contains(List.of(c.coveringValueId(), c.coveredValueId()))) {
            throw new RuleViolation("cover-link-known", "these values are not linked");
        }
        return List.of(new ValuesUnlinked(alignmentId, c.coveringValueId(), c.coveredValueId(), c.reason()));
    }

    public List<Object> agreeToCallOut(AgreeToCallOut c, String actor, Parties parties) {
        String party = partyOf(actor, parties);
        requireValue(c.valueId());
        Set<String> agreed = callOuts.getOrDefault(c.valueId(), Set.of());
        if (agreed.contains(party)) {
            throw new RuleViolation("call-out-agreed-once", party + " has already agreed to call this behaviour out");
        }
        return List.of(new CallOutAgreed(alignmentId, c.valueId(), party, !agreed.isEmpty()));
    }

    private String partyOf(String actor, Parties parties) {
        if (parties.actsFor(commissionerId, actor)) {
            return commissionerId;
        }
        if (parties.actsFor(providerId, actor)) {
            return providerId;
        }
        throw new RuleViolation("alignment-parties-act", "only users of the alignment's two organisations act on it");
    }

    private String requireValue(String valueId) {
        String party = partyOfValue.get(valueId);
        if (party == null) {
            throw new UnknownReference("value", valueId);
        }
        return party;
    }

    public void evolve(AlignmentStarted e) {
        alignmentId = e.alignmentId();
        commissionerId = e.commissionerId();
        providerId = e.providerId();
    }

    public void evolve(ValueRecorded e) {
        partyOfValue.put(e.valueId(), e.partyId());
    }

    public void evolve(ValuesLinked e) {
        links.add(List.of(e.coveringValueId(), e.coveredValueId()));
    }

    public void evolve(ValuesUnlinked e) {
        links.remove(List.of(e.coveringValueId(), e.coveredValueId()));
    }

    public void evolve(CallOutAgreed e) {
        callOuts.computeIfAbsent(e.valueId(), v -> new LinkedHashSet<>()).add(e.partyId());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValuesAlignment a
                && Objects.equals(alignmentId, a.alignmentId)
                && partyOfValue.equals(a.partyOfValue)
                && links.equals(a.links)
                && callOuts.equals(a.callOuts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(alignmentId, partyOfValue, links);
    }
}
