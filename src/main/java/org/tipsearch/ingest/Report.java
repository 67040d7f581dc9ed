package org.tipsearch.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A report split into its units, in reading order.
 *
 * @param account where the characters of its text went; null for a report not read from a text (a test's, the
 *                benchmark's synthetic ones)
 */
public record Report(ReportMetadata metadata, List<Unit> units, TextAccount account) {

    /** A report not read from a text: no account of it. */
    public Report(ReportMetadata metadata, List<Unit> units) {
        this(metadata, units, null);
    }

    public Report {
        Objects.requireNonNull(metadata, "metadata");
        units = List.copyOf(units);
        if (units.isEmpty()) {
            throw new IllegalArgumentException("report " + metadata.source() + " has no paragraphs");
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < units.size(); i++) {
            Unit p = units.get(i);
            if (p.position() != i) {
                throw new IllegalArgumentException("unit " + p.unitId() + " is at " + i + " but says " + p.position());
            }
            if (!seen.add(p.unitId())) {
                throw new IllegalArgumentException("unit id " + p.unitId() + " occurs twice in " + metadata.source());
            }
        }
    }

    /** The same report under another id (see {@link ReportMetadata#withId}). */
    public Report withId(String id) {
        return new Report(metadata.withId(id), units, account);
    }

    /** The id unique across reports, e.g. {@code 000_66491c30b35528aa/para-18}. */
    public String globalId(Unit paragraph) {
        return metadata.id() + "/" + paragraph.unitId();
    }
}
