package dev.parley.shared.api;

/** Identifies one negotiation, such as {@code pak-afg-talks-2025}. */
public record NegotiationId(String value) {

    public NegotiationId {
        Fields.id(value, "negotiationId");
    }

    @Override
    public String toString() {
        return value;
    }
}
