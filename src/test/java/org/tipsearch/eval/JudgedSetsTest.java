package org.tipsearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tipsearch.BundledReports;
import org.tipsearch.ingest.Unit;
import org.tipsearch.ingest.ReportReader;

/**
 * The judged sets of our own stay judgeable as the parser changes: each judged phrase is in exactly one unit of its
 * report, no unit is judged twice for a query, a query has 4–20 relevant units, and a draft has 1–5 true precedents
 * and shares no five words in a row with any unit (it is a paraphrase, not a quotation).
 */
class JudgedSetsTest {

    private static final Path EVAL = Path.of("src", "test", "resources", "eval");
    private static final Pattern WORD = Pattern.compile("[a-z0-9]+");
    private static final Map<String, List<Unit>> UNITS = new HashMap<>();

    @BeforeAll
    static void readReports() throws Exception {
        var reader = new ReportReader();
        try (Stream<Path> files = Files.list(BundledReports.DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                UNITS.put(file.getFileName().toString(), reader.read(file).units());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"user-queries-tune", "user-queries-check", "user-queries-3", "user-queries-4", "drafts-tune",
        "drafts-check"})
    void everyJudgmentNamesOneUnit(String set) throws Exception {
        boolean drafts = set.startsWith("drafts");
        Set<String> quotations = drafts ? fiveWordRuns() : Set.of();
        for (JudgedQueries.JudgedQuery query : JudgedQueries.read(EVAL.resolve(set + ".json")).queries()) {
            var judged = new HashSet<String>();
            int precedents = 0;
            for (JudgedQueries.Judgment judgment : query.relevant()) {
                List<Unit> holding = UNITS.getOrDefault(judgment.doc(), List.of()).stream()
                        .filter(p -> p.text().contains(judgment.match())).toList();
                assertEquals(1, holding.size(), query.id() + ": '" + judgment.match() + "' in " + judgment.doc());
                assertTrue(judged.add(judgment.doc() + "/" + holding.get(0).unitId()), query.id() + ": judged twice");
                assertTrue(judgment.grade() == 1 || judgment.grade() == 2, query.id());
                precedents += judgment.grade() == 2 ? 1 : 0;
            }
            if (drafts) {
                assertTrue(precedents >= 1 && precedents <= 5, query.id() + ": " + precedents + " true precedents");
                List<String> words = words(query.query());
                for (int i = 0; i + 5 <= words.size(); i++) {
                    String run = String.join(" ", words.subList(i, i + 5));
                    assertTrue(!quotations.contains(run), query.id() + " quotes a unit: " + run);
                }
            } else {
                assertTrue(query.relevant().size() >= 4 && query.relevant().size() <= 20, query.id());
                assertTrue(query.kind() != null, query.id() + " has no kind");
            }
        }
    }

    private static Set<String> fiveWordRuns() {
        var runs = new HashSet<String>();
        UNITS.values().forEach(units -> units.forEach(unit -> {
            List<String> words = words(unit.text());
            for (int i = 0; i + 5 <= words.size(); i++) {
                runs.add(String.join(" ", words.subList(i, i + 5)));
            }
        }));
        return runs;
    }

    private static List<String> words(String text) {
        var words = new ArrayList<String>();
        WORD.matcher(text.toLowerCase(Locale.ROOT)).results().forEach(m -> words.add(m.group()));
        return words;
    }
}
