package org.tipsearch.search.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tipsearch.enrich.AnnotatedReport;
import org.tipsearch.index.Schema;

/**
 * The collections of a SolrCloud cluster behind one alias, which is what searches name; each holds its reports'
 * records, units and register entries ({@link SolrDocuments#of}). A rebuild writes a new collection beside the one
 * searched (its own configset, the same name with a stamp), checks that it holds every document, and only then
 * points the alias at it, in one step of Solr's: a search sees the old units or the new ones, never half a rebuild.
 * The old collection is dropped after a while (the drain): each node learns of the new alias from ZooKeeper a
 * moment after the swap, and searches sent before it finish on the old units. A rebuild that fails drops its own
 * collection and leaves the alias as it was.
 */
public final class SolrCollections {

    /** What a rebuild tells as it goes. */
    public interface Progress {
        void indexed(int done, int total, AnnotatedReport report, int units);
    }

    /** A rebuild's outcome: the collection the alias now names and the units it holds. */
    public record Rebuilt(String collection, long units, String replaced) {
        public Rebuilt {
            Objects.requireNonNull(collection, "collection");
            if (units < 0) {
                throw new IllegalArgumentException("units must be 0 or more, not " + units);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,60}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS");
    /** Documents sent to Solr in one request while a collection is written. */
    private static final int BATCH = 500;
    /** The units alone, among a collection's reports, units and register entries. */
    private static final String UNITS = "{!term f=" + Schema.TYPE + "}" + Schema.TYPE_UNIT;

    private final SolrNodes nodes;
    private final String alias;
    private final int shards;
    private final int replicas;
    private final Duration drain;
    private final Clock clock;

    /**
     * @param alias    the name searches use, e.g. {@code tipsearch}
     * @param shards   how many parts a collection's units are split into
     * @param replicas how many copies of each part the cluster keeps, each on another node where it can
     * @param drain    how long the old collection stays after the alias has moved
     */
    public SolrCollections(SolrNodes nodes, String alias, int shards, int replicas, Duration drain, Clock clock) {
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        if (!NAME.matcher(alias).matches()) {
            throw new IllegalArgumentException("an alias is lower-case letters, digits, '-' and '_', not '" + alias + "'");
        }
        if (shards < 1 || replicas < 1) {
            throw new IllegalArgumentException("a collection needs at least one shard and one replica");
        }
        this.alias = alias;
        this.shards = shards;
        this.replicas = replicas;
        this.drain = Objects.requireNonNull(drain, "drain");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The collection the alias names, if it names one. */
    public Optional<String> current() throws IOException {
        JsonNode aliases = nodes.get("admin/collections?action=LISTALIASES&wt=json").path("aliases");
        String named = aliases.path(alias).asText("");
        return named.isEmpty() ? Optional.empty() : Optional.of(named);
    }

    /** Every collection of the cluster, by name. */
    public List<String> collections() throws IOException {
        var names = new ArrayList<String>();
        nodes.get("admin/collections?action=LIST&wt=json").path("collections").forEach(n -> names.add(n.asText()));
        return names;
    }

    /**
     * Writes the reports into a new collection and points the alias at it (see the class comment).
     *
     * @param vectors each unit's embedding of a report, by position (made as the report is written); an empty
     *                list for none
     */
    public Rebuilt rebuild(List<AnnotatedReport> reports, Function<AnnotatedReport, List<float[]>> vectors,
            Progress progress) throws IOException {
        try (Rebuild rebuild = startRebuild()) {
            for (int i = 0; i < reports.size(); i++) {
                AnnotatedReport report = reports.get(i);
                rebuild.add(report, vectors.apply(report));
                progress.indexed(i + 1, reports.size(), report, report.report().units().size());
            }
            return rebuild.finish();
        }
    }

    /** A rebuild written report by report, for more reports than fit in memory at once: a new collection made. */
    public Rebuild startRebuild() throws IOException {
        Optional<String> old = current();
        String collection = alias + "_" + STAMP.format(clock.instant().atZone(ZoneOffset.UTC));
        nodes.post("admin/configs?action=UPLOAD&name=" + collection + "&wt=json", "application/octet-stream",
                SolrConfigSet.zip());
        try {
            create(collection);
        } catch (IOException | RuntimeException e) {
            drop(collection, e);
            throw e;
        }
        return new Rebuild(collection, old, clock.instant());
    }

    /**
     * A new collection being written, every report added at one moment; {@link #finish} swaps it in, closing it
     * unfinished drops it and leaves the alias as it was. Thread-safe: reports may be added from several threads.
     */
    public final class Rebuild implements AutoCloseable {
        private final String collection;
        private final Optional<String> old;
        private final Instant addedAt;
        private final List<Map<String, Object>> batch = new ArrayList<>();
        private long written;
        private boolean finished;

        private Rebuild(String collection, Optional<String> old, Instant addedAt) {
            this.collection = collection;
            this.old = old;
            this.addedAt = addedAt;
        }

        /** Adds a report's documents, sent to the cluster a batch at a time. */
        public synchronized void add(AnnotatedReport report, List<float[]> vectors) throws IOException {
            for (Map<String, Object> doc : SolrDocuments.of(report, vectors, addedAt)) {
                batch.add(doc);
                if (batch.size() == BATCH) {
                    written += send(collection, batch);
                }
            }
        }

        /** Commits, checks that the collection holds every document written, and points the alias at it. */
        public synchronized Rebuilt finish() throws IOException {
            written += send(collection, batch);
            nodes.get(collection + "/update?commit=true&wt=json");
            long found = documents(collection);
            if (found != written) {
                throw new IOException("collection " + collection + " holds " + found + " documents of the " + written
                        + " written; the alias still names " + old.orElse("nothing"));
            }
            nodes.get("admin/collections?action=CREATEALIAS&name=" + alias + "&collections=" + collection + "&wt=json");
            finished = true;
            if (old.isPresent()) {
                try {
                    Thread.sleep(drain);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted before dropping " + old.get()
                            + "; the alias names " + collection);
                }
                drop(old.get(), null);
            }
            return new Rebuilt(collection, count(alias), old.orElse(null));
        }

        @Override
        public synchronized void close() throws IOException {
            if (!finished) {
                drop(collection, null);
            }
        }
    }

    /**
     * Adds a report to the collection the alias names, or replaces it there: its record, units and register
     * entries are written over those of the same ids, then the documents the report no longer has are deleted, and
     * one commit shows both, so a search never finds the report missing. Its documents live on one shard (their ids
     * start with the report's), which takes the whole change.
     *
     * @return how many units the report had there before
     */
    public long replace(AnnotatedReport report, List<float[]> vectors) throws IOException {
        String collection = searched();
        String reportId = report.report().metadata().id();
        long before = unitsOf(collection, reportId);
        List<Map<String, Object>> docs = SolrDocuments.of(report, vectors, clock.instant());
        for (int from = 0; from < docs.size(); from += BATCH) {
            send(collection, new ArrayList<>(docs.subList(from, Math.min(docs.size(), from + BATCH))));
        }
        String kept = docs.stream().map(d -> (String) d.get(SolrDocuments.SOLR_ID)).collect(Collectors.joining(","));
        // inline, not as parameters of the request: the shards' leaders receive the delete without them
        deleteAndCommit(collection, "{!bool filter=" + quoted("{!term f=" + Schema.REPORT + "}" + reportId)
                + " must_not=" + quoted("{!terms f=" + SolrDocuments.SOLR_ID + "}" + kept) + "}");
        return before;
    }

    /** Deletes a report from the collection the alias names; how many units it had there (0: no such report). */
    public long remove(String reportId) throws IOException {
        String collection = searched();
        long before = unitsOf(collection, reportId);
        if (before > 0) {
            deleteAndCommit(collection, "{!term f=" + Schema.REPORT + "}" + reportId);
        }
        return before;
    }

    /** The collection the alias names, or a failure saying that the cluster holds none yet. */
    private String searched() throws IOException {
        return current().orElseThrow(() -> new IOException("the cluster has no collection named by alias '" + alias
                + "'; make one with 'tipsearch index --engine'"));
    }

    private long unitsOf(String collection, String reportId) throws IOException {
        return nodes.query(collection + "/select", Map.of("q", "{!term f=" + Schema.REPORT + "}" + reportId,
                "fq", UNITS, "rows", "0", "wt", "json")).path("response").path("numFound").asLong(-1);
    }

    /** A delete by query, and the commit that shows it with what came before. */
    private void deleteAndCommit(String collection, String query) throws IOException {
        nodes.post(collection + "/update?commit=true&wt=json", "application/json",
                JSON.writeValueAsBytes(Map.of("delete", Map.of("query", query))));
    }

    /** A local parameter's value in quotes, for a value that holds spaces, braces or another query. */
    private static String quoted(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** How many units a collection (or the alias) holds, every shard answering. */
    public long count(String collectionOrAlias) throws IOException {
        return nodes.query(collectionOrAlias + "/select", Map.of("q", UNITS, "rows", "0", "shards.tolerant", "false",
                "wt", "json")).path("response").path("numFound").asLong(-1);
    }

    /** How many documents of every type (reports, units, register entries) a collection holds. */
    private long documents(String collection) throws IOException {
        return nodes.get(collection + "/select?q=*:*&rows=0&shards.tolerant=false&wt=json")
                .path("response").path("numFound").asLong(-1);
    }

    private void create(String collection) throws IOException {
        nodes.get("admin/collections?action=CREATE&name=" + collection + "&numShards=" + shards
                + "&replicationFactor=" + replicas + "&collection.configName=" + collection
                + "&waitForFinalState=true&wt=json");
    }

    private long send(String collection, List<Map<String, Object>> batch) throws IOException {
        int size = batch.size();
        if (size > 0) {
            nodes.post(collection + "/update?wt=json", "application/json", JSON.writeValueAsBytes(batch));
            batch.clear();
        }
        return size;
    }

    /** Drops a collection and its configset; a failure to drop is added to {@code cause} when there is one. */
    private void drop(String collection, Exception cause) throws IOException {
        try {
            nodes.get("admin/collections?action=DELETE&name=" + SolrNodes.encode(collection) + "&wt=json");
            nodes.get("admin/configs?action=DELETE&name=" + SolrNodes.encode(collection) + "&wt=json");
        } catch (IOException e) {
            if (cause == null) {
                throw e;
            }
            cause.addSuppressed(e);
        }
    }

}
