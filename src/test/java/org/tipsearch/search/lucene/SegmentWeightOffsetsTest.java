package org.tipsearch.search.lucene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.tipsearch.BundledReports;
import org.tipsearch.index.Schema;
import org.tipsearch.ingest.Unit;
import org.tipsearch.ingest.ReportReader;

class SegmentWeightOffsetsTest {

    @Test
    void highlightsAreLucenesOnAnIndexOfManySegments() throws Exception {
        var type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        try (var directory = new ByteBuffersDirectory()) {
            try (var writer = new IndexWriter(directory,
                    new IndexWriterConfig(Schema.indexAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE))) {
                for (Path file : ReportReader.reportFiles(BundledReports.DIR)) {
                    for (Unit unit : new ReportReader().read(file).units()) {
                        var doc = new Document();
                        doc.add(new Field(Schema.TEXT, unit.text(), type));
                        writer.addDocument(doc);
                        if (unit.position() % 10 == 9) {
                            writer.flush(); // a segment every ten units
                        }
                    }
                }
            }
            try (var reader = DirectoryReader.open(directory)) {
                assertTrue(reader.leaves().size() > 10, reader.leaves().size() + " segments");
                var searcher = new IndexSearcher(reader);
                var lucenes = UnifiedHighlighter.builder(searcher, Schema.indexAnalyzer()).build();
                var ours = new UnifiedHighlighter(UnifiedHighlighter.builder(searcher, Schema.indexAnalyzer())) {
                    @Override
                    protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
                        return new SegmentWeightOffsets(components);
                    }
                };
                var parser = new QueryParser(Schema.TEXT, Schema.queryAnalyzer());
                for (String typed : List.of("victims", "\"organ removal\" OR transplant", "children +trafficking",
                        "\"non-punishment principle\" OR \"civil society\"~3", "survivor* -states")) {
                    Query query = parser.parse(typed);
                    TopDocs hits = searcher.search(query, 200);
                    assertTrue(hits.scoreDocs.length > 3, typed);
                    assertArrayEquals(lucenes.highlight(Schema.TEXT, query, hits, 2),
                            ours.highlight(Schema.TEXT, query, hits, 2), typed);
                }
            }
        }
    }
}
