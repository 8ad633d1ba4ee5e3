package org.goldenthread.kernel;

/**
 * A person's words as stored in events and read models: encrypted under a per-person key held
 * outside the event store. {@code keyRef} names the key; {@code cipherText} is opaque (base64).
 */
public record SealedText(String keyRef, String cipherText) {}
