package org.tipsearch.ingest;

/** A report file that cannot be read into paragraphs; the message names the file and the reason. */
public class InvalidReportException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidReportException(String message) {
        super(message);
    }

    public InvalidReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
