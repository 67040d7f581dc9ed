package org.tipsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The API description passes a standard linter, Redocly CLI with its recommended rules (installed from npm by
 * {@code ./tipsearch test} into {@code .tools/}). Three warnings stand, each for a reason: no license (the project's
 * owners have not chosen one), the operation that only explains a cut-short paragraph id (always 404), and this
 * description's own operation (it cannot fail).
 */
class OpenApiLintIT {

    static final Path REDOCLY = Path.of(System.getProperty("tipsearch.redocly", ".tools/node_modules/.bin/redocly"));
    static final Path DESCRIPTION = Path.of("src/main/resources/org/tipsearch/web/openapi.json");
    private static final Pattern FINDING = Pattern.compile("^\\s*\\d+:\\d+\\s+(error|warning)\\s+(\\S+)", Pattern.MULTILINE);

    @Test
    void theDescriptionPassesRedoclysRecommendedRules() throws Exception {
        assertTrue(Files.isExecutable(REDOCLY), "no Redocly CLI at " + REDOCLY
                + ": ./tipsearch test installs it (npm install --prefix .tools @redocly/cli)");
        Process lint = new ProcessBuilder(REDOCLY.toString(), "lint", "--format=stylish", DESCRIPTION.toString())
                .redirectErrorStream(true).start();
        String said = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(lint.waitFor(2, TimeUnit.MINUTES), "the linter did not finish");
        assertEquals(0, lint.exitValue(), said);
        Set<String> errors = new TreeSet<>();
        Set<String> warnings = new TreeSet<>();
        Matcher m = FINDING.matcher(said);
        while (m.find()) {
            (m.group(1).equals("error") ? errors : warnings).add(m.group(2));
        }
        assertEquals(Set.of(), errors, said);
        assertEquals(Set.of("info-license", "operation-2xx-response", "operation-4xx-response"), warnings, said);
    }
}
