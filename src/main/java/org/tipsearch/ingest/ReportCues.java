package org.tipsearch.ingest;

import java.util.List;
import java.util.Objects;
import org.tipsearch.curation.CuratorFiles;

/**
 * The curator-editable cues for reading metadata from report text, loaded from {@code report-cues.json}.
 */
record ReportCues(
        String about,
        List<String> frontMatterNoise,
        String symbol,
        String meetingLine,
        String citedDate,
        List<Furniture> pageFurniture,
        List<String> footerPieces,
        String footnoteRule,
        ContentsCue contents,
        FlattenedPagesCue flattenedPages,
        List<String> coverItems,
        List<String> numberedReferences,
        List<KindCue> kinds,
        List<String> bodies,
        List<String> sessionPatterns,
        List<String> ordinals,
        List<SymbolBody> symbolBodies,
        String caption,
        RightColumnCue rightColumn,
        String preambleOpening) {

    /**
     * What a masthead's right column prints at the end of a left column's line: its items anywhere on the cover, the
     * issue date only under the distribution ("United Nations Convention 17 February 2010"), as a title's line may
     * end in the meeting's date.
     */
    record RightColumnCue(List<String> items, String dateUnderDistribution) {
        RightColumnCue {
            items = List.copyOf(items);
        }
    }

    /** Title patterns that mark a report kind. */
    record KindCue(String kind, List<String> titlePatterns) {
        KindCue {
            ReportKind.fromId(kind); // fails early on a typo in the resource
            titlePatterns = List.copyOf(titlePatterns);
        }
    }

    /** A line a page prints around its text, of a kind the account of a report's text names. */
    record Furniture(String kind, String pattern) {
        Furniture {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(pattern, "pattern");
        }
    }

    /** A table of contents: its heading, what marks its entries (dot leaders, page numbers), its column heads. */
    record ContentsCue(String heading, String entry, String columns) {
        ContentsCue {
            Objects.requireNonNull(heading, "heading");
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(columns, "columns");
        }
    }

    /**
     * A text where each page came out on one line: how long such a line is at least, and what cuts it back into
     * the lines a page prints (its header, footer, footnote rule, a table of contents and its last entry).
     */
    record FlattenedPagesCue(int minLength, String header, String footer, String footnoteRule, String contentsHeading,
            String contentsEntry) {
        FlattenedPagesCue {
            if (minLength < 1) {
                throw new IllegalArgumentException("flattenedPages.minLength must be positive: " + minLength);
            }
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(footer, "footer");
            Objects.requireNonNull(footnoteRule, "footnoteRule");
            Objects.requireNonNull(contentsHeading, "contentsHeading");
            Objects.requireNonNull(contentsEntry, "contentsEntry");
        }
    }

    /** The body whose document a symbol is, by the symbol's pattern: "^CTOC/COP/WG\\.4/" the trafficking one. */
    record SymbolBody(String pattern, String body) {
        SymbolBody {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(body, "body");
        }
    }

    ReportCues {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(meetingLine, "meetingLine");
        pageFurniture = List.copyOf(pageFurniture);
        footerPieces = List.copyOf(footerPieces);
        Objects.requireNonNull(footnoteRule, "footnoteRule");
        Objects.requireNonNull(contents, "contents");
        Objects.requireNonNull(flattenedPages, "flattenedPages");
        coverItems = List.copyOf(coverItems);
        rightColumn = rightColumn == null ? new RightColumnCue(List.of(), null) : rightColumn;
        numberedReferences = List.copyOf(numberedReferences);
        frontMatterNoise = List.copyOf(frontMatterNoise);
        kinds = List.copyOf(kinds);
        bodies = List.copyOf(bodies);
        sessionPatterns = List.copyOf(sessionPatterns);
        ordinals = List.copyOf(ordinals);
        Objects.requireNonNull(citedDate, "citedDate");
        symbolBodies = List.copyOf(symbolBodies);
    }

    static ReportCues load() {
        return CuratorFiles.json(ReportCues.class, "report-cues.json", ReportCues.class);
    }
}
