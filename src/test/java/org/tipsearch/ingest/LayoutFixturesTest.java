package org.tipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Documents of the family in layouts the bundled reports do not have, written and judged by hand apart from the
 * parser ({@code src/test/resources/layouts/}: each text with what a reader must find in it): the symbol, the body
 * whose document it is, the issue date apart from the meeting's year,
 * every numbered paragraph a unit of its own from its first words to its last, no page furniture in any unit, and
 * the body's words in units. The checks that hold are counted; the count may not fall (see {@link #FLOOR}).
 */
class LayoutFixturesTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "layouts");
    /** Checks right on the fixtures when this floor was set; raise it as the parser learns more layouts. */
    private static final int FLOOR = 1160;
    /** Of the body's words, the share that must reach a unit, its heading or a footnote. */
    private static final double WORDS_IN_UNITS = 0.99;

    private final ReportReader reader = new ReportReader();

    @Test
    void everyFixtureIsReadAsItsExpectationsSay() throws Exception {
        var failed = new ArrayList<String>();
        int checks = 0;
        int right = 0;
        List<Path> texts;
        try (Stream<Path> files = Files.list(FIXTURES)) {
            texts = files.filter(f -> f.toString().matches(".*\\.(txt|md)$")).sorted().toList();
        }
        assertTrue(texts.size() >= 14, "fixtures: " + texts);
        for (Path text : texts) {
            List<String> wrong = check(text);
            int total = checksOf(text);
            checks += total;
            right += total - wrong.size();
            System.out.printf(Locale.ROOT, "%-50s %2d/%2d %s%n", text.getFileName(), total - wrong.size(), total,
                    wrong.isEmpty() ? "" : String.join("; ", wrong));
            wrong.forEach(w -> failed.add(text.getFileName() + ": " + w));
        }
        System.out.printf(Locale.ROOT, "layouts: %d of %d checks right%n", right, checks);
        assertTrue(right >= FLOOR, right + " of " + checks + " checks right, below " + FLOOR + ":\n"
                + String.join("\n", failed));
    }

    private static JsonNode expected(Path text) throws IOException {
        return new ObjectMapper().readTree(FIXTURES.resolve(text.getFileName().toString()
                .replaceFirst("\\.(txt|md)$", ".expected.json")).toFile());
    }

    /** Symbol, body, issue date, year, words, furniture, and the start and end of each paragraph. */
    private static int checksOf(Path text) throws IOException {
        return 6 + expected(text).get("paragraphStarts").size();
    }

    private List<String> check(Path text) throws IOException {
        JsonNode want = expected(text);
        var wrong = new ArrayList<String>();
        Report report;
        try {
            report = reader.read(Files.readAllBytes(text), text.getFileName().toString());
        } catch (InvalidReportException e) {
            for (int i = 0; i < checksOf(text); i++) {
                wrong.add("refused: " + e.getMessage());
            }
            return wrong;
        }
        ReportMetadata m = report.metadata();
        String symbol = want.get("symbol").isNull() ? null : want.get("symbol").asText();
        if (symbol == null ? m.symbol() != null : !symbol.equals(m.symbol())) {
            wrong.add("symbol " + m.symbol() + " (want " + symbol + ")");
        }
        String body = want.get("body").isNull() ? null : want.get("body").asText();
        if (body != null && !body.equals(m.body())) {
            wrong.add("body " + m.body() + " (want " + body + ")");
        }
        String issued = want.get("issueDate").isNull() ? null : want.get("issueDate").asText();
        if (issued == null ? m.issued() != null : !issued.equals(String.valueOf(m.issued()))) {
            wrong.add("issued " + m.issued() + " (want " + issued + ")");
        }
        JsonNode meeting = want.get("meetingDates");
        JsonNode dated = meeting.isEmpty() ? want.get("issueDate") : meeting.get(0);
        Integer year = dated == null || dated.isNull() ? null : LocalDate.parse(dated.asText()).getYear();
        if (year != null && !year.equals(m.year())) {
            wrong.add("year " + m.year() + " (want " + year + ")");
        }
        var units = report.units();
        var furnitureIn = new ArrayList<String>();
        for (JsonNode f : want.get("furniture")) {
            units.stream().filter(u -> u.text().contains(f.asText())).findFirst()
                    .ifPresent(u -> furnitureIn.add(f.asText() + " in " + u.unitId()));
        }
        if (!furnitureIn.isEmpty()) {
            wrong.add("furniture " + furnitureIn);
        }
        double share = wordsInUnits(report) / (double) want.get("bodyWordCount").asInt();
        if (share < WORDS_IN_UNITS) {
            wrong.add(String.format(Locale.ROOT, "%.1f%% of the body's words in units", 100 * share));
        }
        boolean numbered = want.get("numbered").asBoolean();
        var names = want.get("paragraphStarts").fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            String start = squeeze(want.get("paragraphStarts").get(key).asText());
            // a window may end with the paragraph's closing mark or not
            String end = squeeze(want.get("paragraphEnds").get(key).asText()).replaceAll("[.;:,?!]$", "");
            // "p1" in a numbered text is a paragraph without a number there (a resolution's preamble)
            boolean keyedByNumber = key.chars().allMatch(Character::isDigit);
            var unit = units.stream()
                    .filter(u -> !numbered || !keyedByNumber || key.equals(u.number()) && u.kind() == UnitKind.PARAGRAPH)
                    .filter(u -> squeeze(u.text()).startsWith(start))
                    .findFirst();
            if (unit.isEmpty()) {
                wrong.add("no unit " + key + " starting \"" + start + "\"");
            } else if (!squeeze(unit.get().text()).replaceAll("[.;:,?!]$", "").endsWith(end)) {
                String t = squeeze(unit.get().text());
                wrong.add(key + " ends \"…" + t.substring(Math.max(0, t.length() - 60)) + "\"");
            }
        }
        return wrong;
    }

    /**
     * Words of the units, their numbers and headings, and the footnotes: what the body's count counts. A heading is
     * counted once where it stands (its path of headings), so one printed under two chapters counts twice.
     */
    private static int wordsInUnits(Report report) {
        int words = 0;
        Set<List<String>> headings = new HashSet<>();
        for (Unit unit : report.units()) {
            words += count(unit.text()) + (unit.number() != null && unit.kind() == UnitKind.PARAGRAPH ? 1 : 0);
            words += unit.footnotes().stream().mapToInt(note -> 1 + count(note.text())).sum();
            for (int depth = 1; depth <= unit.section().size(); depth++) {
                headings.add(unit.section().subList(0, depth));
            }
        }
        return words + headings.stream().mapToInt(path -> count(path.getLast())).sum();
    }

    private static int count(String s) {
        return s.isBlank() ? 0 : s.strip().split("\\s+").length;
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
