package dev.parley.web.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The rule for where the console listens: anywhere but the loopback interface only with an access token. */
public final class Bind {

    private Bind() {
    }

    /**
     * Refuses to listen on {@code address} (null: every interface) without a {@code token}, unless it is a loopback
     * address.
     *
     * @param address the address to listen on, a name or IP address; null or blank for every interface
     * @param token   the access token, or null or empty for none
     * @throws IllegalStateException naming the fix, when the rule is broken
     */
    public static void requireTokenUnlessLoopback(String address, String token) {
        if (token != null && !token.isEmpty()) {
            return;
        }
        if (!isLoopback(address)) {
            throw new IllegalStateException("the console would listen on " + (address == null ? "every interface"
                    : address) + " without an access token: give one (--token or PARLEY_TOKEN; parley.web.token in "
                    + "an application), or listen on 127.0.0.1 only");
        }
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            InetAddress[] all = InetAddress.getAllByName(address.strip());
            for (InetAddress one : all) {
                if (!one.isLoopbackAddress()) {
                    return false;
                }
            }
            return all.length > 0;
        } catch (UnknownHostException unknown) {
            return false;
        }
    }
}
