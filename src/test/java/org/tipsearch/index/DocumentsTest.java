package org.tipsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;
import org.tipsearch.BundledReports;
import org.tipsearch.analysis.TextAnalyzer;
import org.tipsearch.enrich.AnnotatedReport;
import org.tipsearch.enrich.Enricher;
import org.tipsearch.ingest.ReportReader;

class DocumentsTest {

    private static final String ORGAN_REMOVAL = TextAnalyzer.synonymGroupToken("organ removal");

    @Test
    void aUnitHoldsAGroupsTokenForEachMentionAndKeepsItsTextsLength() throws Exception {
        AnnotatedReport report = new Enricher(TextAnalyzer.forRules(), TextAnalyzer.forNames())
                .annotate(new ReportReader().read(BundledReports.file(BundledReports.DIALOGUE_2024)));
        List<Document> docs = Documents.of(report, List.of(), Instant.EPOCH, Schema.facetsConfig());
        var withoutGroups = new ArrayList<Document>();
        for (Document doc : docs) {
            var copy = new Document();
            doc.getFields().stream() // the group tokens are the text's one value that is no string
                    .filter(f -> !(f.name().equals(Schema.TEXT) && f.stringValue() == null))
                    .forEach(copy::add);
            withoutGroups.add(copy);
        }
        try (Directory with = index(docs); Directory without = index(withoutGroups);
                DirectoryReader withReader = DirectoryReader.open(with);
                DirectoryReader withoutReader = DirectoryReader.open(without)) {
            LeafReader leaf = withReader.leaves().get(0).reader();
            PostingsEnum mentions = leaf.postings(new Term(Schema.TEXT, ORGAN_REMOVAL), PostingsEnum.FREQS);
            int units = 0;
            for (int doc = mentions.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = mentions.nextDoc()) {
                Document stored = leaf.storedFields().document(doc);
                String id = stored.get(Schema.ID).substring(stored.get(Schema.ID).indexOf('/') + 1);
                Map<String, Integer> expected = stored.get(Schema.PARAGRAPH) == null
                        ? report.annotationsOf(report.report().units().stream()
                                .filter(p -> p.unitId().equals(id)).findFirst().orElseThrow()).synonymGroups()
                        : report.recommendations().stream()
                                .filter(r -> r.entryId().equals(id)).findFirst().orElseThrow().synonymGroups();
                assertEquals(expected.get("organ removal"), mentions.freq(), stored.get(Schema.ID));
                units++;
            }
            assertTrue(units > 5, units + " units mention organ removal");
            assertEquals(norms(withoutReader), norms(withReader), "the tokens add nothing to a text's length");
        }
    }

    private static Directory index(List<Document> docs) throws IOException {
        var directory = new ByteBuffersDirectory();
        try (var writer = new IndexWriter(directory, new IndexWriterConfig(Schema.indexAnalyzer()))) {
            writer.addDocuments(docs);
        }
        return directory;
    }

    private static Map<Integer, Long> norms(DirectoryReader reader) throws IOException {
        var norms = new TreeMap<Integer, Long>();
        NumericDocValues values = reader.leaves().get(0).reader().getNormValues(Schema.TEXT);
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            norms.put(doc, values.longValue());
        }
        return norms;
    }
}
