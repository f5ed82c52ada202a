package uk.gov.council.commissioning.web;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Notes, for the request being answered, that an engine command failed because the database could
 * not be reached. The engine's REST API turns every exception into an answer of its own (500), so
 * {@link DatabaseUnavailableFilter} cannot see the exception itself; it asks this instead. It sits
 * before the engine's transaction interceptor, so a connection refused when the transaction begins
 * is seen too.
 */
@Component
class DatabaseFaultRecorder extends AbstractProcessEnginePlugin {

  private static final ThreadLocal<boolean[]> CURRENT = new ThreadLocal<>();

  /** Opens the record for this thread's request; the returned flag is set on a connection fault. */
  static boolean[] open() {
    boolean[] seen = new boolean[1];
    CURRENT.set(seen);
    return seen;
  }

  static void close() {
    CURRENT.remove();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        withRecorder(configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        withRecorder(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> withRecorder(List<CommandInterceptor> interceptors) {
    List<CommandInterceptor> all =
        interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(0, new Recorder());
    return all;
  }

  static final class Recorder extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        boolean[] seen = CURRENT.get();
        if (seen != null && DatabaseFaults.isConnectionFault(e)) {
          seen[0] = true;
        }
        throw e;
      }
    }
  }
}
