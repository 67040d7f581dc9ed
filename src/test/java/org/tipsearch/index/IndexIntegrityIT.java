package org.tipsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipsearch.BundledReports;
import org.tipsearch.Folders;

/** Bytes flipped in any file of the bundled index are found by the integrity check, which opening does not do. */
class IndexIntegrityIT {

    @TempDir
    static Path built;

    @TempDir
    Path work;

    @BeforeAll
    static void buildBundledIndex() throws IOException {
        BundledReports.index(built.resolve("index"));
    }

    /** One file of each kind the index holds (by extension: .vec, .fdt, .tim, .doc, .dvd, .si, segments …). */
    static Stream<String> fileKinds() throws IOException {
        var byKind = new TreeMap<String, String>();
        try (Stream<Path> files = Files.list(built.resolve("index"))) {
            files.map(f -> f.getFileName().toString()).filter(n -> !n.equals("write.lock"))
                    .forEach(n -> byKind.putIfAbsent(n.startsWith("segments_") ? "segments" : n.replaceFirst("^[^.]*", ""), n));
        }
        assertTrue(byKind.size() >= 8, "kinds of index file: " + byKind);
        return byKind.values().stream();
    }

    @Test
    void aWholeIndexHasNoDamage() {
        assertEquals(Optional.empty(), IndexIntegrity.damage(built.resolve("index")));
        assertEquals(Optional.empty(), IndexIntegrity.damage(work.resolve("no-index-yet")));
    }

    @ParameterizedTest
    @MethodSource("fileKinds")
    void sixtyFourBytesFlippedInTheMiddleOfAnyFileAreFound(String file) throws IOException {
        Path index = copy();
        Folders.flipBytes(index.resolve(file));
        Optional<String> damage = IndexIntegrity.damage(index);
        assertTrue(damage.isPresent(), file + " damaged but not found");
    }

    @Test
    void aBackgroundCheckMarksTheIndexSoTheNextStartRepairsIt() throws Exception {
        Path index = copy();
        Folders.flipBytes(index.resolve(fileKinds().filter(f -> f.endsWith(".fdt")).findFirst().orElseThrow()));
        var told = new java.util.concurrent.CompletableFuture<String>();
        IndexCheck check = IndexCheck.inBackground(index, told::complete);
        String damage = told.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(IndexCheck.State.DAMAGED, check.state());
        assertEquals(Optional.of(damage), check.damage());
        assertTrue(IndexIntegrity.isMarkedDamaged(index));

        Path aside = IndexIntegrity.setAside(index);
        assertFalse(Files.exists(index));
        assertTrue(Files.exists(aside.resolve("tipsearch-damaged.txt")), "set aside, not deleted: " + aside);
    }

    @Test
    void aWholeIndexCheckedInTheBackgroundIsWhole() throws Exception {
        IndexCheck check = IndexCheck.inBackground(built.resolve("index"), damage -> {});
        for (int i = 0; i < 300 && check.state() == IndexCheck.State.VERIFYING; i++) {
            Thread.sleep(100);
        }
        assertEquals(IndexCheck.State.WHOLE, check.state());
    }

    private Path copy() throws IOException {
        Path index = work.resolve("index");
        Folders.copy(built.resolve("index"), index);
        return index;
    }
}
