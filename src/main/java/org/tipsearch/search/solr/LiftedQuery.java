package org.tipsearch.search.solr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.tipsearch.search.lucene.QueryIntent;

/**
 * A ranking by words as Solr runs it: the words' query ({@link XmlQuery}), its score multiplied by each of the
 * intent's lifts that a match also matches, as the embedded engine's lifts multiply it. Solr's boost parser takes
 * the product of one {@code if(query($liftN), factor, 1)} a lift, each lifted query in a parameter of its own.
 */
public final class LiftedQuery {

    private LiftedQuery() {}

    /** The request parameters of the ranking: {@code q} and the parameters it names. */
    public static Map<String, String> params(Query words, List<QueryIntent.Lift> lifts) {
        var params = new LinkedHashMap<String, String>();
        String xml = "{!xmlparser}" + XmlQuery.of(words);
        if (lifts.isEmpty()) {
            params.put("q", xml);
            return params;
        }
        params.put("words", xml);
        params.put("lifts", factor(lifts, params));
        params.put("q", "{!boost b=$lifts v=$words}");
        return params;
    }

    /**
     * The function of a document's lift factor: the product of its lifts' factors, each lifted query put in
     * {@code params} as {@code liftN}.
     */
    static String factor(List<QueryIntent.Lift> lifts, Map<String, String> params) {
        var factors = new ArrayList<String>();
        for (int i = 0; i < lifts.size(); i++) {
            params.put("lift" + i, "{!xmlparser}" + XmlQuery.of(lifts.get(i).lifted()));
            factors.add(String.format(Locale.ROOT, "if(query($lift%d),%s,1)", i, lifts.get(i).factor()));
        }
        return factors.size() == 1 ? factors.getFirst() : "product(" + String.join(",", factors) + ")";
    }
}
