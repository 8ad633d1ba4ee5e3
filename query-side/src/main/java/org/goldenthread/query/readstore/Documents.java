package org.goldenthread.query.readstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.goldenthread.kernel.PersonalDataVault;
import org.goldenthread.kernel.SealedText;

/** What every projection's store shares: upserts, ids as field names, sealed words as documents. */
public final class Documents {

    /** Update the document, creating it when missing. */
    public static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private Documents() {}

    /**
     * How many documents match {@code filter}, counted from their ids. Never {@code countDocuments}: the embedded
     * store (mongo-java-server) answers it, an aggregation, by loading every document of the collection into its heap
     * before matching any (the audit's total over a million entries, or a programme's figures over 261,000
     * statements, ran a 512 MiB heap out of memory), while a find streams the collection through the filter and keeps
     * only the ids that match.
     */
    public static long count(MongoCollection<?> collection, Bson filter) {
        long n = 0;
        try (MongoCursor<Document> ids = collection
                .withDocumentClass(Document.class)
                .find(filter)
                .projection(Projections.include("_id"))
                .batchSize(10_000)
                .iterator()) {
            while (ids.hasNext()) {
                ids.next();
                n++;
            }
        }
        return n;
    }

    /** Ids become field names; '.', '$' (and the escape '%') are escaped so any id is a safe key. */
    public static String fieldKey(String id) {
        return id.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    /** Sealed words as stored: {@code {keyRef, cipherText}} (null for none). */
    public static Document sealed(SealedText text) {
        return text == null ? null : new Document("keyRef", text.keyRef()).append("cipherText", text.cipherText());
    }

    /** The words stored sealed in {@code sealed}, opened; empty when there are none or their key is gone. */
    public static Optional<String> open(PersonalDataVault vault, Document sealed) {
        return sealed == null
                ? Optional.empty()
                : vault.open(new SealedText(sealed.getString("keyRef"), sealed.getString("cipherText")));
    }
}
