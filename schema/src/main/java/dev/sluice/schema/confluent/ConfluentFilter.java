package dev.sluice.schema.confluent;

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
        String body = new String(http.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ConfluentApi.Response answer = api.handle(http.getMethod(), http.getRequestURI(), body);
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        out.setStatus(answer.status());
        out.setContentType(CONTENT_TYPE);
        out.setContentLength(bytes.length);
        out.getOutputStream().write(bytes);
    }
}
