package org.tipsearch.curation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the files shipped as resources next to the class that uses them: the curator-editable JSON rule files
 * and word lists (one entry a line, '#' comments), and other texts such as the web pages. A missing or broken
 * file stops start-up with its name.
 */
public final class CuratorFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CuratorFiles() {}

    public static <T> T json(Class<?> owner, String name, Class<T> type) {
        try (InputStream in = open(owner, name)) {
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /** The lines of a word list, stripped, without blank lines and '#' comments. */
    public static List<String> lines(Class<?> owner, String name) {
        return text(owner, name).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    public static String text(Class<?> owner, String name) {
        try (InputStream in = open(owner, name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * A short SHA-256 of the files' texts. An index records the fingerprint of the files its analysis read, so that
     * one built before an edit of them is noticed and rebuilt.
     */
    public static String fingerprint(Class<?> owner, String... names) {
        var fingerprint = new Fingerprint();
        for (String name : names) {
            fingerprint.add(text(owner, name));
        }
        return fingerprint.hex(6);
    }

    private static InputStream open(Class<?> owner, String name) {
        InputStream in = owner.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath (next to " + owner.getName() + ")");
        }
        return in;
    }
}
