package dev.parley.application.messaging;

/**
 * Who is sending the current command, recorded as the {@code actor} of its events. Parley asks the provider only
 * when the command does not name its actor already (a command-file line with {@code actor}, or metadata from
 * {@link Provenance#enteredBy(String)}). The CLI uses the operating-system user; in a Spring Boot application it is
 * the authenticated Spring Security principal when there is one; an application may declare its own.
 */
@FunctionalInterface
public interface ActorProvider {

    /**
     * The actor of a command sent now on this thread, or null when this provider cannot tell.
     *
     * @return the actor, or null
     */
    String currentActor();

    /**
     * The operating-system user running this process.
     *
     * @return the provider
     */
    static ActorProvider operatingSystemUser() {
        return Provenance::defaultActor;
    }

    /**
     * This provider's actor, else {@code fallback}'s.
     *
     * @param fallback asked when this provider gives no actor, or a blank one
     * @return the combined provider
     */
    default ActorProvider orElse(ActorProvider fallback) {
        return () -> {
            String actor = currentActor();
            return actor != null && !actor.isBlank() ? actor : fallback.currentActor();
        };
    }
}
