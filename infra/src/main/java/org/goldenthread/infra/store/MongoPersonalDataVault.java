package org.goldenthread.infra.store;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;
import org.goldenthread.kernel.PersonalDataVault;
import org.goldenthread.kernel.SealedText;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-person AES-256-GCM keys in the {@code person_keys} collection of the read store — outside the
 * event store, so destroying a key (ForgetPerson) makes every copy of that person's words in the
 * append-only log unreadable (crypto-shredding). Keys are cached in memory; a destroyed key leaves the cache too.
 *
 * <p>A key is durable before anything is sealed with it (so a statement's event is never committed with words no
 * key can open after a crash), and its destruction is durable before ForgetPerson is answered (so erased words do not
 * come back after a crash): written with a journaled majority write concern, then {@link ReadStoreSync synced}.
 */
@Component
public class MongoPersonalDataVault implements PersonalDataVault {

    static final String COLLECTION = "person_keys";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Keys per read or write when preparing many (mongo-java-server serves {@code _id $in} best in small batches). */
    private static final int BATCH = 128;

    private final MongoCollection<Document> keys;
    private final Map<String, SecretKey> cache = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    private final ReadStoreConfiguration.ReadStoreSync durable;

    public MongoPersonalDataVault(MongoDatabase readStore, ReadStoreConfiguration.ReadStoreSync durable) {
        this.keys = readStore.getCollection(COLLECTION).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
        this.durable = durable;
    }

    static String keyRef(String programmeId, String person) {
        return programmeId + "/" + person;
    }

    @Override
    public SealedText seal(String programmeId, String person, String plainText) {
        String ref = keyRef(programmeId, person);
        SecretKey key = cache.computeIfAbsent(ref, this::loadOrCreate);
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(ref.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plainText.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return new SealedText(ref, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal statement text", e);
        }
    }

    /**
     * Creates the missing keys of these people in bulk (insert-if-absent, so a key someone else created first is
     * kept), syncs once, and caches every one: the keys it created are known, only the others are read back.
     */
    @Override
    public void prepareKeys(String programmeId, java.util.Collection<String> people) {
        List<String> refs = people.stream().map(p -> keyRef(programmeId, p)).distinct()
                .filter(r -> !cache.containsKey(r)).toList();
        if (refs.isEmpty()) {
            return;
        }
        List<String> existing = new ArrayList<>();
        Map<String, SecretKey> created = new java.util.HashMap<>();
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            String now = Instant.now().toString();
            for (int from = 0; from < refs.size(); from += BATCH) {
                List<String> batch = refs.subList(from, Math.min(refs.size(), from + BATCH));
                List<WriteModel<Document>> writes = new ArrayList<>(batch.size());
                List<byte[]> fresh = new ArrayList<>(batch.size());
                for (String ref : batch) {
                    byte[] key = generator.generateKey().getEncoded();
                    fresh.add(key);
                    writes.add(new UpdateOneModel<>(Filters.eq("_id", ref),
                            Updates.combine(Updates.setOnInsert("key", new Binary(key)), Updates.setOnInsert("createdAt", now)),
                            new UpdateOptions().upsert(true)));
                }
                Set<Integer> inserted = new HashSet<>();
                keys.bulkWrite(writes, new BulkWriteOptions().ordered(true)).getUpserts().forEach(u -> inserted.add(u.getIndex()));
                for (int k = 0; k < batch.size(); k++) {
                    if (inserted.contains(k)) {
                        created.put(batch.get(k), new SecretKeySpec(fresh.get(k), "AES"));
                    } else {
                        existing.add(batch.get(k));
                    }
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create keys", e);
        }
        durable.sync();
        cache.putAll(created);
        for (int from = 0; from < existing.size(); from += BATCH) {
            keys.find(Filters.in("_id", existing.subList(from, Math.min(existing.size(), from + BATCH))))
                    .forEach(d -> cache.put(d.getString("_id"), new SecretKeySpec(d.get("key", Binary.class).getData(), "AES")));
        }
    }

    @Override
    public Optional<String> open(SealedText sealed) {
        if (sealed == null || sealed.keyRef() == null) {
            return Optional.empty();
        }
        SecretKey key = cache.get(sealed.keyRef());
        if (key == null) {
            key = load(sealed.keyRef());
            if (key == null) {
                return Optional.empty();
            }
            cache.put(sealed.keyRef(), key);
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.cipherText());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(sealed.keyRef().getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public void destroyKey(String programmeId, String person) {
        String ref = keyRef(programmeId, person);
        keys.deleteOne(Filters.eq("_id", ref));
        durable.sync();
        cache.remove(ref);
    }

    private SecretKey loadOrCreate(String ref) {
        SecretKey existing = load(ref);
        if (existing != null) {
            return existing;
        }
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            byte[] fresh = generator.generateKey().getEncoded();
            // insert-if-absent, then read back: whoever wrote first wins, so concurrent sealers agree on one key
            keys.updateOne(Filters.eq("_id", ref),
                    Updates.combine(Updates.setOnInsert("key", new Binary(fresh)),
                            Updates.setOnInsert("createdAt", Instant.now().toString())),
                    new UpdateOptions().upsert(true));
            durable.sync();
            SecretKey stored = load(ref);
            if (stored == null) {
                throw new IllegalStateException("key for " + ref + " vanished while being created");
            }
            return stored;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a key", e);
        }
    }

    private SecretKey load(String ref) {
        Document doc = keys.find(Filters.eq("_id", ref)).first();
        if (doc == null) {
            return null;
        }
        Binary key = doc.get("key", Binary.class);
        return new SecretKeySpec(key.getData(), "AES");
    }
}
