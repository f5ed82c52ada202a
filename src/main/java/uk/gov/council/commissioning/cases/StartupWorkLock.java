package uk.gov.council.commissioning.cases;

import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Lets one node at a time do the work of its start-up: the application runners and the listeners of
 * {@code ApplicationReadyEvent} that put groups, authorizations, filters and catalogues in place
 * and start the cases due at start (and, in the demo, its users, contracts and cases). Each looks
 * first at what is there, so a node that starts after another finds the work done; two nodes
 * started together on one database both looked before either wrote, and the slower one died on a
 * duplicate key (seen with the demo's contracts). The lock, a PostgreSQL session advisory lock, is
 * taken when the context has started, before the runners, and let go when the node accepts traffic,
 * after the last ready listener; a start that fails closes the context and lets it go, a node that
 * dies loses its session and the lock with it. H2 is one node's database: nothing to do.
 */
@Component
public class StartupWorkLock implements DisposableBean {

  /** The lock's key: any number no other code of ours uses ("cmwfstrt" in ASCII). */
  static final long LOCK_KEY = 0x636d7766_73747274L;

  private final AdvisoryLock lock;

  public StartupWorkLock(DataSource dataSource) {
    this.lock =
        new AdvisoryLock(dataSource, LOCK_KEY, "the start-up work lock", StartupWorkLock.class);
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  public void take() {
    lock.take("another node may be doing its start-up work");
  }

  @EventListener
  public void release(AvailabilityChangeEvent<ReadinessState> change) {
    if (change.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
      lock.release();
    }
  }

  @Override
  public void destroy() {
    lock.release();
  }

  boolean isHeld() {
    return lock.isHeld();
  }
}
