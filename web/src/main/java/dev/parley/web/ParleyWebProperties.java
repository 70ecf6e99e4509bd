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

    /** @return whether the guard covers every path and unknown paths under {@code /api} answer a JSON 404 */
    public boolean isGuardAll() {
        return guardAll;
    }

    /** @param guardAll whether the server is the console's alone, as in {@code parley serve} */
    public void setGuardAll(boolean guardAll) {
        this.guardAll = guardAll;
    }

    /** @return whether the console and its JSON API are served */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled whether to serve the console and its JSON API */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return the access token every request must carry, or null or empty for none */
    public String getToken() {
        return token;
    }

    /** @param token the access token every request must carry; null or empty for none */
    public void setToken(String token) {
        this.token = token;
    }

    /** @return the largest request body accepted, in bytes */
    public long getMaxRequestBytes() {
        return maxRequestBytes;
    }

    /** @param maxRequestBytes the largest request body accepted, in bytes */
    public void setMaxRequestBytes(long maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    /** @return the most commands one fork runs */
    public int getMaxForkCommands() {
        return maxForkCommands;
    }

    /** @param maxForkCommands the most commands one fork runs */
    public void setMaxForkCommands(int maxForkCommands) {
        this.maxForkCommands = maxForkCommands;
    }

    /** @return how many forks may run at once */
    public int getMaxConcurrentForks() {
        return maxConcurrentForks;
    }

    /** @param maxConcurrentForks how many forks may run at once; more are refused with 429 */
    public void setMaxConcurrentForks(int maxConcurrentForks) {
        this.maxConcurrentForks = maxConcurrentForks;
    }

    /** @return the largest page of an audit trail */
    public int getMaxPageSize() {
        return maxPageSize;
    }

    /** @param maxPageSize the largest page of an audit trail */
    public void setMaxPageSize(int maxPageSize) {
        this.maxPageSize = maxPageSize;
    }

    /** @return how long a query waits for the read models to catch up before answering 503 */
    public Duration getCatchUp() {
        return catchUp;
    }

    /** @param catchUp how long a query waits for the read models to catch up before answering 503 */
    public void setCatchUp(Duration catchUp) {
        this.catchUp = catchUp;
    }
}
