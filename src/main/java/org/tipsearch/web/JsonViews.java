package org.tipsearch.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tipsearch.enrich.Annotations;
import org.tipsearch.enrich.Recommendation;
import org.tipsearch.enrich.Taxonomy;
import org.tipsearch.index.ReportLibrary;
import org.tipsearch.ingest.TextAccount;
import org.tipsearch.ingest.Footnote;
import org.tipsearch.ingest.Unit;
import org.tipsearch.ingest.RecommendationStatus;
import org.tipsearch.ingest.ReportMetadata;
import org.tipsearch.search.Citation;
import org.tipsearch.search.Closeness;
import org.tipsearch.search.ReportContents;
import org.tipsearch.search.ReportSummary;
import org.tipsearch.search.FacetCount;
import org.tipsearch.search.Hit;
import org.tipsearch.search.UnitInContext;
import org.tipsearch.search.RecommendationHit;
import org.tipsearch.search.SearchResults;
import org.tipsearch.search.Suggestion;

/** The JSON shapes of the API: the one mapping from search results to what clients read. */
final class JsonViews {
    private JsonViews() {}

    record DocumentView(
            String id, String title, String kind, String body, String session, Integer sessionNumber, Integer year,
            String date, String endDate, String dates, String issued, String symbol, String source, String brief) {
        static DocumentView of(ReportMetadata m) {
            return new DocumentView(m.id(), m.title(), m.kind().id(), m.body(),
                    m.session() == null ? null : m.session().label(),
                    m.session() == null ? null : m.session().ordinal(),
                    m.year(),
                    m.date() == null ? null : m.date().toString(),
                    m.endDate() == null ? null : m.endDate().toString(),
                    Citation.dates(m.date(), m.endDate()),
                    m.issued() == null ? null : m.issued().toString(),
                    m.symbol(), m.source(), Citation.brief(m));
        }
    }

    /** A report in the list of reports: its metadata, its size, and when it was added (from the file {@code source}). */
    record DocumentListEntry(@JsonUnwrapped DocumentView document, int paragraphs, String addedAt, String fingerprint) {
        static DocumentListEntry of(ReportSummary summary) {
            return new DocumentListEntry(DocumentView.of(summary.report().metadata()), summary.units(),
                    summary.report().addedAt().toString(), summary.report().fingerprint());
        }
    }

    record HitView(
            String id, Float score, String kind, String number, String label, String section, List<String> sectionPath,
            boolean annex, int position, String status, String text, String highlight, List<String> topics,
            List<String> speakerTypes, List<String> speakers, List<String> countries, List<String> organizations,
            List<Footnote> footnotes, String citation, String shortCitation, DocumentView document,
            @JsonInclude(JsonInclude.Include.NON_NULL) String match,
            @JsonInclude(JsonInclude.Include.NON_NULL) Float similarity,
            @JsonInclude(JsonInclude.Include.NON_NULL) String closeness) {
        static HitView of(Hit hit) {
            Unit p = hit.unit().parsed();
            Annotations a = hit.unit().annotations();
            RecommendationStatus status = a.status() != null ? a.status() : p.status();
            return new HitView(hit.unit().id(), hit.score(), p.kind().id(), p.number(), Citation.heading(p, status),
                    p.sectionPath(), p.section(),
                    p.annex(), p.position(), status == null ? null : status.id(), p.text(), hit.highlight(),
                    a.topics(), a.speakerTypes(), a.speakers(), a.countries(), a.organizations(), p.footnotes(),
                    Citation.of(hit.document(), p), Citation.brief(hit.document(), p), DocumentView.of(hit.document()),
                    hit.match() == null ? null : hit.match().id(), hit.similarity(),
                    hit.similarity() == null ? null : Closeness.of(hit.similarity()).id());
        }
    }

    record ParagraphView(@JsonUnwrapped HitView paragraph, String previous, String next) {
        static ParagraphView of(UnitInContext context) {
            return new ParagraphView(HitView.of(context.unit()), context.previousId(), context.nextId());
        }
    }

    /**
     * A page of results: paragraphs ({@link HitView}) or register entries ({@link RecommendationView}); partial
     * when the search stopped at its time budget, which the notice then says.
     */
    record SearchView<V>(
            String query, long total, int page, int size, long tookMs, boolean partial,
            @JsonInclude(JsonInclude.Include.NON_NULL) String notice,
            List<V> hits, Map<String, List<FacetValueView>> facets,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long wordMatches) {
        static <H, V> SearchView<V> of(SearchResults<H> r, Function<H, V> view) {
            return new SearchView<>(r.request().query(), r.total(), r.request().page(), r.request().size(), r.tookMs(),
                    r.partial(), r.notice(), r.hits().stream().map(view).toList(), FacetValueView.of(r.facets()),
                    r.wordMatches());
        }
    }

    record FacetsView(long total, boolean partial, @JsonInclude(JsonInclude.Include.NON_NULL) String notice,
            Map<String, List<FacetValueView>> facets, @JsonInclude(JsonInclude.Include.NON_NULL) Long wordMatches) {
        static FacetsView of(SearchResults<?> r) {
            return new FacetsView(r.total(), r.partial(), r.notice(), FacetValueView.of(r.facets()), r.wordMatches());
        }
    }

    /** A facet value and its count; in a search by words and meaning, also how many of them hold the words. */
    record FacetValueView(String value, int count, @JsonInclude(JsonInclude.Include.NON_NULL) Integer wordMatches) {
        static Map<String, List<FacetValueView>> of(Map<String, List<FacetCount>> facets) {
            var views = new LinkedHashMap<String, List<FacetValueView>>();
            facets.forEach((dim, counts) -> views.put(dim, counts.stream()
                    .map(c -> new FacetValueView(c.value(), c.count(), c.wordMatches()))
                    .toList()));
            return views;
        }
    }

    record RecommendationView(
            String id, String paragraphId, Float score, String number, String label, String status, String addressee,
            String strength, String text, String highlight, List<String> subItems, List<String> topics,
            String session, String citation, DocumentView document) {
        static RecommendationView of(RecommendationHit hit) {
            Recommendation r = hit.entry().recommendation();
            return new RecommendationView(hit.entry().id(), hit.entry().unitId(), hit.score(), r.number(),
                    hit.label(), r.status().id(), r.addressee(), r.strength(), r.text(), hit.highlight(), r.subItems(), r.topics(),
                    hit.document().session() == null ? null : hit.document().session().label(), hit.citation(),
                    DocumentView.of(hit.document()));
        }
    }

    record TopicView(String id, String label, String description) {
        static TopicView of(Taxonomy.Topic topic) {
            return new TopicView(topic.id(), topic.label(), topic.description());
        }
    }

    record TopicsView(List<TopicView> topics) {}

    record DocumentsView(List<DocumentListEntry> documents) {}

    record DocumentContentsView(DocumentListEntry document, AccountView account, List<HitView> paragraphs) {
        static DocumentContentsView of(ReportContents contents) {
            return new DocumentContentsView(DocumentListEntry.of(contents.summary()),
                    AccountView.of(contents.summary().report().account()),
                    contents.units().stream().map(HitView::of).toList());
        }
    }

    /**
     * Where the characters of a report's text went (white space aside); null for a report indexed without one.
     *
     * @param unaccounted markup the parser dropped, or text lost
     * @param flagged     whether text was kept as unnumbered units, or more is unaccounted than markup explains
     */
    record AccountView(int total, int units, int footnotes, int headings, int cover, Map<String, Integer> furniture,
            int keptAsText, int unaccounted, boolean flagged) {
        static AccountView of(TextAccount a) {
            return a == null ? null : new AccountView(a.total(), a.units(), a.footnotes(), a.headings(), a.cover(),
                    new java.util.TreeMap<>(a.furniture()), a.keptAsText(), a.unaccounted(), a.flagged());
        }
    }

    /** The units closest to a paragraph (its id) or to a pasted text (no id). */
    record SimilarView(@JsonInclude(JsonInclude.Include.NON_NULL) String paragraph, List<HitView> hits) {}

    record SuggestView(String prefix, List<Suggestion> suggestions) {}

    /**
     * @param index  the index's integrity check: "verifying" (a large index, in the background), "whole", "damaged"
     * @param damage what the check found damaged; null otherwise
     */
    record HealthView(String status, String index, String damage, int paragraphs, int documents) {}

    record LabelsView(Map<String, String> dimensions, Map<String, Map<String, String>> values) {
        static LabelsView of(DisplayNames names) {
            return new LabelsView(names.dimensions(), names.values());
        }
    }

    /**
     * A whole result set for download.
     *
     * @param total    how many hits the search has
     * @param exported how many of them are here (at most {@link org.tipsearch.search.SearchRequest#MAX_WINDOW})
     */
    record ExportView<V>(String query, String mode, Map<String, List<String>> filters, long total, int exported,
            List<V> hits) {}

    record ErrorView(String error, String message) {}

    /** What became of one uploaded or ingested file. */
    record OutcomeView(String file, String status, @JsonInclude(JsonInclude.Include.NON_NULL) String report,
            int paragraphs, @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
            @JsonInclude(JsonInclude.Include.NON_NULL) AccountView account) {
        static OutcomeView of(ReportLibrary.Outcome outcome) {
            return new OutcomeView(outcome.source(), outcome.change().name().toLowerCase(java.util.Locale.ROOT),
                    outcome.reportId(), outcome.units(), outcome.reason(), AccountView.of(outcome.account()));
        }
    }

    /**
     * An ingest: how many files were added, replaced, unchanged and failed, and each file's outcome. When every
     * file failed it is also an error, with the one error shape's fields.
     */
    record IngestView(@JsonInclude(JsonInclude.Include.NON_NULL) String error,
            @JsonInclude(JsonInclude.Include.NON_NULL) String message,
            int added, int replaced, int unchanged, int failed, List<OutcomeView> files) {
        static IngestView of(List<ReportLibrary.Outcome> outcomes) {
            Map<ReportLibrary.Change, Long> counts = outcomes.stream()
                    .collect(Collectors.groupingBy(ReportLibrary.Outcome::change, Collectors.counting()));
            int failed = counts.getOrDefault(ReportLibrary.Change.FAILED, 0L).intValue();
            boolean allFailed = failed == outcomes.size();
            return new IngestView(allFailed ? "unprocessable" : null,
                    allFailed ? "no report could be ingested: " + outcomes.stream().map(ReportLibrary.Outcome::reason)
                            .collect(Collectors.joining("; ")) : null,
                    counts.getOrDefault(ReportLibrary.Change.ADDED, 0L).intValue(),
                    counts.getOrDefault(ReportLibrary.Change.REPLACED, 0L).intValue(),
                    counts.getOrDefault(ReportLibrary.Change.UNCHANGED, 0L).intValue(),
                    failed, outcomes.stream().map(OutcomeView::of).toList());
        }

        boolean isError() {
            return error != null;
        }
    }

    record RemovalView(String removed, String source) {}
}
