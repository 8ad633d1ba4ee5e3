package org.goldenthread.infra.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page, for whatever reached the container as an error rather than through {@link ProblemHandler}: a
 * problem+json with the status (a direct {@code GET /error}, with no error to tell, is 404). Also the security
 * firewall's refusals (a path with {@code ;}, {@code %2e%2e}, …), answered here as 400 problem+json naming why.
 */
@Controller
public class ErrorPage implements ErrorController, RequestRejectedHandler {

    @RequestMapping(value = "/error", produces = MediaType.ALL_VALUE)
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        if (status == null || !status.isError()) {
            Problems.write(
                    request,
                    response,
                    HttpStatus.NOT_FOUND,
                    "not-found",
                    "Not found",
                    "there is no page here",
                    Map.of());
            return;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail = status.is4xxClientError()
                ? "the request was refused (" + status.getReasonPhrase() + ")"
                : "the service failed while answering; nothing is known to have been done";
        Problems.write(
                request,
                response,
                status,
                status.is4xxClientError() ? "refused-request" : "internal-error",
                status.getReasonPhrase(),
                detail,
                uri == null ? Map.of() : Map.of("path", uri.toString()));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        Problems.write(
                request,
                response,
                HttpStatus.BAD_REQUEST,
                "rejected-url",
                "Invalid input",
                "the request's URL was refused: " + e.getMessage(),
                Map.of("field", "url"));
    }
}
