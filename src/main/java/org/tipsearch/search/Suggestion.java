package org.tipsearch.search;

/** A completion for the search box, and where it comes from: topic, organization, country or phrase. */
public record Suggestion(String text, String kind) {}
