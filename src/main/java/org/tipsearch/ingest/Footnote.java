package org.tipsearch.ingest;

import java.util.Objects;

/** A footnote of a report, e.g. marker "1", text "Hereinafter: UNTOC review mechanism." */
public record Footnote(String marker, String text) {
    public Footnote {
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(text, "text");
        if (marker.isBlank() || text.isBlank()) {
            throw new IllegalArgumentException("a footnote needs a marker and a text");
        }
    }
}
