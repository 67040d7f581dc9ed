package org.tipsearch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture as rules on the product's classes: data flows one way, ingest → enrich → index → search →
 * web and cli, and no package reaches back up the flow. A change that breaks a rule fails here, not in review.
 */
class PackageRulesTest {

    private static final Pattern RACE = Pattern.compile(".*/org/tipsearch/search/.*Race(\\$[^/]*)?\\.class");
    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        // a race (a benchmark timing an engine's internals from inside its package) ships with the benchmarks
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.matches(RACE))
                .importPackages("org.tipsearch");
        // the rules hold of the classes built from src/main, not of an empty import
        assertTrue(product.size() > 150, "classes imported: " + product.size());
    }

    @Test
    void ingestReadsReportsWithoutLuceneOrAnythingDownstream() {
        noClasses().that().resideInAPackage("org.tipsearch.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.lucene..", "org.tipsearch.enrich..",
                        "org.tipsearch.index..", "org.tipsearch.search..", "org.tipsearch.web..", "org.tipsearch.cli..",
                        "org.tipsearch.bench..", "org.tipsearch.embed..", "org.tipsearch.eval..")
                .check(product);
    }

    @Test
    void enrichmentKnowsNothingOfTheIndexOrWhatServesIt() {
        noClasses().that().resideInAPackage("org.tipsearch.enrich..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tipsearch.index..", "org.tipsearch.search..",
                        "org.tipsearch.web..", "org.tipsearch.cli..", "org.tipsearch.bench..")
                .check(product);
    }

    @Test
    void theIndexKnowsNothingOfSearchingOrServing() {
        noClasses().that().resideInAPackage("org.tipsearch.index..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tipsearch.search..", "org.tipsearch.web..",
                        "org.tipsearch.cli..", "org.tipsearch.bench..")
                .check(product);
    }

    @Test
    void searchingKnowsNothingOfServingOrTheCommandLine() {
        noClasses().that().resideInAPackage("org.tipsearch.search..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tipsearch.web..", "org.tipsearch.cli..",
                        "org.tipsearch.bench..")
                .check(product);
    }

    @Test
    void theEngineIsReachedThroughItsSeamAlone() {
        // a second engine plugs in behind search.SearchEngine: what serves and what runs commands sees the API
        // (the benchmarks aside: one times the engine's internals against Lucene's, through a race in its package)
        noClasses().that().resideOutsideOfPackages("org.tipsearch.search..", "org.tipsearch.bench..")
                .should().dependOnClassesThat().resideInAPackage("org.tipsearch.search.lucene..")
                .check(product);
        noClasses().that().resideInAPackage("org.tipsearch.search")
                .and().doNotHaveSimpleName("SearchService")
                .should().dependOnClassesThat().resideInAPackage("org.tipsearch.search.lucene..")
                .check(product);
    }

    @Test
    void theServerSeesTheSearchApiNotLucene() {
        // the server runs on any engine behind the seam: Lucene's types stay inside the engine
        noClasses().that().resideInAPackage("org.tipsearch.web..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
                .check(product);
    }

    @Test
    void theServerKnowsNothingOfTheCommandLineOrTheBenchmarks() {
        noClasses().that().resideInAPackage("org.tipsearch.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tipsearch.cli..", "org.tipsearch.bench..")
                .check(product);
    }

    @Test
    void theProductKnowsNothingOfTheBenchmarks() {
        // they ship in a jar of their own; the command line finds their command by name where that jar is
        noClasses().that().resideOutsideOfPackage("org.tipsearch.bench..")
                .should().dependOnClassesThat().resideInAPackage("org.tipsearch.bench..")
                .check(product);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.tipsearch.(*)..").should().beFreeOfCycles().check(product);
    }
}
