package org.goldenthread.infra.web;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.collect.ImportRow;
import org.goldenthread.kernel.collect.LineError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads the statements CSV ({@code person,category,priority,text}, UTF-8, RFC 4180 quoting, optional
 * header) into rows; the rules (categories, priorities, two per category…) are checked by the programme
 * itself, all rows at once. Shape errors (wrong number of fields) are reported per line here.
 */
@Component
public class StatementCsv {

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get();

    /** The rows that have the right shape, and a line error for every row that has not. */
    public record Parsed(List<ImportRow> rows, List<LineError> shapeErrors) {}

    private final RequestLimits limits;

    public StatementCsv(RequestLimits limits) {
        this.limits = limits;
    }

    public Parsed read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInput("file", "the CSV file is empty");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInput("file", "the CSV file is not valid UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<ImportRow> rows = new ArrayList<>();
        List<LineError> shapeErrors = new ArrayList<>();
        Map<String, String> reviewIds = new HashMap<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            boolean first = true;
            for (CSVRecord record : parser) {
                int line = (int) parser.getCurrentLineNumber();
                if (first) {
                    first = false;
                    if (record.size() >= 1
                            && record.get(0).toLowerCase(Locale.ROOT).equals("person")) {
                        continue; // header
                    }
                }
                if (rows.size() + shapeErrors.size() >= limits.maxCsvRows()) {
                    throw new LimitExceeded(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "max-csv-rows",
                            limits.maxCsvRows(),
                            "file",
                            "the CSV file has more than " + limits.maxCsvRows() + " rows (max-csv-rows); split it");
                }
                if (record.size() != 4) {
                    shapeErrors.add(new LineError(
                            line,
                            "line",
                            "four-fields",
                            "expected 4 fields (person,category,priority,text), found " + record.size()));
                    continue;
                }
                String person = record.get(0);
                String reviewId =
                        reviewIds.computeIfAbsent(person, p -> UUID.randomUUID().toString());
                rows.add(new ImportRow(
                        line,
                        UUID.randomUUID().toString(),
                        reviewId,
                        person,
                        record.get(1),
                        record.get(2),
                        record.get(3)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new InvalidInput("file", "the CSV file cannot be parsed: " + e.getMessage());
        }
        if (rows.isEmpty() && shapeErrors.isEmpty()) {
            throw new InvalidInput("file", "the CSV file has no statements");
        }
        return new Parsed(rows, shapeErrors);
    }
}
