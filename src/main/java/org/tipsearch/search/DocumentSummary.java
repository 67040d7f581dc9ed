package org.tipsearch.search;

import org.tipsearch.ingest.ReportMetadata;

/** A report's metadata and how many units it has in the index. */
public record DocumentSummary(ReportMetadata metadata, int paragraphs) {}
