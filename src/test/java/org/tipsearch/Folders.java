package org.tipsearch;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary folders the tests make outside JUnit's own, and must clear up themselves. */
public final class Folders {
    private Folders() {}

    /** Copies a flat folder's files (an index) into a new folder. */
    public static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    /** Deletes the folder and everything in it, the deepest first. */
    public static void delete(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Inverts 64 bytes in the middle of a file (or all of a smaller one's but its first). */
    public static void flipBytes(Path file) throws IOException {
        try (var raf = new RandomAccessFile(file.toFile(), "rw")) {
            long length = raf.length();
            long from = Math.max(1, length / 2 - 32);
            int count = (int) Math.min(64, length - from);
            byte[] bytes = new byte[count];
            raf.seek(from);
            raf.readFully(bytes);
            for (int i = 0; i < count; i++) {
                bytes[i] = (byte) ~bytes[i];
            }
            raf.seek(from);
            raf.write(bytes);
        }
    }
}
