package dev.sluice.schema.glue;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Serves the Glue API on a port shared with other APIs: takes {@code POST /} with an {@code X-Amz-Target:
 * AWSGlue.*} header, as AWS's SDKs send it, and passes every other request on.
 */
public final class GlueFilter implements Filter {

    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final GlueApi api;

    /** Far over any Glue request: a schema definition is at most 170,000 characters. */
    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    public GlueFilter(GlueApi api) {
        this.api = api;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse out)
                || !isGlueCall(http)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] read = http.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        GlueApi.Response answer = read.length > MAX_BODY_BYTES
                ? GlueApi.tooLarge(MAX_BODY_BYTES)
                : api.handle(http.getHeader("X-Amz-Target"), new String(read, StandardCharsets.UTF_8));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        out.setStatus(answer.status());
        out.setContentType(CONTENT_TYPE);
        out.setHeader("x-amzn-RequestId", UUID.randomUUID().toString());
        if (answer.errorType() != null) {
            out.setHeader("x-amzn-ErrorType", answer.errorType());
        }
        out.setContentLength(bytes.length);
        out.getOutputStream().write(bytes);
    }

    static boolean isGlueCall(HttpServletRequest request) {
        String target = request.getHeader("X-Amz-Target");
        String path = request.getRequestURI();
        return "POST".equals(request.getMethod()) && target != null && target.startsWith(GlueApi.TARGET_PREFIX)
                && (path == null || path.isEmpty() || path.equals("/"));
    }
}
