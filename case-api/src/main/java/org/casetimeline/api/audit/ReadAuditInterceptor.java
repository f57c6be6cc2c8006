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

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Records every successful read of a case by a reader cleared above public: those are the reads that can reach
 * restricted or confidential facts, and auditors must be able to say who saw them.
 */
@Component
public class ReadAuditInterceptor implements HandlerInterceptor {

    private final ReadAuditLog log;
    private final Clock clock;

    public ReadAuditInterceptor(ReadAuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!"GET".equals(request.getMethod()) || response.getStatus() != 200) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (authentication == null || variables == null || !variables.containsKey("caseId")) {
            return;
        }
        Reader reader = Reader.of(authentication);
        if (reader.clearance() == Confidentiality.PUBLIC) {
            return;
        }
        try {
            log.record(reader.name(), reader.clearance().name(), UUID.fromString(variables.get("caseId")),
                    request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()),
                    clock.instant());
        } catch (IllegalArgumentException ignored) {
            // not a case id: nothing was read
        }
    }
}
