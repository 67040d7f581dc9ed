package org.tipsearch.bench.command;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.concurrent.atomic.DoubleAccumulator;
import org.tipsearch.bench.BenchQuery;
import org.tipsearch.bench.ServerProcess;
import org.tipsearch.bench.Wrk;
import org.tipsearch.search.SearchMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code tipsearch bench http}: starts a server on the index as a user would, times it to its first answered
 * search, then loads it with wrk over loopback with the fixed mixed query set, per mode, reading its heap.
 */
@Command(name = "http", mixinStandardHelpOptions = true,
        description = "Start a server on the index, time it to the first answer, load it with wrk (Debian's package)"
                + " per search mode, and read its heap with jcmd; prints a table.")
final class BenchHttpCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private BenchIndex index;

    @Option(names = "--connections", defaultValue = "32", description = "Open connections. Default: ${DEFAULT-VALUE}.")
    private int connections;

    @Option(names = "--seconds", defaultValue = "30", description = "Length of each timed run. Default: ${DEFAULT-VALUE}.")
    private int seconds;

    @Option(names = "--modes", defaultValue = "bm25,hybrid", split = ",",
            description = "Search modes to load, in turn. Default: ${DEFAULT-VALUE}.")
    private List<String> modes;

    @Option(names = "--server-jvm", paramLabel = "OPTION",
            description = "An option for the server's JVM, e.g. --server-jvm=-Xmx256m; may be repeated.")
    private List<String> serverJvmOptions = new ArrayList<>();

    /** The cluster's collection served instead of the index (serve --engine). */
    @Mixin
    private BenchCluster cluster;

    @Option(names = "--cached-pages", paramLabel = "N",
            description = "The server's --cached-pages; 0 measures every request searched anew. Default: the server's.")
    private Integer cachedPages;

    @Override
    public Integer call() throws Exception {
        if (connections < 1 || connections > 1_000 || seconds < 1 || seconds > 3_600) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--connections must be 1-1000 and --seconds 1-3600");
        }
        List<SearchMode> searchModes = SearchModes.parse(spec, modes);
        PrintWriter out = spec.commandLine().getOut();
        if (!ServerProcess.hasClassDataArchive()) { // as a server started before would have left it
            try (ServerProcess first = ServerProcess.start(index.existingIndex(), serverJvmOptions, serveOptions())) {
                out.printf(Locale.ROOT, "first start (writes the class-data archive): first search answered %d ms"
                        + " after the process started%n", first.firstAnswerMillis());
            }
        }
        try (ServerProcess server = ServerProcess.start(index.existingIndex(), serverJvmOptions, serveOptions())) {
            out.printf(Locale.ROOT, "server on %s%s: first search answered %d ms after the process started;"
                    + " heap after start (after GC) %.0f MB%n", index.index(),
                    Stream.concat(serverJvmOptions.stream(), serveOptions().stream()).map(o -> " " + o)
                            .collect(Collectors.joining()),
                    server.firstAnswerMillis(), server.heapUsedMb(true));
            out.printf(Locale.ROOT, "%-7s %5s %9s %8s %8s %8s %9s %7s %11s %11s%n", "mode", "conns", "req/s", "p50 ms",
                    "p90 ms", "p99 ms", "requests", "errors", "heap max MB", "heap GC MB");
            for (SearchMode mode : searchModes) {
                List<String> paths = paths(mode);
                Wrk.run(server.baseUrl(), paths, connections, 2, Math.min(10, seconds)); // warm-up: JIT, caches
                var peak = new DoubleAccumulator(Math::max, 0);
                var loading = new AtomicBoolean(true);
                try (var sampler = Executors.newSingleThreadExecutor()) {
                    sampler.submit(() -> {
                        while (loading.get()) {
                            peak.accumulate(server.heapUsedMb(false));
                            Thread.sleep(1_000);
                        }
                        return null;
                    });
                    Wrk.Result r;
                    try {
                        r = Wrk.run(server.baseUrl(), paths, connections, 2, seconds);
                    } finally {
                        loading.set(false);
                    }
                    out.printf(Locale.ROOT, "%-7s %5d %,9.0f %8.1f %8.1f %8.1f %,9d %7d %11.0f %11.0f%n", mode.id(),
                            connections, r.requestsPerSecond(), r.p50Ms(), r.p90Ms(), r.p99Ms(), r.requests(), r.errors(),
                            peak.get(), server.heapUsedMb(true));
                }
            }
        }
        out.println("command: tipsearch bench http --index " + index.index() + " --connections " + connections
                + " --seconds " + seconds + " --modes " + String.join(",", modes)
                + serverJvmOptions.stream().map(o -> " --server-jvm=" + o).reduce("", String::concat)
                + (cachedPages == null ? "" : " --cached-pages " + cachedPages)
                + cluster.asOptions());
        return 0;
    }

    private List<String> serveOptions() {
        var options = new ArrayList<String>();
        if (cachedPages != null) {
            options.addAll(List.of("--cached-pages", String.valueOf(cachedPages)));
        }
        if (cluster.given()) {
            options.addAll(List.of("--engine", cluster.addresses(), "--alias", cluster.alias()));
        }
        return options;
    }

    /** The mixed query set as search URLs of the mode, size 10 (facets and highlighting come with every search). */
    private static List<String> paths(SearchMode mode) {
        var paths = new ArrayList<String>();
        for (BenchQuery query : BenchQuery.mixedSet()) {
            var path = new StringBuilder("/api/search?size=10&mode=").append(mode.id()).append("&q=").append(encode(query.query()));
            query.filters().forEach((dim, values) -> values.forEach(
                    value -> path.append('&').append(encode(dim)).append('=').append(encode(value))));
            paths.add(path.toString());
        }
        return paths;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
