package org.goldenthread.infra.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.goldenthread.kernel.programme.MembershipGranted;
import org.springframework.stereotype.Component;

/**
 * {@link MembershipGranted} revision 1 → 2: the field {@code organisation} (a name, which read like an organisation's
 * id once the Do stage registered organisations) is {@code organisationName}. Revision 1 was stored without a
 * revision, under today's type or the type's name before the kernel had its own root package
 * ({@code org.goldenthread.programme.MembershipGranted}); either is upcast, whichever order the upcasters run in.
 * Nothing stored is rewritten.
 */
@Component
public class MembershipGrantedUpcaster extends SingleEventUpcaster {

    static final String TODAY = MembershipGranted.class.getName();
    static final String BEFORE_THE_KERNEL_ROOT = "org.goldenthread.programme.MembershipGranted";
    static final String REVISION = "2";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String type = representation.getType().getName();
        return representation.getType().getRevision() == null
                && (type.equals(TODAY) || type.equals(BEFORE_THE_KERNEL_ROOT));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(TODAY, REVISION), JsonNode.class, MembershipGrantedUpcaster::renamed);
    }

    static JsonNode renamed(JsonNode payload) {
        if (payload instanceof ObjectNode object && object.has("organisation")) {
            object.set("organisationName", object.remove("organisation"));
        }
        return payload;
    }
}
