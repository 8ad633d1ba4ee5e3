package org.goldenthread.kernel;

import java.util.Optional;

/**
 * Port to the per-person keys (crypto-shredding). Implemented by infra; the command side seals, the
 * query side opens, and {@code ForgetPerson} destroys the key so every copy of the words becomes unreadable.
 */
public interface PersonalDataVault {

    /** The text shown wherever a forgotten person's words used to be. */
    String ERASED = "[erased]";

    SealedText seal(String programmeId, String person, String plainText);

    /**
     * Makes sure each of these people has a key before their words are sealed, all at once: an import of
     * thousands of people creates (and makes durable) their keys in one go rather than one by one.
     */
    default void prepareKeys(String programmeId, java.util.Collection<String> people) {}

    /** The plain text, or empty when the key has been destroyed. */
    Optional<String> open(SealedText sealed);

    /**
     * Records, in the same transaction as the erasure's event, that the person's words must never be opened again:
     * from then on {@link #open} answers empty for them even while the key still exists (and even if a restored backup
     * brings a destroyed key back).
     */
    void tombstone(String programmeId, String person);

    /** Destroys the person's key; throws if the key store could not do it (the erasure process retries). Idempotent. */
    void destroyKey(String programmeId, String person);
}
