package org.tipsearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.tipsearch.index.IndexBuild;
import org.tipsearch.index.IndexIntegrity;
import org.tipsearch.index.ReportIndexer;

/**
 * Verifies an index before a command uses it; a damaged index is set aside (never deleted) and rebuilt from its
 * reports folder, which one line says.
 */
final class IndexRepair {

    private IndexRepair() {}

    /**
     * Verifies the index at {@code index}, if there is one, and repairs it when damaged.
     *
     * @return whether it was repaired
     * @throws IllegalStateException when it is damaged and there is no reports folder to rebuild it from
     */
    static boolean verify(Path index, Path reports, PrintWriter out) throws IOException {
        if (!Files.isDirectory(index)) {
            return false;
        }
        Optional<String> damage = IndexIntegrity.damage(index);
        if (damage.isEmpty()) {
            return false;
        }
        // the folder the index was built from, as its last commit says, before the one this command names
        Path from = ReportIndexer.reportsFolderOf(index).filter(Files::isDirectory).orElse(reports);
        if (!Files.isDirectory(from)) {
            throw new IllegalStateException("the index at " + index + " is damaged (" + damage.get() + ") and there is"
                    + " no reports folder at " + from + " to rebuild it from; give --reports DIR");
        }
        Path aside = IndexIntegrity.setAside(index);
        IndexBuild.Summary summary = IndexBuild.rebuild(from, index, IndexBuild.Progress.QUIET);
        out.printf(Locale.ROOT, "tipsearch: the index at %s was damaged (%s); set aside at %s and rebuilt from %s: "
                + "%s, %d units%s%n", index, damage.get(), aside, from,
                summary.reports() == 1 ? "1 report" : summary.reports() + " reports", summary.units(),
                summary.failures().isEmpty() ? "" : ", " + summary.failures().size() + " failed");
        out.flush();
        return true;
    }
}
