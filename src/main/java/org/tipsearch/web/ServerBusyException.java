package org.tipsearch.web;

import java.time.Duration;

/** A search that waited for its turn longer than a client should: the server is asked more than it can answer. */
public final class ServerBusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Duration waited;

    ServerBusyException(int atOnce, Duration waited) {
        super("the server is busy: " + atOnce + " searches are running and this one waited " + waited.toSeconds()
                + " s for its turn; try again in a moment");
        this.waited = waited;
    }

    /** How long the search waited for its turn. */
    public Duration waited() {
        return waited;
    }
}
