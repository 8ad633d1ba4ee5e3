package org.goldenthread.infra.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * An aggregate's events as the JDBC event table stores them (no upcasting, no deserialising): what the chain hashes.
 */
public final class StoredEvents {

    static final String OF_AGGREGATE = "SELECT type, aggregateIdentifier, sequenceNumber, payloadType, payloadRevision,"
            + " payload, metaData FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber";

    private final DataSource dataSource;

    public StoredEvents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<EventChain.Stored> of(String aggregateId) {
        List<EventChain.Stored> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(OF_AGGREGATE)) {
            s.setString(1, aggregateId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new EventChain.Stored(
                            r.getString(1),
                            r.getString(2),
                            r.getLong(3),
                            r.getString(4),
                            r.getString(5),
                            r.getBytes(6),
                            r.getBytes(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the stored events of " + aggregateId, e);
        }
        return out;
    }
}
