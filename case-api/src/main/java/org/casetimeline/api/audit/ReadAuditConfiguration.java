package org.casetimeline.api.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the read audit on every case read of the API and the dashboard. */
@Configuration(proxyBeanMethods = false)
public class ReadAuditConfiguration implements WebMvcConfigurer {

    private final ReadAuditInterceptor interceptor;

    public ReadAuditConfiguration(ReadAuditInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor).addPathPatterns("/api/v1/cases/*", "/api/v1/cases/*/**", "/cases/*", "/cases/*/**");
    }
}
