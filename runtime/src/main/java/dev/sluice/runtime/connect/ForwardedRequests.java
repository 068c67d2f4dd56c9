package dev.sluice.runtime.connect;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/**
 * Tells, while a request is served, whether another node forwarded it ({@link #HEADER} is {@code true}), so that a
 * node never forwards a forwarded request again: two nodes whose views of where a connector runs differ for a
 * moment must not send a call back and forth between them.
 */
public final class ForwardedRequests implements Filter {

    /** Sent by {@link RemoteHerder} with every request. */
    public static final String HEADER = "X-Sluice-Forwarded";

    private static final ThreadLocal<Boolean> FORWARDED = new ThreadLocal<>();

    /** Whether the request that this thread is serving was forwarded by another node. */
    public static boolean current() {
        return Boolean.TRUE.equals(FORWARDED.get());
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Boolean outer = FORWARDED.get();
        FORWARDED.set(request instanceof HttpServletRequest http && "true".equalsIgnoreCase(http.getHeader(HEADER)));
        try {
            chain.doFilter(request, response);
        } finally {
            // Server threads are pooled: leave nothing behind for the next request.
            if (outer == null) {
                FORWARDED.remove();
            } else {
                FORWARDED.set(outer);
            }
        }
    }
}
