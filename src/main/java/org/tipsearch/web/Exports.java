package org.tipsearch.web;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.tipsearch.search.Scope;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.SearchResults;
import org.tipsearch.web.JsonViews.ExportView;
import org.tipsearch.web.JsonViews.HitView;
import org.tipsearch.web.JsonViews.RecommendationView;

/**
 * Downloads of a whole result set, in the order the pages show it: CSV with citation columns for spreadsheets,
 * or JSON. They take the parameters of the search they export, without page and size.
 */
final class Exports {

    /** A spreadsheet column: its header and how a row's value is read. */
    private record Column<V>(String header, Function<V, Object> value) {}

    /** Excel reads a UTF-8 file as such only when it starts with the byte-order mark ("2–3 October", "Türkiye"). */
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CsvMapper CSV = new CsvMapper();

    private final ServedSearches search;
    private final DisplayNames names;

    Exports(ServedSearches search, DisplayNames names) {
        this.search = search;
        this.names = names;
    }

    /**
     * A spreadsheet's columns of paragraphs, for people: facet values by their display names (the JSON export keeps
     * the ids), and a link to each paragraph's page on this server ({@code base}).
     */
    private List<Column<HitView>> paragraphColumns(String base) {
        return List.of(
                new Column<>("id", HitView::id),
                new Column<>("citation", HitView::citation),
                new Column<>("label", HitView::label),
                new Column<>("kind", h -> names.value("kind", h.kind())),
                new Column<>("number", HitView::number),
                new Column<>("status", h -> names.value("status", h.status())),
                new Column<>("session", h -> h.document().session()),
                new Column<>("year", h -> h.document().year()),
                new Column<>("dates", h -> h.document().dates()),
                new Column<>("report", h -> h.document().id()),
                new Column<>("reportTitle", h -> h.document().title()),
                new Column<>("reportKind", h -> names.value("reportKind", h.document().kind())),
                new Column<>("symbol", h -> h.document().symbol()),
                new Column<>("section", HitView::section),
                new Column<>("topics", h -> names.values("topic", h.topics())),
                new Column<>("speakerTypes", h -> names.values("speakerType", h.speakerTypes())),
                new Column<>("speakers", h -> String.join("; ", h.speakers())),
                new Column<>("countries", h -> String.join("; ", h.countries())),
                new Column<>("organizations", h -> String.join("; ", h.organizations())),
                new Column<>("score", HitView::score),
                new Column<>("match", HitView::match),
                new Column<>("text", HitView::text),
                new Column<>("link", h -> base + paragraphPath(h.id())));
    }

    private List<Column<RecommendationView>> recommendationColumns(String base) {
        return List.of(
                new Column<>("id", RecommendationView::id),
                new Column<>("paragraphId", RecommendationView::paragraphId),
                new Column<>("citation", RecommendationView::citation),
                new Column<>("label", RecommendationView::label),
                new Column<>("status", r -> names.value("status", r.status())),
                new Column<>("strength", r -> names.value("strength", r.strength())),
                new Column<>("addressee", RecommendationView::addressee),
                new Column<>("session", RecommendationView::session),
                new Column<>("dates", r -> r.document().dates()),
                new Column<>("report", r -> r.document().id()),
                new Column<>("reportTitle", r -> r.document().title()),
                new Column<>("topics", r -> names.values("topic", r.topics())),
                new Column<>("score", RecommendationView::score),
                new Column<>("text", RecommendationView::text),
                new Column<>("link", r -> base + paragraphPath(r.paragraphId())));
    }

    /** "/p/REPORT/UNIT", each part encoded as a path segment. */
    private static String paragraphPath(String id) {
        var path = new StringBuilder("/p");
        for (String part : id.split("/")) {
            path.append('/').append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path.toString();
    }

    /** This server as the request reached it: the base of the links a download carries. */
    private static String base(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }

    void paragraphsCsv(Context ctx) throws IOException {
        csv(ctx, paragraphs(ctx), paragraphColumns(base(ctx)), "tipsearch");
    }

    void paragraphsJson(Context ctx) throws IOException {
        json(ctx, paragraphs(ctx), "tipsearch");
    }

    void recommendationsCsv(Context ctx) throws IOException {
        csv(ctx, recommendations(ctx), recommendationColumns(base(ctx)), "tipsearch-recommendations");
    }

    void recommendationsJson(Context ctx) throws IOException {
        json(ctx, recommendations(ctx), "tipsearch-recommendations");
    }

    private SearchResults<HitView> paragraphs(Context ctx) throws IOException {
        return views(search.exportUnits(RequestParams.searchRequest(ctx, Scope.UNITS)), HitView::of);
    }

    private SearchResults<RecommendationView> recommendations(Context ctx) throws IOException {
        return views(search.exportRecommendations(RequestParams.searchRequest(ctx, Scope.RECOMMENDATIONS)),
                RecommendationView::of);
    }

    private static <H, V> SearchResults<V> views(SearchResults<H> results, Function<H, V> view) {
        return new SearchResults<>(results.request(), results.total(), results.tookMs(), results.notice(),
                results.partial(), results.hits().stream().map(view).toList(), results.facets(), results.wordMatches());
    }

    private static <V> void csv(Context ctx, SearchResults<V> results, List<Column<V>> columns, String name)
            throws IOException {
        var schema = CsvSchema.builder();
        columns.forEach(c -> schema.addColumn(c.header()));
        var rows = new ArrayList<List<String>>(results.hits().size());
        for (V hit : results.hits()) {
            rows.add(columns.stream().map(c -> cell(c.value().apply(hit))).toList());
        }
        attachment(ctx, results, name + ".csv", "text/csv; charset=utf-8");
        try (OutputStream out = ctx.outputStream()) {
            out.write(UTF8_BOM);
            CSV.writer(schema.setUseHeader(true).build()).writeValue(out, rows);
        }
    }

    private static <V> void json(Context ctx, SearchResults<V> results, String name) {
        SearchRequest request = results.request();
        attachment(ctx, results, name + ".json", "application/json");
        JsonAnswer.write(ctx, new ExportView<>(request.query(), request.mode().id(), request.filters(), results.total(),
                results.hits().size(), results.hits()));
    }

    /**
     * A download named after the query ("über café" → tipsearch-über-café.csv, and tipsearch-ber-caf.csv for
     * clients that only read the plain ASCII name), with the size of the whole result set in a header.
     */
    private static void attachment(Context ctx, SearchResults<?> results, String name, String contentType) {
        String file = fileName(name, slug(results.request().query(), "[^\\p{L}\\p{N}]+"));
        String ascii = fileName(name, slug(results.request().query(), "[^a-z0-9]+"));
        ctx.contentType(contentType);
        ctx.header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.header("X-Total-Hits", String.valueOf(results.total()));
    }

    /** The query in lower case, runs of what the pattern matches made one '-', at most 60 characters. */
    private static String slug(String query, String separators) {
        String slug = query.toLowerCase(Locale.ROOT).replaceAll(separators, "-").replaceAll("^-+|-+$", "");
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
    }

    private static String fileName(String name, String slug) {
        return slug.isEmpty() ? name : name.replaceFirst("\\.", "-" + slug + ".");
    }

    /**
     * A cell's text; one that a spreadsheet would run as a formula ("=…", "+…", "@…", "-…") is prefixed with an
     * apostrophe, as OWASP advises for CSV files opened in spreadsheets.
     */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
