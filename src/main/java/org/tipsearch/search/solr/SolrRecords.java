package org.tipsearch.search.solr;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tipsearch.index.Documents;
import org.tipsearch.index.IndexedReport;
import org.tipsearch.index.Schema;

/**
 * The cluster's documents read back: units and register entries by id, in the order asked, and the reports' records
 * (the collection holds each report whole: record, units, register).
 */
final class SolrRecords {

    /** The stored fields a hit is rebuilt from ({@link Documents#HIT_FIELDS}). */
    static final String HIT_FIELDS = String.join(",", Schema.ID, Schema.REPORT, Schema.PARAGRAPH, Schema.SOURCE);

    private final SolrNodes nodes;
    private final String collection;

    SolrRecords(SolrNodes nodes, String collection) {
        this.nodes = nodes;
        this.collection = collection;
    }

    JsonNode select(SolrSelect select) throws IOException {
        return nodes.query(collection + "/select", select.params());
    }

    /**
     * The documents of a type with these ids, in the order of the ids (one missing is left out), with the fields
     * listed; {@code params} are the parameters the fields' functions name.
     */
    List<JsonNode> byIds(String type, List<String> ids, String fields, Map<String, String> params) throws IOException {
        if (ids.isEmpty()) {
            return List.of();
        }
        JsonNode answer = select(new SolrSelect().add("q", SolrSelect.anyOf(Schema.ID, ids, null))
                .add("fq", SolrSelect.ofType(type)).addAll(params).add("fl", fields).rows(0, ids.size()));
        var found = new HashMap<String, JsonNode>();
        answer.path("response").path("docs").forEach(doc -> found.put(doc.path(Schema.ID).asText(), doc));
        return ids.stream().filter(found::containsKey).map(found::get).toList();
    }

    /** The records of the documents' reports, by report id; a document of a report without a record is an error. */
    Map<String, IndexedReport> reportsOf(Collection<JsonNode> docs) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        docs.forEach(doc -> ids.add(doc.path(Schema.REPORT).asText()));
        Map<String, IndexedReport> reports = reports(ids);
        if (!reports.keySet().containsAll(ids)) {
            throw new IOException("the collection " + collection + " holds units of reports without a record: "
                    + ids.stream().filter(id -> !reports.containsKey(id)).toList());
        }
        return reports;
    }

    /**
     * Every document a select matches, in its order: counted first, then read in one answer. For what one report
     * bounds (its units), and the reports' records.
     */
    List<JsonNode> all(SolrSelect select) throws IOException {
        long count = select(select.copy().rows(0, 0)).path("response").path("numFound").asLong();
        if (count == 0) {
            return List.of();
        }
        var docs = new ArrayList<JsonNode>();
        select(select.rows(0, Math.toIntExact(count))).path("response").path("docs").forEach(docs::add);
        return docs;
    }

    /** The records of these reports (all of them for null), by report id, in the order of their ids. */
    Map<String, IndexedReport> reports(Collection<String> ids) throws IOException {
        var out = new LinkedHashMap<String, IndexedReport>();
        if (ids != null && ids.isEmpty()) {
            return out;
        }
        var select = new SolrSelect()
                .add("q", ids == null ? "*:*" : SolrSelect.anyOf(Schema.REPORT, ids, null))
                .add("fq", SolrSelect.ofType(Schema.TYPE_REPORT))
                .add("fl", String.join(",", Schema.SOURCE, Schema.FINGERPRINT, Schema.ADDED_AT, Schema.ACCOUNT))
                .add("sort", Schema.REPORT + " asc");
        var records = new ArrayList<IndexedReport>();
        // a report has one record: the ids asked bound the answer, so it needs no count first
        for (JsonNode record : ids == null ? all(select) : select(select.rows(0, ids.size())).path("response")
                .path("docs")) {
            records.add(Documents.report(record.path(Schema.SOURCE).asText(), record.path(Schema.FINGERPRINT).asText(),
                    record.path(Schema.ADDED_AT).asText(), record.path(Schema.ACCOUNT).asText(null)));
        }
        records.forEach(r -> out.put(r.metadata().id(), r));
        return out;
    }
}
