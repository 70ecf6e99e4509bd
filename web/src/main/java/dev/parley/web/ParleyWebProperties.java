package dev.parley.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** {@code parley.web.*}: the console's switch, its access token and its bounds. */
@ConfigurationProperties("parley.web")
public class ParleyWebProperties {

    /** Whether to serve the console and its JSON API (off unless asked). */
    private boolean enabled;

    /**
     * The access token every request must carry (header {@code Authorization: Bearer <token>}, or the console's
     * cookie once a page was opened with {@code ?token=<token>}); none when empty.
     */
    private String token;

    /** The largest request body accepted, in bytes. */
    private long maxRequestBytes = 1024 * 1024;

    /** The most commands one fork runs. */
    private int maxForkCommands = 1000;

    /** How many forks may run at once; more are refused with 429. */
    private int maxConcurrentForks = 2;

    /** The largest page of an audit trail. */
    private int maxPageSize = 1000;

    /** How long a query waits for the read models to catch up with the record before answering 503. */
    private Duration catchUp = Duration.ofSeconds(30);

    /**
     * Whether the server is the console's alone (as in {@code parley serve}): the guard then covers every path, and
     * unknown paths under {@code /api} answer a JSON 404; in an application only the console's own paths.
     */
    private boolean guardAll;

    public boolean isGuardAll() {
        return guardAll;
    }

    public void setGuardAll(boolean guardAll) {
        this.guardAll = guardAll;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public long getMaxRequestBytes() {
        return maxRequestBytes;
    }

    public void setMaxRequestBytes(long maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    public int getMaxForkCommands() {
        return maxForkCommands;
    }

    public void setMaxForkCommands(int maxForkCommands) {
        this.maxForkCommands = maxForkCommands;
    }

    public int getMaxConcurrentForks() {
        return maxConcurrentForks;
    }

    public void setMaxConcurrentForks(int maxConcurrentForks) {
        this.maxConcurrentForks = maxConcurrentForks;
    }

    public int getMaxPageSize() {
        return maxPageSize;
    }

    public void setMaxPageSize(int maxPageSize) {
        this.maxPageSize = maxPageSize;
    }

    public Duration getCatchUp() {
        return catchUp;
    }

    public void setCatchUp(Duration catchUp) {
        this.catchUp = catchUp;
    }
}
