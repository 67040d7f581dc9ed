package org.tipsearch.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.tipsearch.curation.CuratorFiles;
import org.tipsearch.search.Html;
import org.tipsearch.search.SearchService;

/**
 * The HTML pages and the widget script. Pages are static shells that their scripts under {@code /assets/} fill
 * from the JSON API; nothing is loaded from another site, which their Content-Security-Policy enforces.
 */
final class Pages {

    /** Where the assets and the pages live on the classpath. */
    static final String ASSETS = "/org/tipsearch/web/assets";

    /** Pages load only this server's scripts, styles and data; frame-ancestors says who may frame them. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors ";
    /** Only the iframe embed is meant to be framed by other sites. */
    private static final String ANY_SITE = "*";
    private static final String THIS_SITE = "'self'";

    private final SearchService search;
    private final PageParts parts = PageParts.load();
    private final String searchPage = page("search.html", "/");
    private final String paragraphPage = page("paragraph.html", null);
    private final String recommendationsPage = page("recommendations.html", "/recommendations");
    private final String embedPage = page("embed.html", null);
    private final String embedCodePage = page("embed-code.html", "/embed-code");
    private final String docsPage = page("docs.html", "/docs");
    private final String errorPage = page("error.html", null);
    private final String widget = text("assets/widget.js");
    private final String openApi = text("openapi.json");

    Pages(SearchService search) {
        this.search = search;
    }

    void search(Context ctx) {
        html(ctx, searchPage, THIS_SITE);
    }

    /** A paragraph's page; 404 when the id names no paragraph, so that link checkers see a dead link. */
    void paragraph(Context ctx) throws IOException {
        String id = RequestParams.paragraphId(ctx);
        if (search.unit(id).isEmpty()) {
            throw ApiException.notFound("no paragraph with id '" + id + "'");
        }
        html(ctx, paragraphPage, THIS_SITE);
    }

    void recommendations(Context ctx) {
        html(ctx, recommendationsPage, THIS_SITE);
    }

    void embed(Context ctx) {
        html(ctx, embedPage, ANY_SITE);
    }

    void embedCode(Context ctx) {
        html(ctx, embedCodePage, THIS_SITE);
    }

    void docs(Context ctx) {
        html(ctx, docsPage, THIS_SITE);
    }

    /** The widget other sites load with a script tag; cached a short while, so that updates reach them. */
    void widget(Context ctx) {
        ctx.contentType("text/javascript; charset=utf-8");
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.result(widget);
    }

    void openApi(Context ctx) {
        ctx.contentType("application/json");
        ctx.result(openApi);
    }

    /** The error page a browser gets instead of the JSON error: the same status and message. */
    void error(Context ctx, int status, String message) {
        html(ctx, errorPage.replace("{{status}}", String.valueOf(status)).replace("{{message}}", Html.escape(message)),
                THIS_SITE);
        ctx.status(status);
    }

    /** The version of the Swagger UI webjar, whose files {@code /docs} uses. */
    static String swaggerUiVersion() {
        try (InputStream in = Pages.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is missing from the classpath");
            }
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void html(Context ctx, String page, String frameAncestors) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY + frameAncestors);
        ctx.header("Cache-Control", "no-cache");
        ctx.html(page);
    }

    /**
     * A page with the site's shared parts put in: {@code {{head}}} (charset, viewport, icon, stylesheet),
     * {@code {{header}}} (the site header, its link to the page's own section marked current) and
     * {@code {{modes}}} (the match-mode choice).
     */
    private String page(String name, String section) {
        String header = section == null ? parts.header()
                : parts.header().replace("href=\"" + section + "\">", "href=\"" + section + "\" aria-current=\"page\">");
        return text("pages/" + name)
                .replace("{{head}}", parts.head())
                .replace("{{header}}", header)
                .replace("{{modes}}", parts.modes());
    }

    /** The parts every page shares, read once. */
    private record PageParts(String head, String header, String modes) {
        static PageParts load() {
            return new PageParts(text("pages/_head.html").stripTrailing(), text("pages/_header.html").stripTrailing(),
                    text("pages/_modes.html").stripTrailing());
        }
    }

    private static String text(String name) {
        return CuratorFiles.text(Pages.class, name);
    }
}
