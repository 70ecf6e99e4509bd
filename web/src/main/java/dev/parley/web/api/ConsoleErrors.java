package dev.parley.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.parley.application.storage.StoreUnusableException;
import dev.parley.shared.api.DomainRuleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns every failure of the API into an {@link ApiError}: 4xx for what the request got wrong, with the contract's
 * code where one applies; 500 with one sentence, never a stack trace, for the console's own failures.
 */
@RestControllerAdvice(assignableTypes = {ConsoleApi.class, ApiNotFound.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> refused(ApiException refused) {
        return answer(refused.status(), refused.code(), refused.getMessage());
    }

    @ExceptionHandler(DomainRuleException.class)
    ResponseEntity<ApiError> ruleBroken(DomainRuleException broken) {
        return answer(HttpStatus.BAD_REQUEST, broken.code().name(), broken.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException unreadable) {
        if (unreadable.getCause() instanceof JsonProcessingException json) {
            String reason = json instanceof MismatchedInputException mismatched && mismatched.getPath() != null
                    && !mismatched.getPath().isEmpty()
                    ? "field " + mismatched.getPath().get(mismatched.getPath().size() - 1).getFieldName()
                    + " has the wrong type" : json.getOriginalMessage();
            return answer(HttpStatus.BAD_REQUEST, "INVALID_COMMAND", "the request body is not a valid request: "
                    + reason);
        }
        if (unreadable.getCause() instanceof RequestTooLargeException tooLarge) {
            return tooLarge(tooLarge);
        }
        return answer(HttpStatus.BAD_REQUEST, "INVALID_COMMAND", "the request body is missing or not JSON");
    }

    @ExceptionHandler(RequestTooLargeException.class)
    ResponseEntity<ApiError> tooLarge(RequestTooLargeException tooLarge) {
        return answer(HttpStatus.PAYLOAD_TOO_LARGE, "TOO_LARGE", tooLarge.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> notJson(HttpMediaTypeNotSupportedException notJson) {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "send the request as "
                + "application/json");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException notAcceptable) {
        return answer(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "this answers application/json");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missing(MissingServletRequestParameterException missing) {
        return answer(HttpStatus.BAD_REQUEST, "INVALID_COMMAND", "the parameter " + missing.getParameterName()
                + " is missing");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException mismatch) {
        return answer(HttpStatus.BAD_REQUEST, "INVALID_COMMAND", "the parameter " + mismatch.getName()
                + " is not a valid " + (mismatch.getRequiredType() == null ? "value"
                : mismatch.getRequiredType().getSimpleName().toLowerCase()));
    }

    @ExceptionHandler(StoreUnusableException.class)
    ResponseEntity<ApiError> storeUnusable(StoreUnusableException unusable) {
        return answer(HttpStatus.SERVICE_UNAVAILABLE, "STORE_UNUSABLE", unusable.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> failed(Exception failure) {
        log.error("The console failed to answer", failure);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "the console failed to answer: "
                + failure.getClass().getSimpleName());
    }

    static ResponseEntity<ApiError> answer(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiError(code, message));
    }
}
