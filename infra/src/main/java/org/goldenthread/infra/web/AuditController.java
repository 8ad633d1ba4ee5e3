package org.goldenthread.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.goldenthread.infra.security.Access;
import org.goldenthread.infra.security.Identity;
import org.goldenthread.infra.security.PartyAccess;
import org.goldenthread.infra.security.Rule;
import org.goldenthread.infra.store.ChainVerifier;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.UnknownReference;
import org.goldenthread.kernel.contract.ContractView;
import org.goldenthread.kernel.contract.FindContract;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tamper evidence for auditors: recompute a programme's (or a contract's) hash chain from its stored events and say
 * whether it holds, or the first event where it breaks and how (MISSING, REORDERED, INSERTED, ALTERED); given a head
 * published earlier, whether it is still in the chain.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Audit")
public class AuditController {

    private final ObjectProvider<ChainVerifier> verifier;
    private final PartyAccess parties;
    private final Acts acts;

    public AuditController(ObjectProvider<ChainVerifier> verifier, PartyAccess parties, Acts acts) {
        this.verifier = verifier;
        this.parties = parties;
        this.acts = acts;
    }

    @Access(Rule.OVERSEE)
    @GetMapping("/programmes/{programmeId}/audit/verify")
    @Operation(
            summary = "Recompute the programme's hash chain: verified (events, head hash) or the first break and how; "
                    + "with head, whether that published head is still in the chain")
    public ChainVerifier.Verification verifyProgramme(
            @PathVariable String programmeId,
            @Parameter(description = "a head hash published earlier (64 hex digits)") @RequestParam(required = false)
                    String head) {
        return verify("programme", programmeId, head);
    }

    @Access(Rule.PARTIES)
    @GetMapping("/contracts/{contractId}/audit/verify")
    @Operation(summary = "Recompute the contract's hash chain, as for a programme")
    public ChainVerifier.Verification verifyContract(
            @PathVariable String contractId,
            @Parameter(description = "a head hash published earlier (64 hex digits)") @RequestParam(required = false)
                    String head) {
        parties.requireParty(
                Identity.current().orElseThrow(),
                "contract",
                contractId,
                () -> acts.ask(new FindContract(contractId, null), ContractView.class),
                c -> List.of(c.commissionerId(), c.providerId()));
        return verify("contract", contractId, head);
    }

    private ChainVerifier.Verification verify(String kind, String id, String head) {
        if (head != null && !head.isBlank() && !head.strip().matches("[0-9a-f]{64}")) {
            throw new org.goldenthread.kernel.InvalidInput("head", "head must be a SHA-256 hash: 64 hex digits");
        }
        ChainVerifier v = verifier.getIfAvailable();
        if (v == null) {
            throw new RuleViolation(
                    "tamper-evidence-needs-the-jdbc-store",
                    "the hash chain is kept by the JDBC event store (embedded H2 or PostgreSQL), not Axon Server");
        }
        ChainVerifier.Verification result = v.verify(id, head == null || head.isBlank() ? null : head.strip());
        if (result == null) {
            throw new UnknownReference(kind, id);
        }
        return result;
    }
}
