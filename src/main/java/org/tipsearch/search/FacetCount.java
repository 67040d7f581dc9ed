package org.tipsearch.search;

/** How many matching units carry a facet value. */
public record FacetCount(String value, int count) {}
