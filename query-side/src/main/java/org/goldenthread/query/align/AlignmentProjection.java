package org.goldenthread.query.align;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.codecs.pojo.annotations.BsonId;
import org.goldenthread.kernel.align.*;
import org.goldenthread.query.readstore.DocumentCollection;
import org.goldenthread.query.readstore.Elements;
import org.goldenthread.query.readstore.ReadModelVersion;

/**
 * Values alignments: one document per alignment with both parties' values, the cover links in force and who agreed
 * which call-out; {@link FindAlignment} answers the cover of each party (its values covered by the other's, the
 * uncovered listed) and the behaviours both agreed to call out.
 *
 * <p>Collection {@code alignments}.
 */
@ReadModelVersion(1)
@ProcessingGroup(AlignmentProjection.PROCESSING_GROUP)
public class AlignmentProjection {

    public static final String PROCESSING_GROUP = "alignment";

    public record Value(
            String valueId,
            String partyId,
            ValueKind kind,
            String code,
            String text,
            String source,
            List<String> callOutBy) {
        public Value {
            callOutBy = callOutBy == null ? List.of() : List.copyOf(callOutBy);
        }
    }

    public record Cover(String covering, String covered) {}

    public record Doc(
            @BsonId String id,
            String commissionerId,
            String providerId,
            String purpose,
            List<Value> values,
            List<Cover> links) {
        public Doc {
            values = values == null ? List.of() : List.copyOf(values);
            links = links == null ? List.of() : List.copyOf(links);
        }
    }

    private final DocumentCollection<Doc> alignments;

    public AlignmentProjection(MongoDatabase database) {
        alignments = new DocumentCollection<>(database, "alignments", Doc.class, Doc::id);
    }

    @ResetHandler
    public void reset() {
        alignments.drop();
    }

    @EventHandler
    public void on(AlignmentStarted e) {
        Doc d = alignments.find(e.alignmentId()).orElseGet(() -> alignments.blank(e.alignmentId()));
        alignments.put(new Doc(d.id(), e.commissionerId(), e.providerId(), e.purpose(), d.values(), d.links()));
    }

    @EventHandler
    public void on(ValueRecorded e) {
        change(
                e.alignmentId(),
                d -> new Doc(
                        d.id(),
                        d.commissionerId(),
                        d.providerId(),
                        d.purpose(),
                        Elements.put(
                                d.values(),
                                Value::valueId,
                                e.valueId(),
                                v -> new Value(
                                        e.valueId(),
                                        e.partyId(),
                                        e.kind(),
                                        e.code(),
                                        e.text(),
                                        e.source(),
                                        v.callOutBy()),
                                () -> new Value(
                                        e.valueId(), e.partyId(), e.kind(), e.code(), e.text(), e.source(), null)),
                        d.links()));
    }

    @EventHandler
    public void on(ValuesLinked e) {
        change(
                e.alignmentId(),
                d -> withLinks(d, Elements.added(d.links(), List.of(cover(e.coveringValueId(), e.coveredValueId())))));
    }

    @EventHandler
    public void on(ValuesUnlinked e) {
        change(
                e.alignmentId(),
                d -> withLinks(d, Elements.removed(d.links(), cover(e.coveringValueId(), e.coveredValueId()))));
    }

    @EventHandler
    public void on(CallOutAgreed e) {
        change(
                e.alignmentId(),
                d -> new Doc(
                        d.id(),
                        d.commissionerId(),
                        d.providerId(),
                        d.purpose(),
                        Elements.put(
                                d.values(),
                                Value::valueId,
                                e.valueId(),
                                v -> new Value(
                                        v.valueId(),
                                        v.partyId(),
                                        v.kind(),
                                        v.code(),
                                        v.text(),
                                        v.source(),
                                        Elements.added(v.callOutBy(), List.of(e.partyId()))),
                                () -> new Value(e.valueId(), null, null, null, null, null, null)),
                        d.links()));
    }

    private static Cover cover(String covering, String covered) {
        return new Cover(covering, covered);
    }

    private static Doc withLinks(Doc d, List<Cover> links) {
        return new Doc(d.id(), d.commissionerId(), d.providerId(), d.purpose(), d.values(), links);
    }

    private void change(String id, java.util.function.UnaryOperator<Doc> change) {
        alignments.find(id).ifPresent(d -> alignments.put(change.apply(d)));
    }

    @QueryHandler
    public AlignmentView handle(FindAlignment query) {
        return alignments
                .find(query.alignmentId())
                .map(AlignmentProjection::view)
                .orElse(null);
    }

    static AlignmentView view(Doc d) {
        List<AlignmentView.Value> agreed = new ArrayList<>();
        for (Value v : d.values()) {
            if (v.callOutBy().contains(d.commissionerId()) && v.callOutBy().contains(d.providerId())) {
                agreed.add(value(d, v));
            }
        }
        return new AlignmentView(d.id(), d.purpose(), party(d, d.commissionerId()), party(d, d.providerId()), agreed);
    }

    private static AlignmentView.Party party(Doc d, String partyId) {
        List<AlignmentView.Value> values = new ArrayList<>();
        List<AlignmentView.Value> uncovered = new ArrayList<>();
        for (Value v : d.values()) {
            if (partyId.equals(v.partyId())) {
                AlignmentView.Value view = value(d, v);
                values.add(view);
                if (view.coveredBy().isEmpty()) {
                    uncovered.add(view);
                }
            }
        }
        return new AlignmentView.Party(partyId, values, uncovered, uncovered.isEmpty());
    }

    private static AlignmentView.Value value(Doc d, Value v) {
        List<String> coveredBy = d.links().stream()
                .filter(l -> l.covered().equals(v.valueId()))
                .map(Cover::covering)
                .toList();
        return new AlignmentView.Value(v.valueId(), v.kind(), v.code(), v.text(), v.source(), coveredBy, v.callOutBy());
    }
}
