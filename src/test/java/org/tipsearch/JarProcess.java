package org.tipsearch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the built jar as users do, with the JDK the tests run on. */
public final class JarProcess {

    /** What a finished command printed and returned. */
    public record Result(int exitCode, String out, String err) {}

    private JarProcess() {}

    public static Path jar() {
        Path jar = Path.of(System.getProperty("tipsearch.jar", "target/tipsearch.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no jar at " + jar.toAbsolutePath() + "; the ITs run after 'mvn package'");
        }
        return jar;
    }

    public static List<String> command(String... args) {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        if (args.length > 0 && args[0].equals("bench")) {
            // as ./tipsearch bench runs them: the benchmarks' jar beside the product jar
            command.add("-cp");
            command.add(jar() + java.io.File.pathSeparator + jar().resolveSibling("tipsearch-bench.jar"));
            command.add("org.tipsearch.cli.Main");
        } else {
            command.add("-jar");
            command.add(jar().toString());
        }
        command.addAll(List.of(args));
        return command;
    }

    /** Runs a command to its end (at most two minutes). */
    public static Result run(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("tipsearch-out", ".txt");
        Path err = Files.createTempFile("tipsearch-err", ".txt");
        try {
            Process process = new ProcessBuilder(command(args))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("tipsearch " + String.join(" ", args) + " did not finish");
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** A running server: started with {@code serve --port 0}, its address read from what it prints. */
    public static final class Server implements AutoCloseable {
        private final Process process;
        private final String baseUrl;
        private final List<String> output = new ArrayList<>();

        public Server(String... args) throws IOException {
            var command = new ArrayList<>(List.of("serve", "--port", "0"));
            command.addAll(List.of(args));
            process = new ProcessBuilder(command(command.toArray(String[]::new))).redirectErrorStream(true).start();
            var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String url = null;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (url == null && System.nanoTime() < deadline) {
                String line = reader.readLine();
                if (line == null) {
                    break;
                }
                output.add(line);
                int at = line.indexOf(" at http://");
                if (line.startsWith("tipsearch: serving") && at >= 0) {
                    url = line.substring(at + 4).split(" ")[0].replaceAll("/$", "");
                }
            }
            if (url == null) {
                process.destroyForcibly();
                throw new IllegalStateException("the server did not start:\n" + String.join("\n", output));
            }
            baseUrl = url;
            Thread drain = new Thread(() -> {
                try {
                    reader.lines().forEach(line -> { });
                } catch (UncheckedIOException e) {
                    // the process ended and its output closed
                }
            }, "server-output");
            drain.setDaemon(true);
            drain.start();
        }

        public String baseUrl() {
            return baseUrl;
        }

        /** The server's process, for the JDK's tools (jcmd) to look into. */
        public ProcessHandle process() {
            return process.toHandle();
        }

        /** What the server printed up to the line announcing it was ready. */
        public List<String> startupOutput() {
            return List.copyOf(output);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
