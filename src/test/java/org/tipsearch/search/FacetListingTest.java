package org.tipsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tipsearch.index.Schema;

/** A dimension's values as every engine lists them: by time or by count, a selected value kept at zero. */
class FacetListingTest {

    @Test
    void sessionsGoInTheirOrderAndOtherValuesMostFirst() {
        assertEquals(List.of(new FacetCount("9th session (2021)", 2), new FacetCount("13th session (2023)", 7)),
                FacetListing.listed(Schema.SESSION, List.of(new FacetCount("13th session (2023)", 7),
                        new FacetCount("9th session (2021)", 2)), List.of(), false));
        assertEquals(List.of(new FacetCount("b", 5), new FacetCount("a", 3), new FacetCount("c", 3)),
                FacetListing.listed(Schema.TOPIC, List.of(new FacetCount("c", 3), new FacetCount("a", 3),
                        new FacetCount("b", 5)), List.of(), false));
    }

    @Test
    void aSelectedValueThatMatchesNothingStaysListedAtZero() {
        assertEquals(List.of(new FacetCount("a", 3, 1), new FacetCount("gone", 0, 0)),
                FacetListing.listed(Schema.TOPIC, List.of(new FacetCount("a", 3, 1)), List.of("gone", "a"), true));
        assertEquals(List.of(new FacetCount("gone", 0)),
                FacetListing.listed(Schema.TOPIC, List.of(), List.of("gone"), false));
    }
}
