package org.tipsearch.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Reads a report's title, kind, body, session, dates and symbol from its text, using {@link ReportCues}. */
final class MetadataExtractor {

    /** A cover line this long that ends mid-sentence was wrapped. */
    private static final int WRAPPED_LINE = 45;

    private final List<Pattern> frontMatterNoise;
    private static final Pattern WORDS = Pattern.compile("\\p{L}{2,}");
    private static final Pattern DISTRIBUTION_AT_END = Pattern.compile("\\S.*\\bDistr\\.:?\\s*General\\s*$");
    private final Pattern symbol;
    private static final Pattern A_WORD = Pattern.compile("\\p{L}{4,}");
    /** A cover line that stops where no title's line ends: on a small word, or a day's number before its month. */
    private static final Pattern BROKEN_OFF = Pattern.compile("\\s(?:to|from|of|and|the|in|on|at|for|by|\\d{1,2})$");
    private final Pattern meetingLine;
    private final List<ReportCues.KindCue> kinds;
    private final List<Pattern> kindPatterns;
    private final List<String> bodies;
    private final List<Pattern> sessionPatterns;
    private final List<String> ordinals;
    private final Pattern citedDate;
    private final List<Map.Entry<Pattern, String>> symbolBodies;
    private final SessionCalendar calendar;

    MetadataExtractor(ReportCues cues, SessionCalendar calendar) {
        this.calendar = calendar;
        frontMatterNoise = cues.frontMatterNoise().stream().map(MetadataExtractor::compile).toList();
        symbol = Pattern.compile(cues.symbol());
        meetingLine = compile(cues.meetingLine());
        kinds = cues.kinds();
        kindPatterns = kinds.stream()
                .map(k -> compile(String.join("|", k.titlePatterns())))
                .toList();
        bodies = cues.bodies();
        ordinals = cues.ordinals();
        citedDate = compile(cues.citedDate());
        symbolBodies = cues.symbolBodies().stream()
                .map(b -> Map.entry(Pattern.compile(b.pattern()), b.body())).toList();
        String ordinal = "(" + ordinals.stream().map(Pattern::quote).collect(Collectors.joining("|"))
                + "|\\d{1,3}(?:st|nd|rd|th))";
        sessionPatterns = cues.sessionPatterns().stream()
                .map(p -> compile(p.replace("{ORDINAL}", ordinal)))
                .toList();
    }

    ReportMetadata extract(String id, String source, ReportParser.ParsedText parsed) {
        String body = parsed.units().stream().map(Unit::text).collect(Collectors.joining("\n"));
        List<String> front = unwrapped(parsed.frontMatter());
        String title = title(front).orElse(source);
        ReportKind kind = kind(title, parsed.numbered());

        Optional<DateMentions.DateMention> meeting = DateMentions.find(title).stream().findFirst();
        // A masthead (a PDF's first page) names the meeting under the body: "Vienna, 2 and 3 October 2023".
        Optional<DateMentions.DateMention> masthead = front.stream()
                .filter(l -> meetingLine.matcher(l).matches())
                .flatMap(l -> DateMentions.find(l).stream())
                .findFirst();
        // the issue date: alone on its line, or after "Distr.: General" on a cover flattened onto one, or ending the
        // line after it where the masthead's two columns were read across ("United Nations Convention 4 November 2011")
        Optional<DateMentions.DateMention> dateLine = front.stream()
                .filter(l -> DateMentions.isDateLine(l) || l.startsWith("Distr."))
                .flatMap(l -> DateMentions.find(l).stream())
                .filter(d -> d.end() == null) // an issue date is a day, not a meeting's span
                .findFirst()
                .or(() -> dateAfterDistribution(front));
        // the first date the text gives, never one it cites ("resolution 64/293 of 30 July 2010")
        Optional<DateMentions.DateMention> firstInBody = DateMentions.find(body).stream()
                .filter(d -> !before(body, d, citedDate)).findFirst();
        // A meeting's own date; an article is dated by its date line or the meeting it was given at; otherwise the
        // first date the text gives. The issue date of the masthead is kept apart.
        Optional<DateMentions.DateMention> date = kind == ReportKind.ARTICLE
                ? dateLine.or(() -> masthead).or(() -> firstInBody)
                : meeting.or(() -> masthead).or(() -> firstInBody).or(() -> dateLine);
        // The session was held when the meeting (or the dialogue right after it) was, which the text dates first.
        Integer sessionYear = meeting.or(() -> masthead).or(() -> firstInBody).or(() -> date)
                .map(d -> d.start().getYear()).orElse(null);
        // The front matter first: a masthead may name the session under the body.
        String text = String.join("\n", front) + "\n" + (front.contains(title) ? "" : title + "\n") + body;
        String bodyName = body(title, front, body, symbolOf(front));
        // else the session its body held when it met, by the curator's calendar
        Session session = sessionOrdinal(text)
                .or(() -> calendar.sessionOf(bodyName, meeting.or(() -> masthead).map(DateMentions.DateMention::start)
                        .orElse(null)))
                .map(n -> new Session(n, sessionYear)).orElse(null);

        return new ReportMetadata(
                id,
                title,
                kind,
                bodyName,
                session,
                date.map(DateMentions.DateMention::start).orElse(null),
                date.map(DateMentions.DateMention::end).orElse(null),
                dateLine.map(DateMentions.DateMention::start).orElse(null),
                symbolOf(front),
                source);
    }

    /**
     * The cover's lines with a title or a body's name printed over several lines rejoined: a long line that ends
     * mid-sentence continues on the next, unless that is an item of the cover of its own (symbol, date, meeting).
     */
    private List<String> unwrapped(List<String> frontMatter) {
        var out = new java.util.ArrayList<String>();
        for (String line : frontMatter) {
            String last = out.isEmpty() ? null : out.getLast();
            // a line opening in lower case goes on the one before, cover item or not ("Agenda item 3: … and")
            // and one broken off where no line ends ("… held in Vienna from 12 to 16" over "October 2020") goes on
            boolean brokenOff = last != null && BROKEN_OFF.matcher(last).find() && !isCoverItem(last);
            boolean continues = last != null && !line.isBlank() && !last.matches(".*[.;:*]$")
                    && (brokenOff || !isCoverItem(line) && (Character.isLowerCase(line.codePointAt(0))
                            && !symbol.matcher(last).matches() && !DateMentions.isDateLine(last)
                            || last.length() >= WRAPPED_LINE && !isCoverItem(last)));
            if (continues) {
                out.set(out.size() - 1, last + " " + line.strip());
            } else {
                out.add(line);
            }
        }
        return out;
    }

    private boolean isCoverItem(String line) {
        return DateMentions.isDateLine(line) || symbol.matcher(line).matches() || meetingLine.matcher(line).matches()
                || frontMatterNoise.stream().anyMatch(p -> p.matcher(line).find())
                || bodyNamed(line).isPresent();
    }

    /** The document symbol the cover prints. */
    private String symbolOf(List<String> front) {
        return front.stream().map(symbol::matcher).filter(Matcher::matches).map(m -> m.group("symbol"))
                .findFirst().orElse(null);
    }

    /**
     * The cover's first line that is neither noise nor an item of its own; a line that names a kind of report
     * ("… constructive dialogue …") before any other, as a publisher's or a unit's name may stand above it.
     */
    private Optional<String> title(List<String> frontMatter) {
        List<String> candidates = frontMatter.stream()
                .filter(l -> frontMatterNoise.stream().noneMatch(p -> p.matcher(l).find()))
                .filter(l -> !DateMentions.isDateLine(l) && !symbol.matcher(l).matches())
                .filter(l -> !meetingLine.matcher(l).matches() && bodyNamed(l).isEmpty() && !bodyNamePiece(l))
                // not a speck an OCR read ("@", "|") nor a rule it read as letters ("eee te")
                .filter(l -> WORDS.matcher(l).results().count() >= 2 && A_WORD.matcher(l).find())
                .toList();
        return candidates.stream().filter(l -> kindPatterns.stream().anyMatch(k -> k.matcher(l).find())).findFirst()
                .or(() -> candidates.stream().findFirst());
    }

    /** A date that ends the line after one that ends in the distribution ("… Distr.: General"). */
    private static Optional<DateMentions.DateMention> dateAfterDistribution(List<String> front) {
        for (int i = 0; i + 1 < front.size(); i++) {
            if (DISTRIBUTION_AT_END.matcher(front.get(i)).find()) {
                String next = front.get(i + 1).strip();
                return DateMentions.find(next).stream()
                        .filter(d -> next.substring(d.offset()).length() == d.length()).findFirst();
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the line is a piece of a body's name as a masthead breaks it over lines ("Conference of the Parties to
     * the United", "Nations Convention against Transnational"): words of the name, in its order, and nothing else.
     */
    private boolean bodyNamePiece(String line) {
        String words = " " + String.join(" ", line.strip().toLowerCase(Locale.ROOT).split("\\s+")) + " ";
        return words.strip().contains(" ")
                && bodies.stream().anyMatch(b -> (" " + b.toLowerCase(Locale.ROOT) + " ").contains(words));
    }

    /** The body a masthead line names and nothing else, such as "Working Group on Trafficking in Persons". */
    private Optional<String> bodyNamed(String line) {
        return bodies.stream().filter(b -> b.equalsIgnoreCase(line.strip())).findFirst();
    }

    private ReportKind kind(String title, boolean numbered) {
        if (!numbered) {
            return ReportKind.ARTICLE;
        }
        return IntStream.range(0, kinds.size())
                .filter(i -> kindPatterns.get(i).matcher(title).find())
                .mapToObj(i -> ReportKind.fromId(kinds.get(i).kind()))
                .findFirst()
                .orElse(ReportKind.REPORT);
    }

    /** Whether the words just before a date mention are of the form (a citation's). */
    private static boolean before(String text, DateMentions.DateMention mention, Pattern form) {
        return form.matcher(text.substring(Math.max(0, mention.offset() - 100), mention.offset())).find();
    }

    /**
     * The body the symbol's pattern names, else the one the title names, else the innermost a masthead names, else
     * the one the text names most.
     */
    private String body(String title, List<String> front, String text, String symbolPrinted) {
        if (symbolPrinted != null) {
            for (var entry : symbolBodies) {
                if (entry.getKey().matcher(symbolPrinted).find()) {
                    return entry.getValue();
                }
            }
        }
        String lowerTitle = title.toLowerCase(Locale.ROOT);
        String lowerText = text.toLowerCase(Locale.ROOT);
        return bodies.stream()
                .filter(b -> lowerTitle.contains(b.toLowerCase(Locale.ROOT)))
                .findFirst()
                .or(() -> front.reversed().stream().flatMap(l -> bodyNamed(l).stream()).findFirst())
                .or(() -> bodies.stream()
                        .filter(b -> occurrences(lowerText, b.toLowerCase(Locale.ROOT)) > 0)
                        .max((a, b) -> Integer.compare(
                                occurrences(lowerText, a.toLowerCase(Locale.ROOT)),
                                occurrences(lowerText, b.toLowerCase(Locale.ROOT)))))
                .orElse(null);
    }

    /** The first session of the Working Group the text names as its own. */
    private Optional<Integer> sessionOrdinal(String text) {
        int bestAt = Integer.MAX_VALUE;
        Integer best = null;
        for (Pattern p : sessionPatterns) {
            Matcher m = p.matcher(text);
            if (m.find() && m.start() < bestAt) {
                bestAt = m.start();
                best = ordinalValue(m.group(1));
            }
        }
        return Optional.ofNullable(best);
    }

    private int ordinalValue(String ordinal) {
        String s = ordinal.toLowerCase(Locale.ROOT);
        if (Character.isDigit(s.charAt(0))) {
            return Integer.parseInt(s.replaceAll("\\D", ""));
        }
        return ordinals.indexOf(s) + 1;
    }

    private static int occurrences(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            count++;
        }
        return count;
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
