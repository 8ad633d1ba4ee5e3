package org.goldenthread.command.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.goldenthread.kernel.PersonalDataVault;
import org.goldenthread.kernel.SealedText;
import org.goldenthread.kernel.programme.*;

/** A deterministic vault: seal gives ("programme/person", "sealed:" + text); remembers what it was asked. */
public class FakeVault implements PersonalDataVault {

    public final List<String> sealedPlainTexts = new ArrayList<>();
    public final List<String> destroyedKeys = new ArrayList<>();
    public final List<String> tombstones = new ArrayList<>();
    /** The unit-of-work phase at each tombstone call (null when no unit of work was active). */
    public final List<UnitOfWork.Phase> phasesAtTombstone = new ArrayList<>();
    /** The unit-of-work phase at each destroyKey call (null when no unit of work was active). */
    public final List<UnitOfWork.Phase> phasesAtDestroy = new ArrayList<>();

    public static SealedText sealed(String programmeId, String person, String text) {
        return new SealedText(programmeId + "/" + person, "sealed:" + text);
    }

    @Override
    public SealedText seal(String programmeId, String person, String plainText) {
        sealedPlainTexts.add(plainText);
        return sealed(programmeId, person, plainText);
    }

    @Override
    public Optional<String> open(SealedText sealed) {
        if (destroyedKeys.contains(sealed.keyRef()) || tombstones.contains(sealed.keyRef())) {
            return Optional.empty();
        }
        return Optional.of(sealed.cipherText().substring("sealed:".length()));
    }

    @Override
    public void tombstone(String programmeId, String person) {
        tombstones.add(programmeId + "/" + person);
        phasesAtTombstone.add(
                CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().phase() : null);
    }

    @Override
    public void destroyKey(String programmeId, String person) {
        destroyedKeys.add(programmeId + "/" + person);
        phasesAtDestroy.add(
                CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().phase() : null);
    }
}
