package org.tipsearch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A sidecar file {@code <report file>.meta.json} that corrects or adds what the text does not tell.
 * Every field is optional; a field that is present wins over what was read from the text.
 */
record MetadataOverrides(
        String id,
        String title,
        String kind,
        String body,
        Integer session,
        Integer sessionYear,
        String date,
        String endDate,
        String symbol) {

    static final String SUFFIX = ".meta.json";
    /** No corrections: what the text tells stands. */
    static final MetadataOverrides NONE = new MetadataOverrides(null, null, null, null, null, null, null, null, null);

    /** The sidecar of a report file, or an empty override where there is none. */
    static MetadataOverrides forReport(Path report) throws InvalidReportException {
        Path sidecar = report.resolveSibling(report.getFileName() + SUFFIX);
        if (!Files.exists(sidecar)) {
            return NONE;
        }
        try {
            return new ObjectMapper().readValue(sidecar.toFile(), MetadataOverrides.class);
        } catch (JsonProcessingException e) {
            throw new InvalidReportException(sidecar.getFileName() + ": not a valid metadata file: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidReportException(sidecar.getFileName() + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    ReportMetadata applyTo(ReportMetadata m) throws InvalidReportException {
        try {
            Session s = m.session();
            if (session != null || sessionYear != null) {
                int ordinal = session != null ? session : s == null ? 0 : s.ordinal();
                Integer year = sessionYear != null ? sessionYear : s == null ? null : s.year();
                s = new Session(ordinal, year);
            }
            LocalDate start = date != null ? LocalDate.parse(date) : m.date();
            LocalDate end = endDate != null ? LocalDate.parse(endDate) : date != null ? null : m.endDate();
            return new ReportMetadata(
                    id != null ? id : m.id(),
                    title != null ? title : m.title(),
                    kind != null ? ReportKind.fromId(kind) : m.kind(),
                    body != null ? body : m.body(),
                    s,
                    start,
                    end,
                    m.issued(),
                    symbol != null ? symbol : m.symbol(),
                    m.source());
        } catch (DateTimeParseException e) {
            throw new InvalidReportException(m.source() + SUFFIX + ": dates must be written YYYY-MM-DD: "
                    + e.getParsedString(), e);
        } catch (IllegalArgumentException e) {
            throw new InvalidReportException(m.source() + SUFFIX + ": " + e.getMessage(), e);
        }
    }
}
