package org.tipsearch.ingest;

/** How lists count in letters and roman numerals, for the labels Word and web pages show but do not store. */
final class ListLabels {

    private static final int[] VALUES = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    private static final String[] SYMBOLS = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};

    private ListLabels() {}

    /** 1 → A, 26 → Z, 27 → AA, as Word and browsers count letters. */
    static String letters(int n) {
        if (n < 1) {
            return String.valueOf(n);
        }
        return String.valueOf((char) ('A' + (n - 1) % 26)).repeat((n - 1) / 26 + 1);
    }

    /** 4 → IV. */
    static String roman(int n) {
        if (n < 1 || n > 3999) {
            return String.valueOf(n);
        }
        var out = new StringBuilder();
        for (int i = 0; i < VALUES.length; i++) {
            for (; n >= VALUES[i]; n -= VALUES[i]) {
                out.append(SYMBOLS[i]);
            }
        }
        return out.toString();
    }
}
