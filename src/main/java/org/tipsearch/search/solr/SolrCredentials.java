package org.tipsearch.search.solr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;

/**
 * A user and password a cluster's Basic authentication asks for (Solr's {@code BasicAuthPlugin}), sent with every
 * request. Read from a file, never from the command line, where every user of the machine could read them.
 */
public record SolrCredentials(String user, String password) {

    public SolrCredentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.isBlank() || user.contains(":")) {
            throw new IllegalArgumentException("a user name is not blank and holds no ':'");
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("the password of " + user + " is empty");
        }
    }

    /** The file's one line, {@code user:password} (the password may hold ':'). */
    public static SolrCredentials read(Path file) throws IOException {
        String line;
        try {
            line = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new IOException("the credentials file " + file + " cannot be read: " + e, e);
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new IOException(file + " does not hold user:password on its first line");
        }
        try {
            return new SolrCredentials(line.substring(0, colon), line.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The value of the Authorization header. */
    String header() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The user alone: a password never reaches a log or a message. */
    @Override
    public String toString() {
        return "SolrCredentials[user=" + user + "]";
    }
}
