package org.tipsearch.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tipsearch.ingest.Unit;
import org.tipsearch.ingest.Report;
import org.tipsearch.ingest.ReportReader;

class ScaleCorpusTest {

    private static final int DIMENSIONS = 8;
    private static final List<ScaleCorpus.Model> models = new ArrayList<>();

    /** The bundled reports with made-up unit vectors: the corpus mixes whatever vectors its models have. */
    @BeforeAll
    static void readModels() throws Exception {
        var random = new SplittableRandom(1);
        var reader = new ReportReader();
        for (Path file : ReportReader.reportFiles(Path.of("index-data/reports"))) {
            Report report = reader.read(file);
            var vectors = new ArrayList<float[]>();
            for (int i = 0; i < report.units().size(); i++) {
                float[] v = new float[DIMENSIONS];
                v[random.nextInt(DIMENSIONS)] = 1;
                vectors.add(v);
            }
            models.add(new ScaleCorpus.Model(report, vectors));
        }
    }

    @Test
    void theSameSeedGivesTheSameCorpusAndAnotherSeedAnother() {
        var corpus = new ScaleCorpus(models, 7);
        for (int n : new int[] {0, 1, 500}) {
            ScaleCorpus.SyntheticReport a = corpus.report(n, 1_000);
            ScaleCorpus.SyntheticReport b = new ScaleCorpus(models, 7).report(n, 1_000);
            assertEquals(a.report(), b.report());
            for (int i = 0; i < a.vectors().size(); i++) {
                assertArrayEquals(a.vectors().get(i), b.vectors().get(i));
            }
            assertNotEquals(a.report(), new ScaleCorpus(models, 8).report(n, 1_000).report());
        }
    }

    @Test
    void aReportFollowsItsModelUnderNewMetadata() {
        ScaleCorpus.SyntheticReport synthetic = new ScaleCorpus(models, 7).report(42, 1_000);
        Report report = synthetic.report();
        Report model = models.stream().map(ScaleCorpus.Model::report)
                .filter(m -> m.units().size() == report.units().size()
                        && m.units().get(0).unitId().equals(report.units().get(0).unitId()))
                .findFirst().orElseThrow();
        assertEquals("synthetic-0000042", report.metadata().id());
        assertEquals(model.metadata().kind(), report.metadata().kind());
        int ordinal = report.metadata().session().ordinal();
        assertTrue(ordinal >= 1 && ordinal <= ScaleCorpus.SESSIONS, "session " + ordinal);
        assertEquals(report.metadata().year(), report.metadata().session().year());
        for (int i = 0; i < report.units().size(); i++) {
            Unit unit = report.units().get(i);
            Unit original = model.units().get(i);
            assertEquals(List.of(original.unitId(), original.kind(), original.section(), String.valueOf(original.status())),
                    List.of(unit.unitId(), unit.kind(), unit.section(), String.valueOf(unit.status())));
            String firstWords = original.text().substring(0, Math.min(30, original.text().length()));
            assertTrue(unit.text().startsWith(firstWords), "keeps the model's first sentence: " + unit.text());
            float[] v = synthetic.vectors().get(i);
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            assertEquals(1.0, norm, 1e-4, "vectors are normalised");
        }
    }

    @Test
    void recombinedUnitsTakeSentencesFromElsewhere() {
        var corpus = new ScaleCorpus(models, 7);
        int changed = 0;
        int units = 0;
        for (int n = 0; n < 20; n++) {
            Report report = corpus.report(n, 1_000).report();
            Report model = models.stream().map(ScaleCorpus.Model::report)
                    .filter(m -> m.units().size() == report.units().size()).findFirst().orElseThrow();
            for (int i = 0; i < report.units().size(); i++) {
                units++;
                if (!report.units().get(i).text().equals(model.units().get(i).text())) {
                    changed++;
                }
            }
        }
        assertTrue(changed > units / 3 && changed < units, changed + " of " + units + " units changed");
    }

    @Test
    void aReportIsCutShortToTheUnitsAskedFor() {
        ScaleCorpus.SyntheticReport report = new ScaleCorpus(models, 7).report(3, 5);
        assertEquals(5, report.report().units().size());
        assertEquals(5, report.vectors().size());
    }
}
