package org.tipsearch.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.tipsearch.curation.CuratorFiles;

/**
 * A group of the curator's synonyms ({@code synonyms.txt}, one group a line): words or phrases that mean the same,
 * the group named by its first entry. A query's phrase of a group also finds the group's other entries; which
 * groups a unit mentions is known when it is enriched, so a search asks for a group as one term rather than for
 * each of its phrases.
 */
public record SynonymGroup(String name, List<String> entries) {

    public SynonymGroup {
        entries = List.copyOf(entries);
        if (entries.isEmpty() || entries.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a synonym group needs entries, none blank: " + entries);
        }
        if (!entries.get(0).equals(Objects.requireNonNull(name, "name"))) {
            throw new IllegalArgumentException("a synonym group is named by its first entry, not '" + name + "'");
        }
    }

    /** The groups of {@code synonyms.txt}: comma-separated entries, one group a line. */
    public static List<SynonymGroup> load() {
        return CuratorFiles.lines(SynonymGroup.class, "synonyms.txt").stream().map(SynonymGroup::parse).toList();
    }

    static SynonymGroup parse(String line) {
        if (line.contains("=>")) {
            throw new IllegalStateException("synonyms.txt: '" + line + "' is a one-way mapping (=>); each line must be"
                    + " a group of equivalent entries separated by commas");
        }
        List<String> entries = Arrays.stream(line.split(",")).map(String::strip).toList();
        try {
            return new SynonymGroup(entries.get(0), entries);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("synonyms.txt: '" + line + "': " + e.getMessage(), e);
        }
    }
}
