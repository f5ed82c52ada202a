package uk.gov.council.commissioning.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * What a provider's user may do to a task is to work it: claim it, release it, pass it to a
 * colleague ({@link ProviderTaskPermissions} keeps that within the provider) and complete it with
 * its form. The engine's task permissions are coarser: the permission that lets a user pass a task
 * on also lets them add candidate groups and users, an owner or a delegate, which would open the
 * task, and the case's service user, to another organisation; and the one for updates lets them
 * re-date or rename it. Those commands are refused here for a signed-in provider, whatever
 * permission rows exist.
 *
 * <p>Only the command the user called counts: commands the process runs inside it (a step creating
 * a task for another team, say) are the process's, not the user's.
 */
@Component
class ProviderCommandGuard extends AbstractProcessEnginePlugin {

  private static final List<Class<?>> REFUSED =
      List.of(
          AbstractAddIdentityLinkCmd.class,
          DeleteIdentityLinkCmd.class,
          DelegateTaskCmd.class,
          ResolveTaskCmd.class,
          SaveTaskCmd.class,
          AbstractSetTaskPropertyCmd.class,
          HandleTaskBpmnErrorCmd.class,
          HandleTaskEscalationCmd.class,
          DeleteTaskCmd.class,
          CreateTaskCmd.class,
          SetTaskVariablesCmd.class,
          PatchTaskVariablesCmd.class,
          RemoveTaskVariablesCmd.class,
          SetExecutionVariablesCmd.class,
          PatchExecutionVariablesCmd.class,
          RemoveExecutionVariablesCmd.class);

  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        withGuard(configuration.getCustomPreCommandInterceptorsTxRequired(), configuration));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        withGuard(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), configuration));
  }

  private static List<CommandInterceptor> withGuard(
      List<CommandInterceptor> interceptors, ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> all =
        interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(new Guard(configuration));
    return all;
  }

  /** Whether a signed-in user with these groups may run this command of their own accord. */
  static boolean refused(Command<?> command, List<String> groups) {
    if (groups == null || !groups.contains(Roles.PROVIDERS) || command instanceof AssignTaskCmd) {
      return false;
    }
    return REFUSED.stream().anyMatch(type -> type.isInstance(command));
  }

  static final class Guard extends CommandInterceptor {
    private final ProcessEngineConfigurationImpl configuration;

    Guard(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      int[] depth = DEPTH.get();
      if (depth[0] == 0) {
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        if (user != null && refused(command, user.getGroupIds())) {
          throw new AuthorizationException(
              "A provider's user may claim, release, pass to a colleague and complete "
                  + "their organisation's tasks, not change them otherwise ("
                  + command.getClass().getSimpleName()
                  + ")");
        }
      }
      depth[0]++;
      try {
        return next.execute(command);
      } finally {
        depth[0]--;
      }
    }
  }
}
