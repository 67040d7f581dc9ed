package org.tipsearch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tipsearch.search.SearchService;

/**
 * A tipsearch server started from the product jar in a process of its own, as a user starts it, for the HTTP
 * benchmark: how long it takes to answer its first query, and its heap as the JDK's {@code jcmd} reads it.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("committed \\d+K, used (\\d+)K");

    private final Process process;
    private final String baseUrl;
    private final long firstAnswerMillis;

    private ServerProcess(Process process, String baseUrl, long firstAnswerMillis) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.firstAnswerMillis = firstAnswerMillis;
    }

    /** Starts a server on the index, with options for its JVM and its serve command, and waits until it answers a search. */
    public static ServerProcess start(Path indexDir, List<String> jvmOptions, List<String> serveOptions)
            throws IOException, InterruptedException {
        int port = FreePort.pick();
        var command = new ArrayList<String>();
        command.add(javaCommand());
        command.addAll(List.of("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"));
        // as the launcher starts a server: with the class-data archive its first start wrote, unless the jar is newer
        Path archive = classDataArchive();
        if (!hasClassDataArchive()) { // the JVM would ignore a stale one without writing it anew
            Files.deleteIfExists(archive);
        }
        command.addAll(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive,
                "-XX:+VerifySharedSpaces")); // a damaged archive left unused, as the launcher has it
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", productJar().toString(), "serve", "--index", indexDir.toString(),
                "--port", String.valueOf(port)));
        command.addAll(serveOptions);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        drain(process);
        String baseUrl = "http://127.0.0.1:" + port;
        var client = HttpClient.newHttpClient();
        var probe = HttpRequest.newBuilder(URI.create(baseUrl + "/api/search?q=victims&size=10")).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new ServerProcess(process, baseUrl, (System.nanoTime() - start) / 1_000_000);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        process.destroyForcibly();
        throw new IOException("the server did not answer a search within 5 minutes");
    }

    /**
     * The class-data archive of the server's classes, next to the jar, as {@code ./tipsearch serve} has it: written
     * by a first start, read by the later ones.
     */
    private static Path classDataArchive() throws IOException {
        return productJar().resolveSibling("tipsearch-serve.jsa");
    }

    /** Whether a server started now finds a class-data archive of this jar's classes. */
    public static boolean hasClassDataArchive() throws IOException {
        Path archive = classDataArchive();
        return Files.exists(archive)
                && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(productJar())) >= 0;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** From starting the process to the first answered search. */
    public long firstAnswerMillis() {
        return firstAnswerMillis;
    }

    /** The heap in use now, in MB; after a full collection when {@code collectFirst}. */
    public double heapUsedMb(boolean collectFirst) throws IOException, InterruptedException {
        if (collectFirst) {
            jcmd("GC.run");
        }
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IOException("jcmd GC.heap_info printed no heap figure");
        }
        return Long.parseLong(used.group(1)) / 1024.0;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(javaCommand()).resolveSibling("jcmd");
        Process run = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), command)
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!run.waitFor(1, TimeUnit.MINUTES) || run.exitValue() != 0) {
            throw new IOException("jcmd " + command + " failed: " + output.strip());
        }
        return output;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** The server's output is read and dropped, so that it never blocks on a full pipe. */
    private static void drain(Process process) {
        Thread drain = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> { });
            } catch (IOException | UncheckedIOException e) {
                // the process ended and its output closed
            }
        }, "bench-server-output");
        drain.setDaemon(true);
        drain.start();
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("the java command of this process is unknown"));
    }

    /** The jar the product's classes come from (the benchmarks' own jar stands beside it). */
    private static Path productJar() throws IOException {
        try {
            Path jar = Path.of(SearchService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!jar.toString().endsWith(".jar")) {
                throw new IOException("the HTTP benchmark runs from the built jar (./tipsearch bench http), not " + jar);
            }
            return jar;
        } catch (URISyntaxException e) {
            throw new IOException("the jar's location cannot be read", e);
        }
    }
}
