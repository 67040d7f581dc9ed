package org.tipsearch.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.tipsearch.ingest.Unit;
import org.tipsearch.ingest.Report;
import org.tipsearch.ingest.ReportMetadata;
import org.tipsearch.ingest.Session;

/**
 * A synthetic corpus of any size made from real reports, the same for the same seed. Each synthetic report
 * follows a real one's structure (the kinds, numbers, sections and statuses of its units) under new metadata
 * (session, dates, symbol), and each unit keeps its model unit's first sentence, which carries the cues
 * enrichment reads (who speaks, what is recommended), and recombines the rest with sentences from the whole
 * corpus. So every facet and field is populated, by the real enrichment, with realistic distributions.
 *
 * <p>A unit's vector is the normalised mix of the real vectors of the units its sentences came from, weighted by
 * their length, plus a little noise: nearest-neighbour search meets realistic geometry without the hours that
 * embedding millions of texts would take.
 */
public final class ScaleCorpus {

    /** The sessions synthetic reports are spread over, one a year from 2009 on: a facet with many values. */
    static final int SESSIONS = 60;
    private static final int FIRST_YEAR = 2008;
    /** Of a unit's sentences after its first, the share replaced by one from elsewhere in the corpus. */
    private static final double REPLACED = 0.4;
    /** The chance that a unit gains one more sentence from elsewhere. */
    private static final double EXTENDED = 0.15;
    /** The standard deviation of the noise added to each vector component (a unit vector's are about 0.05). */
    private static final double NOISE = 0.01;
    /** After a full stop, semicolon or colon, but not after a title or an initial: "Ms. Axam" is one sentence. */
    private static final Pattern SENTENCE_END = Pattern.compile(
            "(?<=[.;:])(?<!\\b(?:Mr|Ms|Mrs|Dr|Prof|No|Nos|para|paras|art|St|vol|e\\.g|i\\.e)\\.)(?<!\\b[A-Z]\\.)\\s+(?=[A-Z(“\"])");

    /** A synthetic report with one vector per unit (none when the corpus has no vectors). */
    public record SyntheticReport(Report report, List<float[]> vectors) {
        public SyntheticReport {
            Objects.requireNonNull(report, "report");
            vectors = List.copyOf(vectors);
        }
    }

    /** A real report with its units' vectors (none for a corpus without vectors). */
    public record Model(Report report, List<float[]> vectors) {
        public Model {
            Objects.requireNonNull(report, "report");
            vectors = List.copyOf(vectors);
            if (!vectors.isEmpty() && vectors.size() != report.units().size()) {
                throw new IllegalArgumentException("report " + report.metadata().id() + " has "
                        + report.units().size() + " units but " + vectors.size() + " vectors");
            }
        }
    }

    /** A sentence of the real corpus with the vector of the unit it stands in (null without vectors). */
    private record Sentence(String text, float[] vector) {}

    private final List<Model> models;
    private final List<Sentence> sentences = new ArrayList<>();
    private final boolean withVectors;
    private final long seed;

    /** @param models real reports to model synthetic ones on, all with vectors or all without */
    public ScaleCorpus(List<Model> models, long seed) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("a scale corpus needs at least one real report");
        }
        withVectors = !models.get(0).vectors().isEmpty();
        if (models.stream().anyMatch(m -> m.vectors().isEmpty() == withVectors)) {
            throw new IllegalArgumentException("the model reports must all have vectors or all have none");
        }
        this.models = List.copyOf(models);
        this.seed = seed;
        for (Model model : models) {
            for (Unit unit : model.report().units()) {
                float[] vector = withVectors ? model.vectors().get(unit.position()) : null;
                for (String line : unit.text().split("\n")) {
                    for (String sentence : SENTENCE_END.split(line.strip())) {
                        if (!sentence.isBlank()) {
                            sentences.add(new Sentence(sentence, vector));
                        }
                    }
                }
            }
        }
    }

    /** Synthetic report {@code n}, of at most {@code maxUnits} units: the same n and seed give the same report. */
    public SyntheticReport report(int n, int maxUnits) {
        var random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (n + 1L)));
        Model model = models.get(random.nextInt(models.size()));
        Report template = model.report();
        var units = new ArrayList<Unit>();
        var vectors = new ArrayList<float[]>();
        for (Unit unit : template.units().subList(0, Math.min(maxUnits, template.units().size()))) {
            var mix = withVectors ? new float[model.vectors().get(0).length] : null;
            String text = recombine(unit, withVectors ? model.vectors().get(unit.position()) : null, mix, random);
            units.add(new Unit(unit.unitId(), unit.position(), unit.kind(), unit.number(), unit.section(),
                    unit.annex(), text, unit.footnotes(), unit.status()));
            if (withVectors) {
                vectors.add(normalisedWithNoise(mix, random));
            }
        }
        return new SyntheticReport(new Report(metadata(n, template.metadata(), random), units), vectors);
    }

    /** The unit's text with its later sentences partly replaced; adds the sources' vectors to {@code mix}. */
    private String recombine(Unit unit, float[] ownVector, float[] mix, SplittableRandom random) {
        var lines = new ArrayList<String>();
        boolean first = true;
        for (String line : unit.text().split("\n")) {
            var kept = new ArrayList<String>();
            for (String sentence : SENTENCE_END.split(line.strip())) {
                Sentence chosen = !first && random.nextDouble() < REPLACED
                        ? sentences.get(random.nextInt(sentences.size()))
                        : new Sentence(sentence, ownVector);
                kept.add(chosen.text());
                add(mix, chosen);
                first = false;
            }
            lines.add(String.join(" ", kept));
        }
        if (random.nextDouble() < EXTENDED) {
            Sentence extra = sentences.get(random.nextInt(sentences.size()));
            lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " " + extra.text());
            add(mix, extra);
        }
        return String.join("\n", lines);
    }

    private static void add(float[] mix, Sentence sentence) {
        if (mix == null) {
            return;
        }
        float weight = sentence.text().length();
        for (int i = 0; i < mix.length; i++) {
            mix[i] += weight * sentence.vector()[i];
        }
    }

    private static float[] normalisedWithNoise(float[] mix, SplittableRandom random) {
        double norm = norm(mix);
        for (int i = 0; i < mix.length; i++) {
            mix[i] = (float) (mix[i] / norm + NOISE * gaussian(random));
        }
        double noisy = norm(mix);
        for (int i = 0; i < mix.length; i++) {
            mix[i] = (float) (mix[i] / noisy);
        }
        return mix;
    }

    private static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    /** A standard normal variate (Box–Muller): SplittableRandom has none. */
    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** The model's kind and body under a new id, session, dates and symbol. */
    private static ReportMetadata metadata(int n, ReportMetadata model, SplittableRandom random) {
        String id = String.format("synthetic-%07d", n);
        int ordinal = 1 + random.nextInt(SESSIONS);
        int year = FIRST_YEAR + ordinal;
        LocalDate date = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
        return new ReportMetadata(id, model.title(), model.kind(), model.body(), new Session(ordinal, year), date,
                date.plusDays(random.nextInt(4)), null, "CTOC/COP/WG.4/" + year + "/S" + n, id + ".txt");
    }
}
