package org.tipsearch.search;

import org.tipsearch.index.IndexedReport;

/** A report as indexed (metadata, fingerprint, when it was added) and how many units it has in the index. */
public record ReportSummary(IndexedReport report, int units) {}
