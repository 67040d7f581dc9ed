package org.tipsearch.enrich;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Hand labels for the speaker-type and topic facets: each names a unit by its report file and a phrase found in
 * that unit alone.
 */
public record FacetLabels(String about, List<SpeakerLabel> speakerType, List<TopicLabel> topics) {

    /** The unit must carry at least one of the speaker types. */
    public record SpeakerLabel(String doc, String match, List<String> speakerType) {}

    /** The unit must carry every topic in {@code must} and none in {@code mustNot}. */
    public record TopicLabel(String doc, String match, List<String> must, List<String> mustNot) {}

    public FacetLabels {
        speakerType = speakerType == null ? List.of() : List.copyOf(speakerType);
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    public static FacetLabels read(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), FacetLabels.class);
    }
}
