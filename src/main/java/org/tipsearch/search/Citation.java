package org.tipsearch.search;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;
import org.tipsearch.ingest.Unit;
import org.tipsearch.ingest.RecommendationStatus;
import org.tipsearch.ingest.ReportKind;
import org.tipsearch.ingest.ReportMetadata;
import org.tipsearch.ingest.UnitKind;

/**
 * How a unit is cited: "Report on the meeting of the Working Group on Trafficking in Persons, 2–3 October
 * 2023, para. 19".
 */
public final class Citation {

    /** "… held in Vienna on 2 and 3 October 2023": the date is given once, after the title. */
    private static final Pattern TRAILING_MEETING_DATE =
            Pattern.compile("\\s+held\\s+(?:in\\s+[^,]+?\\s+)?(?:on|from)\\s+[^,]*\\d{4}$");
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);

    private Citation() {}

    public static String of(ReportMetadata report, Unit unit) {
        var out = new StringBuilder(TRAILING_MEETING_DATE.matcher(report.title()).replaceFirst(""));
        String dates = dates(report.date(), report.endDate());
        if (dates != null) {
            out.append(", ").append(dates);
        }
        String label = unitLabel(unit);
        if (label != null) {
            out.append(", ").append(label);
        }
        return out.toString();
    }

    /**
     * The short form a result's heading shows: the document's symbol where known ("CTOC/COP/WG.4/2023/3, para. 19"),
     * else who met and when ("Working Group on Trafficking in Persons, 13th session (2023), para. 19"; a dialogue
     * or an article by its date, "Constructive dialogue, 10 July 2024, para. 33"). {@link #of} is the long form.
     */
    public static String brief(ReportMetadata report, Unit unit) {
        String label = unitLabel(unit);
        return label == null ? brief(report) : brief(report) + ", " + label;
    }

    /** The report's part of {@link #brief(ReportMetadata, Unit)}: its symbol, or who met and when. */
    public static String brief(ReportMetadata report) {
        if (report.symbol() != null) {
            return report.symbol();
        }
        String when = report.session() != null && report.kind() == ReportKind.WORKING_GROUP_REPORT
                ? report.session().label() : dates(report.date(), report.endDate());
        String who = switch (report.kind()) {
            case CONSTRUCTIVE_DIALOGUE_SUMMARY -> "Constructive dialogue";
            case ARTICLE -> "Web article";
            case WORKING_GROUP_REPORT, REPORT -> report.body() != null ? report.body() : "Report";
        };
        return when == null ? who : who + ", " + when;
    }

    /** "para. 18", "recommendation 7", "annex, recommendation 5", "item 4"; null for unnumbered text. */
    public static String unitLabel(Unit unit) {
        if (unit.number() == null) {
            return unit.annex() ? "annex" : null;
        }
        String label = switch (unit.kind()) {
            case PARAGRAPH -> "para. " + unit.number();
            case RECOMMENDATION -> "recommendation " + unit.number();
            case BULLET -> "item " + unit.number();
        };
        return unit.annex() ? "annex, " + label : label;
    }

    /**
     * How a result names its unit: "para. 18", "Recommendation 7 (proposed)", "Annex, para. 2", "Item 4";
     * the kind of unit when it has no number.
     */
    public static String heading(Unit unit, RecommendationStatus status) {
        String label = unitLabel(unit);
        if (label == null || label.equals("annex")) {
            label = (unit.annex() ? "annex, " : "") + unit.kind().id();
        }
        if (unit.kind() == UnitKind.RECOMMENDATION && status != null) {
            label += " (" + status.id() + ")";
        }
        // "para." stays lower case, as UN documents cite it
        return label.startsWith("para.") ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    /** "4 October 2023", "2–3 October 2023", "30 September–1 October 2023". */
    public static String dates(LocalDate start, LocalDate end) {
        if (start == null) {
            return null;
        }
        if (end == null) {
            return DAY_MONTH_YEAR.format(start);
        }
        if (start.getYear() != end.getYear()) {
            return DAY_MONTH_YEAR.format(start) + "–" + DAY_MONTH_YEAR.format(end);
        }
        if (start.getMonth() != end.getMonth()) {
            return DAY_MONTH.format(start) + "–" + DAY_MONTH_YEAR.format(end);
        }
        return start.getDayOfMonth() + "–" + DAY_MONTH_YEAR.format(end);
    }
}
