package dev.parley.negotiation.api;

import dev.parley.shared.api.NegotiationId;
import dev.parley.shared.api.ParleyCommand;

/** A command addressed to one negotiation. */
public interface NegotiationCommand extends ParleyCommand {

    /** @return the negotiation the command is addressed to */
    NegotiationId negotiationId();

    @Override
    default String aggregateId() {
        return negotiationId().value();
    }
}
