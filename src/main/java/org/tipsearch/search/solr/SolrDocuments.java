package org.tipsearch.search.solr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tipsearch.analysis.TextAnalyzer;
import org.tipsearch.enrich.AnnotatedReport;
import org.tipsearch.enrich.Recommendation;
import org.tipsearch.index.Documents;
import org.tipsearch.index.IndexedReport;
import org.tipsearch.index.Schema;
import org.tipsearch.ingest.Report;
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
    /**
     * A facet dimension's values as a query asks for them ({@link Schema#keyword}: lower case, folded), in a field
     * of their own beside the values kept whole for counting; the session also by its number ({@code session:13}).
     */
    private static final String KEYWORDS = "_keywords";

    /** The field holding a facet dimension's keywords, which a query's terms on the dimension ask for. */
    public static String keywordField(String dim) {
        return dim + KEYWORDS;
    }

    /** Whether a field is a facet dimension (of units or of the register), asked for by its keywords. */
    public static boolean isFacet(String field) {
        return Schema.FACETS.contains(field) || Schema.RECOMMENDATION_FACETS.contains(field);
    }

    private SolrDocuments() {}

    /**
     * Everything the cluster holds of a report, as the embedded index holds it ({@link Documents#of}): its record
     * (metadata, fingerprint, when it was added, its text account), its units ({@link #units}) and the entries of
     * its recommendations register, each document with its {@link Schema#TYPE}.
     */
    public static List<Map<String, Object>> of(AnnotatedReport annotated, List<float[]> vectors, Instant addedAt) {
        Report report = annotated.report();
        ReportMetadata meta = report.metadata();
        var docs = new ArrayList<Map<String, Object>>();
        var record = new LinkedHashMap<String, Object>();
        record.put(SOLR_ID, meta.id() + "!" + Schema.TYPE_REPORT);
        record.put(Schema.ID, meta.id());
        record.put(Schema.TYPE, Schema.TYPE_REPORT);
        record.put(Schema.REPORT, meta.id());
        var indexed = IndexedReport.of(report, addedAt);
        record.put(Schema.FINGERPRINT, indexed.fingerprint());
        record.put(Schema.ADDED_AT, addedAt.toString());
        record.putAll(Documents.storedReport(indexed));
        docs.add(record);
        docs.addAll(units(annotated, vectors));
        List<Recommendation> register = annotated.recommendations();
        for (int order = 0; order < register.size(); order++) {
            docs.add(entry(meta, register.get(order), order, report));
        }
        return docs;
    }

    /** An entry of the register; {@code order} is its place in the report's register. */
    private static Map<String, Object> entry(ReportMetadata meta, Recommendation entry, int order, Report report) {
        Unit unit = report.units().stream().filter(u -> u.unitId().equals(entry.unitId())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(meta.id() + ": register entry " + entry.entryId()
                        + " stands in no unit of the report"));
        var doc = new LinkedHashMap<String, Object>();
        doc.put(SOLR_ID, meta.id() + "!" + Schema.TYPE_RECOMMENDATION + "/" + entry.entryId());
        doc.put(Schema.ID, meta.id() + "/" + entry.entryId());
        doc.put(Schema.TYPE, Schema.TYPE_RECOMMENDATION);
        doc.put(Schema.REPORT, meta.id());
        doc.put(Schema.PARAGRAPH, meta.id() + "/" + unit.unitId());
        doc.put(Schema.POSITION, order);
        doc.put(Schema.TEXT, entry.text());
        List<String> mentions = mentions(entry.synonymGroups());
        if (!mentions.isEmpty()) {
            doc.put(GROUPS, mentions);
        }
        Map<String, List<String>> facets = Documents.recommendationFacets(meta, entry);
        doc.putAll(facets);
        keywords(doc, facets, meta);
        if (entry.number() != null) {
            doc.put(Schema.NUMBER, Schema.keyword(entry.number()));
        }
        if (entry.addressee() != null) {
            doc.put(Schema.ADDRESSEE, Schema.keyword(entry.addressee()));
        }
        doc.put(Schema.SOURCE, Documents.storedRecommendation(entry, unit));
        return doc;
    }

    /** Each facet value's keyword in its dimension's keyword field, and the session's number with its label's. */
    private static void keywords(Map<String, Object> doc, Map<String, List<String>> facets, ReportMetadata meta) {
        facets.forEach((dim, values) -> {
            var keywords = new ArrayList<>(values.stream().map(Schema::keyword).toList());
            if (dim.equals(Schema.SESSION) && meta.session() != null) {
                keywords.add(Schema.sessionKey(meta.session().ordinal()));
            }
            doc.put(keywordField(dim), keywords);
        });
    }

    /** One synonym group's token a mention. */
    private static List<String> mentions(Map<String, Integer> groups) {
        return groups.entrySet().stream()
                .flatMap(group -> Collections.nCopies(group.getValue(),
                        TextAnalyzer.synonymGroupToken(group.getKey())).stream())
                .toList();
    }

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
            Map<String, List<String>> facets = Documents.unitFacets(meta, unit, annotated.annotationsOf(unit));
            doc.putAll(facets);
            keywords(doc, facets, meta);
            doc.put(Schema.SECTION, unit.sectionPath());
            doc.put(Schema.SPEAKER, String.join("\n", annotated.annotationsOf(unit).speakers()));
            if (unit.number() != null) {
                doc.put(Schema.NUMBER, Schema.keyword(unit.number()));
            }
            List<String> mentions = mentions(annotated.annotationsOf(unit).synonymGroups());
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
