package org.goldenthread.infra.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.goldenthread.infra.security.ActorInterceptor;
import org.goldenthread.infra.store.Durability;
import org.goldenthread.infra.store.ReadYourWrites;
import org.goldenthread.infra.store.Refusals;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the actor (dispatch), durability, act-counting and refusal (handler) interceptors on the command bus. */
@Configuration(proxyBeanMethods = false)
public class CommandBusInterceptors {

    @Bean
    SmartInitializingSingleton commandBusInterceptorRegistration(
            CommandBus commandBus, MeterRegistry registry, Durability durability) {
        return () -> {
            commandBus.registerHandlerInterceptor(durability.afterCommit());
            commandBus.registerHandlerInterceptor(ReadYourWrites.noteAppended());
            commandBus.registerDispatchInterceptor(new ActorInterceptor());
            commandBus.registerHandlerInterceptor(new ActCounter(registry));
            commandBus.registerHandlerInterceptor(Refusals.asDetails());
        };
    }
}
