package uk.gov.council.commissioning.forms;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * A form refused by the server-side checks is the officer's to correct, not a server failure: the
 * engine REST API (and so Tasklist) answers 400 with the checks' own message, instead of a 500 whose
 * message starts with the engine's listener wrapping and exception class names. Everything else goes
 * to Camunda's own handling.
 */
@Provider
@Priority(Priorities.USER - 100)
public class FormRefusalMapper implements ExceptionMapper<RestException> {

  @Override
  public Response toResponse(RestException exception) {
    TaskFormException refusal = refusalIn(exception);
    if (refusal == null) {
      return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
    ExceptionDto body = new ExceptionDto();
    body.setType(TaskFormException.class.getSimpleName());
    body.setMessage(refusal.getMessage());
    return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  static TaskFormException refusalIn(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TaskFormException refusal) {
        return refusal;
      }
    }
    return null;
  }
}
