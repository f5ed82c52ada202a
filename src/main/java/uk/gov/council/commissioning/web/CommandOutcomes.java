package uk.gov.council.commissioning.web;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * What the engine commands run for the request being answered ended with, for the filters that
 * choose the answer from it: the engine's REST API turns every exception into an answer of its own
 * (500), so a filter cannot see the exception itself and asks this instead. A record keeps the
 * exception that ended the outermost command (a nested command's exception that its caller handled
 * is not the request's outcome) and whether any command failed because the database could not be
 * reached. The interceptor sits before the engine's transaction interceptor, so a connection
 * refused when the transaction begins is seen too.
 *
 * <p>Each filter opens its own record around the rest of the chain; a record sees only the commands
 * run while it is open.
 */
@Component
public class CommandOutcomes extends AbstractProcessEnginePlugin {

  private static final ThreadLocal<Open> CURRENT = new ThreadLocal<>();

  /** The records open on this thread and how deep in nested commands it is. */
  private static final class Open {
    private final List<Record> records = new ArrayList<>();
    private int depth;
  }

  /** What the commands run while it is open ended with. */
  public static final class Record implements AutoCloseable {
    private final Open open;
    private RuntimeException failure;
    private boolean connectionFault;

    private Record(Open open) {
      this.open = open;
    }

    /** The exception that ended the last outermost command that failed, or null. */
    public RuntimeException failure() {
      return failure;
    }

    /** Whether a command failed because the database could not be reached. */
    public boolean connectionFault() {
      return connectionFault;
    }

    @Override
    public void close() {
      open.records.remove(this);
      if (open.records.isEmpty()) {
        CURRENT.remove();
      }
    }
  }

  /** Opens a record for this thread's request; close it when the request is answered. */
  public static Record open() {
    Open open = CURRENT.get();
    if (open == null) {
      open = new Open();
      CURRENT.set(open);
    }
    Record record = new Record(open);
    open.records.add(record);
    return record;
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
      Open open = CURRENT.get();
      if (open == null) {
        return next.execute(command);
      }
      open.depth++;
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        boolean connectionFault = DatabaseFaults.isConnectionFault(e);
        for (Record record : open.records) {
          if (open.depth == 1) {
            record.failure = e;
          }
          record.connectionFault |= connectionFault;
        }
        throw e;
      } finally {
        open.depth--;
      }
    }
  }
}
