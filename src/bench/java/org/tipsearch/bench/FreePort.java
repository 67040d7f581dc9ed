package org.tipsearch.bench;

import java.io.IOException;
import java.net.ServerSocket;

/** A loopback port no one listens on, for a server the benchmarks start. */
final class FreePort {

    private FreePort() {}

    static int pick() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
