package org.goldenthread.kernel.collect;

import java.util.List;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.Refusal;

/** The import was refused as a whole; {@code errors} lists every bad line with its reason. */
public class ImportRejected extends InvalidInput {
    private final List<LineError> errors;

    public ImportRejected(List<LineError> errors) {
        super("file", errors.size() + " bad line(s); nothing was imported");
        this.errors = List.copyOf(errors);
    }

    public List<LineError> errors() {
        return errors;
    }

    @Override
    public Refusal refusal() {
        return new Refusal(
                Refusal.Kind.INVALID_INPUT,
                getMessage(),
                field(),
                null,
                null,
                null,
                errors.stream()
                        .map(e -> new Refusal.Line(e.line(), e.field(), e.rule(), e.reason()))
                        .toList());
    }
}
