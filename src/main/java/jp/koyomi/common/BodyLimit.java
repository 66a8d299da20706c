package jp.koyomi.common;

import java.util.OptionalLong;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Keeps request bodies to what each endpoint needs, before anything is read: the large global limit
 * is for imports only, which stream. A declared Content-Length over the limit gets a 413
 * problem+json at once; a chunked body is cut off by Quarkus at the same limit while it is read
 * (it honours the per-request limit this filter sets).
 */
@Singleton
public class BodyLimit {

    static final String IMPORTS = "/api/v1/imports/";
    /** The routing-context key Quarkus' body readers check while reading a body of unknown length. */
    private static final String QUARKUS_REQUEST_LIMIT = "io.quarkus.max-request-size";
    /** Runs right after Quarkus' own limit (route order -2), so this one wins for chunked bodies. */
    private static final int PRIORITY = 1;

    @Inject
    BodyLimitConfig config;

    @Inject
    ObjectMapper json;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    /** No limit of its own for imports: the global one applies. */
    OptionalLong limitFor(String path) {
        if (path.startsWith(IMPORTS)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(path.startsWith("/api/") ? config.api().asLongValue() : config.open().asLongValue());
    }

    private void check(RoutingContext rc) {
        OptionalLong found = limitFor(rc.normalizedPath());
        if (found.isEmpty()) {
            rc.next();
            return;
        }
        long limit = found.getAsLong();
        String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.strip().matches("\\d{1,18}") && Long.parseLong(declared.strip()) > limit) {
            refuse(rc, limit);
            return;
        }
        rc.put(QUARKUS_REQUEST_LIMIT, limit);
        rc.next();
    }

    private void refuse(RoutingContext rc, long limit) {
        // The path is left out on purpose: on open endpoints it carries a signed token.
        Problem problem = Problem.of(413, "Request body too large", "A request body here may be at most " + limit
                + " bytes.");
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The unread body would be taken for the next request: close the connection after answering.
        rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(body);
    }
}
