package org.tipsearch.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * {@link CloseNeighboursQuery} against the library's way to the same set: Lucene's {@link KnnFloatVectorQuery}
 * with its hits below the floor dropped afterwards. The same units with the same scores, with and without a
 * filter, over several segments; and fewer than k where the floor cuts. (Lucene's
 * {@code FloatVectorSimilarityQuery} is not the same set: it has no k, and matches every unit above the floor.)
 */
class CloseNeighboursQueryTest {

    private static final int DIMENSIONS = 16;
    private static final String VECTOR = "vector";

    @Test
    void theSameNeighboursAsLucenesKnnHitsCutAtTheFloorAfterwards() throws Exception {
        var random = new Random(20261207);
        try (Directory dir = new ByteBuffersDirectory()) {
            try (var writer = new IndexWriter(dir, new IndexWriterConfig().setMaxBufferedDocs(300))) {
                for (int i = 0; i < 2_000; i++) {
                    var doc = new Document();
                    doc.add(new KnnFloatVectorField(VECTOR, unit(random), VectorSimilarityFunction.COSINE));
                    doc.add(new StringField("half", i % 2 == 0 ? "even" : "odd", Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertTrue(reader.leaves().size() > 1, "several segments");
                var searcher = new IndexSearcher(reader);
                int cut = 0;
                for (int q = 0; q < 20; q++) {
                    float[] target = unit(random);
                    for (Query filter : Arrays.asList(null, new TermQuery(new Term("half", "even")))) {
                        for (float floor : new float[] {0.5f, 0.6f, 0.7f}) {
                            ScoreDoc[] knn = searcher.search(new KnnFloatVectorQuery(VECTOR, target, 50, filter), 50)
                                    .scoreDocs;
                            List<String> expected = describe(Arrays.stream(knn).filter(d -> d.score >= floor)
                                    .toArray(ScoreDoc[]::new));
                            List<String> actual = describe(searcher.search(
                                    new CloseNeighboursQuery(VECTOR, target, 50, filter, floor), 50).scoreDocs);
                            assertEquals(expected, actual, "query " + q + ", floor " + floor + ", filter " + filter);
                            cut += expected.size() < 50 ? 1 : 0;
                        }
                    }
                }
                assertTrue(cut > 0, "the floor cut some neighbours");
            }
        }
    }

    private static float[] unit(Random random) {
        float[] v = new float[DIMENSIONS];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private static List<String> describe(ScoreDoc[] hits) {
        var out = new ArrayList<String>();
        for (ScoreDoc hit : hits) {
            out.add(hit.doc + ":" + hit.score);
        }
        out.sort(null);
        return out;
    }
}
