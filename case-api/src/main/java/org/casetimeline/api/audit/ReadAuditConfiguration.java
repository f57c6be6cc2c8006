package org.casetimeline.api.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the read audit on every read of the API and the dashboard that can show a case. */
@Configuration(proxyBeanMethods = false)
public class ReadAuditConfiguration implements WebMvcConfigurer {

    private final ReadAuditInterceptor interceptor;

    public ReadAuditConfiguration(ReadAuditInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // every route that answers with a case's facts, findings or status, alone or among others
        registry.addInterceptor(interceptor).addPathPatterns("/api/v1/cases", "/api/v1/cases/**", "/api/v1/exports/**",
                "/api/v1/audit/events", "/api/v1/flags", "/api/v1/flags/**", "/api/v1/facilities/*", "/", "/flags",
                "/cases/**", "/facilities/*");
    }
}
