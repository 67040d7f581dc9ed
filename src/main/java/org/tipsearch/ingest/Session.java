package org.tipsearch.ingest;

/**
 * A session of the Working Group. The dialogue held after a session shares it.
 *
 * @param ordinal e.g. 13 for the thirteenth session
 * @param year    the year it was held, or null when the text does not tell
 */
public record Session(int ordinal, Integer year) {
    public Session {
        if (ordinal < 1 || ordinal > 999) {
            throw new IllegalArgumentException("session ordinal out of range: " + ordinal);
        }
        if (year != null && (year < 1900 || year > 2999)) {
            throw new IllegalArgumentException("session year out of range: " + year);
        }
    }

    /** The facet value, e.g. "13th session (2023)"; zero-padding is avoided so it reads naturally. */
    public String label() {
        String base = ordinal + suffix(ordinal) + " session";
        return year == null ? base : base + " (" + year + ")";
    }

    private static String suffix(int n) {
        if (n % 100 >= 11 && n % 100 <= 13) {
            return "th";
        }
        return switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
