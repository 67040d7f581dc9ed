package org.tipsearch.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executors;

/**
 * bge-small-en-v1.5 (quantized) from the files of its Maven artifact, as its own model class loads it, but in an
 * ONNX Runtime session that runs an embedding in one thread. By default a run shares itself out among a thread
 * per core, which a text of a few dozen tokens is too small for: the threads cost more to share it out than they
 * save, and two requests at once would each wait for the other's threads.
 */
final class BgeSmallModel extends AbstractInProcessEmbeddingModel {

    /** The session, loaded once a process on first use, as the library loads its own: it holds the 34 MB model. */
    private static final class Shared {
        static final OnnxBertBiEncoder ENCODER = load();
    }

    /**
     * {@link #embedAll} shares out a batch among threads of this object's own, one a core: a server's searches
     * and its uploads each have their own model object, so a search's passages never wait behind the units of a
     * report being added.
     */
    BgeSmallModel() {
        super(Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                Thread.ofPlatform().name("embed-", 0).daemon().factory()));
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return Shared.ENCODER;
    }

    @Override
    protected Integer knownDimension() {
        return Embedder.DIMENSIONS;
    }

    private static OnnxBertBiEncoder load() {
        try (InputStream model = resource("/bge-small-en-v1.5-q.onnx");
                InputStream tokenizer = resource("/bge-small-en-v1.5-q-tokenizer.json");
                var options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model from its jar", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = BgeSmallEnV15QuantizedEmbeddingModel.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("the embedding model's jar has no " + name);
        }
        return in;
    }
}
