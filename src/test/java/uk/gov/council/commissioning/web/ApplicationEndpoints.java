package uk.gov.council.commissioning.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Type;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every endpoint of the application's own controllers, read from Spring MVC's mappings, with what a
 * request to it can carry: path variables, query parameters, form fields and a body.
 */
record ApplicationEndpoints(List<Endpoint> all) {

  /** Parameters the framework fills in, which a request cannot set. */
  private static final Set<Class<?>> FROM_THE_FRAMEWORK =
      Set.of(
          Authentication.class,
          Principal.class,
          Model.class,
          HttpServletRequest.class,
          HttpServletResponse.class,
          RedirectAttributes.class,
          Locale.class);

  /** The query parameters {@link PageQuery} reads. */
  static final List<String> PAGE_PARAMETERS = List.of("page", "size", "total");

  /**
   * One method and path, and what its requests carry.
   *
   * @param page whether it answers with an HTML page (a browser's form, with a session and a CSRF
   *     token) rather than JSON
   * @param freeFormFields whether it takes every form field it is sent (a map of them)
   * @param body the type of the JSON (or CSV) body, or null
   * @param unknown parameters of a kind the hostile input cannot reach: must stay empty
   */
  record Endpoint(
      String method,
      String pattern,
      String handler,
      boolean page,
      List<String> pathVariables,
      List<String> parameters,
      boolean freeFormFields,
      Type body,
      String consumes,
      List<String> unknown) {

    @Override
    public String toString() {
      return method + " " + pattern + (consumes == null ? "" : " (" + consumes + ")");
    }
  }

  static ApplicationEndpoints of(RequestMappingHandlerMapping mapping) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
        mapping.getHandlerMethods().entrySet()) {
      HandlerMethod handler = entry.getValue();
      if (!handler.getBeanType().getName().startsWith("uk.gov.council.commissioning.")) {
        continue;
      }
      RequestMappingInfo info = entry.getKey();
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
      for (String pattern : info.getPatternValues()) {
        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          endpoints.add(
              endpoint(
                  method.name(),
                  pattern,
                  handler,
                  consumes.isEmpty() ? null : consumes.iterator().next().toString()));
        }
      }
    }
    endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::toString));
    return new ApplicationEndpoints(List.copyOf(endpoints));
  }

  private static Endpoint endpoint(
      String method, String pattern, HandlerMethod handler, String consumes) {
    List<String> pathVariables = new ArrayList<>();
    List<String> parameters = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    boolean freeForm = false;
    Type body = null;
    DefaultParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
    for (MethodParameter parameter : handler.getMethodParameters()) {
      parameter.initParameterNameDiscovery(names);
      Class<?> type = parameter.getParameterType();
      PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
      RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
      if (path != null) {
        pathVariables.add(path.name().isEmpty() ? parameter.getParameterName() : path.name());
      } else if (param != null && Map.class.isAssignableFrom(type)) {
        freeForm = true;
      } else if (param != null) {
        parameters.add(param.name().isEmpty() ? parameter.getParameterName() : param.name());
      } else if (parameter.hasParameterAnnotation(RequestBody.class)) {
        body = parameter.getGenericParameterType();
      } else if (type == PageQuery.class) {
        parameters.addAll(PAGE_PARAMETERS);
      } else if (FROM_THE_FRAMEWORK.stream().noneMatch(t -> t.isAssignableFrom(type))) {
        unknown.add(parameter.getParameterName() + " (" + type.getSimpleName() + ")");
      }
    }
    boolean json =
        AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
            || handler.hasMethodAnnotation(ResponseBody.class);
    return new Endpoint(
        method,
        pattern,
        handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName(),
        !json,
        List.copyOf(pathVariables),
        List.copyOf(parameters),
        freeForm,
        body,
        consumes,
        List.copyOf(unknown));
  }
}
