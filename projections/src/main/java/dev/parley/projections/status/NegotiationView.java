package dev.parley.projections.status;

import dev.parley.negotiation.api.NegotiationStatus;

import java.time.Instant;
import java.util.List;

/** Where one negotiation stands; its JSON keys are those of the contract. */
public record NegotiationView(String id,
                              NegotiationStatus status,
                              List<String> parties,
                              int currentRound,
                              List<RoundView> rounds,
                              List<FrameworkView> frameworks,
                              boolean ceasefireInForce,
                              Instant ceasefireEffectiveFrom,
                              List<String> mediationOffers) {
}
