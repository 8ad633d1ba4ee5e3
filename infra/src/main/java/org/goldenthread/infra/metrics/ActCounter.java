package org.goldenthread.infra.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.goldenthread.infra.store.Refusals;

/**
 * Counts workshop acts by kind and outcome: {@code
 * goldenthread_acts_total{act="CastVote",outcome="done|refused|failed"}}: refused is a
 * refusal of the method (400/404/409), failed anything else.
 */
public class ActCounter implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final MeterRegistry registry;

    public ActCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String act = unitOfWork.getMessage().getPayloadType().getSimpleName();
        try {
            Object result = chain.proceed();
            unitOfWork.afterCommit(u -> counter(act, "done").increment());
            return result;
        } catch (Exception e) {
            counter(act, Refusals.of(e) != null ? "refused" : "failed").increment();
            throw e;
        }
    }

    private Counter counter(String act, String outcome) {
        return Counter.builder("goldenthread.acts")
                .description("Workshop acts handled, by act and outcome")
                .tag("act", act)
                .tag("outcome", outcome)
                .register(registry);
    }
}
