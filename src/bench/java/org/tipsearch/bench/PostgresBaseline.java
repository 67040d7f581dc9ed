package org.tipsearch.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.postgresql.PGConnection;
import org.tipsearch.index.Documents;
import org.tipsearch.index.IndexedUnit;
import org.tipsearch.index.IndexedReport;
import org.tipsearch.index.Schema;
import org.tipsearch.ingest.RecommendationStatus;
import org.tipsearch.ingest.ReportMetadata;

/**
 * What a user would build instead: the same units in PostgreSQL full-text search, a {@code tsvector} of the
 * English configuration with a GIN index, ranked by {@code ts_rank_cd}, snippets by {@code ts_headline}, and
 * the same facet counts as tipsearch returns, so that both answer the same question.
 */
public final class PostgresBaseline {

    /** The facets tipsearch counts for a paragraph search, as columns: scalars, then arrays. */
    private static final Map<String, String> SCALAR_FACETS = Map.of(
            Schema.SESSION, "session", Schema.YEAR, "year", Schema.KIND, "kind", Schema.STATUS, "status",
            Schema.REPORT_KIND, "report_kind");
    private static final Map<String, String> ARRAY_FACETS = Map.of(
            Schema.TOPIC, "topics", Schema.SPEAKER_TYPE, "speaker_types", Schema.COUNTRY, "countries",
            Schema.ORGANIZATION, "organizations");
    private static final int BATCH_ROWS = 20_000;
    private static final String COPY = "COPY units (id, body, session, year, kind, status, report_kind, topics,"
            + " speaker_types, countries, organizations) FROM STDIN (FORMAT csv)";

    private final Connection connection;

    public PostgresBaseline(Connection connection) {
        this.connection = connection;
    }

    /** Copies every unit of a tipsearch index into a new table and indexes it; returns the units copied. */
    public long load(Path indexDir) throws IOException, SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("DROP TABLE IF EXISTS units");
            sql.execute("""
                    CREATE TABLE units (
                      id text PRIMARY KEY, body text NOT NULL,
                      session text, year text, kind text, status text, report_kind text,
                      topics text[], speaker_types text[], countries text[], organizations text[],
                      tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED)""");
        }
        long rows = 0;
        var copy = ((PGConnection) connection).getCopyAPI();
        try (var dir = FSDirectory.open(indexDir); var reader = DirectoryReader.open(dir)) {
            var reports = new HashMap<String, ReportMetadata>();
            var csv = new StringBuilder();
            for (LeafReaderContext leaf : reader.leaves()) {
                StoredFields stored = leaf.reader().storedFields();
                Bits live = leaf.reader().getLiveDocs();
                for (int doc : docsOfType(leaf, Schema.TYPE_REPORT)) {
                    if (live == null || live.get(doc)) {
                        IndexedReport report = Documents.report(stored.document(doc));
                        reports.put(report.id(), report.metadata());
                    }
                }
            }
            for (LeafReaderContext leaf : reader.leaves()) {
                StoredFields stored = leaf.reader().storedFields();
                Bits live = leaf.reader().getLiveDocs();
                for (int doc : docsOfType(leaf, Schema.TYPE_UNIT)) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    IndexedUnit unit = Documents.unit(stored.document(doc));
                    csv.append(row(unit, reports.get(unit.reportId())));
                    if (++rows % BATCH_ROWS == 0) {
                        copy.copyIn(COPY, new StringReader(csv.toString()));
                        csv.setLength(0);
                    }
                }
            }
            copy.copyIn(COPY, new StringReader(csv.toString()));
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE INDEX units_tsv ON units USING gin (tsv)");
            sql.execute("VACUUM ANALYZE units");
        }
        return rows;
    }

    /** The documents of one record type in a segment. */
    private static int[] docsOfType(LeafReaderContext leaf, String type) throws IOException {
        PostingsEnum postings = leaf.reader().postings(new Term(Schema.TYPE, type), PostingsEnum.NONE);
        if (postings == null) {
            return new int[0];
        }
        var docs = new ArrayList<Integer>();
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            docs.add(doc);
        }
        return docs.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String row(IndexedUnit unit, ReportMetadata report) {
        RecommendationStatus status = unit.annotations().status() != null ? unit.annotations().status()
                : unit.parsed().status();
        return String.join(",", List.of(
                csv(unit.id()), csv(unit.parsed().text()),
                report.session() == null ? "" : csv(report.session().label()),
                report.year() == null ? "" : csv(String.valueOf(report.year())),
                csv(unit.parsed().kind().id()), status == null ? "" : csv(status.id()), csv(report.kind().id()),
                csv(array(unit.topics())), csv(array(unit.speakerTypes())), csv(array(unit.annotations().countries())),
                csv(array(unit.annotations().organizations())))) + "\n";
    }

    private static String csv(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String array(List<String> values) {
        return values.stream().map(v -> '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}"));
    }

    /**
     * Runs a query as tipsearch's bm25 mode answers it: the 10 best units with snippets, the total, and the count
     * of every facet value over the whole result set; returns the total.
     */
    public long search(BenchQuery query) throws SQLException {
        var where = new StringBuilder("tsv @@ q");
        var parameters = new ArrayList<String>();
        parameters.add(tsQueryText(query.query()));
        for (var filter : query.filters().entrySet()) {
            var values = filter.getValue();
            String column = SCALAR_FACETS.get(filter.getKey());
            if (column != null) {
                where.append(" AND ").append(column).append(" = ANY (?::text[])");
            } else if ((column = ARRAY_FACETS.get(filter.getKey())) != null) {
                where.append(" AND ").append(column).append(" && ?::text[]");
            } else {
                throw new IllegalArgumentException("no column for the filter " + filter.getKey());
            }
            parameters.add(array(values));
        }
        var sql = new StringBuilder("WITH m AS MATERIALIZED (SELECT id, body, q, ts_rank_cd(tsv, q) AS rank, "
                + String.join(", ", SCALAR_FACETS.values()) + ", " + String.join(", ", ARRAY_FACETS.values())
                + " FROM units, (SELECT " + (query.query().startsWith("\"") ? "phraseto_tsquery" : "to_tsquery")
                + "('english', ?) AS q) AS query WHERE " + where + ")\n"
                + "SELECT 'hit', id, ts_headline('english', body, q,"
                + " 'StartSel=<mark>, StopSel=</mark>, MaxFragments=3, FragmentDelimiter=\" … \"'), rank::float8"
                + " FROM (SELECT * FROM m ORDER BY rank DESC, id LIMIT 10) AS top\n"
                + "UNION ALL SELECT 'total', NULL, NULL, count(*) FROM m\n");
        SCALAR_FACETS.values().forEach(column -> sql.append("UNION ALL SELECT '").append(column).append("', ")
                .append(column).append(", NULL, count(*) FROM m GROUP BY ").append(column).append('\n'));
        ARRAY_FACETS.values().forEach(column -> sql.append("UNION ALL SELECT '").append(column)
                .append("', v, NULL, count(*) FROM m, unnest(").append(column).append(") AS v GROUP BY v\n"));
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            long total = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if ("total".equals(rows.getString(1))) {
                        total = (long) rows.getDouble(4);
                    }
                }
            }
            return total;
        }
    }

    /**
     * The query as PostgreSQL's syntax says what tipsearch reads: a quoted phrase as a phrase, otherwise any of
     * the words (tipsearch's natural-language queries match any word and rank by how many and how rare).
     */
    static String tsQueryText(String query) {
        if (query.startsWith("\"")) {
            return query.replace("\"", "");
        }
        return Arrays.stream(query.split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty())
                .collect(Collectors.joining(" | "));
    }
}
