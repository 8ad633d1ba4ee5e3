package org.goldenthread.kernel.contract;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ContractReviewHeld(
        String contractId, String reviewId, LocalDate heldOn, String outcomes, List<FollowUp> actions) {
    public ContractReviewHeld {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
