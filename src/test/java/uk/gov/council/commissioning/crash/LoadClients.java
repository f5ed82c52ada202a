package uk.gov.council.commissioning.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Client threads spread over the nodes (as a load balancer would), each doing one piece of work
 * after another until the count is used up, {@link #stop()} is called or its node stops answering.
 */
final class LoadClients {

  private final String name;
  private final List<ApplicationProcess> nodes;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final List<Thread> clients = new ArrayList<>();

  LoadClients(String name, List<ApplicationProcess> nodes) {
    this.name = name;
    this.nodes = nodes;
  }

  /**
   * Starts {@code clientCount} threads sharing {@code count} pieces of work; {@code one} does one
   * on the given node and answers false when the node did not answer (that client then stops).
   */
  void begin(int count, int clientCount, Predicate<ApplicationProcess> one) {
    AtomicInteger remaining = new AtomicInteger(count);
    for (int c = 0; c < clientCount; c++) {
      ApplicationProcess node = nodes.get(c % nodes.size());
      Thread client =
          new Thread(
              () -> {
                while (!stop.get() && remaining.getAndDecrement() > 0) {
                  if (!one.test(node)) {
                    return;
                  }
                }
              },
              name + "-" + c);
      client.setDaemon(true);
      clients.add(client);
      client.start();
    }
  }

  void stop() {
    stop.set(true);
  }

  /**
   * Waits for the clients to finish (all work done, or stopped and their last request answered).
   */
  void await(Duration timeout) throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    for (Thread client : clients) {
      client.join(Math.max(1, (until - System.nanoTime()) / 1_000_000));
      if (client.isAlive()) {
        throw new IllegalStateException(name + " still running after " + timeout);
      }
    }
  }

  boolean running() {
    return clients.stream().anyMatch(Thread::isAlive);
  }
}
