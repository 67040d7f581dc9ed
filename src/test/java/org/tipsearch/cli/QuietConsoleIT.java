package org.tipsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipsearch.BundledReports;

/**
 * A newcomer's console: the launcher's server start says where it listens and when it is ready, and nothing
 * the JVM or the libraries would warn about, also over another JDK's class-data archive, which is replaced, and
 * over a damaged one, which is left unused; `serve --help` writes no archive.
 */
class QuietConsoleIT {

    private static final Pattern NOISE = Pattern.compile("WARN|WARNING|\\[error|\\[warning|Exception|\\bINFO\\b");
    private static final Pattern BUILD_PROGRESS = Pattern.compile("\\[\\d+/\\d+\\] ");
    private static final Path ARCHIVE = Path.of("target", "tipsearch-serve.jsa");

    @TempDir
    Path dir;

    @Test
    void aServerStartsQuietlyTheFirstTimeAndWithItsArchive() throws Exception {
        Files.deleteIfExists(ARCHIVE);
        Process help = new ProcessBuilder("./tipsearch", "serve", "--help").redirectErrorStream(true).start();
        String helpText = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, help.waitFor());
        assertTrue(helpText.startsWith("Usage: tipsearch serve"), helpText);
        assertFalse(Files.exists(ARCHIVE), "serve --help wrote a class-data archive");

        List<String> first = start();
        assertTrue(Files.exists(ARCHIVE), "a server's first start writes the archive: " + first);
        List<String> second = start();
        byte[] written = Files.readAllBytes(ARCHIVE);

        // an archive written by another JDK is replaced, not used
        Path stamp = Path.of(ARCHIVE + ".jdk");
        String ours = Files.readString(stamp);
        Files.writeString(stamp, "another JDK\n");
        List<String> foreign = start();
        assertEquals(ours, Files.readString(stamp), "the archive is stamped with the JDK that wrote it again");
        // an archive damaged on disk (without its checksums checked, the JVM crashed on one): left unused, quietly
        byte[] damaged = written.clone();
        for (int i = damaged.length / 2; i < damaged.length / 2 + 64; i++) {
            damaged[i] ^= (byte) 0x5a;
        }
        Files.write(ARCHIVE, damaged);
        List<String> afterDamage = start();
        for (List<String> output : List.of(first, second, foreign, afterDamage)) {
            assertEquals(2, output.size(), "a start says two things: " + output);
            assertTrue(output.get(0).startsWith("tipsearch: admin API off"), output.toString());
            assertTrue(output.get(1).startsWith("tipsearch: serving 208 paragraphs from 5 reports at http://"), output.toString());
            output.forEach(line -> assertFalse(NOISE.matcher(line).find(), line));
        }
    }

    /** What the launcher's server prints up to its ready line, and on being stopped. */
    private List<String> start() throws Exception {
        Process server = new ProcessBuilder("./tipsearch", "serve", "--port", "0", "--index", dir.resolve("index").toString(),
                "--reports", BundledReports.DIR.toString()).redirectErrorStream(true).start();
        var lines = new ArrayList<String>();
        try (var out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("tipsearch: serving")) {
                    server.toHandle().destroy(); // SIGTERM, as Ctrl-C would; Process.destroy would close the output
                }
            }
        } finally {
            assertTrue(server.waitFor(60, TimeUnit.SECONDS));
        }
        // the first start builds the index: its lines ("[1/5] report: added …") are the build's, then the server's;
        // only those are left out, so a library's "[main] WARN" or the JVM's "[warning][cds]" still counts
        return lines.stream().filter(l -> !BUILD_PROGRESS.matcher(l).lookingAt() && !l.startsWith("Indexed")
                && !l.startsWith("No current index")).toList();
    }
}
