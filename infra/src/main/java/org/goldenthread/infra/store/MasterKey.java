package org.goldenthread.infra.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that wraps every per-person key (AES-256-GCM, the key's reference as associated data): taken from
 * configuration ({@code goldenthread.keys.master-key}, e.g. the environment variable {@code
 * GOLDENTHREAD_KEYS_MASTER_KEY},
 * base64 of 32 bytes; or {@code goldenthread.keys.master-key-file}), never from the repository. In demo mode, when none
 * is configured, one is generated into the data directory, with a warning. So a copy of the key store alone, or of the
 * read store, reveals no words.
 */
public final class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    MasterKey(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalStateException(
                    "the master key must be 32 bytes (base64 of 32 random bytes, e.g. `openssl rand -base64 32`), not "
                            + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    static MasterKey from(String base64, String file, boolean demo, Path dataDir) {
        try {
            if (base64 != null && !base64.isBlank()) {
                return new MasterKey(Base64.getDecoder().decode(base64.strip()));
            }
            if (file != null && !file.isBlank()) {
                return new MasterKey(Base64.getDecoder()
                        .decode(Files.readString(Path.of(file)).strip()));
            }
            if (demo) {
                Path generated = dataDir.resolve("master.key");
                if (!Files.exists(generated)) {
                    Files.createDirectories(dataDir);
                    byte[] raw = new byte[32];
                    new SecureRandom().nextBytes(raw);
                    Files.writeString(generated, Base64.getEncoder().encodeToString(raw));
                    try {
                        Files.setPosixFilePermissions(generated, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException e) {
                        // not a POSIX file system
                    }
                }
                log.warn(
                        "DEMO MODE: the master key that wraps every person's key was generated into {} — "
                                + "next to the data it " + "protects. Configure goldenthread.keys.master-key (or "
                                + "GOLDENTHREAD_KEYS_MASTER_KEY) for real use.",
                        generated);
                return new MasterKey(
                        Base64.getDecoder().decode(Files.readString(generated).strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the master key", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the master key is not valid base64", e);
        }
        throw new IllegalStateException(
                "Refusing to start: no master key. Set goldenthread.keys.master-key (for example the "
                        + "environment variable GOLDENTHREAD_KEYS_MASTER_KEY=$(openssl rand -base64 32)) or "
                        + "goldenthread.keys.master-key-file; "
                        + "keep it out of the repository and out of the data directory. See the README, Security.");
    }

    static byte[] freshKey(SecureRandom random) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return generator.generateKey().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a key", e);
        }
    }

    byte[] wrap(String ref, byte[] personKey) {
        try {
            return AesGcm.seal(key, ref, personKey, random);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap a key", e);
        }
    }

    byte[] unwrap(String ref, byte[] wrapped) {
        try {
            return AesGcm.open(key, ref, wrapped);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the key of " + ref + " does not open with this master key (a wrong master key?)", e);
        }
    }
}
