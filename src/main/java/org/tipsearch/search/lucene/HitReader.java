package org.tipsearch.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/** Reads the stored records of a page of hits (see {@link PageOfHits}). */
interface HitReader<H> {

    List<H> read(ReportSearcher searcher, ScoreDoc[] docs, Query highlightQuery, boolean scored) throws IOException;

    /**
     * Reads the hits in parts side by side, a part a core, when the index is large enough to be searched in
     * several slices, rather than on one core while the others wait. A small index, one slice, is read by the
     * caller alone.
     */
    default List<H> readSideBySide(ReportSearcher searcher, ScoreDoc[] docs, Query highlightQuery, boolean scored)
            throws IOException {
        int parts = searcher.getSlices().length > 1 ? Math.min(docs.length, LuceneEngine.CORES) : 1;
        if (parts <= 1) {
            return read(searcher, docs, highlightQuery, scored);
        }
        var reads = new ArrayList<Callable<List<H>>>(parts);
        for (int part = 0; part < parts; part++) {
            ScoreDoc[] partDocs = Arrays.copyOfRange(docs, docs.length * part / parts,
                    docs.length * (part + 1) / parts);
            reads.add(() -> read(searcher, partDocs, highlightQuery, scored));
        }
        var hits = new ArrayList<H>(docs.length);
        searcher.getTaskExecutor().invokeAll(reads).forEach(hits::addAll);
        return hits;
    }
}
