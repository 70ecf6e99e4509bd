package dev.parley.application.messaging;

import dev.parley.shared.api.ParleyCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds a command's aggregate through {@link ParleyCommand#aggregateId()}, the raw value of the id its
 * {@code @TargetAggregateIdentifier} marks. Axon's annotation resolver walks the command's annotations on every
 * command (a tenth of a command's time in the profile, docs/profiles/commands.md); any other command still goes to
 * it. Parley's commands carry no expected version.
 */
public final class AggregateIdTargetResolver implements CommandTargetResolver {

    private final CommandTargetResolver annotated = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof ParleyCommand parley && parley.aggregateId() != null) {
            return new VersionedAggregateIdentifier(parley.aggregateId(), null);
        }
        return annotated.resolveTarget(command);
    }
}
