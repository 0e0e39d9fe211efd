package io.waymark.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A bound on every request body ({@code waymark.security.max-body-size}, larger for
 * {@code /api/v1/import}): a declared length beyond it is refused with 413 before anything reads
 * it; a chunked body is cut off (413) when it grows past it.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private static final String IMPORT = "/api/v1/import";

    private final SecurityProperties properties;

    private final ProblemResponses problems;

    RequestBodyLimitFilter(SecurityProperties properties, ProblemResponses problems) {
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long limit = (path.equals(IMPORT) || path.startsWith(IMPORT + "/") ? properties.maxImportBodySize()
                : properties.maxBodySize()).toBytes();
        if (request.getContentLengthLong() > limit) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, tooLarge(limit));
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, limit) : request, response);
    }

    /** Thrown from the body's stream; {@link ProblemAnswers} finds it under the reader's exception: 413. */
    static final class BodyTooLargeException extends RuntimeException {

        BodyTooLargeException(String message) {
            super(message);
        }
    }

    private static String tooLarge(long limit) {
        return "the request body is larger than " + limit + " bytes";
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;

        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;

        private final long limit;

        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(tooLarge(limit));
            }
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
