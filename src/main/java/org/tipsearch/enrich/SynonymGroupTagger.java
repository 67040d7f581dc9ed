package org.tipsearch.enrich;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tipsearch.analysis.SynonymGroup;

/** Counts the mentions of the curator's synonym groups in a piece of text, by any of their entries. */
final class SynonymGroupTagger {

    private record CompiledGroup(String name, List<PhraseMatcher.Phrase> entries) {}

    private final PhraseMatcher matcher;
    private final List<CompiledGroup> groups;

    SynonymGroupTagger(List<SynonymGroup> groups, PhraseMatcher matcher) {
        this.matcher = matcher;
        this.groups = groups.stream()
                .map(g -> new CompiledGroup(g.name(), g.entries().stream().map(matcher::phrase).toList()))
                .toList();
    }

    /** How many times the text mentions each group it mentions, by group name. */
    Map<String, Integer> mentionsOf(PhraseMatcher.Text text) {
        var mentions = new LinkedHashMap<String, Integer>();
        for (CompiledGroup group : groups) {
            // a stretch of text two entries read alike in is one mention
            var spans = new HashSet<PhraseMatcher.Span>();
            group.entries().forEach(entry -> spans.addAll(matcher.find(text, entry)));
            if (!spans.isEmpty()) {
                mentions.put(group.name(), spans.size());
            }
        }
        return mentions;
    }
}
