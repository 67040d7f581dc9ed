package org.tipsearch.search.solr;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tipsearch.embed.Embedder;
import org.tipsearch.index.IndexedReport;
import org.tipsearch.index.IndexedUnit;
import org.tipsearch.index.Schema;
import org.tipsearch.ingest.Session;
import org.tipsearch.search.Hit;
import org.tipsearch.search.Html;
import org.tipsearch.search.SimilarRequest;
import org.tipsearch.search.lucene.QueryMeaning;

/**
 * The precedent finder on the cluster, as the embedded engine's: the units closest to a unit (outside its report or
 * its session) or to a draft, the embedding's nearest neighbours ({@code {!knn}}, the restriction as its
 * pre-filter) leading and MoreLikeThis on its words ({@link SolrMoreLikeThis}) refining them, fused as
 * {@link QueryMeaning#fusedPrecedents} fuses them; each hit scored by its cosine to what it was found for and
 * marked at its closest sentence.
 */
final class SolrSimilar {

    private final SolrRecords records;
    private final QueryMeaning meaning;
    private final SolrMoreLikeThis moreLikeThis;

    SolrSimilar(SolrRecords records, QueryMeaning meaning) {
        this.records = records;
        this.meaning = meaning;
        this.moreLikeThis = new SolrMoreLikeThis(records);
    }

    Optional<List<Hit>> find(SimilarRequest request) throws IOException {
        float[] vector;
        String elsewhere = null;
        String text = null;
        if (request.unitId() != null) {
            List<JsonNode> found = records.byIds(Schema.TYPE_UNIT, List.of(request.unitId()),
                    SolrRecords.HIT_FIELDS + "," + Schema.VECTOR, Map.of());
            if (found.isEmpty()) {
                return Optional.empty();
            }
            IndexedUnit unit = SolrBrowser.unitOf(found.getFirst());
            vector = vectorOf(found.getFirst());
            text = unit.parsed().text();
            Session session = records.reportsOf(found).get(unit.reportId()).metadata().session();
            elsewhere = request.exclude() == SimilarRequest.Exclude.SESSION && session != null
                    ? "{!term f=" + SolrDocuments.keywordField(Schema.SESSION) + "}" + Schema.sessionKey(session.ordinal())
                    : "{!term f=" + Schema.REPORT + "}" + unit.reportId();
        } else {
            vector = meaning.ofDraft(request.text());
        }
        int depth = Math.max(QueryMeaning.NEIGHBOURS, request.size() * 3);
        List<String> byMeaning = ids(restricted(request, elsewhere)
                .add("q", SolrSelect.nearest(depth, vector)).rows(0, depth));
        String words = request.unitId() != null ? text : request.text();
        List<String> byWords = ids(restricted(request, elsewhere)
                .add("q", "{!xmlparser}" + XmlQuery.of(moreLikeThis.like(words))).rows(0, depth));
        List<QueryMeaning.Ranked<String>> fused = QueryMeaning.fusedPrecedents(byMeaning, byWords);
        fused = fused.subList(0, Math.min(request.size(), fused.size()));
        List<JsonNode> docs = records.byIds(Schema.TYPE_UNIT, fused.stream().map(QueryMeaning.Ranked::item).toList(),
                SolrRecords.HIT_FIELDS + "," + Schema.VECTOR, Map.of());
        Map<String, IndexedReport> reports = records.reportsOf(docs);
        var scores = new HashMap<String, Float>();
        fused.forEach(r -> scores.put(r.item(), r.score()));
        var hits = new ArrayList<Hit>();
        for (JsonNode doc : docs) {
            IndexedUnit unit = SolrBrowser.unitOf(doc);
            hits.add(new Hit(unit, reports.get(unit.reportId()).metadata(), scores.get(unit.id()),
                    Html.escape(unit.parsed().text()), null, (float) QueryMeaning.cosine(vector, vectorOf(doc))));
        }
        return Optional.of(meaning.markedByMeaning(hits, vector));
    }

    /** Units only, outside what must be left out, under the request's kind and status filters. */
    private static SolrSelect restricted(SimilarRequest request, String elsewhere) {
        var select = new SolrSelect().add("fq", SolrSelect.ofType(Schema.TYPE_UNIT)).add("fl", Schema.ID);
        if (elsewhere != null) {
            select.add("fq", "{!bool filter=$all must_not=$elsewhere}").add("all", "*:*").add("elsewhere", elsewhere);
        }
        request.filters().forEach((dim, values) -> select.add("fq", SolrSelect.anyOf(dim, values, null)));
        return select;
    }

    private List<String> ids(SolrSelect select) throws IOException {
        var ids = new ArrayList<String>();
        records.select(select).path("response").path("docs").forEach(doc -> ids.add(doc.path(Schema.ID).asText()));
        return ids;
    }

    private static float[] vectorOf(JsonNode doc) {
        JsonNode values = doc.path(Schema.VECTOR);
        if (values.size() != Embedder.DIMENSIONS) { // a collection an earlier version wrote, without stored vectors
            throw new IllegalStateException("unit " + doc.path(Schema.ID).asText() + " has no stored embedding; "
                    + "write the collection again with tipsearch index --engine");
        }
        var vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) values.get(i).asDouble();
        }
        return vector;
    }
}
