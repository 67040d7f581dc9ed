package org.tipsearch.cli;

import io.javalin.Javalin;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tipsearch.index.ReportIndexer;
import org.tipsearch.search.SearchService;
import org.tipsearch.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tipsearch serve}: the HTTP API, building the index first if there is none. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the search API; builds the index from the reports on first start.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private Locations locations;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (0: any free port). Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
    private String host;

    @Option(names = "--cors-origins", defaultValue = "*", split = ",", paramLabel = "ORIGINS",
            description = "Origins other sites may call the API from, comma-separated; '*' for any, 'none' for none. "
                    + "Default: ${DEFAULT-VALUE}.")
    private List<String> corsOrigins;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        if (port < 0 || port > 65_535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port must be 0-65535, not " + port);
        }
        if (!ReportIndexer.isCurrent(locations.index)) {
            out.println("No current index at " + locations.index + "; building it from " + locations.reports);
            IndexCommand.build(locations.existingReports(), locations.index, out);
        }
        var stopped = new CountDownLatch(1);
        SearchService search = SearchService.open(locations.index);
        Javalin app = WebServer.create(search, corsOrigins.contains("none") ? List.of() : corsOrigins);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            try {
                search.close();
            } catch (Exception e) {
                System.err.println("tipsearch: closing the index failed: " + e.getMessage());
            }
            stopped.countDown();
        }, "tipsearch-shutdown"));
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            search.close();
            throw new IllegalStateException("cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")", e);
        }
        SearchService.IndexHealth health = search.health();
        out.printf(Locale.ROOT, "tipsearch: serving %d paragraphs from %d reports at http://%s:%d/ (ready in %d ms)%n",
                health.paragraphs(), health.documents(), host, app.port(), (System.nanoTime() - start) / 1_000_000);
        stopped.await();
        return 0;
    }
}
