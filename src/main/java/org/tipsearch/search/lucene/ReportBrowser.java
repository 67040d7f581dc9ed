package org.tipsearch.search.lucene;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.IntField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.tipsearch.index.IndexedUnit;
import org.tipsearch.index.IndexedReport;
import org.tipsearch.index.Schema;
import org.tipsearch.search.ReportContents;
import org.tipsearch.search.ReportSummary;
import org.tipsearch.search.Hit;
import org.tipsearch.search.UnitInContext;

/**
 * Looks units and reports up as they are, unranked and unhighlighted: a unit by its id with the ids of the units
 * before and after it in its report, every report with its unit count, a report's units in reading order.
 */
final class ReportBrowser {

    private final PageOfHits pageOfHits;

    ReportBrowser(PageOfHits pageOfHits) {
        this.pageOfHits = pageOfHits;
    }

    /** A unit by its global id, with its neighbours. */
    Optional<UnitInContext> paragraph(ReportSearcher searcher, String id) throws IOException {
        Optional<ScoreDoc> found = first(searcher, new TermQuery(new Term(Schema.ID, id)));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Hit hit = pageOfHits.hits(searcher, new ScoreDoc[] {found.get()}, null, false).get(0);
        IndexedUnit unit = hit.unit();
        int position = unit.parsed().position();
        return Optional.of(new UnitInContext(hit,
                neighbour(searcher, unit.reportId(), position - 1),
                neighbour(searcher, unit.reportId(), position + 1)));
    }

    /** Every report, with its unit count. */
    List<ReportSummary> documents(ReportSearcher searcher) {
        return searcher.reports().values().stream()
                .map(report -> new ReportSummary(report, searcher.unitCount(report.id())))
                .toList();
    }

    /** A report with every unit, in reading order. */
    Optional<ReportContents> document(ReportSearcher searcher, String reportId) throws IOException {
        IndexedReport report = searcher.reports().get(reportId);
        if (report == null) {
            return Optional.empty();
        }
        Query units = new BooleanQuery.Builder()
                .add(ReportSearcher.UNITS, BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Schema.REPORT, reportId)), BooleanClause.Occur.FILTER)
                .build();
        int count = searcher.unitCount(reportId);
        ScoreDoc[] docs = searcher.search(units, Math.max(1, count), ReportSearcher.REPORT_ORDER).scoreDocs;
        return Optional.of(new ReportContents(new ReportSummary(report, count),
                pageOfHits.hits(searcher, docs, null, false)));
    }

    /** The first paragraph matching a query, if any. */
    static Optional<ScoreDoc> first(IndexSearcher searcher, Query query) throws IOException {
        Query paragraphOnly = new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.FILTER)
                .add(ReportSearcher.UNITS, BooleanClause.Occur.FILTER)
                .build();
        ScoreDoc[] docs = searcher.search(paragraphOnly, 1).scoreDocs;
        return docs.length == 0 ? Optional.empty() : Optional.of(docs[0]);
    }

    /** The id of the unit at a position of a report; null where there is none. */
    private static String neighbour(ReportSearcher searcher, String reportId, int position) throws IOException {
        if (position < 0) {
            return null;
        }
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Schema.REPORT, reportId)), BooleanClause.Occur.FILTER)
                .add(IntField.newExactQuery(Schema.POSITION, position), BooleanClause.Occur.FILTER)
                .build();
        Optional<ScoreDoc> doc = first(searcher, query);
        return doc.isEmpty() ? null : searcher.storedFields().document(doc.get().doc).get(Schema.ID);
    }
}
