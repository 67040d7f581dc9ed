package org.tipsearch.search.solr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients searching without pause while a node of a cluster is killed and then started again: the failover run of
 * the cluster tests. A search that fails counts as in flight if it started before the node died, as wrong after;
 * a wrong answer is wrong whenever it comes. Some searches must be answered while the node is down.
 */
public final class NodeLoss {

    /** A client's search at one of its turns: null when its answer is right, else what is wrong; throws if it fails. */
    public interface Search {
        String wrongIn(int turn) throws Exception;
    }

    /** How many searches were answered; what was wrong; what failed that was in flight when the node died. */
    public record Outcome(int answered, List<String> wrong, List<String> inFlight) {}

    private NodeLoss() {}

    /**
     * Runs the clients, kills the node a second in, starts it again three seconds later and waits for its replicas;
     * each client's turns are client, client + clients, client + 2 × clients, …
     */
    public static Outcome whileSearching(SolrCluster cluster, int node, int clients, Search search) throws Exception {
        var stop = new AtomicBoolean();
        var answered = new AtomicInteger();
        var killedAt = new AtomicLong(Long.MAX_VALUE);
        var wrong = new ConcurrentLinkedQueue<String>();
        var inFlight = new ConcurrentLinkedQueue<String>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (int c = 0; c < clients; c++) {
                int client = c;
                pool.submit(() -> {
                    for (int turn = client; !stop.get(); turn += clients) {
                        long started = System.nanoTime();
                        try {
                            String problem = search.wrongIn(turn);
                            if (problem != null) {
                                wrong.add(problem);
                            }
                            answered.incrementAndGet();
                        } catch (Exception e) {
                            (started < killedAt.get() ? inFlight : wrong).add("turn " + turn + ": " + e);
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(1_000);
            int beforeKill = answered.get();
            cluster.kill(node);
            killedAt.set(System.nanoTime());
            Thread.sleep(3_000);
            int whileDown = answered.get() - beforeKill;
            cluster.restart(node);
            cluster.awaitEveryReplicaActive();
            Thread.sleep(1_000);
            assertTrue(whileDown > 0, "searches answered while a node was down: " + whileDown);
        } finally {
            stop.set(true);
            pool.shutdown();
            assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES), "the clients' last searches ended");
        }
        return new Outcome(answered.get(), List.copyOf(wrong), List.copyOf(inFlight));
    }
}
