package org.goldenthread.kernel.programme;

import java.util.List;
import java.util.Map;

/** The programme as people see it: purpose, level, sample plan, participants, collection figures and advisories. */
public record ProgrammeView(
        String programmeId,
        String purpose,
        Level level,
        SamplePlan samplePlan,
        List<Participant> participants,
        int reviews,
        int statements,
        Map<String, Integer> statementsByCategory,
        int flaggedStatements,
        double flaggedShare,
        int peopleForgotten,
        List<Advisory> advisories) {

    public record Participant(String participantId, String name, String perspective, String username) {}
}
