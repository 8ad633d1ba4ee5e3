package org.goldenthread.infra.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every API call is checked against its endpoint's {@link Access} rule, after the path ids are checked. */
@Configuration(proxyBeanMethods = false)
public class AccessConfiguration implements WebMvcConfigurer {

    private final Memberships memberships;

    public AccessConfiguration(Memberships memberships) {
        this.memberships = memberships;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ProgrammeAccess(memberships)).addPathPatterns("/api/**").order(10);
    }
}
