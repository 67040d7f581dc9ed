package org.tipsearch.enrich;

import java.util.List;

/** What enrichment says of one unit: the topics it is about and who speaks in it (ids, sorted, no repeats). */
public record Annotations(List<String> topics, List<String> speakerTypes) {
    public static final Annotations NONE = new Annotations(List.of(), List.of());

    public Annotations {
        topics = topics.stream().distinct().sorted().toList();
        speakerTypes = speakerTypes.stream().distinct().sorted().toList();
    }
}
