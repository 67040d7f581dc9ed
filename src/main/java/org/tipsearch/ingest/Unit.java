package org.tipsearch.ingest;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One searchable unit of a report: a numbered paragraph, a recommendation or a bullet.
 *
 * @param unitId   id within its report, e.g. {@code para-18}, {@code rec-7}, {@code annex-rec-5}
 * @param position 0-based place of the unit in its report
 * @param kind     what the unit is
 * @param number   the number as printed ("18", "7" for "Recommendation 7"), or null for unnumbered text
 * @param section  the headings above the unit, outermost first
 * @param annex    whether the unit stands in an annex
 * @param text     plain text; list items on their own lines; no footnote text or markers
 * @param footnotes the footnotes whose markers stand in the unit
 * @param status   for recommendations, whether adopted or only proposed; null otherwise
 */
public record Unit(
        String unitId,
        int position,
        UnitKind kind,
        String number,
        List<String> section,
        boolean annex,
        String text,
        List<Footnote> footnotes,
        RecommendationStatus status) {

    private static final Pattern UNIT_ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    public Unit {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (!UNIT_ID.matcher(unitId).matches()) {
            throw new IllegalArgumentException("unit id must be lower-case words joined by '-': " + unitId);
        }
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0: " + position);
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("unit " + unitId + " has no text");
        }
        if ((status != null) != (kind == UnitKind.RECOMMENDATION)) {
            throw new IllegalArgumentException("only recommendations carry a status: " + unitId);
        }
        section = List.copyOf(section);
        footnotes = List.copyOf(footnotes);
    }

    /** The section path as one line, e.g. "III. Summary of deliberations › B. National issues…". */
    public String sectionPath() {
        return String.join(" › ", section);
    }
}
