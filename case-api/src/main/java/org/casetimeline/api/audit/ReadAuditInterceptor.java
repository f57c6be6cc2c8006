package org.casetimeline.api.audit;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.casetimeline.api.security.Reader;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.projections.audit.ReadAuditLog;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Records every read by a reader cleared above public of what can show a case's facts: those are the reads that can
 * reach restricted or confidential facts, and auditors must be able to say who saw them. A read is recorded before it
 * is answered, so that none is answered unrecorded: should the trail not take it, the request fails. A read of one
 * case names it (in the path or as {@code caseId}); a read across cases is recorded without one.
 */
@Component
public class ReadAuditInterceptor implements HandlerInterceptor {

    private static final String ONE_CASE_BY_PARAMETER = "/api/v1/exports/events";

    private final ReadAuditLog log;
    private final Clock clock;

    public ReadAuditInterceptor(ReadAuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // a streamed answer (the audit stream, the flags' event stream) comes back through here when it ends: it was
        // recorded when it was asked for
        if (!"GET".equals(request.getMethod()) || request.getDispatcherType() != DispatcherType.REQUEST) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return true;
        }
        Reader reader = Reader.of(authentication);
        if (reader.clearance() == Confidentiality.PUBLIC) {
            return true;
        }
        log.record(reader.name(), reader.clearance().name(), caseRead(request),
                request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()),
                clock.instant());
        return true;
    }

    /**
     * The case a read names in its path, or as {@code caseId} on the one route that reads a single case by it (an
     * export of its events); null for a read across cases (or of no valid id). A {@code caseId} added to a route that
     * ignores it must not file a read of every case under one.
     */
    private static UUID caseRead(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String caseId = variables != null && variables.containsKey("caseId") ? variables.get("caseId")
                : ONE_CASE_BY_PARAMETER.equals(request.getRequestURI()) ? request.getParameter("caseId") : null;
        try {
            return caseId == null ? null : UUID.fromString(caseId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
