package org.tipsearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** HTTP load from {@code wrk} (Debian's package), in a process of its own, cycling through a list of paths. */
public final class Wrk {

    /** What a run measured. */
    public record Result(double requestsPerSecond, double p50Ms, double p90Ms, double p99Ms, long requests,
            long errors) {}

    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() {}

    /** Runs wrk with {@code connections} connections for {@code seconds} against the paths, round robin. */
    public static Result run(String baseUrl, List<String> paths, int connections, int threads, int seconds)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("tipsearch-wrk", ".lua");
        try {
            Files.writeString(script, "local paths = {" + paths.stream().map(Wrk::luaString).collect(Collectors.joining(", "))
                    + "}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n");
            Process process;
            try {
                process = new ProcessBuilder("wrk", "--latency", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                        "-s", script.toString(), baseUrl).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new IOException("wrk is not installed; install Debian's wrk package (bench/run does)", e);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("wrk failed: " + output.strip());
            }
            return parse(output);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    static Result parse(String output) throws IOException {
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(output);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET_ERRORS.matcher(output);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        return new Result(Double.parseDouble(find(REQUESTS_PER_SECOND, output)), percentile(output, "50"),
                percentile(output, "90"), percentile(output, "99"), Long.parseLong(find(REQUESTS, output)), errors);
    }

    /** A line of wrk's latency distribution, e.g. "     99%   12.34ms", in milliseconds. */
    private static double percentile(String output, String percent) throws IOException {
        Matcher m = Pattern.compile("^\\s+" + percent + "%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE).matcher(output);
        if (!m.find()) {
            throw new IOException("wrk printed no " + percent + "% latency:\n" + output);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static String find(Pattern pattern, String output) throws IOException {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new IOException("wrk's output is not as expected:\n" + output);
        }
        return m.group(1);
    }

    private static String luaString(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
