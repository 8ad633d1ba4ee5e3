package org.goldenthread.infra.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.goldenthread.infra.security.ActorInterceptor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the actor (dispatch) and act-counting (handler) interceptors on the command bus. */
@Configuration(proxyBeanMethods = false)
public class CommandBusInterceptors {

    @Bean
    SmartInitializingSingleton commandBusInterceptorRegistration(CommandBus commandBus, MeterRegistry registry) {
        return () -> {
            commandBus.registerDispatchInterceptor(new ActorInterceptor());
            commandBus.registerHandlerInterceptor(new ActCounter(registry));
        };
    }
}
