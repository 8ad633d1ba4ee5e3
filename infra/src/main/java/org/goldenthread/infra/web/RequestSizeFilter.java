package org.goldenthread.infra.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the body of every request before anything reads it: {@code max-csv} for a CSV upload, {@code max-body} for
 * anything else. A declared length over the cap is refused at once (413); a body without a declared length is
 * counted as it is read and the read fails past the cap, which {@link ProblemHandler} answers with 413 too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestSizeFilter extends OncePerRequestFilter {

    private final RequestLimits limits;

    public RequestSizeFilter(RequestLimits limits) {
        this.limits = limits;
    }

    /** The body was longer than the cap while being read. */
    public static final class PayloadTooLarge extends IOException {
        private final String limit;
        private final long max;

        PayloadTooLarge(String limit, long max) {
            super("the request body is larger than " + max + " bytes (" + limit + ")");
            this.limit = limit;
            this.max = max;
        }

        public String limit() {
            return limit;
        }

        public long max() {
            return max;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        boolean csv = type.startsWith("text/csv") || type.startsWith("text/plain");
        String limit = csv ? "max-csv" : "max-body";
        long max = (csv ? limits.maxCsv() : limits.maxBody()).toBytes();
        long declared = request.getContentLengthLong();
        if (declared > max) {
            Problems.write(
                    request,
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "payload-too-large",
                    "Too large",
                    "the request body has " + declared + " bytes; at most " + max + " are taken (" + limit + ")",
                    Map.of("limit", limit, "max", max, "field", "body"));
            return;
        }
        chain.doFilter(new Capped(request, limit, max), response);
    }

    private static final class Capped extends HttpServletRequestWrapper {
        private final String limit;
        private final long max;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, String limit, long max) {
            super(request);
            this.limit = limit;
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit, max);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final String limit;
        private final long max;
        private long read;

        CountingStream(ServletInputStream in, String limit, long max) {
            this.in = in;
            this.limit = limit;
            this.max = max;
        }

        private void count(long n) throws PayloadTooLarge {
            if (n > 0) {
                read += n;
                if (read > max) {
                    throw new PayloadTooLarge(limit, max);
                }
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            count(n);
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
