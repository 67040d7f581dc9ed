package org.tipsearch.cli;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tipsearch.index.IndexCheck;
import org.tipsearch.index.IndexIntegrity;
import org.tipsearch.index.ReportIndexer;
import org.tipsearch.index.ReportLibrary;
import org.tipsearch.search.IndexHealth;
import org.tipsearch.search.SearchService;
import org.tipsearch.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tipsearch serve}: the HTTP API, building the index first if there is none. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the search API; builds the index from the reports on first start.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private Locations locations;

    @Mixin
    private EngineOptions engine;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (0: any free port). Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
    private String host;

    @Option(names = "--cors-origins", defaultValue = "*", split = ",", paramLabel = "ORIGINS",
            description = "Origins other sites may call the API from, comma-separated; '*' for any, 'none' for none. "
                    + "Default: ${DEFAULT-VALUE}.")
    private List<String> corsOrigins;

    @Option(names = "--admin-token-file", paramLabel = "FILE",
            description = "File holding the bearer token of the admin API (POST/DELETE /api/admin/reports); "
                    + "or set the environment variable " + ADMIN_TOKEN_VARIABLE + ". Without a token the admin API is off.")
    private Path adminTokenFile;

    @Option(names = "--query-budget-ms", defaultValue = "1000", paramLabel = "MS",
            description = "How long one search may take, in milliseconds (1-" + MAX_QUERY_BUDGET_MS + "): one that has "
                    + "found something by then answers it marked partial, one that has not answers 503. "
                    + "Default: ${DEFAULT-VALUE}.")
    private long queryBudgetMs;

    /** A budget over a minute is no budget: a client waiting that long has gone. */
    private static final long MAX_QUERY_BUDGET_MS = 60_000;

    @Option(names = Main.VERBOSE, description = "Log what the libraries say (Jetty, Javalin, DJL, Lucene) at info, "
            + "not only their warnings.")
    private boolean verbose;

    @Option(names = "--cached-pages", defaultValue = "1000", paramLabel = "N",
            description = "How many pages of results answered lately are kept and answered again while the index "
                    + "does not change (0-" + MAX_CACHED_PAGES + "; 0 keeps none). Default: ${DEFAULT-VALUE}.")
    private int cachedPages;

    /** 100,000 pages of 10 hits take some 2 GB. */
    private static final int MAX_CACHED_PAGES = 100_000;

    static final String ADMIN_TOKEN_VARIABLE = "TIPSEARCH_ADMIN_TOKEN";
    /** A shorter token could be guessed; 16 characters of a random string are out of reach. */
    private static final int MIN_TOKEN_LENGTH = 16;
    /** How often the server looks for changes another process (tipsearch ingest) committed to its index. */
    private static final long REFRESH_SECONDS = 2;

    /**
     * A large index is verified in the background, while the server answers (a small one was verified, and
     * repaired, before it opened); one found damaged stops being searched and is repaired on the next start.
     */
    private IndexCheck checkInBackground() {
        Path index = locations.index();
        return IndexCheck.inBackground(index, damage -> System.err.println("tipsearch: the index at " + index
                + " is damaged (" + damage + "); searches are refused; restart to set it aside and rebuild it from "
                + locations.reports()));
    }

    /** The admin token from the file or the environment (the file wins), or null when neither gives one. */
    private String adminToken() throws IOException {
        String token;
        if (adminTokenFile != null) {
            if (!Files.isRegularFile(adminTokenFile)) {
                throw new ParameterException(spec.commandLine(), "no admin token file at " + adminTokenFile);
            }
            token = Files.readString(adminTokenFile).strip();
        } else {
            token = System.getenv(ADMIN_TOKEN_VARIABLE);
            if (token == null || token.isBlank()) {
                return null;
            }
            token = token.strip();
        }
        if (token.length() < MIN_TOKEN_LENGTH || token.chars().anyMatch(Character::isWhitespace)) {
            throw new ParameterException(spec.commandLine(), "the admin token must be at least " + MIN_TOKEN_LENGTH
                    + " characters without spaces, e.g. the output of 'openssl rand -hex 24'");
        }
        return token;
    }

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0-65535, not " + port);
        }
        if (queryBudgetMs < 1 || queryBudgetMs > MAX_QUERY_BUDGET_MS) {
            throw new ParameterException(spec.commandLine(), "--query-budget-ms must be 1-" + MAX_QUERY_BUDGET_MS
                    + ", not " + queryBudgetMs);
        }
        if (cachedPages < 0 || cachedPages > MAX_CACHED_PAGES) {
            throw new ParameterException(spec.commandLine(), "--cached-pages must be 0-" + MAX_CACHED_PAGES
                    + ", not " + cachedPages);
        }
        if (engine.cluster()) {
            if (adminTokenFile != null) {
                throw new ParameterException(spec.commandLine(), "--admin-token-file: the admin API writes the "
                        + "embedded index; with --engine, add reports with tipsearch ingest --engine");
            }
            return serveCluster(out, start);
        }
        boolean large = Files.isDirectory(locations.index())
                && IndexIntegrity.size(locations.index()) > IndexIntegrity.LARGE_BYTES
                && !IndexIntegrity.isMarkedDamaged(locations.index());
        if (!large) {
            IndexRepair.verify(locations.index(), locations.reports(), out);
        }
        if (!ReportIndexer.isCurrent(locations.index())) {
            out.println("No current index at " + locations.index() + "; building it from " + locations.reports());
            IndexCommand.build(locations.existingReports(), locations.index(), out);
        }
        IndexCheck check = large ? checkInBackground() : IndexCheck.whole();
        String adminToken = adminToken();
        SearchService search = SearchService.open(locations.index(), Duration.ofMillis(queryBudgetMs));
        Javalin app = WebServer.create(search, corsOrigins(),
                new ReportLibrary(locations.index(), locations.reports()), adminToken, check, cachedPages);
        out.println("tipsearch: admin API " + (adminToken == null ? "off (no token)" : "on, at /api/admin/reports"));
        return serve(search, app, out, start);
    }

    /**
     * Serves a cluster's collection: nothing to build or verify here (the cluster keeps its replicas), and no admin
     * API, which writes the embedded index: reports go into the cluster with {@code ingest --engine}.
     */
    private int serveCluster(PrintWriter out, long start) throws Exception {
        var search = new SearchService(engine.engine(CLUSTER_TIMEOUT), Duration.ofMillis(queryBudgetMs));
        Javalin app = WebServer.create(search, corsOrigins(), null, null, IndexCheck.whole(), cachedPages);
        out.println("tipsearch: searching " + engine.describe() + "; admin API off (add reports with tipsearch "
                + "ingest --engine)");
        return serve(search, app, out, start);
    }

    /** How long a cluster's node may stay silent before a search asks another. */
    private static final Duration CLUSTER_TIMEOUT = Duration.ofSeconds(30);

    private List<String> corsOrigins() {
        return corsOrigins.contains("none") ? List.of() : corsOrigins;
    }

    /** Listens until the process is stopped, looking for changes every few seconds. */
    private int serve(SearchService search, Javalin app, PrintWriter out, long start) throws Exception {
        var stopped = new CountDownLatch(1);
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("tipsearch-refresh").daemon().factory());
        refresher.scheduleWithFixedDelay(() -> {
            try {
                search.refresh();
            } catch (IOException | RuntimeException e) {
                System.err.println("tipsearch: reopening the index failed: " + e.getMessage());
            }
        }, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            refresher.shutdownNow();
            app.stop();
            try {
                search.close();
            } catch (Exception e) {
                System.err.println("tipsearch: closing the index failed: " + e.getMessage());
            }
            stopped.countDown();
        }, "tipsearch-shutdown"));
        search.awaitModel(); // loaded meanwhile, in the background; searches by meaning need it from the start
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            search.close();
            throw new IllegalStateException("cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")", e);
        }
        IndexHealth health = search.health();
        out.printf(Locale.ROOT, "tipsearch: serving %d paragraphs from %d reports at http://%s:%d/ (ready in %d ms)%n",
                health.units(), health.reports(), host, app.port(), (System.nanoTime() - start) / 1_000_000);
        stopped.await();
        return 0;
    }
}
