package org.goldenthread.kernel.contract;

import java.util.ArrayList;
import java.util.List;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.Require;

/**
 * A quote or story reported with an actual; it may name a statement of a linked programme ({@code programmeId} and
 * {@code statementId} together), which joins it to the golden thread. Write evidence without names: it is not sealed.
 */
public record Evidence(EvidenceKind kind, String text, String programmeId, String statementId) {

    public static final int MAX = 20;

    public static List<Evidence> validated(List<Evidence> evidence) {
        List<Evidence> list = Require.optional("evidence", evidence);
        if (list.size() > MAX) {
            throw new InvalidInput("evidence", "at most " + MAX + " pieces of evidence per actual");
        }
        List<Evidence> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Evidence e = list.get(i);
            String f = "evidence[" + i + "].";
            Require.present(f + "kind", e.kind());
            String text = Require.text(f + "text", e.text(), 2000);
            boolean linked = e.programmeId() != null || e.statementId() != null;
            if (linked) {
                Require.id(f + "programmeId", e.programmeId());
                Require.id(f + "statementId", e.statementId());
            }
            out.add(new Evidence(e.kind(), text, e.programmeId(), e.statementId()));
        }
        return List.copyOf(out);
    }
}
