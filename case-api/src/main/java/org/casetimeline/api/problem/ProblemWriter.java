package org.casetimeline.api.problem;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds every RFC 9457 problem document the service sends, so filters, security and controllers answer
 * alike: a type, a title, the status, a detail, and where it applies the field at fault and the reason.
 */
@Component
public class ProblemWriter {

    private static final String TYPE_BASE = "https://case-timeline.org/problems/";

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(HttpStatus status, String title, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create(TYPE_BASE + title.toLowerCase().replaceAll("[^a-z0-9]+", "-")));
        if (field != null) {
            problem.setProperty("field", field);
            problem.setProperty("reason", detail);
        }
        return problem;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                      String detail, String field) throws IOException {
        ProblemDetail problem = problem(status, title, detail, field);
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException e) {
            // a URL the firewall refused may not even parse as a URI; the document goes without it
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
