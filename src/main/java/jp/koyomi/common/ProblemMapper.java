package jp.koyomi.common;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** The one place where failures become problem+json responses. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response refused(KoyomiException e) {
        return respond(new Problem("about:blank", e.title(), e.status(), e.getMessage(), e.errors()));
    }

    /** A misspelt field would otherwise be dropped silently and its setting lost: refuse it by name. */
    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return respond(JsonInputProblems.unknownField(e));
    }

    @ServerExceptionMapper
    public Response wrongValue(MismatchedInputException e) {
        return respond(JsonInputProblems.mismatch(e));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        return respond(Problem.of(400, "Malformed JSON", e.getOriginalMessage() + where));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 401 || status == 403) {
            return e.getResponse();
        }
        return respond(Problem.of(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected failure", e);
        return respond(Problem.of(500, "Internal error", "The request failed; the server log has the details."));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
