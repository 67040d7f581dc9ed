package org.tipsearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Whether an index on disk is whole: every file of its last commit read through and its checksum compared
 * (Lucene's {@code checkIntegrity}), which opening an index does not do — a flipped byte in the middle of a
 * vectors or stored-fields file opens and answers searches wrongly. A damaged index is set aside, never deleted.
 */
public final class IndexIntegrity {

    /**
     * Above this size a server verifies its index in the background, as reading it through takes seconds; below
     * it, before the first answer.
     */
    public static final long LARGE_BYTES = 256L * 1024 * 1024;
    /** Left in the index folder by a check that found damage; Lucene leaves files it does not know alone. */
    private static final String DAMAGE_MARK = "tipsearch-damaged.txt";

    private IndexIntegrity() {}

    /**
     * What is damaged in the index, or empty when every file's checksum holds (or there is no index yet). Also
     * damage: a file missing, cut short or unreadable; and a mark left by an earlier check that found damage.
     */
    public static Optional<String> damage(Path indexDir) {
        Path mark = indexDir.resolve(DAMAGE_MARK);
        if (Files.exists(mark)) {
            try {
                return Optional.of(Files.readString(mark, StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                return Optional.of("marked damaged by an earlier check");
            }
        }
        if (!Files.isDirectory(indexDir)) {
            return Optional.empty();
        }
        try (Directory directory = FSDirectory.open(indexDir)) {
            if (!DirectoryReader.indexExists(directory)) {
                return Optional.empty();
            }
            verify(directory);
            return Optional.empty();
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException
                | java.io.EOFException | java.nio.file.NoSuchFileException e) {
            // a checksum or a header that does not hold, a file cut short or missing: damage; anything else (a
            // permission, too many open files) says nothing of the index, and is thrown
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot verify the index at " + indexDir + ": " + e.getMessage(), e);
        }
    }

    private static void verify(Directory directory) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                leaf.reader().checkIntegrity();
            }
        }
    }

    /** Whether an earlier check left its mark of damage in the index folder. */
    public static boolean isMarkedDamaged(Path indexDir) {
        return Files.exists(indexDir.resolve(DAMAGE_MARK));
    }

    /** Leaves a mark that the index is damaged, so that the next start sets it aside before serving from it. */
    public static void markDamaged(Path indexDir, String damage) {
        try {
            Files.writeString(indexDir.resolve(DAMAGE_MARK), damage + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark the index at " + indexDir + " as damaged", e);
        }
    }

    /**
     * Moves a damaged index aside, beside it as {@code NAME.damaged-YYYYMMDD-HHMMSS}, for whoever wants to look
     * at it; the index folder is then free for a rebuild.
     *
     * @return where it now is
     */
    public static Path setAside(Path indexDir) throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        Path named = indexDir.toAbsolutePath().normalize();
        Path aside = named.resolveSibling(named.getFileName() + ".damaged-" + stamp);
        for (int n = 2; Files.exists(aside); n++) {
            aside = named.resolveSibling(named.getFileName() + ".damaged-" + stamp + "-" + n);
        }
        Files.move(named, aside);
        return aside;
    }

    /** The index's size on disk, to choose between checking it now and in the background. */
    public static long size(Path indexDir) throws IOException {
        try (Stream<Path> files = Files.list(indexDir)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }
}
