package dev.parley.application.storage;

import java.util.Locale;
import java.util.Set;

/**
 * Which store URLs are safe to open when they come from a command line or the environment. A JDBC URL is more than
 * an address: H2 reads settings after {@code ;} that run SQL when the database opens ({@code INIT=RUNSCRIPT FROM
 * 'evil.sql'}), load Java classes by name, or write files; the PostgreSQL driver takes classes to instantiate from
 * URL parameters. H2 URLs may carry only the settings listed here, matched case-insensitively; PostgreSQL URLs may
 * carry none of the parameters that name a class or a file to write. Everything else is refused unless the user
 * explicitly allows it.
 */
public final class StoreUrls {

    /** H2 settings that only tune how the database is opened, locked and cached, and run nothing. */
    private static final Set<String> H2_SETTINGS = Set.of(
            "ACCESS_MODE_DATA", "AUTO_RECONNECT", "AUTO_SERVER", "AUTO_SERVER_PORT", "CACHE_SIZE",
            "CASE_INSENSITIVE_IDENTIFIERS", "DATABASE_TO_LOWER", "DATABASE_TO_UPPER", "DB_CLOSE_DELAY",
            "DB_CLOSE_ON_EXIT", "DEFAULT_LOCK_TIMEOUT", "DEFAULT_NULL_ORDERING", "FILE_LOCK", "FORBID_CREATION",
            "IFEXISTS", "IGNORECASE", "LOCK_MODE", "LOCK_TIMEOUT", "MAX_COMPACT_TIME", "MAX_MEMORY_ROWS", "MODE",
            "NON_KEYWORDS", "PASSWORD", "QUERY_CACHE_SIZE", "QUERY_TIMEOUT", "RETENTION_TIME", "TRACE_LEVEL_FILE",
            "TRACE_LEVEL_SYSTEM_OUT", "USER", "WRITE_DELAY");

    /** PostgreSQL driver parameters that name a class to instantiate or a file to write. */
    private static final Set<String> POSTGRES_UNSAFE = Set.of(
            "authenticationpluginclassname", "loggerfile", "socketfactory", "socketfactoryarg", "sslfactory",
            "sslfactoryarg", "sslhostnameverifier", "sslpasswordcallback");

    private StoreUrls() {
    }

    /**
     * Refuses a URL that is empty or carries a setting that could run code or write files.
     *
     * @param url         the JDBC URL
     * @param allowUnsafe the user asked for such settings explicitly
     * @throws StoreUnusableException naming the first setting refused
     */
    public static void requireSafe(String url, boolean allowUnsafe) {
        if (url.isBlank()) {
            throw new StoreUnusableException("the store URL is empty: give a JDBC URL with --store or PARLEY_STORE,"
                                                     + " or set neither to use " + Store.DEFAULT_URL, null);
        }
        if (allowUnsafe) {
            return;
        }
        String unsafe = null;
        if (url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())) {
            unsafe = firstUnsafeH2Setting(url);
        } else if (url.regionMatches(true, 0, "jdbc:postgresql:", 0, "jdbc:postgresql:".length())) {
            unsafe = firstUnsafePostgresParameter(url);
        }
        if (unsafe != null) {
            throw new StoreUnusableException("refusing the store URL: its setting " + unsafe + " could run code or "
                                                     + "write files when the store opens; remove it, or pass "
                                                     + "--allow-unsafe-store-settings if you trust it", null);
        }
    }

    private static String firstUnsafeH2Setting(String url) {
        String[] parts = url.split(";", -1);
        for (int index = 1; index < parts.length; index++) {
            String setting = parts[index].strip();
            if (setting.isEmpty()) {
                continue;
            }
            int equals = setting.indexOf('=');
            String name = (equals < 0 ? setting : setting.substring(0, equals)).strip().toUpperCase(Locale.ROOT);
            // A value may itself hold "\;" to smuggle a further setting past a naive split: it lands here as a
            // part of its own, and a part that is no known NAME=VALUE is refused.
            if (equals < 0 || !H2_SETTINGS.contains(name)) {
                return name.isEmpty() ? setting : name;
            }
        }
        return null;
    }

    private static String firstUnsafePostgresParameter(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String parameter : url.substring(query + 1).split("&")) {
            int equals = parameter.indexOf('=');
            String name = java.net.URLDecoder.decode(equals < 0 ? parameter : parameter.substring(0, equals),
                                                     java.nio.charset.StandardCharsets.UTF_8);
            if (POSTGRES_UNSAFE.contains(name.strip().toLowerCase(Locale.ROOT))) {
                return name;
            }
        }
        return null;
    }
}
