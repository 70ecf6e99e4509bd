package dev.parley.application.messaging;

import dev.parley.shared.api.Fields;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Gives every command sent through a gateway an {@code actor}, so no stored event says {@code "actor": null}. An
 * actor the command carries already, given by its sender or carried over from the event that caused it, is kept.
 */
public final class ActorInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final ActorProvider actors;

    /**
     * Gives commands the actor of {@code actors}.
     *
     * @param actors who is acting
     */
    public ActorInterceptor(ActorProvider actors) {
        this.actors = actors.orElse(ActorProvider.operatingSystemUser());
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (command.getMetaData().get(Provenance.ACTOR) != null) {
                return command;
            }
            return command.andMetaData(Provenance.enteredBy(Fields.text(actors.currentActor(), Provenance.ACTOR)));
        };
    }
}
