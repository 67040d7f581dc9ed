package org.tipsearch.search.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tipsearch.search.QueryTooBroadException;

/**
 * The nodes of a SolrCloud cluster as tipsearch reaches them: JSON over HTTP, each request to the next node in
 * turn. A read that finds its node gone (the connection refused or broken, or the node's 503 while it stops) is
 * tried on the other nodes before it fails, so a node that goes down fails no search that starts after it went
 * down. A write is tried on another node only when it never reached the first (the connection refused): a write
 * a node may have applied is not sent twice. Thread-safe.
 */
public final class SolrNodes implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<URI> nodes;
    private final Duration timeout;
    private final HttpClient http;
    private final AtomicInteger next = new AtomicInteger();
    private final SolrCredentials credentials;

    /**
     * @param nodes   each node's Solr address, e.g. {@code http://10.0.0.5:8983/solr/}; at least one
     * @param timeout how long one request may wait for its answer
     */
    public SolrNodes(List<URI> nodes, Duration timeout) {
        this(nodes, timeout, null);
    }

    /**
     * As {@link #SolrNodes(List, Duration)}, every request carrying the credentials (null for none) of a cluster
     * whose Basic authentication is on.
     */
    public SolrNodes(List<URI> nodes, Duration timeout, SolrCredentials credentials) {
        this.credentials = credentials;
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a cluster needs the address of at least one node");
        }
        this.nodes = nodes.stream().map(SolrNodes::withSlash).toList();
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        // HTTP/1.1: over a connection upgraded to HTTP/2, requests sent after its node died waited for their
        // timeout instead of failing at once and going to another node
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A read, e.g. {@code get("tipsearch/select?q=…")}: the answer's JSON, from the first node that answers. */
    public JsonNode get(String pathAndQuery) throws IOException {
        return send(pathAndQuery, HttpRequest.newBuilder().GET(), true);
    }

    /**
     * A read whose parameters are too long for an address (a query's embedding): posted as a form, and tried on
     * the other nodes as {@link #get} is, since a search changes nothing.
     */
    public JsonNode query(String path, Map<String, String> params) throws IOException {
        return query(path, List.copyOf(params.entrySet()));
    }

    /** As {@link #query(String, Map)}, a parameter given as often as it is listed (Solr's filters, {@code fq}). */
    public JsonNode query(String path, List<Map.Entry<String, String>> params) throws IOException {
        String form = params.stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(path, HttpRequest.newBuilder()
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)), true);
    }

    /** A write, e.g. documents to {@code tipsearch/update}: sent once to a node that accepts the connection. */
    public JsonNode post(String pathAndQuery, String contentType, byte[] body) throws IOException {
        return send(pathAndQuery, HttpRequest.newBuilder()
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), false);
    }

    private JsonNode send(String pathAndQuery, HttpRequest.Builder request, boolean read) throws IOException {
        int first = Math.floorMod(next.getAndIncrement(), nodes.size());
        IOException failure = null;
        for (int i = 0; i < nodes.size(); i++) {
            URI node = nodes.get((first + i) % nodes.size());
            HttpRequest.Builder builder = request.copy().uri(node.resolve(pathAndQuery)).timeout(timeout);
            if (credentials != null) {
                builder.header("Authorization", credentials.header());
            }
            HttpRequest sent = builder.build();
            HttpResponse<byte[]> response;
            try {
                response = http.send(sent, HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while asking " + node);
            } catch (ConnectException e) { // never reached the node: safe to ask another
                failure = addTo(failure, new IOException("node " + node + " refused the connection", e));
                continue;
            } catch (HttpTimeoutException e) {
                throw new IOException("node " + node + " did not answer within " + timeout.toMillis() + " ms", e);
            } catch (IOException e) { // the connection broke: a read is asked again, a write is not
                if (!read) {
                    throw new IOException("node " + node + " broke the connection; the write may have been applied", e);
                }
                failure = addTo(failure, e);
                continue;
            }
            if (read && response.statusCode() == 503) { // a node shutting down, or whose replicas are not ready
                failure = addTo(failure, new IOException("node " + node + " answered 503"));
                continue;
            }
            if (response.statusCode() == 401 || response.statusCode() == 403) { // the same on every node
                throw new IOException(refusal(node, response.statusCode()));
            }
            return answer(node, response);
        }
        throw failure;
    }

    /** Why the cluster refused a request, in words a user can act on. */
    private String refusal(URI node, int status) {
        if (status == 403) {
            return "node " + node + " answered 403: " + (credentials == null ? "a request without a user"
                    : "user " + credentials.user()) + " may not do this on the cluster";
        }
        return credentials == null
                ? "node " + node + " answered 401: the cluster asks for a user and password (Basic authentication)"
                : "node " + node + " answered 401: the cluster refused the password of user " + credentials.user();
    }

    /** Lucene's refusal of a query whose patterns expand to more clauses than a search may hold. */
    private static final Pattern TOO_MANY_CLAUSES = Pattern.compile("(?i)too many (nested )?clauses|maxClauseCount");

    private static JsonNode answer(URI node, HttpResponse<byte[]> response) throws IOException {
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IOException("node " + node + " answered " + response.statusCode() + " without JSON", e);
        }
        if (response.statusCode() >= 400) {
            String message = json.path("error").path("msg").asText("");
            if (TOO_MANY_CLAUSES.matcher(message).find()) { // a pattern expanded too far: the client's to narrow
                throw new QueryTooBroadException(new IOException("node " + node + ": " + message));
            }
            throw new IOException("node " + node + " answered " + response.statusCode() + ": "
                    + json.path("error").path("msg").asText("no message"));
        }
        return json;
    }

    private static IOException addTo(IOException first, IOException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    /** Closes the connections to the nodes. */
    @Override
    public void close() {
        http.close();
    }

    /** A part of an address or form, URL-encoded in UTF-8. */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static URI withSlash(URI node) {
        String s = node.toString();
        return s.endsWith("/") ? node : URI.create(s + "/");
    }
}
