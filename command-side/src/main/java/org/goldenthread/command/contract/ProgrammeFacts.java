package org.goldenthread.command.contract;

import java.util.Optional;
import org.goldenthread.kernel.success.MeasureKind;

/** What a contract asks of the programmes it is linked to. */
public interface ProgrammeFacts {

    boolean exists(String programmeId);

    /** The kind of the programme's measure; empty when the programme has no measure by this id. */
    Optional<MeasureKind> measureKind(String programmeId, String measureId);

    boolean hasStatement(String programmeId, String statementId);
}
