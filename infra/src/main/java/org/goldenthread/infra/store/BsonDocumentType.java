package org.goldenthread.infra.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * A read-model document as it is stored in the embedded file store: BSON, as it came over the wire, instead of H2's
 * default for a value it does not know (Java serialisation, with the class descriptors of the document, its maps,
 * lists and boxed numbers repeated in every document). BSON is about half the size and several times faster to write
 * and read, and a document read back from the file is data, never a Java object graph the file chose.
 *
 * <p>Values are not ordered (a collection's documents are keyed by their {@code _id}): {@link #compare} says only
 * whether two documents are equal, which is all H2 asks of a value.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private BsonDocumentType() {}

    @Override
    public int getMemory(Document document) {
        return estimate(document);
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice(buffer.position(), length));
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(buffer.position() + length);
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    @Override
    public int compare(Document a, Document b) {
        return a == b || (a != null && a.equals(b)) ? 0 : 1; // H2 asks only whether two values are the same
    }

    /** Bytes a document takes on the heap, roughly: what H2's page cache counts it as. */
    static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int n = 64;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                n += 48 + estimate(e.getKey()) + estimate(e.getValue());
            }
            return n;
        }
        if (value instanceof Collection<?> list) {
            int n = 40;
            for (Object o : list) {
                n += 8 + estimate(o);
            }
            return n;
        }
        if (value instanceof CharSequence s) {
            return 48 + s.length();
        }
        return 24;
    }
}
