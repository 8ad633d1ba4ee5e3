package org.goldenthread.infra.web;

import java.lang.reflect.Method;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * MVC wiring for the API: the request limits, the path-id check, and content negotiation before dispatch — a
 * handler of this package that does not say what it produces produces JSON, so a request that accepts only
 * something else (say {@code text/html}) is refused with 406 by the mapping, before any act is sent.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimits.class)
public class WebConfiguration implements WebMvcConfigurer {

    private final RequestLimits limits;

    public WebConfiguration(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PathIds(limits)).addPathPatterns("/api/**", "/app/**");
    }

    @Bean
    WebMvcRegistrations jsonByDefault() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new RequestMappingHandlerMapping() {
                    @Override
                    protected RequestMappingInfo getMappingForMethod(Method method, Class<?> handlerType) {
                        RequestMappingInfo info = super.getMappingForMethod(method, handlerType);
                        if (info == null
                                || !handlerType.getPackageName().startsWith("org.goldenthread")
                                || !info.getProducesCondition().isEmpty()) {
                            return info;
                        }
                        return info.mutate()
                                .produces(MediaType.APPLICATION_JSON_VALUE)
                                .build();
                    }
                };
            }
        };
    }
}
