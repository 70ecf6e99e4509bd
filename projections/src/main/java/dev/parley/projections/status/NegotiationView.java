package dev.parley.projections.status;

import dev.parley.negotiation.api.NegotiationStatus;

import java.time.Instant;
import java.util.List;

/**
 * Where one negotiation stands; its JSON keys are those of the contract.
 *
 * @param id the negotiation's id
 * @param status where the talks stand
 * @param parties the parties' codes
 * @param currentRound the number of the latest round
 * @param rounds every round, in order
 * @param frameworks every framework submitted, in order
 * @param ceasefireInForce whether a ceasefire is in force
 * @param ceasefireEffectiveFrom when the ceasefire took effect, or null without one
 * @param mediationOffers the codes of the states that offered to mediate, in order
 */
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
