package org.tipsearch.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Collects a report's unit drafts and footnotes, then assigns ids, footnotes and statuses. */
final class DraftedUnits {
    /** A footnote marker in a unit's text, which the unit's footnotes stand for. */
    private static final Pattern FOOTNOTE_MARKER =
            Pattern.compile("(?<=[\\p{L}\\p{N}\\p{P}])[" + Line.superscriptDigits() + "]+");
    /** "- (a) …": a bullet before an item's own label is a second marker, which a unit does not repeat. */
    private static final Pattern BULLET_BEFORE_LABEL = Pattern.compile("(?<=^|\\s)[-–•▪]\\s+(?=\\(?[a-z0-9]{1,4}\\)\\s)");
    /** A cover block of this many words that ends a sentence is prose, not a title. */
    private static final int COVER_PROSE_WORDS = 40;
    /** A cover block this long is prose even if it ends no sentence (a page flattened onto a line): no title is. */
    private static final int RUN_ON_PROSE_WORDS = 100;
    /** A cover line of this many words that ends no sentence runs on into the next. */
    private static final int WRAPPED_WORDS = 8;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"”’)]?$");

    private final List<UnitDraft> drafts = new ArrayList<>();
    /** Each footnote with the number of drafts there were when it was printed. */
    private final List<Map.Entry<Integer, Footnote>> footnotes = new ArrayList<>();

    void add(UnitDraft draft) {
        drafts.add(draft);
    }

    /** UnitDrafts ahead of all others; the footnotes keep their units. */
    void prepend(List<UnitDraft> first) {
        drafts.addAll(0, first);
        footnotes.replaceAll(e -> Map.entry(e.getKey() + first.size(), e.getValue()));
    }

    /** A footnote printed here; {@code afterOpenUnit} when the unit it follows is still being read. */
    void footnote(Footnote footnote, boolean afterOpenUnit) {
        footnotes.add(Map.entry(drafts.size() + (afterOpenUnit ? 1 : 0), footnote));
    }

    List<Unit> build() {
        var notesByUnitDraft = new HashMap<Integer, List<Footnote>>();
        for (var entry : footnotes) {
            // a footnote printed above the first unit (under a heading) belongs to the first
            int owner = Math.max(0, ownerOf(entry.getValue().marker(), entry.getKey()));
            if (owner < drafts.size()) {
                notesByUnitDraft.computeIfAbsent(owner, k -> new ArrayList<>()).add(entry.getValue());
            }
        }
        var usedIds = new HashMap<String, Integer>();
        var out = new ArrayList<Unit>();
        for (int i = 0; i < drafts.size(); i++) {
            UnitDraft d = drafts.get(i);
            String text = BULLET_BEFORE_LABEL.matcher(FOOTNOTE_MARKER.matcher(d.text.toString()).replaceAll(""))
                    .replaceAll("").strip();
            if (text.isEmpty()) {
                continue;
            }
            String id = unique(baseId(d, out.size()), usedIds);
            RecommendationStatus status = d.kind != UnitKind.RECOMMENDATION ? null
                    : d.annex || String.join(" ", d.section).toLowerCase(Locale.ROOT).contains("proposed")
                            ? RecommendationStatus.PROPOSED
                            : RecommendationStatus.ADOPTED;
            out.add(new Unit(id, out.size(), d.kind, d.number, d.section, d.annex, text,
                    notesByUnitDraft.getOrDefault(i, List.of()), status));
        }
        return out;
    }

    /** The unit whose text carries the marker, looking back from where the footnote was printed. */
    private int ownerOf(String marker, int draftsBefore) {
        var superscript = new StringBuilder();
        marker.chars().filter(Character::isDigit)
                .forEach(c -> superscript.append(Line.superscriptDigits().charAt(c - '0')));
        for (int i = Math.min(draftsBefore, drafts.size()) - 1; i >= 0 && !superscript.isEmpty(); i--) {
            if (drafts.get(i).text.indexOf(superscript.toString()) >= 0) {
                return i;
            }
        }
        // No marker found (lost in extraction): the unit the footnote was printed under.
        return Math.min(draftsBefore, drafts.size()) - 1;
    }

    private static String baseId(UnitDraft d, int position) {
        String prefix = d.annex ? "annex-" : "";
        if (d.number == null) {
            return prefix + "text-" + (position + 1);
        }
        return prefix + switch (d.kind) {
            case PARAGRAPH -> "para-";
            case RECOMMENDATION -> "rec-";
            case BULLET -> "bullet-";
        } + d.number.toLowerCase(Locale.ROOT);
    }

    private static String unique(String id, Map<String, Integer> used) {
        int n = used.merge(id, 1, Integer::sum);
        return n == 1 ? id : id + "-" + n;
    }

    /**
     * Prose before the body, more than a cover line holds (a page flattened onto one line, a summary), is kept
     * as unnumbered text ahead of the body rather than left to the metadata: never dropped, and counted.
     */
    int keepCoverProse(List<String> frontMatter, Pattern preambleOpening) {
        List<String> preamble = preamble(frontMatter, preambleOpening);
        var prose = new ArrayList<String>();
        // a block of lines that runs on until a sentence ends: a summary hard-wrapped on the cover
        var kept = new ArrayList<String>();
        var block = new ArrayList<String>();
        for (String line : frontMatter) {
            block.add(line);
            if (!SENTENCE_END.matcher(line).find() && line.split("\\s+").length >= WRAPPED_WORDS) {
                continue; // runs on
            }
            String joined = String.join(" ", block);
            if (joined.split("\\s+").length >= COVER_PROSE_WORDS && SENTENCE_END.matcher(joined).find()) {
                prose.add(joined);
            } else {
                kept.addAll(block);
            }
            block.clear();
        }
        String rest = String.join(" ", block);
        if (rest.split("\\s+").length >= RUN_ON_PROSE_WORDS) {
            prose.add(rest);
        } else {
            kept.addAll(block);
        }
        frontMatter.clear();
        frontMatter.addAll(kept);
        prepend(Stream.concat(prose.stream(), preamble.stream())
                .map(p -> new UnitDraft(UnitKind.PARAGRAPH, null, List.of(), false, p)).toList());
        return prose.stream().mapToInt(TextAccount::characters).sum();
    }

    /**
     * A resolution's preambular paragraphs, which stand before its numbered operative ones where a cover would:
     * each opens as the cue says ("Recalling …,") and runs on to the next, the lines between its own (a note a
     * converter set inside it). They are taken out of the front matter, which keeps what stands above the first.
     */
    private static List<String> preamble(List<String> frontMatter, Pattern opening) {
        int first = 0;
        while (first < frontMatter.size() && !opening.matcher(frontMatter.get(first)).find()) {
            first++;
        }
        List<String> rest = frontMatter.subList(first, frontMatter.size());
        // a preamble: clauses that open so, two at least, ending in commas ("Welcoming remarks by …" is a title)
        if (rest.stream().filter(l -> opening.matcher(l).find()).count() < 2
                || rest.stream().noneMatch(l -> l.strip().endsWith(","))) {
            return List.of();
        }
        var paragraphs = new ArrayList<String>();
        for (String line : frontMatter.subList(first, frontMatter.size())) {
            if (opening.matcher(line).find() || paragraphs.isEmpty()) {
                paragraphs.add(line.strip());
            } else {
                paragraphs.set(paragraphs.size() - 1, paragraphs.getLast() + " " + line.strip());
            }
        }
        frontMatter.subList(first, frontMatter.size()).clear();
        return paragraphs;
    }
}
