package org.tipsearch.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import org.tipsearch.ingest.Footnote;
import org.tipsearch.ingest.Paragraph;
import org.tipsearch.ingest.ReportMetadata;
import org.tipsearch.search.Citation;
import org.tipsearch.search.DocumentContents;
import org.tipsearch.search.DocumentSummary;
import org.tipsearch.search.FacetCount;
import org.tipsearch.search.Hit;
import org.tipsearch.search.ParagraphInContext;
import org.tipsearch.search.SearchResults;

/** The JSON shapes of the API: the one mapping from search results to what clients read. */
final class JsonViews {
    private JsonViews() {}

    record DocumentView(
            String id, String title, String kind, String body, String session, Integer sessionNumber, Integer year,
            String date, String endDate, String dates, String symbol, String source) {
        static DocumentView of(ReportMetadata m) {
            return new DocumentView(m.id(), m.title(), m.kind().id(), m.body(),
                    m.session() == null ? null : m.session().label(),
                    m.session() == null ? null : m.session().ordinal(),
                    m.year(),
                    m.date() == null ? null : m.date().toString(),
                    m.endDate() == null ? null : m.endDate().toString(),
                    Citation.dates(m.date(), m.endDate()),
                    m.symbol(), m.source());
        }
    }

    record DocumentListEntry(@JsonUnwrapped DocumentView document, int paragraphs) {
        static DocumentListEntry of(DocumentSummary summary) {
            return new DocumentListEntry(DocumentView.of(summary.metadata()), summary.paragraphs());
        }
    }

    record HitView(
            String id, Float score, String kind, String number, String section, List<String> sectionPath,
            boolean annex, int position, String status, String text, String highlight, List<String> topics,
            List<String> speakerTypes, List<Footnote> footnotes, String citation, DocumentView document) {
        static HitView of(Hit hit) {
            Paragraph p = hit.unit().paragraph();
            return new HitView(hit.unit().id(), hit.score(), p.kind().id(), p.number(), p.sectionPath(), p.section(),
                    p.annex(), p.position(), p.status() == null ? null : p.status().id(), p.text(), hit.highlight(),
                    hit.unit().topics(), hit.unit().speakerTypes(), p.footnotes(),
                    Citation.of(hit.document(), p), DocumentView.of(hit.document()));
        }
    }

    record ParagraphView(@JsonUnwrapped HitView paragraph, String previous, String next) {
        static ParagraphView of(ParagraphInContext context) {
            return new ParagraphView(HitView.of(context.paragraph()), context.previousId(), context.nextId());
        }
    }

    record SearchView(
            String query, long total, int page, int size, long tookMs,
            @JsonInclude(JsonInclude.Include.NON_NULL) String notice,
            List<HitView> hits, Map<String, List<FacetCount>> facets) {
        static SearchView of(SearchResults r) {
            return new SearchView(r.request().query(), r.total(), r.request().page(), r.request().size(), r.tookMs(),
                    r.notice(), r.hits().stream().map(HitView::of).toList(), r.facets());
        }
    }

    record FacetsView(long total, @JsonInclude(JsonInclude.Include.NON_NULL) String notice,
            Map<String, List<FacetCount>> facets) {
        static FacetsView of(SearchResults r) {
            return new FacetsView(r.total(), r.notice(), r.facets());
        }
    }

    record DocumentsView(List<DocumentListEntry> documents) {}

    record DocumentContentsView(DocumentListEntry document, List<HitView> paragraphs) {
        static DocumentContentsView of(DocumentContents contents) {
            return new DocumentContentsView(DocumentListEntry.of(contents.summary()),
                    contents.paragraphs().stream().map(HitView::of).toList());
        }
    }

    record HealthView(String status, int paragraphs, int documents) {}

    record ErrorView(String error, String message) {}
}
