package org.tipsearch.embed;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.List;

/**
 * Sentence embeddings for semantic search: bge-small-en-v1.5 (quantized), run on the CPU from the model file
 * inside its Maven artifact, so nothing is downloaded. Passages are embedded as they are; queries with the
 * instruction the model was trained with. Thread-safe.
 */
public final class Embedder {

    public static final int DIMENSIONS = 384;
    /** The instruction bge models expect before a short query that looks for passages. */
    private static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    private final EmbeddingModel model = new BgeSmallModel();

    public float[] query(String text) {
        return model.embed(QUERY_INSTRUCTION + text).content().vector();
    }

    /** A passage embedded in the calling thread: one text alone gains nothing from the model's threads. */
    public float[] passage(String text) {
        return model.embed(text).content().vector();
    }

    /** Passages embedded together, shared out among the model's threads, one a core for the whole process. */
    public List<float[]> passages(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream().map(e -> e.vector()).toList();
    }
}
