package org.tipsearch.search.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.tipsearch.analysis.TextAnalyzer;
import org.tipsearch.curation.CuratorFiles;
import org.tipsearch.embed.Embedder;
import org.tipsearch.index.Schema;

/**
 * The configset a SolrCloud collection of units is made with: the schema, with a text type that analyses as
 * {@link TextAnalyzer#forIndexing()} does, built from Solr's own factories and the curator's files (the typographic
 * marks, the stem overrides, the stop words written out from the list tipsearch uses); and the Solr configuration
 * (scores from the whole collection's statistics, so that a ranking does not depend on which shard a unit lives on).
 * As a zip, which Solr's configset API takes.
 */
public final class SolrConfigSet {

    private SolrConfigSet() {}

    /** The configset's files by name. */
    public static Map<String, String> files() {
        var files = new LinkedHashMap<String, String>();
        files.put("schema.xml", SCHEMA);
        files.put("solrconfig.xml", SOLR_CONFIG);
        files.put("typographic-marks.txt", TextAnalyzer.TYPOGRAPHIC_MARKS.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> quoted(e.getKey()) + " => " + quoted(e.getValue()))
                .collect(Collectors.joining("\n", "", "\n")));
        files.put("stem-overrides.txt", String.join("\n", CuratorFiles.lines(TextAnalyzer.class, "stem-overrides.txt"))
                + "\n");
        var stopWords = new TreeSet<String>();
        EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.forEach(word -> stopWords.add(new String((char[]) word)));
        files.put("stopwords.txt", String.join("\n", stopWords) + "\n");
        return files;
    }

    /** The configset as the zip Solr's configset API takes. */
    public static byte[] zip() {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var file : files().entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a zip in memory cannot fail to be written", e);
        }
        return bytes.toByteArray();
    }

    /** A mapping file's string: Java escapes for what is not printable ASCII, as Solr's mapping files read them. */
    private static String quoted(String s) {
        var out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** The analysis of {@link TextAnalyzer#forIndexing()} in Solr's factories; the word delimiter's flags as its. */
    private static final String TEXT_ANALYSIS = """
                <charFilter class="solr.MappingCharFilterFactory" mapping="typographic-marks.txt"/>
                <tokenizer class="solr.WhitespaceTokenizerFactory"/>
                <filter class="solr.WordDelimiterGraphFilterFactory" generateWordParts="1" generateNumberParts="1"
                        catenateWords="1" catenateNumbers="0" catenateAll="0" preserveOriginal="0"
                        splitOnCaseChange="0" splitOnNumerics="0" stemEnglishPossessive="1" adjustOffsets="1"/>
                <filter class="solr.FlattenGraphFilterFactory"/>
                <filter class="solr.LowerCaseFilterFactory"/>
                <filter class="solr.ASCIIFoldingFilterFactory"/>
                <filter class="solr.StemmerOverrideFilterFactory" dictionary="stem-overrides.txt" ignoreCase="false"/>
                <filter class="solr.KStemFilterFactory"/>
                <filter class="solr.StopFilterFactory" words="stopwords.txt" ignoreCase="false"/>
            """;

    private static final String SCHEMA = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- Written by tipsearch (search.solr.SolrConfigSet): a unit's id keeps its report on one shard
                 (report!unit, the compositeId router). -->
            <schema name="tipsearch-units" version="1.6">
              <uniqueKey>%s</uniqueKey>
              <fieldType name="string" class="solr.StrField" sortMissingLast="true" docValues="true"/>
              <fieldType name="long" class="solr.LongPointField" docValues="true"/>
              <fieldType name="int" class="solr.IntPointField" docValues="true"/>
              <fieldType name="stored" class="solr.StrField" indexed="false" stored="true" docValues="false"/>
              <fieldType name="mentions" class="solr.TextField" omitNorms="true" positionIncrementGap="0">
                <analyzer><tokenizer class="solr.KeywordTokenizerFactory"/></analyzer>
              </fieldType>
              <fieldType name="vector" class="solr.DenseVectorField" vectorDimension="%d" similarityFunction="cosine"/>
              <fieldType name="text" class="solr.TextField" positionIncrementGap="100">
                <analyzer>
            %s    </analyzer>
              </fieldType>
              <field name="%s" type="string" indexed="true" stored="true" required="true"/>
              <field name="_version_" type="long" indexed="true" stored="false"/>
              <field name="%s" type="string" indexed="true" stored="true"/>
              <field name="%s" type="string" indexed="true" stored="false"/>
              <field name="%s" type="string" indexed="true" stored="true"/>
              <field name="%s" type="int" indexed="true" stored="true"/>
              <field name="%s" type="text" indexed="true" stored="true" storeOffsetsWithPositions="true"/>
              <field name="%s" type="stored"/>
              <field name="%s" type="mentions" indexed="true" stored="false" multiValued="true"/>
              <field name="%s" type="string" indexed="true" stored="true"/>
              <field name="%s" type="stored"/>
              <field name="%s" type="stored"/>
              <field name="%s" type="string" indexed="true" stored="true"/>
              <field name="%s" type="text" indexed="true" stored="false"/>
              <field name="%s" type="text" indexed="true" stored="false"/>
              <field name="%s" type="string" indexed="true" stored="false"/>
              <field name="%s" type="string" indexed="true" stored="false"/>
              <field name="%s" type="vector" indexed="true" stored="true"/>
            %s</schema>
            """.formatted(SolrDocuments.SOLR_ID, Embedder.DIMENSIONS, TEXT_ANALYSIS, SolrDocuments.SOLR_ID, Schema.ID,
            Schema.TYPE, Schema.REPORT, Schema.POSITION, Schema.TEXT, Schema.SOURCE, SolrDocuments.GROUPS,
            Schema.FINGERPRINT, Schema.ADDED_AT, Schema.ACCOUNT, Schema.PARAGRAPH, Schema.SECTION, Schema.SPEAKER,
            Schema.NUMBER, Schema.ADDRESSEE, Schema.VECTOR, facetFields());

    /**
     * Each facet dimension of units and of register entries: its values kept whole and counted from doc values, and
     * beside them their keywords, which queries ask for ({@link SolrDocuments#keywordField}).
     */
    private static String facetFields() {
        return Stream.concat(Schema.FACETS.stream(), Schema.RECOMMENDATION_FACETS.stream()).distinct()
                .map(dim -> "  <field name=\"" + dim + "\" type=\"string\" indexed=\"true\" stored=\"true\""
                        + " multiValued=\"true\"/>\n  <field name=\"" + SolrDocuments.keywordField(dim)
                        + "\" type=\"string\" indexed=\"true\" stored=\"false\" multiValued=\"true\"/>\n")
                .collect(Collectors.joining());
    }

    private static final String SOLR_CONFIG = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- Written by tipsearch (search.solr.SolrConfigSet). -->
            <config>
              <luceneMatchVersion>9.12</luceneMatchVersion>
              <dataDir>${solr.data.dir:}</dataDir>
              <directoryFactory name="DirectoryFactory" class="${solr.directoryFactory:solr.NRTCachingDirectoryFactory}"/>
              <schemaFactory class="ClassicIndexSchemaFactory"/>
              <updateHandler class="solr.DirectUpdateHandler2">
                <updateLog><str name="dir">${solr.ulog.dir:}</str></updateLog>
                <autoSoftCommit><maxTime>1000</maxTime></autoSoftCommit>
              </updateHandler>
              <requestHandler name="/select" class="solr.SearchHandler"/>
              <!-- scores from the whole collection's statistics: a ranking does not depend on a unit's shard -->
              <statsCache class="org.apache.solr.search.stats.ExactStatsCache"/>
            </config>
            """;
}
