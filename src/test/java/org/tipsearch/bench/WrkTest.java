package org.tipsearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WrkTest {

    /** What wrk 4.1 prints with --latency. */
    private static final String OUTPUT = """
            Running 10s test @ http://127.0.0.1:8080
              2 threads and 32 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    12.71ms   10.43ms 132.16ms   80.27%
                Req/Sec     1.37k   175.97     1.76k    72.50%
              Latency Distribution
                 50%  850.00us
                 75%   15.62ms
                 90%   24.95ms
                 99%    1.05s
              27337 requests in 10.01s, 171.33MB read
              Socket errors: connect 0, read 2, write 0, timeout 1
              Non-2xx or 3xx responses: 4
            Requests/sec:   2731.23
            Transfer/sec:     17.12MB
            """;

    @Test
    void readsThroughputPercentilesInMillisecondsAndErrors() throws Exception {
        assertEquals(new Wrk.Result(2731.23, 0.85, 24.95, 1050, 27337, 7), Wrk.parse(OUTPUT));
    }
}
