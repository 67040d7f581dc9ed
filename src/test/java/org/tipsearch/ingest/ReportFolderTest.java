package org.tipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reports folder keeps ingested originals so that a rebuild reads them as the same reports. */
class ReportFolderTest {

    @TempDir
    Path dir;

    @TempDir
    Path elsewhere;

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    List<String> names() throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFileIsKeptUnderItsNameWhenThatGivesItsIdElseUnderTheId() {
        assertEquals("Report 2099.pdf", ReportFolder.storedName("Report 2099.pdf", "report-2099"));
        assertEquals("wg-2099.txt", ReportFolder.storedName("wg-2099-corrigendum.TXT", "wg-2099"));
        assertEquals("wg-2099", ReportFolder.storedName("no extension", "wg-2099"));
    }

    @Test
    void keepingReplacesAtomicallyAndForgettingRemovesTheFileAndItsSidecar() throws Exception {
        var folder = new ReportFolder(dir.resolve("reports"));
        folder.keep("a.txt", bytes("first"), "a", null);
        folder.keep("a.txt", bytes("second"), "a", null);
        dir = dir.resolve("reports");
        assertEquals(List.of("a.txt"), names(), "no temporary file is left behind");
        assertEquals("second", Files.readString(dir.resolve("a.txt")));

        Path source = elsewhere.resolve("b.txt");
        Files.writeString(source, "b");
        Files.writeString(elsewhere.resolve("b.txt.meta.json"), "{\"session\": 15}");
        folder.keep("b.txt", bytes("b"), "b", source);
        assertEquals(List.of("a.txt", "b.txt", "b.txt.meta.json"), names(), "the sidecar comes along");

        folder.forget("b.txt", "b");
        assertEquals(List.of("a.txt"), names());
    }

    @Test
    void aReplacedVersionGoesUnlessTheNewOneTookItsPlace() throws Exception {
        var folder = new ReportFolder(dir);
        folder.keep("wg.txt", bytes("v1"), "wg", null);
        folder.keep("wg-corrigendum.txt", bytes("v2"), "wg", null); // kept under the id it keeps: wg.txt
        folder.forgetReplaced("wg.txt", "wg-corrigendum.txt", "wg");
        assertEquals(List.of("wg.txt"), names());
        assertEquals("v2", Files.readString(dir.resolve("wg.txt")));

        folder.keep("other.txt", bytes("x"), "other-id", null); // kept as other-id.txt
        folder.keep("other-id.txt", bytes("y"), "other-id", null);
        folder.forgetReplaced("other.txt", "other-id.txt", "other-id");
        assertTrue(Files.exists(dir.resolve("other-id.txt")));
        assertFalse(Files.exists(dir.resolve("other.txt")));
    }
}
