package org.goldenthread.infra.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much one request may carry ({@code goldenthread.limits.*}). Each limit, when exceeded, is answered with a
 * problem+json naming it ({@code limit}, {@code max}, {@code field}): 413 for a body, a CSV file, its rows or a
 * list; 400 for an id or a text field. The method's own per-field lengths (a statement at most 500 characters, …)
 * apply within these and are not configurable.
 *
 * @param maxBody       a JSON body (default 1MB)
 * @param maxCsv        a CSV file of statements (default 16MB)
 * @param maxCsvRows    rows of one CSV file (default 50,000)
 * @param maxListLength elements of any list in a body (default 1,000)
 * @param maxIdLength   characters of an id in a path or body (default 128)
 * @param maxTextLength characters of any text field in a body (default 5,000)
 */
@ConfigurationProperties("goldenthread.limits")
public record RequestLimits(
        DataSize maxBody,
        DataSize maxCsv,
        Integer maxCsvRows,
        Integer maxListLength,
        Integer maxIdLength,
        Integer maxTextLength) {

    public RequestLimits {
        maxBody = maxBody == null ? DataSize.ofMegabytes(1) : maxBody;
        maxCsv = maxCsv == null ? DataSize.ofMegabytes(16) : maxCsv;
        maxCsvRows = maxCsvRows == null ? 50_000 : maxCsvRows;
        maxListLength = maxListLength == null ? 1_000 : maxListLength;
        maxIdLength = maxIdLength == null ? 128 : maxIdLength;
        maxTextLength = maxTextLength == null ? 5_000 : maxTextLength;
    }

    public static RequestLimits defaults() {
        return new RequestLimits(null, null, null, null, null, null);
    }
}
