package org.goldenthread.kernel.contract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** A contract review: what came out of it, and follow-up actions with owners and due dates. */
public record HoldContractReview(
        @TargetAggregateIdentifier String contractId,
        String reviewId,
        LocalDate heldOn,
        String outcomes,
        List<FollowUp> actions) {
    public HoldContractReview {
        Require.id("contractId", contractId);
        Require.id("reviewId", reviewId);
        Require.date("heldOn", heldOn);
        outcomes = Require.text("outcomes", outcomes, 5000);
        List<FollowUp> given = Require.optional("actions", actions);
        List<FollowUp> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            FollowUp f = given.get(i);
            String p = "actions[" + i + "].";
            out.add(new FollowUp(
                    Require.text(p + "action", f.action(), 1000),
                    Require.text(p + "owner", f.owner(), 200),
                    Require.date(p + "due", f.due())));
        }
        actions = List.copyOf(out);
    }
}
