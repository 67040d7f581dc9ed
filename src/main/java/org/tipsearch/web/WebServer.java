package org.tipsearch.web;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.plugin.bundled.GlobalHeadersConfig;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tipsearch.enrich.Taxonomy;
import org.tipsearch.index.IndexCheck;
import org.tipsearch.index.ReportLibrary;
import org.tipsearch.search.BudgetExceededException;
import org.tipsearch.search.QueryTooBroadException;
import org.tipsearch.search.SearchService;
import org.tipsearch.web.JsonViews.ErrorView;

/** The HTTP server: routes, JSON mapping and the one error shape, all configured in one place. */
public final class WebServer {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    /** The files of the Swagger UI webjar that /docs uses. */
    private static final Set<String> SWAGGER_UI_FILES = Set.of("swagger-ui-bundle.js", "swagger-ui.css");

    private WebServer() {}

    /**
     * A server over the search service, not yet started, whose searches all run at once and keep no page: a test's.
     *
     * @param corsOrigins the origins other sites may call the API from ("*" for any); empty for none
     * @param library     the index's reports, which the admin API changes
     * @param adminToken  the bearer token of the admin API; null turns it off
     */
    public static Javalin create(SearchService search, List<String> corsOrigins, ReportLibrary library, String adminToken) {
        return create(search, corsOrigins, library, adminToken, IndexCheck.whole(), ServedSearches.Serving.unlimited());
    }

    /**
     * As {@link #create(SearchService, List, ReportLibrary, String)}, a public server's: two searches a core at once,
     * the others waiting their turn, and the {@code cachedPages} pages answered lately kept (see {@link PageCache}),
     * over an index whose integrity {@code check} may still be verifying: once it finds the index damaged, the
     * health answer says so and the rest of the API and the paragraph pages answer 503 rather than answer from
     * damaged files.
     */
    public static Javalin create(SearchService search, List<String> corsOrigins, ReportLibrary library, String adminToken,
            IndexCheck check, int cachedPages) {
        return create(search, corsOrigins, library, adminToken, check, ServedSearches.Serving.server(cachedPages));
    }

    private static Javalin create(SearchService search, List<String> corsOrigins, ReportLibrary library,
            String adminToken, IndexCheck check, ServedSearches.Serving serving) {
        var served = new ServedSearches(search, serving);
        Taxonomy taxonomy = Taxonomy.load();
        DisplayNames names = DisplayNames.load(taxonomy);
        var api = new ApiHandlers(search, served, taxonomy, names, check);
        var admin = new AdminHandlers(library, search, adminToken);
        var exports = new Exports(served, names);
        var pages = new Pages(search);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            if (!corsOrigins.isEmpty()) {
                // The API only reads, so other sites may embed it; POST /api/similar is a query, not a write.
                // the API's description too, for code generators that run in a browser
                config.bundledPlugins.enableCors(cors -> List.of("/api/*", "/openapi.json").forEach(path -> cors.addRule(rule -> {
                    rule.path = path;
                    if (corsOrigins.contains("*")) {
                        rule.anyHost();
                    } else {
                        rule.allowHost(corsOrigins.get(0), corsOrigins.subList(1, corsOrigins.size()).toArray(String[]::new));
                    }
                    rule.exposeHeader("X-Total-Hits");
                    rule.exposeHeader("Content-Disposition");
                })));
            }
            config.bundledPlugins.enableGlobalHeaders(headers -> {
                headers.xContentTypeOptionsNoSniff();
                headers.referrerPolicy(GlobalHeadersConfig.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN);
            });
            config.http.prefer405over404 = true;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            config.jetty.multipartConfig.maxFileSize(AdminHandlers.MAX_UPLOAD_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(AdminHandlers.MAX_UPLOAD_BYTES, SizeUnit.BYTES);

            config.routes.before("/api/*", api::requireWholeIndex);
            config.routes.before("/p/*", api::requireWholeIndex);
            config.routes.get("/api/search", api::search);
            config.routes.get("/api/facets", api::facets);
            config.routes.get("/api/recommendations", api::recommendations);
            config.routes.get("/api/topics", api::topics);
            config.routes.get("/api/suggest", api::suggest);
            config.routes.get("/api/paragraphs/{report}/{unit}", api::paragraph);
            config.routes.get("/api/paragraphs/{report}/{unit}/similar", api::similarToParagraph);
            config.routes.post("/api/similar", api::similarToText);
            config.routes.get("/api/paragraphs/{id}", api::paragraphWithoutUnit);
            config.routes.get("/api/documents", api::documents);
            config.routes.get("/api/documents/{id}", api::document);
            config.routes.get("/api/health", api::health);
            config.routes.get("/api/labels", api::labels);
            config.routes.get("/api/search.csv", exports::paragraphsCsv);
            config.routes.get("/api/search.json", exports::paragraphsJson);
            config.routes.get("/api/recommendations.csv", exports::recommendationsCsv);
            config.routes.get("/api/recommendations.json", exports::recommendationsJson);
            config.routes.get("/openapi.json", pages::openApi);
            // the curator's API: never open to other sites, whatever the CORS origins (see AdminHandlers.guard)
            config.routes.before("/api/admin/*", admin::guard);
            config.routes.post("/api/admin/reports", admin::upload);
            config.routes.delete("/api/admin/reports/{id}", admin::remove);

            config.routes.get("/", pages::search);
            config.routes.get("/p/{report}/{unit}", pages::paragraph);
            // a link checker asks with HEAD: it must see the 404 of an unknown paragraph too
            config.routes.head("/p/{report}/{unit}", pages::paragraph);
            config.routes.get("/recommendations", pages::recommendations);
            config.routes.get("/embed", pages::embed);
            config.routes.get("/embed-code", pages::embedCode);
            config.routes.get("/docs", pages::docs);
            config.routes.get("/widget.js", pages::widget);
            config.staticFiles.add(assets -> {
                assets.hostedPath = "/assets";
                assets.directory = Pages.ASSETS;
                assets.location = Location.CLASSPATH;
                assets.headers = Map.of("Cache-Control", "no-cache");
            });
            config.staticFiles.add(swaggerUi -> {
                swaggerUi.hostedPath = "/docs/swagger-ui";
                swaggerUi.directory = "/META-INF/resources/webjars/swagger-ui/" + Pages.swaggerUiVersion();
                swaggerUi.location = Location.CLASSPATH;
                swaggerUi.headers = Map.of("Cache-Control", "public, max-age=86400");
                // only what /docs loads: the webjar's own demo pages would fetch the petstore from another site
                swaggerUi.skipFileFunction = request -> !SWAGGER_UI_FILES.contains(request.getRequestURI()
                        .substring(request.getRequestURI().lastIndexOf('/') + 1));
            });

            ErrorResponder errors = new ErrorResponder(pages);
            config.routes.exception(ApiException.class, (e, ctx) -> errors.respond(ctx, e.status(), e.error(), e.getMessage()));
            config.routes.exception(QueryTooBroadException.class, (e, ctx) ->
                    errors.respond(ctx, 400, "bad_request", e.getMessage()));
            config.routes.exception(BudgetExceededException.class, (e, ctx) -> {
                ctx.header("Retry-After", String.valueOf(retryAfterSeconds(e)));
                errors.respond(ctx, 503, "service_unavailable", e.getMessage());
            });
            config.routes.exception(ServerBusyException.class, (e, ctx) -> {
                ctx.header("Retry-After", String.valueOf(Math.max(1, e.waited().toSeconds())));
                errors.respond(ctx, 503, "service_unavailable", e.getMessage());
            });
            config.routes.exception(ReportLibrary.IndexBusyException.class, (e, ctx) ->
                    errors.respond(ctx, 409, "conflict", e.getMessage()));
            config.routes.exception(HttpResponseException.class, (e, ctx) ->
                    errors.respond(ctx, e.getStatus(), errorName(e.getStatus()), e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                errors.respond(ctx, 500, "internal_error", "the server could not answer this request");
            });
            config.routes.error(405, "*", ctx ->
                    errors.respond(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path()));
        });
    }

    /** The one error shape: JSON for the API and its clients, the same status and message as a page for a browser. */
    private record ErrorResponder(Pages pages) {

        /** The most of a refused request's body read (and dropped) so that its client gets the refusal. */
        private static final long MAX_DISCARDED_BYTES = 2 * AdminHandlers.MAX_UPLOAD_BYTES;

        void respond(Context ctx, int status, String error, String message) {
            discardRestOfBody(ctx);
            if (wantsPage(ctx)) {
                pages.error(ctx, status, message);
            } else {
                ctx.status(status);
                JsonAnswer.write(ctx, new ErrorView(error, message));
            }
        }

        /**
         * Reads and drops what is left of the request's body, up to a bound. A server that closes a connection with
         * bytes unread resets it, and a client still sending (an upload refused on its length, before it is read)
         * may lose the answer before reading it (RFC 9112 §9.6). A body declared larger than the bound is not worth
         * reading for a refusal; its client may get the reset.
         */
        private static void discardRestOfBody(Context ctx) {
            if (ctx.contentLength() > MAX_DISCARDED_BYTES) {
                return;
            }
            byte[] buffer = new byte[64 * 1024];
            try {
                InputStream body = ctx.req().getInputStream();
                for (long left = MAX_DISCARDED_BYTES, read; left > 0; left -= read) {
                    read = body.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (read < 0) {
                        return;
                    }
                }
            } catch (IOException e) {
                // the client has gone: no one is left to answer
            }
        }

        /** A browser navigating to a page (not the API, not a script fetching JSON). */
        private static boolean wantsPage(Context ctx) {
            String accept = ctx.header("Accept");
            return !ctx.path().startsWith("/api/") && accept != null && accept.contains("text/html");
        }
    }

    /** A search stopped at its budget may finish once the load that slowed it has passed: about one budget later. */
    private static long retryAfterSeconds(BudgetExceededException e) {
        return Math.max(1, (e.budget().toMillis() + 999) / 1000);
    }

    private static String errorName(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            default -> status < 500 ? "client_error" : "server_error";
        };
    }
}
