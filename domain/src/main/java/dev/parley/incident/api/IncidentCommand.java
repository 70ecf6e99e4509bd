package dev.parley.incident.api;

import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.ParleyCommand;

/** A command addressed to one border incident. */
public interface IncidentCommand extends ParleyCommand {

    /** @return the incident the command is addressed to */
    IncidentId incidentId();

    @Override
    default String aggregateId() {
        return incidentId().value();
    }
}
