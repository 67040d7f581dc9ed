package org.tipsearch.ingest;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What is known of a report as a whole.
 *
 * @param id       stable slug, the first part of every unit id
 * @param title    the report's title
 * @param kind     the report family
 * @param body     the body whose work it reports, e.g. "Working Group on Trafficking in Persons"; may be null
 * @param session  the Working Group session it belongs to; may be null
 * @param date     the meeting date (first day), or the publication date of an article; may be null
 * @param endDate  the last day of a meeting of several days; may be null
 * @param issued   the day the document was issued (its masthead's "Distr.: General" date), apart from the meeting's;
 *                 may be null
 * @param symbol   the UN document symbol where printed, e.g. "CTOC/COP/WG.4/2010/6"; may be null
 * @param source   the file name the report was read from
 */
public record ReportMetadata(
        String id,
        String title,
        ReportKind kind,
        String body,
        Session session,
        LocalDate date,
        LocalDate endDate,
        LocalDate issued,
        String symbol,
        String source) {

    private static final Pattern REPORT_ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,99}");

    public ReportMetadata {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        if (!REPORT_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("report id must be a lower-case slug (a-z, 0-9, '_', '.', '-'): " + id);
        }
        if (title.isBlank()) {
            throw new IllegalArgumentException("report " + id + " has no title");
        }
        if (endDate != null && (date == null || endDate.isBefore(date))) {
            throw new IllegalArgumentException("report " + id + ": end date " + endDate + " before start " + date);
        }
    }

    /** The same report under another id: a corrected version keeps the id, and so the links, of the earlier one. */
    public ReportMetadata withId(String newId) {
        return new ReportMetadata(newId, title, kind, body, session, date, endDate, issued, symbol, source);
    }

    /** The same report read from another file. */
    public ReportMetadata withSource(String newSource) {
        return new ReportMetadata(id, title, kind, body, session, date, endDate, issued, symbol, newSource);
    }

    /** The year the report is dated, for the year facet. */
    public Integer year() {
        return date == null ? null : date.getYear();
    }
}
