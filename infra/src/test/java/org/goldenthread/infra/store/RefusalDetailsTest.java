package org.goldenthread.infra.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.goldenthread.kernel.Refusal;
import org.goldenthread.kernel.collect.ImportRejected;
import org.goldenthread.kernel.collect.LineError;
import org.junit.jupiter.api.Test;

/**
 * A refusal crosses Axon Server as a command's error details, written and read by the Jackson serializer: the bad
 * lines of an import arrive whole.
 */
class RefusalDetailsTest {

    @Test
    void an_import_refusal_survives_serialization_as_error_details() {
        ObjectMapper mapper = new AxonConfiguration().defaultAxonObjectMapper();
        JacksonSerializer serializer =
                JacksonSerializer.builder().objectMapper(mapper).build();
        Refusal refusal = new ImportRejected(List.of(
                        new LineError(3, "category", "invalid-input", "category must be one of …"),
                        new LineError(5, "priority", "priority-once-per-category", "priority 1 is already given")))
                .refusal();

        SerializedObject<byte[]> written = serializer.serialize(refusal, byte[].class);
        Refusal read = serializer.deserialize(written);

        assertThat(read).isEqualTo(refusal);
        assertThat(read.lines())
                .extracting(Refusal.Line::line, Refusal.Line::rule)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "invalid-input"),
                        org.assertj.core.groups.Tuple.tuple(5, "priority-once-per-category"));
    }
}
