package org.tipsearch.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tipsearch.ingest.Unit;
import org.tipsearch.ingest.RecommendationStatus;

/** Finds the recommendation-like entries of a unit: its own recommendation, an observation, or a stakeholder's points. */
final class RecommendationExtractor {

    /** An entry's text before its topics are known. */
    record Draft(String entryId, String number, RecommendationStatus status, String text) {}

    private final Pattern observationSections;
    private final Pattern stakeholderIntroduction;
    private final Pattern stakeholderPoint;
    private final Pattern subItem;
    private final List<RecommendationRules.Strength> strengths;
    private final List<Pattern> strengthPatterns;
    private final Pattern addressees;
    private final Map<String, String> speakerTypeByStatus;

    RecommendationExtractor(RecommendationRules rules) {
        observationSections = compile(rules.observationSections());
        stakeholderIntroduction = compile(rules.stakeholderIntroduction());
        stakeholderPoint = compile(rules.stakeholderPoint());
        subItem = Pattern.compile(rules.subItem(), Pattern.MULTILINE);
        strengths = rules.strengths();
        strengthPatterns = strengths.stream().map(s -> compile(s.pattern())).toList();
        speakerTypeByStatus = rules.speakerTypeByStatus();
        addressees = compile("\\b(" + rules.addressees().stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")\\b");
    }

    List<Draft> drafts(Unit unit) {
        if (unit.status() != null) {
            return List.of(new Draft(unit.unitId(), unit.number(), unit.status(), unit.text()));
        }
        if (observationSections.matcher(unit.sectionPath()).find() && strength(unit.text()) != null) {
            return List.of(new Draft(unit.unitId(), unit.number(), RecommendationStatus.OBSERVATION, unit.text()));
        }
        Matcher intro = stakeholderIntroduction.matcher(unit.text());
        if (!intro.find()) {
            return List.of();
        }
        var drafts = new ArrayList<Draft>();
        Matcher point = stakeholderPoint.matcher(unit.text());
        int expected = 1;
        int start = -1;
        int from = intro.end();
        String number = null;
        while (point.find(from)) {
            from = point.end();
            if (Integer.parseInt(point.group(1)) != expected) {
                continue;
            }
            if (start >= 0) {
                drafts.add(stakeholder(unit, number, unit.text().substring(start, point.start())));
            }
            number = point.group(1);
            start = point.end();
            expected++;
        }
        if (start >= 0) {
            drafts.add(stakeholder(unit, number, unit.text().substring(start)));
        }
        return drafts.stream().filter(d -> strength(d.text()) != null).toList();
    }

    private static Draft stakeholder(Unit unit, String number, String text) {
        return new Draft(unit.unitId() + "." + number, number, RecommendationStatus.STAKEHOLDER,
                text.strip().replaceFirst("[;,]?\\s*(and)?$", "").strip());
    }

    /** The earliest strength word of the text, or null. */
    String strength(String text) {
        int best = Integer.MAX_VALUE;
        String found = null;
        for (int i = 0; i < strengthPatterns.size(); i++) {
            Matcher m = strengthPatterns.get(i).matcher(text);
            if (m.find() && m.start() < best) {
                best = m.start();
                found = strengths.get(i).strength();
            }
        }
        return found;
    }

    /** The last addressee named before the strength word, else the first after it. */
    String addressee(String text) {
        int at = Integer.MAX_VALUE;
        for (Pattern p : strengthPatterns) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                at = Math.min(at, m.start());
            }
        }
        String before = null;
        String after = null;
        Matcher m = addressees.matcher(text);
        while (m.find()) {
            if (m.start() < at) {
                before = m.group(1);
            } else if (after == null) {
                after = m.group(1);
            }
        }
        String found = before != null ? before : after;
        return found == null ? null : capitalise(found);
    }

    /** Who speaks in a unit holding an entry of this status ("state" for adopted), or null. */
    String speakerType(RecommendationStatus status) {
        return speakerTypeByStatus.get(status.id());
    }

    List<String> subItems(String text) {
        var out = new ArrayList<String>();
        Matcher m = subItem.matcher(text);
        while (m.find()) {
            out.add(m.group(2).strip());
        }
        return out;
    }

    private static String capitalise(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
