package org.tipsearch.search.lucene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tipsearch.embed.Embedder;

/** The embedding caches (Caffeine's) give the model's own embeddings, and one embedding to concurrent askers. */
class EmbeddingsTest {

    private static Embedder model;

    @BeforeAll
    static void loadModel() {
        model = new Embedder();
    }

    @Test
    void theCachesGiveTheModelsOwnEmbeddingsFreshAndKept() {
        var embeddings = new Embeddings();
        for (String query : List.of("non-punishment of victims", "how can hospital staff tell a donor was trafficked")) {
            float[] fresh = embeddings.query(query);
            assertArrayEquals(model.query(query), fresh, query);
            assertSame(fresh, embeddings.query(query), "the second time from the cache: " + query);
        }
        List<String> texts = List.of("States parties should protect victims.", "The panel discussed forced labour.",
                "States parties should protect victims.", "Children recruited by armed groups.");
        List<float[]> fresh = embeddings.passages(texts);
        assertEquals(texts.size(), fresh.size());
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(model.passage(texts.get(i)), fresh.get(i), 1e-4f, texts.get(i));
        }
        assertSame(fresh.get(0), fresh.get(2), "one embedding for a text asked twice");
        List<float[]> kept = embeddings.passages(List.of(texts.get(3), "A text not asked before."));
        assertSame(fresh.get(3), kept.get(0), "from the cache");
        assertArrayEquals(model.passage("A text not asked before."), kept.get(1), 1e-4f);
        embeddings.clear();
        float[] again = embeddings.passages(List.of(texts.get(3))).get(0);
        assertArrayEquals(fresh.get(3), again, 1e-4f);
        assertEquals(false, again == fresh.get(3), "embedded anew once cleared");
    }

    @Test
    void manyAskingForTheSameNewPassagesAtOnceShareOneEmbeddingOfEach() throws Exception {
        var embeddings = new Embeddings();
        List<String> texts = IntStream.range(0, 24).mapToObj(i -> "Paragraph " + i + " on assistance to victims.")
                .toList();
        int askers = 6;
        var start = new CyclicBarrier(askers);
        try (ExecutorService pool = Executors.newFixedThreadPool(askers)) {
            var answers = new ArrayList<Future<List<float[]>>>();
            for (int a = 0; a < askers; a++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return embeddings.passages(texts);
                }));
            }
            List<float[]> first = answers.get(0).get();
            for (Future<List<float[]>> answer : answers) {
                List<float[]> vectors = answer.get();
                for (int i = 0; i < texts.size(); i++) {
                    assertSame(first.get(i), vectors.get(i), "one embedding of " + texts.get(i));
                }
            }
        }
    }
}
