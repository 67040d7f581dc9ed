package org.tipsearch.search.solr;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tipsearch.index.Documents;
import org.tipsearch.index.IndexedReport;
import org.tipsearch.index.IndexedUnit;
import org.tipsearch.index.Schema;
import org.tipsearch.search.Hit;
import org.tipsearch.search.Html;
import org.tipsearch.search.IndexHealth;
import org.tipsearch.search.ReportContents;
import org.tipsearch.search.ReportSummary;
import org.tipsearch.search.UnitInContext;

/**
 * Units and reports by id in the cluster's collection, as the embedded engine's report browser reads them: a unit
 * with its neighbours' ids, every report with its unit count, a report with its units in reading order; and what
 * the collection holds now (its counts, its version).
 */
final class SolrBrowser {

    private final SolrRecords records;

    SolrBrowser(SolrRecords records) {
        this.records = records;
    }

    /** A unit by its global id, with the ids of the units before and after it in its report. */
    Optional<UnitInContext> unit(String id) throws IOException {
        List<JsonNode> found = records.byIds(Schema.TYPE_UNIT, List.of(id), SolrRecords.HIT_FIELDS, Map.of());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Hit hit = hits(found).getFirst();
        int position = hit.unit().parsed().position();
        var around = new HashMap<Integer, String>();
        records.select(new SolrSelect().add("q", "{!term f=" + Schema.REPORT + "}" + hit.unit().reportId())
                .add("fq", SolrSelect.ofType(Schema.TYPE_UNIT))
                .add("fq", Schema.POSITION + ":[" + (position - 1) + " TO " + (position + 1) + "]")
                .add("fl", Schema.ID + "," + Schema.POSITION).rows(0, 3))
                .path("response").path("docs")
                .forEach(doc -> around.put(doc.path(Schema.POSITION).asInt(), doc.path(Schema.ID).asText()));
        return Optional.of(new UnitInContext(hit, around.get(position - 1), around.get(position + 1)));
    }

    /** Every report, with its unit count, by id. */
    List<ReportSummary> reports() throws IOException {
        Map<String, Integer> counts = unitCounts();
        return records.reports(null).values().stream()
                .map(report -> new ReportSummary(report, counts.getOrDefault(report.id(), 0)))
                .toList();
    }

    /** A report with every unit, in reading order. */
    Optional<ReportContents> report(String reportId) throws IOException {
        IndexedReport report = records.reports(List.of(reportId)).get(reportId);
        if (report == null) {
            return Optional.empty();
        }
        List<JsonNode> units = records.all(new SolrSelect().add("q", "{!term f=" + Schema.REPORT + "}" + reportId)
                .add("fq", SolrSelect.ofType(Schema.TYPE_UNIT)).add("fl", SolrRecords.HIT_FIELDS)
                .add("sort", Schema.POSITION + " asc"));
        return Optional.of(new ReportContents(new ReportSummary(report, units.size()), hits(units)));
    }

    /** How many units and reports the collection holds. */
    IndexHealth health() throws IOException {
        JsonNode types = records.select(new SolrSelect().add("q", "*:*").add("facet", "true")
                .add("facet.field", Schema.TYPE).add("facet.limit", "-1").rows(0, 0))
                .path("facet_counts").path("facet_fields").path(Schema.TYPE);
        var counts = new HashMap<String, Integer>();
        for (int i = 0; i + 1 < types.size(); i += 2) {
            counts.put(types.get(i).asText(), types.get(i + 1).asInt());
        }
        return new IndexHealth(counts.getOrDefault(Schema.TYPE_UNIT, 0), counts.getOrDefault(Schema.TYPE_REPORT, 0));
    }

    /**
     * The collection's state: its document count and the newest document's version (Solr's {@code _version_},
     * which grows with every document written), so that an addition, a replacement, a removal or a rebuild behind
     * the alias changes it.
     */
    long version() throws IOException {
        JsonNode answer = records.select(new SolrSelect().add("q", "*:*").add("sort", "_version_ desc")
                .add("fl", "_version_").rows(0, 1)).path("response");
        long newest = answer.path("docs").path(0).path("_version_").asLong(0);
        return newest * 31 + answer.path("numFound").asLong();
    }

    /** Every unit's text, for the suggestions: read a page at a time, through Solr's cursor. */
    List<String> unitTexts() throws IOException {
        var texts = new ArrayList<String>();
        String cursor = "*";
        while (true) {
            JsonNode answer = records.select(new SolrSelect().add("q", SolrSelect.ofType(Schema.TYPE_UNIT))
                    .add("fl", SolrRecords.HIT_FIELDS).add("sort", SolrDocuments.SOLR_ID + " asc")
                    .add("cursorMark", cursor).rows(0, CURSOR_PAGE));
            answer.path("response").path("docs").forEach(doc -> texts.add(unitOf(doc).parsed().text()));
            String next = answer.path("nextCursorMark").asText(cursor);
            if (next.equals(cursor)) {
                return texts;
            }
            cursor = next;
        }
    }

    /** Units read in one answer while the texts of them all are read. */
    private static final int CURSOR_PAGE = 1_000;

    private Map<String, Integer> unitCounts() throws IOException {
        var counts = new HashMap<String, Integer>();
        records.select(new SolrSelect().add("q", SolrSelect.ofType(Schema.TYPE_UNIT)).add("json.facet",
                "{reports:{type:terms,field:" + Schema.REPORT + ",limit:-1,mincount:1}}").rows(0, 0))
                .path("facets").path("reports").path("buckets")
                .forEach(b -> counts.put(b.path("val").asText(), b.path("count").asInt()));
        return counts;
    }

    /** Units, unranked and unmarked (their escaped texts), each with its report. */
    private List<Hit> hits(List<JsonNode> docs) throws IOException {
        Map<String, IndexedReport> reports = records.reportsOf(docs);
        var hits = new ArrayList<Hit>();
        for (JsonNode doc : docs) {
            IndexedUnit unit = unitOf(doc);
            hits.add(new Hit(unit, reports.get(unit.reportId()).metadata(), null, Html.escape(unit.parsed().text()),
                    null, null));
        }
        return hits;
    }

    static IndexedUnit unitOf(JsonNode doc) {
        return Documents.unit(doc.path(Schema.ID).asText(), doc.path(Schema.REPORT).asText(),
                doc.path(Schema.SOURCE).asText());
    }
}
