package dev.parley.web.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Whatever else is asked under {@code /api}: a JSON 404 (or 405 for a known path), like every other error. */
@Hidden
@RestController
public class ApiNotFound {

    @RequestMapping(path = {"/api", "/api/**"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiError> notFound(HttpServletRequest request) {
        return ConsoleErrors.answer(HttpStatus.NOT_FOUND, "NOT_FOUND", "no endpoint " + request.getMethod() + " "
                + request.getRequestURI() + "; the API is described at /v3/api-docs");
    }
}
