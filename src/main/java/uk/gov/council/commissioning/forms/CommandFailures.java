package uk.gov.council.commissioning.forms;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Keeps, for the request being answered, the exception that ended an engine command, so that the
 * answer can be chosen from what happened (a refused form, a missing case) rather than from the
 * engine's wording of it. Only the outermost command counts: a nested command's exception that the
 * caller handled is not the request's outcome.
 */
@Component
class CommandFailures extends AbstractProcessEnginePlugin {

  private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

  /** Collects the failure of the commands run while it is open; one per request thread. */
  public static final class Scope implements AutoCloseable {
    private RuntimeException failure;
    private int depth;

    public RuntimeException failure() {
      return failure;
    }

    @Override
    public void close() {
      CURRENT.remove();
    }
  }

  public static Scope open() {
    Scope scope = new Scope();
    CURRENT.set(scope);
    return scope;
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
      Scope scope = CURRENT.get();
      if (scope == null) {
        return next.execute(command);
      }
      scope.depth++;
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        if (scope.depth == 1) {
          scope.failure = e;
        }
        throw e;
      } finally {
        scope.depth--;
      }
    }
  }
}
