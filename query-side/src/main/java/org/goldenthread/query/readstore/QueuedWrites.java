package org.goldenthread.query.readstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Writes by update operator for projections that keep plain documents and never read them while handling events:
 * inside a {@link WriteBatch} they are queued and reach the store at the end of the batch in one ordered bulk write
 * per collection (so they apply in the order given, as if written at once); outside one they are written at once. A
 * handler whose event fails has its queued writes undone with its other writes ({@link WriteBatchSavepoints}).
 */
public final class QueuedWrites {

    private QueuedWrites() {}

    public static void updateOne(MongoCollection<Document> collection, Bson filter, Bson update) {
        write(collection, new UpdateOneModel<>(filter, update));
    }

    public static void updateOne(
            MongoCollection<Document> collection, Bson filter, Bson update, UpdateOptions options) {
        write(collection, new UpdateOneModel<>(filter, update, options));
    }

    public static void replaceOne(
            MongoCollection<Document> collection, Bson filter, Document replacement, ReplaceOptions options) {
        write(collection, new ReplaceOneModel<>(filter, replacement, options));
    }

    public static void deleteOne(MongoCollection<Document> collection, Bson filter) {
        write(collection, new DeleteOneModel<>(filter));
    }

    private static void write(MongoCollection<Document> collection, WriteModel<Document> write) {
        Optional<WriteBatch> batch = WriteBatch.current();
        if (batch.isPresent()) {
            batch.get().queue(collection, write);
        } else {
            collection.bulkWrite(List.of(write));
        }
    }
}
