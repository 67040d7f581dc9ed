package org.tipsearch.index;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import org.tipsearch.analysis.TextAnalyzer;
import org.tipsearch.enrich.AnnotatedReport;
import org.tipsearch.enrich.Annotations;
import org.tipsearch.enrich.Recommendation;
import org.tipsearch.ingest.Unit;
import org.tipsearch.ingest.RecommendationStatus;
import org.tipsearch.ingest.ReportMetadata;

/** The one mapping between the records of a report and Lucene documents, both ways. */
public final class Documents {

    /**
     * Text, with offsets in the postings so the highlighter needs no re-analysis. Not stored: a hit's text is its
     * stored record's (which the highlighter and MoreLikeThis are given), and a second copy made every stored
     * document twice as long to decompress when a hit is read. A report record has an empty text: with it every
     * document has the text's norms, which are then read straight by document rather than through an index of the
     * documents that have them, for every match a search scores.
     */
    private static final FieldType ANALYZED_TEXT = textWithOffsets();

    private Documents() {}

    /**
     * The report record (with when it was added), one document per unit (with its embedding, by position) and
     * one per register entry, to be indexed together as one block; the facets config turns facet fields into
     * their doc values.
     */
    public static List<Document> of(AnnotatedReport annotated, List<float[]> vectors, Instant addedAt,
            FacetsConfig facetsConfig) throws IOException {
        ReportMetadata meta = annotated.report().metadata();
        var docs = new ArrayList<Document>();
        docs.add(reportDocument(IndexedReport.of(annotated.report(), addedAt)));
        for (Unit p : annotated.report().units()) {
            Document doc = unitDocument(meta, p, annotated.annotationsOf(p));
            if (!vectors.isEmpty()) {
                doc.add(new KnnFloatVectorField(Schema.VECTOR, vectors.get(p.position()), VectorSimilarityFunction.COSINE));
            }
            docs.add(facetsConfig.build(doc));
        }
        List<Recommendation> register = annotated.recommendations();
        for (int i = 0; i < register.size(); i++) {
            Recommendation r = register.get(i);
            Unit unit = annotated.report().units().stream()
                    .filter(p -> p.unitId().equals(r.unitId())).findFirst().orElseThrow();
            docs.add(facetsConfig.build(recommendationDocument(meta, r, unit, i)));
        }
        return docs;
    }

    private static Document reportDocument(IndexedReport report) {
        ReportMetadata meta = report.metadata();
        var doc = new Document();
        doc.add(new StringField(Schema.ID, meta.id(), Field.Store.YES));
        doc.add(new StringField(Schema.TYPE, Schema.TYPE_REPORT, Field.Store.NO));
        reportId(doc, meta, Field.Store.NO);
        doc.add(new StringField(Schema.FINGERPRINT, report.fingerprint(), Field.Store.YES));
        if (meta.symbol() != null) {
            doc.add(new StringField(Schema.SYMBOL, meta.symbol(), Field.Store.NO));
        }
        doc.add(new Field(Schema.TEXT, "", ANALYZED_TEXT));
        doc.add(new StoredField(Schema.ADDED_AT, report.addedAt().toString()));
        storedReport(report).forEach((field, value) -> doc.add(new StoredField(field, value)));
        return doc;
    }

    private static Document unitDocument(ReportMetadata meta, Unit p, Annotations annotations) {
        var doc = new Document();
        doc.add(new StringField(Schema.ID, meta.id() + "/" + p.unitId(), Field.Store.YES));
        doc.add(new StringField(Schema.TYPE, Schema.TYPE_UNIT, Field.Store.NO));
        reportId(doc, meta, Field.Store.YES);
        doc.add(new IntField(Schema.POSITION, p.position(), Field.Store.NO));
        doc.add(new Field(Schema.TEXT, p.text(), ANALYZED_TEXT));
        doc.add(new TextField(Schema.SECTION, p.sectionPath(), Field.Store.NO));
        doc.add(new TextField(Schema.SPEAKER, String.join("\n", annotations.speakers()), Field.Store.NO));
        synonymGroups(doc, annotations.synonymGroups());
        if (p.number() != null) {
            keyword(doc, Schema.NUMBER, p.number());
        }
        unitFacets(meta, p, annotations).forEach((dim, values) -> values.forEach(value -> facet(doc, dim, value)));
        sessionNumber(doc, meta);
        doc.add(new StoredField(Schema.SOURCE, storedUnit(p, annotations)));
        return doc;
    }

    /**
     * A unit's facet values, dimension by dimension in the schema's order ({@link Schema#FACETS}), a dimension
     * without a value left out: what any engine stores and counts for the unit.
     */
    public static Map<String, List<String>> unitFacets(ReportMetadata meta, Unit p, Annotations annotations) {
        var facets = new LinkedHashMap<String, List<String>>();
        if (meta.session() != null) {
            facets.put(Schema.SESSION, List.of(meta.session().label()));
        }
        facets.put(Schema.TOPIC, annotations.topics());
        facets.put(Schema.SPEAKER_TYPE, annotations.speakerTypes());
        facets.put(Schema.KIND, List.of(p.kind().id()));
        RecommendationStatus status = annotations.status() != null ? annotations.status() : p.status();
        if (status != null) {
            facets.put(Schema.STATUS, List.of(status.id()));
        }
        if (meta.year() != null) {
            facets.put(Schema.YEAR, List.of(String.valueOf(meta.year())));
        }
        facets.put(Schema.REPORT_KIND, List.of(meta.kind().id()));
        facets.put(Schema.COUNTRY, annotations.countries());
        facets.put(Schema.ORGANIZATION, annotations.organizations());
        facets.values().removeIf(List::isEmpty);
        return facets;
    }

    /** An entry of the recommendations register; {@code order} is its place in the report's register. */
    private static Document recommendationDocument(ReportMetadata meta, Recommendation r, Unit unit, int order) {
        var doc = new Document();
        doc.add(new StringField(Schema.ID, meta.id() + "/" + r.entryId(), Field.Store.YES));
        doc.add(new StringField(Schema.TYPE, Schema.TYPE_RECOMMENDATION, Field.Store.NO));
        reportId(doc, meta, Field.Store.YES);
        doc.add(new StringField(Schema.PARAGRAPH, meta.id() + "/" + unit.unitId(), Field.Store.YES));
        doc.add(new IntField(Schema.POSITION, order, Field.Store.NO));
        doc.add(new Field(Schema.TEXT, r.text(), ANALYZED_TEXT));
        synonymGroups(doc, r.synonymGroups());
        if (r.number() != null) {
            keyword(doc, Schema.NUMBER, r.number());
        }
        if (r.addressee() != null) {
            keyword(doc, Schema.ADDRESSEE, r.addressee());
        }
        recommendationFacets(meta, r).forEach((dim, values) -> values.forEach(value -> facet(doc, dim, value)));
        sessionNumber(doc, meta);
        doc.add(new StoredField(Schema.SOURCE, storedRecommendation(r, unit)));
        return doc;
    }

    /**
     * A register entry's facet values, dimension by dimension, a dimension without a value left out: what any
     * engine stores and counts for the entry.
     */
    public static Map<String, List<String>> recommendationFacets(ReportMetadata meta, Recommendation r) {
        var facets = new LinkedHashMap<String, List<String>>();
        facets.put(Schema.STATUS, List.of(r.status().id()));
        if (r.strength() != null) {
            facets.put(Schema.STRENGTH, List.of(r.strength()));
        }
        if (meta.session() != null) {
            facets.put(Schema.SESSION, List.of(meta.session().label()));
        }
        facets.put(Schema.TOPIC, r.topics());
        facets.values().removeIf(List::isEmpty);
        return facets;
    }

    /**
     * A token in the text for each mention of a synonym group, which a search for the group's phrase asks for: one
     * term rather than each of the group's phrases, whose words' positions would be read wherever they all are. The
     * tokens stand with the text's last word, so the text's length (its norms) is unchanged and a mention counts as
     * a word does.
     */
    private static void synonymGroups(Document doc, Map<String, Integer> mentions) {
        if (!mentions.isEmpty()) {
            doc.add(new Field(Schema.TEXT, new SynonymGroupTokens(mentions), ANALYZED_TEXT));
        }
    }

    /** Each group's token as many times as it is mentioned, all at one position. */
    private static final class SynonymGroupTokens extends TokenStream {
        private final List<String> tokens;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private int next;

        SynonymGroupTokens(Map<String, Integer> mentions) {
            tokens = mentions.entrySet().stream()
                    .flatMap(m -> Collections.nCopies(m.getValue(), TextAnalyzer.synonymGroupToken(m.getKey())).stream())
                    .toList();
        }

        @Override
        public boolean incrementToken() {
            if (next == tokens.size()) {
                return false;
            }
            clearAttributes();
            term.append(tokens.get(next++));
            increment.setPositionIncrement(0);
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }

    /** The session searchable by its number ({@code session:13}). */
    private static void sessionNumber(Document doc, ReportMetadata meta) {
        if (meta.session() != null) {
            keyword(doc, Schema.SESSION, Schema.sessionKey(meta.session().ordinal()));
        }
    }

    /** The report id: a term to find or delete the whole report by, doc values to sort units in report order. */
    private static void reportId(Document doc, ReportMetadata meta, Field.Store store) {
        doc.add(new StringField(Schema.REPORT, meta.id(), store));
        doc.add(new SortedDocValuesField(Schema.REPORT, new BytesRef(meta.id())));
    }

    /** A facet value, also searchable as {@code field:value}. */
    private static void facet(Document doc, String dim, String value) {
        doc.add(new SortedSetDocValuesFacetField(dim, value));
        keyword(doc, dim, value);
    }

    private static void keyword(Document doc, String field, String value) {
        doc.add(new StringField(field, Schema.keyword(value), Field.Store.NO));
    }

    /** The unit of a stored unit document. */
    public static IndexedUnit unit(Document doc) {
        return unit(doc.get(Schema.ID), doc.get(Schema.REPORT), doc.get(Schema.SOURCE));
    }

    /** A unit from its ids and its stored {@link Schema#SOURCE}, as any engine stores them. */
    public static IndexedUnit unit(String id, String reportId, String source) {
        StoredUnit unit = StoredJson.unit(source);
        return new IndexedUnit(id, reportId, unit.paragraph(), unit.annotations());
    }

    /** What a unit's document stores as its {@link Schema#SOURCE}: the unit and its annotations, as JSON. */
    public static String storedUnit(Unit unit, Annotations annotations) {
        return StoredJson.write(new StoredUnit(unit, annotations));
    }

    /** The entry of a stored recommendation document. */
    public static IndexedRecommendation recommendation(Document doc) {
        return recommendation(doc.get(Schema.ID), doc.get(Schema.REPORT), doc.get(Schema.PARAGRAPH),
                doc.get(Schema.SOURCE));
    }

    /** A register entry from its ids and its stored {@link Schema#SOURCE}, as any engine stores them. */
    public static IndexedRecommendation recommendation(String id, String reportId, String unitId, String source) {
        StoredRecommendation stored = StoredJson.recommendation(source);
        return new IndexedRecommendation(id, reportId, unitId, stored.recommendation(), stored.unit());
    }

    /** What an entry's document stores as its {@link Schema#SOURCE}: the entry and the unit it stands in. */
    public static String storedRecommendation(Recommendation entry, Unit unit) {
        return StoredJson.write(new StoredRecommendation(entry, unit));
    }

    /** The report of a stored report document, with its provenance. */
    public static IndexedReport report(Document doc) {
        return report(doc.get(Schema.SOURCE), doc.get(Schema.FINGERPRINT), doc.get(Schema.ADDED_AT),
                doc.get(Schema.ACCOUNT));
    }

    /**
     * A report from what any engine stores of it: its metadata as {@link Schema#SOURCE}, its fingerprint, when it
     * was added, and its text account (null for none).
     */
    public static IndexedReport report(String source, String fingerprint, String addedAt, String account) {
        return new IndexedReport(StoredJson.report(source), fingerprint, Instant.parse(addedAt),
                account == null ? null : StoredJson.account(account));
    }

    /** What a report's document stores: its metadata as {@link Schema#SOURCE}, and its text account (null for none). */
    public static Map<String, String> storedReport(IndexedReport report) {
        var stored = new LinkedHashMap<String, String>();
        stored.put(Schema.SOURCE, StoredJson.write(report.metadata()));
        if (report.account() != null) {
            stored.put(Schema.ACCOUNT, StoredJson.write(report.account()));
        }
        return stored;
    }

    /** The stored fields a hit is rebuilt from. */
    public static final Set<String> HIT_FIELDS = Set.of(Schema.ID, Schema.REPORT, Schema.PARAGRAPH, Schema.SOURCE);

    /** What a paragraph document stores: the unit and its annotations. */
    record StoredUnit(Unit paragraph, Annotations annotations) {}

    /** What a recommendation document stores: the entry and the unit it stands in, for its citation. */
    record StoredRecommendation(Recommendation recommendation, Unit unit) {}

    private static FieldType textWithOffsets() {
        var type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
