package org.tipsearch.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.Set;
import org.tipsearch.enrich.Taxonomy;
import org.tipsearch.index.IndexCheck;
import org.tipsearch.search.IndexHealth;
import org.tipsearch.search.Scope;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.SearchService;
import org.tipsearch.search.SimilarRequest;
import org.tipsearch.web.JsonViews.DocumentContentsView;
import org.tipsearch.web.JsonViews.DocumentListEntry;
import org.tipsearch.web.JsonViews.DocumentsView;
import org.tipsearch.web.JsonViews.FacetsView;
import org.tipsearch.web.JsonViews.HealthView;
import org.tipsearch.web.JsonViews.HitView;
import org.tipsearch.web.JsonViews.LabelsView;
import org.tipsearch.web.JsonViews.ParagraphView;
import org.tipsearch.web.JsonViews.RecommendationView;
import org.tipsearch.web.JsonViews.SearchView;
import org.tipsearch.web.JsonViews.SimilarView;
import org.tipsearch.web.JsonViews.SuggestView;
import org.tipsearch.web.JsonViews.TopicView;
import org.tipsearch.web.JsonViews.TopicsView;

/** The JSON API: each handler reads its parameters, asks the search service, and answers one view. */
final class ApiHandlers {

    private final SearchService search;
    private final ServedSearches served;
    private final IndexCheck check;
    private final TopicsView topics;
    private final LabelsView labels;

    ApiHandlers(SearchService search, ServedSearches served, Taxonomy taxonomy, DisplayNames names, IndexCheck check) {
        this.search = search;
        this.served = served;
        this.check = check;
        this.topics = new TopicsView(taxonomy.topics().stream().map(TopicView::of).toList());
        this.labels = LabelsView.of(names);
    }

    void search(Context ctx) throws IOException {
        JsonAnswer.write(ctx,
                SearchView.of(served.search(RequestParams.searchRequest(ctx, Scope.UNITS)), HitView::of));
    }

    void facets(Context ctx) throws IOException {
        JsonAnswer.write(ctx,
                FacetsView.of(served.search(RequestParams.searchRequest(ctx, Scope.UNITS).countsOnly())));
    }

    void recommendations(Context ctx) throws IOException {
        SearchRequest request = RequestParams.searchRequest(ctx, Scope.RECOMMENDATIONS);
        JsonAnswer.write(ctx, SearchView.of(served.recommendations(request), RecommendationView::of));
    }

    void suggest(Context ctx) throws IOException {
        RequestParams.rejectUnknown(ctx, Set.of("prefix", "size"));
        String prefix = RequestParams.suggestPrefix(ctx);
        int size = RequestParams.suggestSize(ctx);
        JsonAnswer.write(ctx, new SuggestView(prefix, search.suggest(prefix, size)));
    }

    void topics(Context ctx) {
        RequestParams.rejectUnknown(ctx, Set.of());
        JsonAnswer.write(ctx, topics);
    }

    void labels(Context ctx) {
        RequestParams.rejectUnknown(ctx, Set.of());
        JsonAnswer.write(ctx, labels);
    }

    void paragraph(Context ctx) throws IOException {
        RequestParams.rejectUnknown(ctx, Set.of());
        String id = RequestParams.paragraphId(ctx);
        JsonAnswer.write(ctx, search.unit(id)
                .map(ParagraphView::of)
                .orElseThrow(() -> ApiException.notFound("no paragraph with id '" + id + "'")));
    }

    void similarToParagraph(Context ctx) throws IOException {
        String id = RequestParams.paragraphId(ctx);
        SimilarRequest request = RequestParams.similarToParagraph(ctx, id);
        JsonAnswer.write(ctx, served.similar(request)
                .map(hits -> new SimilarView(id, hits.stream().map(HitView::of).toList()))
                .orElseThrow(() -> ApiException.notFound("no paragraph with id '" + id + "'")));
    }

    /** POST {text, size?, kind?, status?}: the closest prior wording to a draft. */
    void similarToText(Context ctx) throws IOException {
        RequestParams.rejectUnknown(ctx, Set.of());
        SimilarRequest request = RequestParams.similarBody(ctx);
        JsonAnswer.write(ctx,
                new SimilarView(null, served.similar(request).orElseThrow().stream().map(HitView::of).toList()));
    }

    void paragraphWithoutUnit(Context ctx) {
        throw ApiException.notFound("no paragraph with id '" + ctx.pathParam("id")
                + "'; paragraph ids look like REPORT/UNIT, e.g. 002_a5f66eb7f565f6a5/para-19");
    }

    void documents(Context ctx) throws IOException {
        RequestParams.rejectUnknown(ctx, Set.of());
        JsonAnswer.write(ctx, new DocumentsView(search.reports().stream().map(DocumentListEntry::of).toList()));
    }

    void document(Context ctx) throws IOException {
        RequestParams.rejectUnknown(ctx, Set.of());
        String id = ctx.pathParam("id");
        JsonAnswer.write(ctx, search.report(id)
                .map(DocumentContentsView::of)
                .orElseThrow(() -> ApiException.notFound("no document with id '" + id + "'")));
    }

    /** Answers 503 for anything but the health answer once the index was found damaged. */
    void requireWholeIndex(Context ctx) {
        if (check.state() == IndexCheck.State.DAMAGED && !ctx.path().equals("/api/health")) {
            throw new ApiException(503, "service_unavailable", "the index is damaged (" + check.damage().orElse("")
                    + "); the server answers again once restarted, which rebuilds it from the reports");
        }
    }

    /** Up, with the state of the index's integrity check; 503 once the index was found damaged. */
    void health(Context ctx) throws IOException {
        RequestParams.rejectUnknown(ctx, Set.of());
        IndexHealth health = search.health();
        boolean damaged = check.state() == IndexCheck.State.DAMAGED;
        ctx.status(damaged ? 503 : 200);
        JsonAnswer.write(ctx, new HealthView(damaged ? "damaged" : "ok", check.state().id(),
                check.damage().orElse(null), health.units(), health.reports()));
    }
}
