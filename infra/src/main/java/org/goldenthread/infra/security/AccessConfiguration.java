package org.goldenthread.infra.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every API call is checked against its endpoint's {@link Access} rule, after the path ids are checked. */
@Configuration(proxyBeanMethods = false)
public class AccessConfiguration implements WebMvcConfigurer {

    private final ProgrammeAccess access;

    public AccessConfiguration(Memberships memberships) {
        this.access = new ProgrammeAccess(memberships);
    }

    /** The check itself, for what outlives a request (live boards). */
    @org.springframework.context.annotation.Bean
    ProgrammeAccess programmeAccess() {
        return access;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(access)
                .addPathPatterns("/api/**", "/app", "/app/**")
                .order(10);
    }
}
