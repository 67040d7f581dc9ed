package org.tipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tipsearch.BundledReports;

/**
 * Every unit of every bundled report, compared with a golden file. After a deliberate parser change,
 * regenerate with {@code ./tipsearch test -Dgolden.update=true} and review the diff.
 */
class ReportParserGoldenTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    @ParameterizedTest
    @ValueSource(strings = {
        BundledReports.DIALOGUE_2023, BundledReports.DIALOGUE_2022, BundledReports.WORKING_GROUP_2023,
        BundledReports.DIALOGUE_2024, BundledReports.ARTICLE_2023})
    void unitsMatchTheGoldenFile(String reportId) throws Exception {
        Report report = new ReportReader().read(BundledReports.file(reportId));
        String actual = render(report);
        Path golden = GOLDEN.resolve(reportId + ".units.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertEquals(read(golden), actual, "parser output differs from " + golden);
    }

    private static String read(Path golden) throws IOException {
        return Files.readString(golden, StandardCharsets.UTF_8);
    }

    static String render(Report report) {
        ReportMetadata m = report.metadata();
        var header = "# " + m.id() + "\n# title: " + m.title() + "\n# kind: " + m.kind().id()
                + "\n# session: " + (m.session() == null ? "-" : m.session().label())
                + "\n# dates: " + m.date() + " / " + m.endDate() + "\n# units: " + report.units().size() + "\n";
        return header + report.units().stream().map(p -> "\n## " + p.unitId()
                + " | " + p.kind().id() + " " + (p.number() == null ? "-" : p.number())
                + " | " + (p.status() == null ? "-" : p.status().id())
                + " | " + p.sectionPath()
                + (p.footnotes().isEmpty() ? "" : " | footnotes: " + p.footnotes().stream()
                        .map(f -> f.marker() + " " + f.text()).collect(Collectors.joining("; ")))
                + "\n" + p.text() + "\n").collect(Collectors.joining());
    }
}
