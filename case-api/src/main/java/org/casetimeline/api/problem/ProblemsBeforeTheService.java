package org.casetimeline.api.problem;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests refused before a controller runs get problem documents too: those Tomcat refuses (see
 * {@link ProblemReportValve}) and those Spring Security's firewall refuses (a CR or LF, a NUL, a "../" in the URL).
 */
@Configuration(proxyBeanMethods = false)
public class ProblemsBeforeTheService {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    @Bean
    RequestRejectedHandler firewallRefusals(ProblemWriter problems) {
        return (request, response, rejected) -> problems.write(request, response, HttpStatus.BAD_REQUEST,
                "Invalid request", "The request URL contains characters or sequences that are not allowed.", "path");
    }
}
