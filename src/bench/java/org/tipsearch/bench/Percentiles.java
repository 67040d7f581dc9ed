package org.tipsearch.bench;

import java.util.Arrays;

/** Timings of repeated operations, summarised by nearest-rank percentiles. */
public final class Percentiles {

    private final long[] sortedNanos;

    public Percentiles(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no timings to summarise");
        }
        sortedNanos = nanos.clone();
        Arrays.sort(sortedNanos);
    }

    /** The timing at or below which {@code percentile} of them fall, in milliseconds. */
    public double ms(double percentile) {
        int rank = (int) Math.ceil(percentile * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, rank)] / 1e6;
    }

    public double maxMs() {
        return sortedNanos[sortedNanos.length - 1] / 1e6;
    }

    public int count() {
        return sortedNanos.length;
    }
}
