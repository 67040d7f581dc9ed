package org.tipsearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for the side-by-side benchmark: Debian's server binaries, a new data folder,
 * listening on a free loopback port only, trusted local connections, removed on close. Run as root, the
 * server runs as the {@code postgres} user, which PostgreSQL requires.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");
    private static final String USER = "tipsearch";

    private final Path binaries;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path binaries, Path dataDir, int port, boolean asPostgresUser) {
        this.binaries = binaries;
        this.dataDir = dataDir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /**
     * Creates and starts a cluster tuned as a search back end would be: data in memory (shared buffers), no
     * waiting for the disk on commit (the data is thrown away).
     */
    public static PostgresServer start() throws IOException, InterruptedException {
        Path binaries = newestBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dataDir = Files.createTempDirectory("tipsearch-pg");
        var server = new PostgresServer(binaries, dataDir.resolve("data"), FreePort.pick(), root);
        if (root) {
            run(List.of("chown", "postgres", dataDir.toString()));
        }
        server.runAsServerUser(List.of(binaries.resolve("initdb").toString(), "-D", server.dataDir.toString(),
                "-U", USER, "-A", "trust", "-E", "UTF8", "--no-sync"));
        String options = "-c listen_addresses=127.0.0.1 -p " + server.port + " -k " + dataDir
                + " -c shared_buffers=2GB -c work_mem=64MB -c fsync=off -c synchronous_commit=off"
                + " -c full_page_writes=off -c max_wal_size=8GB";
        server.runAsServerUser(List.of(binaries.resolve("pg_ctl").toString(), "-D", server.dataDir.toString(),
                "-o", options, "-l", dataDir.resolve("server.log").toString(), "-w", "start"));
        return server;
    }

    /** A connection to the cluster's default database. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + USER);
    }

    /** The server's version, e.g. "PostgreSQL 15.18". */
    public String version() throws IOException, InterruptedException {
        return run(List.of(binaries.resolve("postgres").toString(), "--version")).strip();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            runAsServerUser(List.of(binaries.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
        } finally {
            try (Stream<Path> files = Files.walk(dataDir.getParent())) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private void runAsServerUser(List<String> command) throws IOException, InterruptedException {
        var full = new ArrayList<String>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    /** Runs a command to its end; its output, or an exception with it when it fails. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
        return output;
    }

    /** The newest server installed by Debian's postgresql package. */
    private static Path newestBinaries() throws IOException {
        if (!Files.isDirectory(DEBIAN_BINARIES)) {
            throw new IOException("no PostgreSQL server at " + DEBIAN_BINARIES + "; install Debian's postgresql package");
        }
        try (Stream<Path> versions = Files.list(DEBIAN_BINARIES)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IOException("no PostgreSQL server binaries under " + DEBIAN_BINARIES));
        }
    }
}
