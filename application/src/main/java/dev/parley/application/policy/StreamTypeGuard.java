package dev.parley.application.policy;

import dev.parley.incident.api.IncidentCommand;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.negotiation.api.NegotiationCommand;
import dev.parley.negotiation.api.OpenRoundCommand;
import dev.parley.shared.api.AggregateTypes;
import dev.parley.shared.api.DomainRuleException;
import dev.parley.shared.api.ErrorCode;
import dev.parley.shared.api.Fields;
import dev.parley.shared.api.ParleyCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Optional;

/**
 * Keeps a command from loading the stream of the other aggregate type under the same identifier: to a command, an
 * identifier owned by the other type is not its aggregate, so it is unknown, and it cannot be created there.
 */
public final class StreamTypeGuard implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final StreamTypes streamTypes;

    /**
     * A guard reading each identifier's owner from {@code streamTypes}.
     *
     * @param streamTypes the stream types
     */
    public StreamTypeGuard(StreamTypes streamTypes) {
        this.streamTypes = streamTypes;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof ParleyCommand command) {
            String expected = command instanceof NegotiationCommand
                    ? AggregateTypes.NEGOTIATION : AggregateTypes.BORDER_INCIDENT;
            Optional<String> owner = streamTypes.typeOf(command.aggregateId());
            if (owner.isPresent() && !owner.get().equals(expected)) {
                throw mismatch(command, owner.get());
            }
        }
        return interceptorChain.proceed();
    }

    private static DomainRuleException mismatch(ParleyCommand command, String owner) {
        String taken = command.aggregateId() + " already names a " + owner;
        if (command instanceof ReportIncidentCommand) {
            return new DomainRuleException(ErrorCode.DUPLICATE_INCIDENT, taken);
        }
        if (command instanceof OpenRoundCommand open && open.round() == 1) {
            return Fields.invalid(taken);
        }
        if (command instanceof IncidentCommand) {
            return new DomainRuleException(ErrorCode.UNKNOWN_INCIDENT, "no incident " + command.aggregateId()
                    + " was reported; " + taken);
        }
        return new DomainRuleException(ErrorCode.UNKNOWN_NEGOTIATION, "no negotiation " + command.aggregateId()
                + " exists; " + taken);
    }
}
