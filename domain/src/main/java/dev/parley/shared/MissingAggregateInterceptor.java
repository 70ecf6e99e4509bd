package dev.parley.shared;

import dev.parley.incident.api.IncidentCommand;
import dev.parley.negotiation.api.NegotiationCommand;
import dev.parley.shared.api.DomainRuleException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;


import static dev.parley.shared.api.ErrorCode.UNKNOWN_INCIDENT;
import static dev.parley.shared.api.ErrorCode.UNKNOWN_NEGOTIATION;

/**
 * Turns "no events for this aggregate" into the contract's {@code UNKNOWN_NEGOTIATION} or {@code UNKNOWN_INCIDENT}:
 * only the creating commands may address an aggregate that does not exist yet.
 */
public final class MissingAggregateInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (AggregateNotFoundException missing) {
            Object command = unitOfWork.getMessage().getPayload();
            if (command instanceof NegotiationCommand negotiationCommand) {
                throw new DomainRuleException(UNKNOWN_NEGOTIATION,
                                              "no negotiation " + negotiationCommand.negotiationId() + " exists");
            }
            if (command instanceof IncidentCommand incidentCommand) {
                throw new DomainRuleException(UNKNOWN_INCIDENT,
                                              "no incident " + incidentCommand.incidentId() + " was reported");
            }
            throw missing;
        }
    }
}
