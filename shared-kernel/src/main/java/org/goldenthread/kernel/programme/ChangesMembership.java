package org.goldenthread.kernel.programme;

/**
 * A command that changes who may see or do what in a programme (launch, grant, revoke): access checks read the
 * membership view only once it has processed the last of these.
 */
public interface ChangesMembership extends org.goldenthread.kernel.ChangesAccess {
    String programmeId();
}
