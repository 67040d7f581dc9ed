package org.tipsearch.enrich;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tipsearch.ingest.RecommendationStatus;

/**
 * One entry of the recommendations register.
 *
 * @param entryId       id within the report: the unit id, with ".N" for the N-th point of a stakeholder's list
 * @param unitId        the unit it stands in
 * @param number        as printed ("7" for Recommendation 7, "42" for an observation in para. 42, "1" for point 1))
 * @param status        adopted, proposed, observation or stakeholder
 * @param addressee     whom it addresses ("States parties"), or null
 * @param strength      "should", "encouraged", "invited", "called upon", "consider", or null
 * @param text          its text
 * @param subItems      its lettered sub-items, without their letters
 * @param topics        the topics it is about
 * @param synonymGroups how many times it mentions each of the curator's synonym groups it mentions, by group name
 */
public record Recommendation(
        String entryId,
        String unitId,
        String number,
        RecommendationStatus status,
        String addressee,
        String strength,
        String text,
        List<String> subItems,
        List<String> topics,
        Map<String, Integer> synonymGroups) {
    public Recommendation {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(text, "text");
        subItems = List.copyOf(subItems);
        topics = List.copyOf(topics);
        synonymGroups = Annotations.mentions(synonymGroups);
    }
}
