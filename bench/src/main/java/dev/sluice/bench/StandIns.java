package dev.sluice.bench;

import dev.sluice.runtime.broker.EmbeddedKafkaCluster;

import java.util.concurrent.atomic.AtomicReference;

/** Starting a local AWS stand-in beside the brokers: both take seconds, so neither waits for the other. */
final class StandIns {

    private StandIns() {
    }

    /** Starts {@code standIn} on a thread of its own while the cluster starts; rethrows its failure. */
    static void startBeside(EmbeddedKafkaCluster cluster, Runnable standIn, String name) throws InterruptedException {
        var failure = new AtomicReference<RuntimeException>();
        Thread starter = new Thread(() -> {
            try {
                standIn.run();
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "bench-" + name + "-start");
        starter.start();
        cluster.start();
        starter.join();
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
