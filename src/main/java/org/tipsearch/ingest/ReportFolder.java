package org.tipsearch.ingest;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The folder of report files an index is built from. Reports ingested into the index are kept there as they
 * came, so that rebuilding the index from the folder ({@code tipsearch index}, or a server start after a schema
 * change) gives back every report, under the same ids; a report removed from the index leaves it too.
 */
public final class ReportFolder {

    private final Path dir;

    public ReportFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * Keeps a report's original file, replacing any earlier one of the same report, in one atomic step. It is
     * kept under its own name when that name gives the report's id, else under the id, so that a rebuild reads
     * it as the same report; a sidecar that came with the file comes along.
     *
     * @param from the file it was read from, when it came from a folder (null for an upload)
     */
    public void keep(String fileName, byte[] content, String reportId, Path from) throws IOException {
        Path target = dir.resolve(storedName(fileName, reportId));
        if (from != null && Files.exists(target) && Files.isSameFile(from, target)) {
            return; // ingested from this very folder
        }
        Files.createDirectories(dir);
        write(target, content);
        Path sidecar = from == null ? null : from.resolveSibling(from.getFileName() + MetadataOverrides.SUFFIX);
        if (sidecar != null && Files.isRegularFile(sidecar)) {
            write(sidecarOf(target), Files.readAllBytes(sidecar));
        } else {
            Files.deleteIfExists(sidecarOf(target));
        }
    }

    /**
     * Lets go of the file of the version a report replaced, unless the new version is kept under the same name
     * (a replacement keeps the report's id, and so, often, the name it is kept under).
     */
    public void forgetReplaced(String replacedFileName, String newFileName, String reportId) throws IOException {
        if (!storedName(replacedFileName, reportId).equals(storedName(newFileName, reportId))) {
            forget(replacedFileName, reportId);
        }
    }

    /** Lets go of a report's file (and its sidecar): the report left the index. */
    public void forget(String fileName, String reportId) throws IOException {
        Path target = dir.resolve(storedName(fileName, reportId));
        Files.deleteIfExists(target);
        Files.deleteIfExists(sidecarOf(target));
    }

    /** The file's own name when it gives the report's id, else the id with the file's extension. */
    static String storedName(String fileName, String reportId) {
        if (ReportReader.slug(fileName).equals(reportId)) {
            return fileName;
        }
        int dot = fileName.lastIndexOf('.');
        return reportId + (dot < 0 ? "" : fileName.substring(dot).toLowerCase(Locale.ROOT));
    }

    private static Path sidecarOf(Path file) {
        return file.resolveSibling(file.getFileName() + MetadataOverrides.SUFFIX);
    }

    /** Writes beside the target and moves into place, so that the folder never holds half a file. */
    private static void write(Path target, byte[] content) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), ".ingest-", ".part");
        try {
            Files.write(temporary, content);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
