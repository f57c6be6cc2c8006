package org.casetimeline.api.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import org.casetimeline.api.problem.InvalidRequest;
import org.casetimeline.api.problem.NotFound;
import org.casetimeline.api.security.Reader;
import org.casetimeline.api.security.Role;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What every dashboard page knows of its reader (name, clearance, whether they may record), and refusals as
 * pages: ordered before the API's problem advice, which would answer a browser with JSON.
 */
@ControllerAdvice(basePackageClasses = DashboardPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardPages {

    private final RoleHierarchy roles;

    DashboardPages(RoleHierarchy roles) {
        this.roles = roles;
    }

    @ModelAttribute
    void reader(Authentication authentication, Model model) {
        if (authentication == null) {
            return;
        }
        Reader reader = Reader.of(authentication);
        model.addAttribute("signedIn", reader.name());
        model.addAttribute("clearance", reader.clearance());
        model.addAttribute("mayRecord", roles.getReachableGrantedAuthorities(authentication.getAuthorities()).stream()
                .anyMatch(authority -> Role.MONITOR.authority().equals(authority.getAuthority())));
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFound e, Model model) {
        model.addAttribute("problem", e.getMessage());
        return "problem";
    }

    /** With the status the API gives the same refusal (400, 422, 429...), so a script reading pages can tell them apart. */
    @ExceptionHandler(InvalidRequest.class)
    String invalid(InvalidRequest e, Model model, HttpServletResponse response) {
        response.setStatus(e.status().value());
        model.addAttribute("problem", e.field() == null ? e.getMessage() : e.field() + ": " + e.getMessage());
        return "problem";
    }
}
