package org.tipsearch.index;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.facet.FacetsConfig;
import org.tipsearch.analysis.TextAnalyzer;

/**
 * The one place that names the index fields and says how each is analysed and faceted. Field names are the
 * names the API and the query syntax use ({@code kind:recommendation}, {@code session:13}).
 */
public final class Schema {

    /**
     * Bumped whenever documents or their analysis change, and followed by the fingerprint of the curator's files the
     * analysis reads; an index of another version is rebuilt.
     */
    public static final String VERSION = "8-" + TextAnalyzer.curatorFingerprint();
    /** Commit user-data key holding {@link #VERSION}. */
    public static final String VERSION_KEY = "tipsearch.schema";
    /** Commit user-data key holding the reports folder the index is built from, for a repair to rebuild from. */
    public static final String REPORTS_KEY = "tipsearch.reports";

    // Identity and order
    /** Global unit id ({@code report/para-18}) for paragraphs; the report id for report records. */
    public static final String ID = "id";
    /**
     * "paragraph", "recommendation" or "report": a report record carries the report's metadata, once per
     * report; a recommendation record is an entry of the recommendations register.
     */
    public static final String TYPE = "type";
    public static final String TYPE_UNIT = "paragraph";
    public static final String TYPE_RECOMMENDATION = "recommendation";
    public static final String TYPE_REPORT = "report";
    /** On a recommendation record: the global id of the unit it stands in. */
    public static final String PARAGRAPH = "paragraph";
    /** The report id, on the report record and on each of its paragraphs: deleting by it removes the whole report. */
    public static final String REPORT = "report";
    /** 0-based place of the unit in its report; points for look-up by neighbour, doc values for sorting. */
    public static final String POSITION = "position";

    // Provenance, on report records
    /** The fingerprint of a report's content: an identical file ingested again changes nothing. */
    public static final String FINGERPRINT = "fingerprint";
    /** The UN document symbol, as a term: a corrected version of a report replaces the earlier one. */
    public static final String SYMBOL = "symbol";
    /** When this version of the report went into the index (stored only). */
    public static final String ADDED_AT = "addedAt";

    // Searchable text
    public static final String TEXT = "text";
    public static final String SECTION = "section";
    public static final String NUMBER = "number";
    /** Who speaks: the named organizations and people. */
    public static final String SPEAKER = "speaker";
    public static final String ADDRESSEE = "addressee";

    // Facets (also keyword fields of the same name for field:value queries)
    public static final String SESSION = "session";
    public static final String TOPIC = "topic";
    public static final String SPEAKER_TYPE = "speakerType";
    public static final String KIND = "kind";
    public static final String YEAR = "year";
    public static final String REPORT_KIND = "reportKind";
    public static final String STATUS = "status";
    public static final String COUNTRY = "country";
    public static final String ORGANIZATION = "organization";
    public static final String STRENGTH = "strength";

    /** The unit's sentence embedding, in an HNSW graph for nearest-neighbour search. */
    public static final String VECTOR = "vector";

    /** Stored JSON of a report's account of its text (where its characters went). */
    public static final String ACCOUNT = "account";

    /** Stored JSON of the paragraph record or of the report metadata: what a hit is rebuilt from. */
    public static final String SOURCE = "source";

    /** The facet dimensions of paragraphs, in the order the API lists them. */
    public static final List<String> FACETS =
            List.of(SESSION, TOPIC, SPEAKER_TYPE, KIND, STATUS, YEAR, REPORT_KIND, COUNTRY, ORGANIZATION);
    /** The facet dimensions of the recommendations register. */
    public static final List<String> RECOMMENDATION_FACETS = List.of(STATUS, STRENGTH, TOPIC, SESSION);
    /** Facets whose values are listed in their natural order (time) rather than by count. */
    public static final Set<String> CHRONOLOGICAL_FACETS = Set.of(SESSION, YEAR);
    /** Fields a query may name, as {@code field:value}. */
    public static final Set<String> QUERYABLE_FIELDS = Set.of(TEXT, SECTION, SPEAKER, NUMBER, STATUS, REPORT, SESSION,
            TOPIC, SPEAKER_TYPE, KIND, YEAR, REPORT_KIND, COUNTRY, ORGANIZATION, STRENGTH, ADDRESSEE);
    /** Fields holding whole values (ids, facet values), matched as one lower-cased token. */
    public static final Set<String> KEYWORD_FIELDS = Set.of(NUMBER, STATUS, REPORT, SESSION, TOPIC, SPEAKER_TYPE, KIND,
            YEAR, REPORT_KIND, COUNTRY, ORGANIZATION, STRENGTH, ADDRESSEE);

    private Schema() {}

    public static FacetsConfig facetsConfig() {
        var config = new FacetsConfig();
        config.setMultiValued(TOPIC, true);
        config.setMultiValued(SPEAKER_TYPE, true);
        config.setMultiValued(COUNTRY, true);
        config.setMultiValued(ORGANIZATION, true);
        return config;
    }

    /** Text fields through {@link TextAnalyzer}, keyword fields as one lower-cased token. */
    public static Analyzer indexAnalyzer() {
        return perField(TextAnalyzer.forIndexing());
    }

    public static Analyzer queryAnalyzer() {
        return perField(TextAnalyzer.forQueries());
    }

    /** How a unit's session is found by its number ({@code session:13}): the term of the session field. */
    public static String sessionKey(int ordinal) {
        return String.valueOf(ordinal);
    }

    /** A keyword value as indexed and as queried: lower case, without diacritics ("Türkiye" → "turkiye"). */
    public static String keyword(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.chars().allMatch(c -> c < 0x80)) { // nothing to fold: most values, each unit's many facets
            return lower;
        }
        char[] folded = new char[lower.length() * 4];
        int length = ASCIIFoldingFilter.foldToASCII(lower.toCharArray(), 0, folded, 0, lower.length());
        return new String(folded, 0, length);
    }

    private static Analyzer perField(Analyzer text) {
        Analyzer keyword = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                var tokenizer = new KeywordTokenizer();
                return new TokenStreamComponents(tokenizer, normalize(fieldName, tokenizer));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
        Map<String, Analyzer> perField = new HashMap<>();
        KEYWORD_FIELDS.forEach(field -> perField.put(field, keyword));
        return new PerFieldAnalyzerWrapper(text, perField);
    }
}
