package dev.sluice.schema.confluent;

import dev.sluice.schema.glue.GlueFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the Confluent-compatible API on a port shared with other APIs: its paths ({@code /subjects},
 * {@code /schemas}, {@code /config}, {@code /compatibility}) are none of Kafka Connect's; every other request passes.
 */
public final class ConfluentFilter implements Filter {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    /** The Glue API's limit: far over any schema (Glue's is 170,000 characters), far under a node's memory. */
    static final int MAX_BODY_BYTES = GlueFilter.MAX_BODY_BYTES;

    private final ConfluentApi api;

    public ConfluentFilter(ConfluentApi api) {
        this.api = api;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse out)
                || http.getRequestURI() == null || !ConfluentApi.serves(http.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] read = http.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        ConfluentApi.Response answer = read.length > MAX_BODY_BYTES
                ? ConfluentApi.tooLarge(MAX_BODY_BYTES)
                : api.handle(http.getMethod(), http.getRequestURI(), new String(read, StandardCharsets.UTF_8));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        out.setStatus(answer.status());
        out.setContentType(CONTENT_TYPE);
        out.setContentLength(bytes.length);
        out.getOutputStream().write(bytes);
    }
}
