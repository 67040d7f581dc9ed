package org.tipsearch.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import org.tipsearch.ingest.ReportMetadata;
import org.tipsearch.ingest.TextAccount;

/** The records as they are stored in the index, so that a hit is rebuilt exactly as it was read. */
final class StoredJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private StoredJson() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot store " + value, e);
        }
    }

    static Documents.StoredUnit unit(String json) {
        return read(json, Documents.StoredUnit.class);
    }

    static Documents.StoredRecommendation recommendation(String json) {
        return read(json, Documents.StoredRecommendation.class);
    }

    static TextAccount account(String json) {
        return read(json, TextAccount.class);
    }

    static ReportMetadata report(String json) {
        return read(json, ReportMetadata.class);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the index holds a " + type.getSimpleName()
                    + " that cannot be read; rebuild the index", e);
        }
    }
}
