package org.goldenthread.kernel.align;

import java.util.List;

/**
 * The two parties' values and their cover: for each party, which of its values the other party's cover and which
 * are uncovered; the behaviours both parties agreed to call out.
 */
public record AlignmentView(
        String alignmentId, String purpose, Party commissioner, Party provider, List<Value> agreedCallOuts) {

    public AlignmentView {
        agreedCallOuts = agreedCallOuts == null ? List.of() : List.copyOf(agreedCallOuts);
    }

    /** One party: its values, each with the other party's values covering it; the uncovered ones again. */
    public record Party(String organisationId, List<Value> values, List<Value> uncovered, boolean covered) {
        public Party {
            values = values == null ? List.of() : List.copyOf(values);
            uncovered = uncovered == null ? List.of() : List.copyOf(uncovered);
        }
    }

    public record Value(
            String valueId,
            ValueKind kind,
            String code,
            String text,
            String source,
            List<String> coveredBy,
            List<String> callOutAgreedBy) {
        public Value {
            coveredBy = coveredBy == null ? List.of() : List.copyOf(coveredBy);
            callOutAgreedBy = callOutAgreedBy == null ? List.of() : List.copyOf(callOutAgreedBy);
        }
    }
}
