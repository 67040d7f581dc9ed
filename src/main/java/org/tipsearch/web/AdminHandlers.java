package org.tipsearch.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tipsearch.index.IndexedReport;
import org.tipsearch.index.ReportLibrary;
import org.tipsearch.ingest.ReportReader;
import org.tipsearch.search.SearchService;
import org.tipsearch.web.JsonViews.IngestView;
import org.tipsearch.web.JsonViews.RemovalView;

/**
 * The curator's API: upload reports, remove one. It answers only requests that carry the bearer token, from
 * a client or from this site's own pages, never from another site's; without a token configured it is off.
 */
final class AdminHandlers {

    /** The largest upload, all files together. */
    static final long MAX_UPLOAD_BYTES = ReportReader.MAX_BYTES;
    /**
     * The most files of one upload: a year brings two reports, and each file of an upload is read, enriched and
     * embedded before the answer; a folder of reports goes in with {@code tipsearch ingest}.
     */
    static final int MAX_UPLOAD_FILES = 100;
    /** The multipart field that carries the files. */
    static final String FILE_FIELD = "file";

    private final ReportLibrary library;
    private final SearchService search;
    private final byte[] token;

    /** @param token the bearer token; null turns the admin API off */
    AdminHandlers(ReportLibrary library, SearchService search, String token) {
        this.library = library;
        this.search = search;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** Runs before every admin request: off, another site, or no valid token all stop it here. */
    void guard(Context ctx) {
        if (token == null) {
            throw ApiException.notFound("the admin API is off; start the server with the environment variable "
                    + "TIPSEARCH_ADMIN_TOKEN or --admin-token-file to turn it on");
        }
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals(ctx.scheme() + "://" + ctx.host())) {
            throw new ApiException(403, "forbidden", "the admin API takes no requests from other sites");
        }
        String authorization = ctx.header("Authorization");
        byte[] given = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        if (!MessageDigest.isEqual(token, given)) { // in constant time: the answer's timing tells nothing of the token
            ctx.header("WWW-Authenticate", "Bearer realm=\"tipsearch admin\"");
            throw new ApiException(401, "unauthorized", authorization == null
                    ? "the admin API needs the header Authorization: Bearer <token>"
                    : "the token is not the admin token");
        }
    }

    /**
     * POST multipart/form-data with one or more "file" fields: each report is added, replaced, or left as it is
     * when the index already holds the same content; one that cannot be read fails alone.
     */
    void upload(Context ctx) throws IOException {
        RequestParams.rejectUnknown(ctx, Set.of());
        long declared = ctx.contentLength();
        if (declared > MAX_UPLOAD_BYTES) {
            throw tooLarge(declared);
        }
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw ApiException.badRequest("send the reports as multipart/form-data, each in a field named '"
                    + FILE_FIELD + "'");
        }
        List<UploadedFile> files = uploadedFiles(ctx);
        if (files.isEmpty()) {
            throw ApiException.badRequest("no files: send each report in a multipart field named '" + FILE_FIELD + "'");
        }
        if (files.size() > MAX_UPLOAD_FILES) {
            throw ApiException.badRequest("an upload may hold at most " + MAX_UPLOAD_FILES + " files, not "
                    + files.size() + "; send them in several uploads, or use 'tipsearch ingest' for a folder");
        }
        var uploads = new ArrayList<ReportLibrary.Upload>();
        long total = 0;
        for (UploadedFile file : files) {
            byte[] content;
            try (InputStream in = file.content()) {
                content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_UPLOAD_BYTES + 1 - total));
            }
            total += content.length;
            if (total > MAX_UPLOAD_BYTES) {
                throw tooLarge(total);
            }
            uploads.add(new ReportLibrary.Upload(fileName(file.filename()), content));
        }
        IngestView result = IngestView.of(library.ingest(uploads, outcome -> refresh()));
        ctx.status(result.isError() ? 422 : 200);
        JsonAnswer.write(ctx, result);
    }

    /** DELETE /api/admin/reports/{id}: the report and everything of it, at once. */
    void remove(Context ctx) throws IOException {
        RequestParams.rejectUnknown(ctx, Set.of());
        String id = ctx.pathParam("id");
        IndexedReport removed = library.remove(id)
                .orElseThrow(() -> ApiException.notFound("no report with id '" + id + "'"));
        refresh();
        JsonAnswer.write(ctx, new RemovalView(removed.id(), removed.metadata().source()));
    }

    /** Searches from now on see the change; a failure to reopen is the server's, not the curator's. */
    private void refresh() {
        try {
            search.refresh();
        } catch (IOException e) {
            throw new UncheckedIOException("the change is committed but the searcher could not reopen", e);
        }
    }

    /**
     * The uploaded files. Jetty stops reading a multipart body at the size limit, also one sent without a
     * length (chunked), and says so deep in the causes of what it throws: that is a 413, anything else a 400.
     */
    private static List<UploadedFile> uploadedFiles(Context ctx) {
        try {
            return ctx.uploadedFiles(FILE_FIELD);
        } catch (Exception e) { // Jetty's ServletException, undeclared by Javalin's Kotlin
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (String.valueOf(cause.getMessage()).contains("max length exceeded")) {
                    throw tooLarge(-1);
                }
            }
            throw ApiException.badRequest("the body is not readable multipart/form-data: " + e.getMessage());
        }
    }

    /** The name a client gave, without any folders in front ("C:\\drafts\\x.pdf", "../x.pdf" → "x.pdf"). */
    static String fileName(String given) {
        String name = given == null ? "" : given.replaceAll("^.*[/\\\\]", "").strip();
        return name.isEmpty() ? "upload" : name;
    }

    private static ApiException tooLarge(long bytes) {
        return new ApiException(413, "payload_too_large", (bytes < 0 ? "the upload" : "the upload of " + bytes + " bytes")
                + " is larger than the limit of " + MAX_UPLOAD_BYTES + " bytes (" + MAX_UPLOAD_BYTES / (1024 * 1024) + " MB)");
    }
}
