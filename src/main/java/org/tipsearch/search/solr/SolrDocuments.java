package org.tipsearch.search.solr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tipsearch.analysis.TextAnalyzer;
import org.tipsearch.enrich.AnnotatedReport;
import org.tipsearch.index.Documents;
import org.tipsearch.index.Schema;
import org.tipsearch.ingest.ReportMetadata;
import org.tipsearch.ingest.Unit;

/**
 * A report's units as the documents of a SolrCloud collection (JSON objects for Solr's update API), with the
 * facet values the embedded index gives them ({@link Documents#unitFacets}). A document's Solr id is
 * {@code report!unit}, so that the compositeId router keeps a report's units on one shard, where replacing or
 * removing the report and reading a unit's neighbours stay local; {@link Schema#ID} keeps tipsearch's own id.
 */
public final class SolrDocuments {

    /** The field of the Solr id (the configset's unique key). */
    public static final String SOLR_ID = "solrId";
    /**
     * The field of a unit's synonym-group tokens, one value a mention: where the embedded index stacks them on the
     * text's last word (Solr's analysis cannot add tokens beside a text's), so a query asks for them here
     * ({@link XmlQuery}).
     */
    public static final String GROUPS = "groups";

    private SolrDocuments() {}

    /**
     * The report's units, each with its embedding when {@code vectors} holds one a unit (by position), and with the
     * stored source a hit is rebuilt from ({@link Documents#unit(String, String, String)}).
     */
    public static List<Map<String, Object>> units(AnnotatedReport annotated, List<float[]> vectors) {
        ReportMetadata meta = annotated.report().metadata();
        List<Unit> units = annotated.report().units();
        if (!vectors.isEmpty() && vectors.size() != units.size()) {
            throw new IllegalArgumentException(meta.id() + " has " + units.size() + " units but " + vectors.size()
                    + " embeddings");
        }
        var docs = new ArrayList<Map<String, Object>>();
        for (Unit unit : units) {
            var doc = new LinkedHashMap<String, Object>();
            doc.put(SOLR_ID, meta.id() + "!" + unit.unitId());
            doc.put(Schema.ID, meta.id() + "/" + unit.unitId());
            doc.put(Schema.TYPE, Schema.TYPE_UNIT);
            doc.put(Schema.REPORT, meta.id());
            doc.put(Schema.POSITION, unit.position());
            doc.put(Schema.TEXT, unit.text());
            doc.putAll(Documents.unitFacets(meta, unit, annotated.annotationsOf(unit)));
            List<String> mentions = annotated.annotationsOf(unit).synonymGroups().entrySet().stream()
                    .flatMap(group -> Collections.nCopies(group.getValue(),
                            TextAnalyzer.synonymGroupToken(group.getKey())).stream())
                    .toList();
            if (!mentions.isEmpty()) {
                doc.put(GROUPS, mentions);
            }
            doc.put(Schema.SOURCE, Documents.storedUnit(unit, annotated.annotationsOf(unit)));
            if (!vectors.isEmpty()) {
                doc.put(Schema.VECTOR, vectors.get(unit.position()));
            }
            docs.add(doc);
        }
        return docs;
    }
}
