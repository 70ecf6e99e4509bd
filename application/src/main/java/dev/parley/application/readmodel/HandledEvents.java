package dev.parley.application.readmodel;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.concurrent.atomic.AtomicLong;

/** Counts the events a read model's processor hands to its projection. */
public final class HandledEvents implements MessageHandlerInterceptor<EventMessage<?>> {

    private final AtomicLong count = new AtomicLong();

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Object result = interceptorChain.proceed();
        count.incrementAndGet();
        return result;
    }

    /**
     * How many events were handled so far.
     *
     * @return the count
     */
    public long count() {
        return count.get();
    }
}
