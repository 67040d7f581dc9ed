package org.tipsearch.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dates a report prints: "4 October 2023", "2 and 3 October 2023", "8 to 9 July 2024", "30 May to 1 June
 * 2022", "02 Oct, 2023".
 */
final class DateMentions {

    /** A date or span of days as printed. */
    record DateMention(LocalDate start, LocalDate end, int offset, int length) {}

    private static final String MONTH =
            "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
                    + "|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(\\d{1,2})(?:\\s*(?:and|to|–|-)\\s*(\\d{1,2}))?\\s+" + MONTH + ",?\\s+(\\d{4})\\b");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "\\b" + MONTH + "\\s+(\\d{1,2})(?:\\s*(?:and|to|–|-)\\s*(\\d{1,2}))?,?\\s+(\\d{4})\\b");

    /** A span across months: "30 May to 1 June 2022", "28 November–2 December 2022". */
    private static final Pattern ACROSS_MONTHS = Pattern.compile(
            "\\b(\\d{1,2})\\s+" + MONTH + "\\s*(?:to|and|–|-)\\s*(\\d{1,2})\\s+" + MONTH + ",?\\s+(\\d{4})\\b");

    private DateMentions() {}

    static List<DateMention> find(String text) {
        var out = new ArrayList<DateMention>();
        Matcher m = DAY_MONTH_YEAR.matcher(text);
        while (m.find()) {
            add(out, m, m.group(1), m.group(2), m.group(3), m.group(4));
        }
        m = MONTH_DAY_YEAR.matcher(text);
        while (m.find()) {
            add(out, m, m.group(2), m.group(3), m.group(1), m.group(4));
        }
        m = ACROSS_MONTHS.matcher(text);
        while (m.find()) {
            acrossMonths(out, m);
        }
        // the date that closes a span across months is no mention of its own
        out.removeIf(inner -> out.stream().anyMatch(outer -> outer != inner && outer.offset() <= inner.offset()
                && inner.offset() + inner.length() <= outer.offset() + outer.length()));
        out.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
        return out;
    }

    private static void acrossMonths(List<DateMention> out, Matcher m) {
        try {
            int year = Integer.parseInt(m.group(5));
            int startMonth = monthNumber(m.group(2));
            int endMonth = monthNumber(m.group(4));
            // "28 December 2022 to 3 January 2023" prints one year, the span's last
            LocalDate start = LocalDate.of(startMonth > endMonth ? year - 1 : year, startMonth, Integer.parseInt(m.group(1)));
            LocalDate end = LocalDate.of(year, endMonth, Integer.parseInt(m.group(3)));
            if (end.isAfter(start)) {
                out.add(new DateMention(start, end, m.start(), m.end() - m.start()));
            }
        } catch (DateTimeException e) {
            // not a date, so not a mention
        }
    }

    /** Whether the line is nothing but a date, such as the issue date of a report or an article's date line. */
    static boolean isDateLine(String line) {
        String s = line.strip();
        List<DateMention> found = find(s);
        return found.size() == 1 && found.get(0).length() >= s.replaceFirst("^[A-Z][a-z]+,?\\s+", "").length();
    }

    private static void add(List<DateMention> out, Matcher m, String day, String endDay, String month, String year) {
        try {
            int y = Integer.parseInt(year);
            int mo = monthNumber(month);
            LocalDate start = LocalDate.of(y, mo, Integer.parseInt(day));
            LocalDate end = endDay == null ? null : LocalDate.of(y, mo, Integer.parseInt(endDay));
            if (end != null && !end.isAfter(start)) {
                end = null;
            }
            out.add(new DateMention(start, end, m.start(), m.end() - m.start()));
        } catch (DateTimeException e) {
            // "31 February": not a date, so not a mention
        }
    }

    private static int monthNumber(String month) {
        String prefix = month.substring(0, 3).toLowerCase(Locale.ROOT);
        return List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
                .indexOf(prefix) + 1;
    }
}
