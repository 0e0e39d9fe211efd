package io.waymark.config;

import java.time.Instant;
import java.util.stream.Collectors;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Bad request parameters as {@code application/problem+json} whose {@code detail} names the
 * parameter, what it must be, and what it got: {@code 'limit' must be less than or equal to
 * 100000, got '200000'}. Spring's defaults ("Validation failure", "Failed to convert") say
 * neither. Everything else keeps Spring's problem details.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getParameterValidationResults().stream()
            .map(result -> result.getResolvableErrors().stream()
                .map(MessageSourceResolvable::getDefaultMessage)
                .map(message -> "'" + result.getMethodParameter().getParameterName() + "' " + message + ", got '"
                        + result.getArgument() + "'")
                .collect(Collectors.joining("; ")))
            .collect(Collectors.joining("; "));
        return problem(ex, headers, request, detail);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        Class<?> type = ex.getRequiredType();
        String expected = type == Instant.class ? InstantParameterConverter.EXPECTED
                : type == Integer.class || type == int.class ? "a whole number"
                : "a " + (type == null ? "valid value" : type.getSimpleName());
        return problem(ex, headers, request, "'" + name + "' must be " + expected + ", got '" + ex.getValue() + "'");
    }

    private ResponseEntity<Object> problem(Exception ex, HttpHeaders headers, WebRequest request, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }
}
