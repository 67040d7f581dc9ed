package org.tipsearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tipsearch.index.IndexBuild;

/** Where the tests find the reports bundled with the project (tests run from the project folder). */
public final class BundledReports {
    public static final Path DIR = Path.of("index-data", "reports");

    public static final String DIALOGUE_2023 = "000_66491c30b35528aa";
    public static final String DIALOGUE_2022 = "001_03d93a82c4d8f6a1";
    public static final String WORKING_GROUP_2023 = "002_a5f66eb7f565f6a5";
    public static final String DIALOGUE_2024 = "003_30d95c863737c1cb";
    public static final String ARTICLE_2023 = "004_1550b144c8031def";

    private BundledReports() {}

    /** Builds an index of the bundled reports into the folder, printing nothing. */
    public static IndexBuild.Summary index(Path indexDir) throws IOException {
        return index(DIR, indexDir);
    }

    /** Builds an index of the reports of a folder, quietly. */
    public static IndexBuild.Summary index(Path reportsDir, Path indexDir) throws IOException {
        return IndexBuild.rebuild(reportsDir, indexDir, IndexBuild.Progress.QUIET);
    }

    public static Path file(String reportId) {
        Path file = DIR.resolve(reportId + ".txt");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("bundled report missing: " + file.toAbsolutePath());
        }
        return file;
    }
}
