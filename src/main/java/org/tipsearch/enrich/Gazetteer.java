package org.tipsearch.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tipsearch.curation.CuratorFiles;

/**
 * Named things (States, organizations) found in text by any of their names and reported by their canonical
 * name. Where names overlap, the longer wins: "Papua New Guinea" is not also "Guinea".
 */
final class Gazetteer {

    /** One entry of a gazetteer file. */
    record Entry(String name, String type, List<String> aliases) {
        Entry {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a gazetteer entry has no name");
            }
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    /** A canonical name found at a span. */
    record Mention(Entry entry, PhraseMatcher.Span span) {}

    private record File(String about, List<Entry> countries, List<Entry> organizations) {}

    private final PhraseMatcher matcher;
    private final Map<PhraseMatcher.Phrase, Entry> names = new LinkedHashMap<>();

    private Gazetteer(PhraseMatcher matcher, List<Entry> entries) {
        this.matcher = matcher;
        for (Entry entry : entries) {
            Stream.concat(Stream.of(entry.name()), entry.aliases().stream())
                    .forEach(name -> names.put(matcher.phrase(name), entry));
        }
    }

    static Gazetteer countries(PhraseMatcher matcher) {
        return new Gazetteer(matcher, load("countries.json").countries());
    }

    static Gazetteer organizations(PhraseMatcher matcher) {
        return new Gazetteer(matcher, load("organizations.json").organizations());
    }

    /** Every mention, longest first where they overlap, in text order. */
    List<Mention> find(PhraseMatcher.Text text) {
        var all = new ArrayList<Mention>();
        names.forEach((phrase, entry) -> matcher.find(text, phrase).forEach(span -> all.add(new Mention(entry, span))));
        all.sort(Comparator.comparingInt((Mention m) -> m.span().end() - m.span().start()).reversed());
        var kept = new ArrayList<Mention>();
        for (Mention m : all) {
            if (kept.stream().noneMatch(k -> overlaps(k.span(), m.span()))) {
                kept.add(m);
            }
        }
        kept.sort(Comparator.comparingInt(m -> m.span().start()));
        return kept;
    }

    /** The entry a name stands for, if the whole name is one of the gazetteer's names. */
    Entry lookup(String name) {
        PhraseMatcher.Text text = matcher.text(name);
        return find(text).stream()
                .filter(m -> m.span().start() == 0 && m.span().end() == text.size())
                .map(Mention::entry)
                .findFirst()
                .orElse(null);
    }

    static boolean overlaps(PhraseMatcher.Span a, PhraseMatcher.Span b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    private static File load(String resource) {
        return CuratorFiles.json(Gazetteer.class, resource, File.class);
    }
}
