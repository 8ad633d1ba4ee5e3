package org.goldenthread.infra.store;

import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfiguration;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.goldenthread.kernel.Refusal;

/**
 * How a refused act (a rule of the method, an unknown reference, invalid input) travels and what it leaves behind.
 *
 * <ul>
 *   <li>{@link #asDetails()}: the refusal leaves the command handler as a {@link CommandExecutionException} whose
 *       details are the {@link Refusal} — what Axon Server carries to the sender as data (it cannot carry our
 *       exception types), so a CSV import's bad lines reach the client whichever bus is used.</li>
 *   <li>{@link #rollback()}: a refusal that applied no event does not roll the unit of work back. The rules check a
 *       command completely before any event is applied, so the programme is exactly as it was; rolling back would
 *       only evict it from the aggregate cache and make the next act replay its whole history while holding the
 *       programme's lock (seconds at 24,000 events). Any other failure, or a refusal after an event was applied,
 *       rolls back as usual.</li>
 * </ul>
 */
public final class Refusals {

    private Refusals() {}

    /** The refusal an exception carries, directly or as a command's error details; null when it is none. */
    public static Refusal of(Throwable t) {
        if (t instanceof Refusal.Refused r) {
            return r.refusal();
        }
        if (t instanceof CommandExecutionException e && e.getDetails().orElse(null) instanceof Refusal r) {
            return r;
        }
        return null;
    }

    public static MessageHandlerInterceptor<CommandMessage<?>> asDetails() {
        return new AsDetails();
    }

    public static RollbackConfiguration rollback() {
        return Refusals::rollBackOn;
    }

    static boolean rollBackOn(Throwable t) {
        if (of(t) == null || !CurrentUnitOfWork.isStarted()) {
            return true;
        }
        return eventsStaged(CurrentUnitOfWork.get().root());
    }

    /** Whether any event bus has staged events in this unit of work. */
    public static boolean eventsStaged(UnitOfWork<?> unitOfWork) {
        return !stagedEvents(unitOfWork).isEmpty();
    }

    /** The events staged in this unit of work, in order (Axon's event bus keeps them as a list resource "…_EVENTS"). */
    public static List<Object> stagedEvents(UnitOfWork<?> unitOfWork) {
        List<Object> staged = new java.util.ArrayList<>();
        for (Map.Entry<String, Object> resource : unitOfWork.resources().entrySet()) {
            if (resource.getKey().endsWith("_EVENTS") && resource.getValue() instanceof List<?> events) {
                staged.addAll(events);
            }
        }
        return staged;
    }

    private static final class AsDetails implements MessageHandlerInterceptor<CommandMessage<?>> {
        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            try {
                return chain.proceed();
            } catch (RuntimeException e) {
                if (e instanceof Refusal.Refused r) {
                    throw new CommandExecutionException(e.getMessage(), null, r.refusal());
                }
                throw e;
            }
        }
    }
}
