package org.tipsearch.index;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.tipsearch.analysis.TextAnalyzer;
import org.tipsearch.embed.Embedder;
import org.tipsearch.enrich.AnnotatedReport;
import org.tipsearch.enrich.Enricher;
import org.tipsearch.ingest.Unit;
import org.tipsearch.ingest.Report;

/**
 * What a read report goes through to become documents: enrichment, then an embedding per unit, then the
 * indexer. One pipeline serves a whole build or a server's life; it loads the embedding model once.
 */
public final class ReportPipeline {

    private final Enricher enricher = new Enricher(TextAnalyzer.forRules(), TextAnalyzer.forNames());
    private final Embedder embedder = new Embedder();

    /** Enriches and embeds the report and writes it (not yet committed) as added now. */
    public void write(ReportIndexer indexer, Report report, Instant addedAt) throws IOException {
        indexer.index(annotate(report), vectors(report), addedAt);
    }

    /** The report's annotations and recommendations register. */
    public AnnotatedReport annotate(Report report) {
        return enricher.annotate(report);
    }

    /** The embedding of each unit of the report, in order. */
    public List<float[]> vectors(Report report) {
        return embedder.passages(report.units().stream().map(ReportPipeline::embeddedText).toList());
    }

    /**
     * What a unit's embedding is made of: its innermost heading, without its label, then its text. The heading
     * says what a panel or agenda item was about, which its paragraphs often leave unsaid.
     */
    static String embeddedText(Unit unit) {
        if (unit.section().isEmpty()) {
            return unit.text();
        }
        String heading = unit.section().get(unit.section().size() - 1).replaceFirst("^(?:[IVXLC]+|[A-Z])\\.\\s+", "");
        return heading + ": " + unit.text();
    }
}
