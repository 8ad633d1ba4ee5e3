package org.goldenthread.infra.web;

import java.io.IOException;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * The container's own error answers (a URL it cannot parse, headers too large, …), which never reach the
 * application, as problem+json instead of Tomcat's HTML page. Installed on the host by {@link TomcatProblems}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) {
            status = code < 500 ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            byte[] body = Problems.body(
                    status,
                    status.is4xxClientError() ? "refused-request" : "internal-error",
                    status.getReasonPhrase(),
                    status.is4xxClientError()
                            ? "the request was refused before it reached the service (" + status.getReasonPhrase() + ")"
                            : "the service failed while answering",
                    null,
                    Map.of());
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot be written; nothing more to say
        }
    }
}
