package org.tipsearch.index;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.facet.FacetsConfig;
import org.tipsearch.analysis.TextAnalyzer;

/**
 * The one place that names the index fields and says how each is analysed and faceted. Field names are the
 * names the API and the query syntax use ({@code kind:recommendation}, {@code session:13}).
 */
public final class Schema {

    /** Bumped whenever documents change shape; an index of another version is rebuilt. */
    public static final String VERSION = "1";
    /** Commit user-data key holding {@link #VERSION}. */
    public static final String VERSION_KEY = "tipsearch.schema";

    // Identity and order
    /** Global unit id ({@code report/para-18}) for paragraphs; the report id for report records. */
    public static final String ID = "id";
    /** "paragraph" or "report": a report record carries the report's metadata, once per report. */
    public static final String TYPE = "type";
    public static final String TYPE_PARAGRAPH = "paragraph";
    public static final String TYPE_REPORT = "report";
    /** The report id, on the report record and on each of its paragraphs: deleting by it removes the whole report. */
    public static final String REPORT = "report";
    /** 0-based place of the unit in its report; points for look-up by neighbour, doc values for sorting. */
    public static final String POSITION = "position";

    // Searchable text
    public static final String TEXT = "text";
    public static final String SECTION = "section";
    public static final String NUMBER = "number";
    public static final String STATUS = "status";

    // Facets (also keyword fields of the same name for field:value queries)
    public static final String SESSION = "session";
    public static final String TOPIC = "topic";
    public static final String SPEAKER_TYPE = "speakerType";
    public static final String KIND = "kind";
    public static final String YEAR = "year";
    public static final String REPORT_KIND = "reportKind";

    /** Stored JSON of the paragraph record or of the report metadata: what a hit is rebuilt from. */
    public static final String SOURCE = "source";

    /** The facet dimensions, in the order the API lists them. */
    public static final List<String> FACETS = List.of(SESSION, TOPIC, SPEAKER_TYPE, KIND, YEAR, REPORT_KIND);
    /** Facets whose values are listed in their natural order (time) rather than by count. */
    public static final Set<String> CHRONOLOGICAL_FACETS = Set.of(SESSION, YEAR);
    /** Fields a query may name, as {@code field:value}. */
    public static final Set<String> QUERYABLE_FIELDS =
            Set.of(TEXT, SECTION, NUMBER, STATUS, REPORT, SESSION, TOPIC, SPEAKER_TYPE, KIND, YEAR, REPORT_KIND);
    /** Fields holding whole values (ids, facet values), matched as one lower-cased token. */
    public static final Set<String> KEYWORD_FIELDS =
            Set.of(NUMBER, STATUS, REPORT, SESSION, TOPIC, SPEAKER_TYPE, KIND, YEAR, REPORT_KIND);

    private Schema() {}

    public static FacetsConfig facetsConfig() {
        var config = new FacetsConfig();
        config.setMultiValued(TOPIC, true);
        config.setMultiValued(SPEAKER_TYPE, true);
        return config;
    }

    /** Text fields through {@link TextAnalyzer}, keyword fields as one lower-cased token. */
    public static Analyzer indexAnalyzer() {
        return perField(TextAnalyzer.forIndexing());
    }

    public static Analyzer queryAnalyzer() {
        return perField(TextAnalyzer.forQueries());
    }

    private static Analyzer perField(Analyzer text) {
        Analyzer keyword = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                var tokenizer = new KeywordTokenizer();
                return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
        Map<String, Analyzer> perField = new HashMap<>();
        KEYWORD_FIELDS.forEach(field -> perField.put(field, keyword));
        return new PerFieldAnalyzerWrapper(text, perField);
    }
}
