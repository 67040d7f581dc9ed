package org.tipsearch.search;

/** A unit with the ids of the units before and after it in its report (null at either end). */
public record UnitInContext(Hit unit, String previousId, String nextId) {}
