package dev.parley.application.policy;

import dev.parley.incident.api.DeclareCeasefireCommand;
import dev.parley.negotiation.api.CeasefireDeclaredEvent;
import dev.parley.shared.api.DomainRuleException;
import dev.parley.shared.api.ErrorCode;
import dev.parley.shared.api.IncidentId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process rule of the contract: a ceasefire declared in a negotiation puts every incident it covers under the
 * same ceasefire (the negotiation has checked that each exists and had begun by then). It runs on a subscribing processor, inside the unit of work of the negotiation's command, so the
 * incidents are under ceasefire before the next command is handled, and commit or roll back with it. An incident
 * already under a ceasefire keeps its own.
 */
@ProcessingGroup(CeasefirePropagation.PROCESSING_GROUP)
public class CeasefirePropagation {

    /** The processing group of the rule's subscribing processor. */
    public static final String PROCESSING_GROUP = "ceasefire-propagation";

    private static final Logger logger = LoggerFactory.getLogger(CeasefirePropagation.class);

    private final CommandGateway commands;

    /**
     * The rule, sending its commands through {@code commands}.
     *
     * @param commands the command gateway
     */
    public CeasefirePropagation(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(CeasefireDeclaredEvent ceasefire) {
        for (IncidentId incident : ceasefire.coversIncidents()) {
            try {
                commands.sendAndWait(new DeclareCeasefireCommand(incident, ceasefire.effectiveFrom(),
                                                                 ceasefire.negotiationId(), ceasefire.occurredAt(),
                                                                 ceasefire.source()));
            } catch (DomainRuleException refused) {
                if (refused.code() != ErrorCode.CEASEFIRE_ALREADY_IN_FORCE) {
                    throw refused;
                }
                logger.info("Ceasefire of {} not applied to incident {}: {} {}", ceasefire.negotiationId(), incident,
                            refused.code(), refused.getMessage());
            }
        }
    }
}
