package org.tipsearch.ingest;

import java.util.List;

/**
 * A file format reports arrive in, and how its content becomes the plain text the parser reads: one numbered
 * paragraph, heading or list item to a line or run of lines, blank lines between blocks, as the bundled
 * {@code .txt} reports are. Every format feeds the same parser, so units, metadata and enrichment are the same
 * whatever the format.
 */
interface ReportFormat {

    /** The file-name endings of the format, lower case with the dot, e.g. ".pdf". */
    List<String> extensions();

    /**
     * The text of a file of this format.
     *
     * @param content the file's bytes
     * @param source  its file name, for messages
     * @throws InvalidReportException naming the file and the reason when the content is not of this format or
     *                                holds no text
     */
    String text(byte[] content, String source) throws InvalidReportException;
}
