package org.goldenthread.infra.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.goldenthread.kernel.PersonalDataVault;
import org.goldenthread.kernel.SealedText;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Crypto-shredding: a person's words are sealed (AES-256-GCM) under their own key, which the {@link PersonKeyStore}
 * holds wrapped by the {@link MasterKey} — outside the event store and the read store, so the read store can be dropped
 * and rebuilt without losing anyone's words, and a copy of either store alone reveals none.
 *
 * <p>Erasure: {@link #tombstone} records in the event store's database, in the erasure act's own transaction, that the
 * person's words are never to be opened again ({@code erased_people}); {@link #open} checks it before any key, so the
 * words are gone from the moment the act commits, and a key that a restored backup of the key store brings back opens
 * nothing. The key itself is then destroyed by the erasure process ({@link #destroyKey}).
 *
 * <p>A key is durable before anything is sealed with it, so an event is never committed with words no key can open.
 */
public class SealingVault implements PersonalDataVault {

    private final PersonKeyStore keys;
    private final MasterKey master;
    private final JdbcTemplate tombstones;
    private final Map<String, SecretKey> cache = new ConcurrentHashMap<>();
    private final Set<String> erased = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();

    public SealingVault(PersonKeyStore keys, MasterKey master, DataSource eventDatabase) {
        this.keys = keys;
        this.master = master;
        this.tombstones = new JdbcTemplate(eventDatabase);
        tombstones.execute("CREATE TABLE IF NOT EXISTS erased_people (key_ref VARCHAR(400) PRIMARY KEY, erased_at "
                + "TIMESTAMP NOT NULL)");
        erased.addAll(tombstones.queryForList("SELECT key_ref FROM erased_people", String.class));
    }

    static String keyRef(String programmeId, String person) {
        return programmeId + "/" + person;
    }

    @Override
    public SealedText seal(String programmeId, String person, String plainText) {
        String ref = keyRef(programmeId, person);
        if (erased.contains(ref)) {
            throw new IllegalStateException("the words of an erased person are never sealed again");
        }
        SecretKey key = cache.get(ref);
        if (key == null) {
            prepareKeys(programmeId, java.util.List.of(person));
            key = cache.get(ref);
        }
        try {
            return new SealedText(
                    ref,
                    Base64.getEncoder()
                            .encodeToString(AesGcm.seal(key, ref, plainText.getBytes(StandardCharsets.UTF_8), random)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal statement text", e);
        }
    }

    /** Creates the missing keys of these people in one go (durable once, before anything is sealed with them). */
    @Override
    public void prepareKeys(String programmeId, java.util.Collection<String> people) {
        Map<String, byte[]> fresh = new LinkedHashMap<>();
        for (String person : people) {
            String ref = keyRef(programmeId, person);
            if (!cache.containsKey(ref) && !fresh.containsKey(ref)) {
                fresh.put(ref, master.wrap(ref, MasterKey.freshKey(random)));
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        keys.createIfAbsent(fresh)
                .forEach((ref, wrapped) -> cache.put(ref, new SecretKeySpec(master.unwrap(ref, wrapped), "AES")));
    }

    @Override
    public Optional<String> open(SealedText sealed) {
        if (sealed == null || sealed.keyRef() == null || erased.contains(sealed.keyRef())) {
            return Optional.empty();
        }
        SecretKey key = cache.get(sealed.keyRef());
        if (key == null) {
            Optional<byte[]> wrapped = keys.find(sealed.keyRef());
            if (wrapped.isEmpty()) {
                return Optional.empty();
            }
            key = new SecretKeySpec(master.unwrap(sealed.keyRef(), wrapped.get()), "AES");
            cache.put(sealed.keyRef(), key);
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.cipherText());
            return Optional.of(new String(AesGcm.open(key, sealed.keyRef(), in), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public void tombstone(String programmeId, String person) {
        String ref = keyRef(programmeId, person);
        // the safer side first: hidden in this process at once, even before the act commits
        erased.add(ref);
        cache.remove(ref);
        tombstones.update(
                "INSERT INTO erased_people (key_ref, erased_at) SELECT ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM erased_people WHERE key_ref = ?)",
                ref,
                new java.sql.Timestamp(System.currentTimeMillis()),
                ref);
    }

    @Override
    public void destroyKey(String programmeId, String person) {
        String ref = keyRef(programmeId, person);
        cache.remove(ref);
        keys.destroy(ref);
    }

    /** Whether the person's words are tombstoned. */
    public boolean erased(String programmeId, String person) {
        return erased.contains(keyRef(programmeId, person));
    }
}
