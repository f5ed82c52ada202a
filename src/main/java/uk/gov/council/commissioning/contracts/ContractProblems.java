package uk.gov.council.commissioning.contracts;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers an unknown contract with 404, for every controller that looks one up. Kept here rather
 * than in {@code web} so that {@code web} depends on no capability and the dependency runs one way.
 */
@RestControllerAdvice
class ContractProblems {

  @ExceptionHandler(ContractNotFoundException.class)
  public ResponseEntity<Object> handleContractNotFound(ContractNotFoundException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    problem.setTitle("Contract not found");
    problem.setProperty("reference", ex.getReference());
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
  }
}
