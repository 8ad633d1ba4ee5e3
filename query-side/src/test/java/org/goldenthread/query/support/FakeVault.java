package org.goldenthread.query.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.goldenthread.kernel.PersonalDataVault;
import org.goldenthread.kernel.SealedText;

/** A vault that "encrypts" by keeping the words in a map; destroying a key makes its words unreadable. */
public final class FakeVault implements PersonalDataVault {

    private final Map<String, String> plain = new HashMap<>();
    private final Set<String> destroyed = new HashSet<>();
    private final AtomicInteger opens = new AtomicInteger();

    @Override
    public SealedText seal(String programmeId, String person, String plainText) {
        String keyRef = programmeId + "/" + person;
        String cipher = Base64.getEncoder()
                .encodeToString(("sealed:" + keyRef + ":" + plain.size()).getBytes(StandardCharsets.UTF_8));
        plain.put(cipher, plainText);
        return new SealedText(keyRef, cipher);
    }

    @Override
    public Optional<String> open(SealedText sealed) {
        opens.incrementAndGet();
        if (destroyed.contains(sealed.keyRef())) {
            return Optional.empty();
        }
        return Optional.ofNullable(plain.get(sealed.cipherText()));
    }

    @Override
    public void tombstone(String programmeId, String person) {
        destroyed.add(programmeId + "/" + person);
    }

    @Override
    public void destroyKey(String programmeId, String person) {
        destroyed.add(programmeId + "/" + person);
    }

    public int opens() {
        return opens.get();
    }
}
