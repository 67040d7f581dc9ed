package org.tipsearch.search;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tipsearch.index.Schema;

/**
 * A request for the units closest to a paragraph of the index or to pasted text (a draft a delegation wants
 * precedents for).
 *
 * @param unitId the unit to start from, or null when text is given
 * @param text        the text to start from, or null when a paragraph is given
 * @param size        how many units to return
 * @param filters     kind and status filters
 * @param exclude     for a paragraph, what the similar units must come from outside of
 */
public record SimilarRequest(String unitId, String text, int size, Map<String, List<String>> filters,
        Exclude exclude) {

    /** The unit's own report (the default), or its whole session: how the wording evolved across sessions. */
    public enum Exclude {
        REPORT, SESSION;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Exclude fromId(String id) {
            return Arrays.stream(values()).filter(e -> e.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("exclude must be report or session, not '" + id + "'"));
        }
    }

    public static final int MAX_TEXT = 5_000;
    public static final Set<String> FILTERS = Set.of(Schema.KIND, Schema.STATUS);

    public SimilarRequest {
        if ((unitId == null) == (text == null)) {
            throw new IllegalArgumentException("give either a paragraph or a text");
        }
        if (text != null) {
            text = text.strip();
            if (text.isEmpty()) {
                throw new IllegalArgumentException("text is empty");
            }
            if (text.length() > MAX_TEXT) {
                throw new IllegalArgumentException("text is " + text.length() + " characters long; at most "
                        + MAX_TEXT + " are allowed");
            }
        }
        if (size < 1 || size > SearchRequest.MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + SearchRequest.MAX_SIZE + ", not " + size);
        }
        Objects.requireNonNull(filters, "filters");
        var copy = new LinkedHashMap<String, List<String>>();
        filters.forEach((dim, values) -> {
            if (!FILTERS.contains(dim)) {
                throw new IllegalArgumentException("unknown filter '" + dim + "'; filters are " + FILTERS);
            }
            List<String> kept = SearchRequest.filterValues(dim, values);
            if (!kept.isEmpty()) {
                copy.put(dim, kept);
            }
        });
        filters = Map.copyOf(copy);
        exclude = exclude == null ? Exclude.REPORT : exclude;
    }
}
