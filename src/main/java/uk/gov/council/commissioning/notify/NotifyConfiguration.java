package uk.gov.council.commissioning.notify;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling is switched on here, next to the outbox dispatcher that needs it. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotifyConfiguration {

  /**
   * The system property Jakarta Mail reads to find its stream provider. Without it the mail API
   * looks the provider up with a {@link java.util.ServiceLoader} on every message it writes or
   * parses (several times a message), and in the packaged jar that scan walks every nested jar: it
   * was most of the outbox thread's CPU.
   */
  static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  /** Angus Mail's provider, the one the service loader finds on this class path. */
  static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

  NotifyConfiguration() {
    nameStreamProvider();
  }

  /** Names the provider unless the operator already chose one on the command line. */
  static void nameStreamProvider() {
    if (System.getProperty(STREAM_PROVIDER) == null) {
      System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
    }
  }
}
