package dev.parley.web.security;

import dev.parley.projections.json.ParleyJson;
import dev.parley.web.api.ApiError;
import dev.parley.web.api.RequestTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;

/**
 * Guards every request to the console: the access token when one is set (a bearer header, or the cookie a page opened
 * with {@code ?token=} leaves), the bound on request bodies, and the same-origin rule for every request that is not a
 * read, so that no other site's page can make a fork; adds the headers that keep pages from being framed or sniffed.
 */
public class ConsoleGuard extends OncePerRequestFilter {

    static final String COOKIE = "parley_console_token";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    // Charts set styles on their own elements; scripts come only from the console itself.
    private static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final byte[] token;
    private final long maxRequestBytes;

    /**
     * A guard asking for {@code token} and bounding bodies to {@code maxRequestBytes}.
     *
     * @param token           the access token every request must carry; null or empty for none
     * @param maxRequestBytes the largest request body let through, in bytes; longer ones are refused with 413
     */
    public ConsoleGuard(String token, long maxRequestBytes) {
        this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/console")) {
            response.setHeader("Content-Security-Policy", PAGE_POLICY);
        }
        if (token != null) {
            String given = READS.contains(request.getMethod()) ? request.getParameter("token") : null;
            if (given != null && matches(given)) {
                remember(request, response, given);
                return;
            }
            if (!matches(presented(request))) {
                refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED", "this console needs its "
                        + "access token: send Authorization: Bearer <token>, or open a page with ?token=<token>");
                return;
            }
        }
        if (!READS.contains(request.getMethod())) {
            String crossSite = crossSite(request);
            if (crossSite != null) {
                refuse(response, HttpServletResponse.SC_FORBIDDEN, "CROSS_ORIGIN", crossSite);
                return;
            }
            long length = request.getContentLengthLong();
            if (length > maxRequestBytes) {
                refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "TOO_LARGE",
                       new RequestTooLargeException(maxRequestBytes).getMessage());
                return;
            }
            request = new Bounded(request, maxRequestBytes);
        }
        chain.doFilter(request, response);
    }

    /** Why a request that changes something comes from another site, or null when it comes from this one. */
    static String crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return "a request from another site (Sec-Fetch-Site: " + fetchSite + ") cannot change anything here";
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return null;
        }
        try {
            URI from = URI.create(origin);
            String host = request.getHeader(HttpHeaders.HOST);
            if (from.getScheme() == null || host == null
                    || !from.getScheme().equalsIgnoreCase(request.getScheme())
                    || !authority(from).equals(host.toLowerCase(Locale.ROOT))) {
                return "a request from another origin (" + origin + ") cannot change anything here";
            }
        } catch (IllegalArgumentException unreadable) {
            return "a request from an unreadable origin cannot change anything here";
        }
        return null;
    }

    private static String authority(URI origin) {
        String host = origin.getHost() == null ? "" : origin.getHost().toLowerCase(Locale.ROOT);
        return origin.getPort() < 0 ? host : host + ":" + origin.getPort();
    }

    private boolean matches(String given) {
        return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }

    private static String presented(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (cookie.getName().equals(COOKIE)) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /** Keeps the token in a cookie no script can read and no other site's request carries; drops it from the URL. */
    private static void remember(HttpServletRequest request, HttpServletResponse response, String given) {
        ResponseCookie cookie = ResponseCookie.from(COOKIE, given).httpOnly(true).sameSite("Strict").path("/")
                .secure(request.isSecure()).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        String query = request.getQueryString();
        String url = UriComponentsBuilder.fromPath(request.getRequestURI()).query(query).replaceQueryParam("token")
                .build().toUriString();
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader(HttpHeaders.LOCATION, url);
    }

    static void refuse(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(ParleyJson.mapper().writeValueAsBytes(new ApiError(code, message)));
    }

    /** A request whose body may not run past {@code limit} bytes, whatever its headers said. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream bounded;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (bounded == null) {
                ServletInputStream body = super.getInputStream();
                bounded = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int next = body.read();
                        if (next >= 0) {
                            count(1);
                        }
                        return next;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int count = body.read(buffer, offset, length);
                        if (count > 0) {
                            count(count);
                        }
                        return count;
                    }

                    private void count(long bytes) throws RequestTooLargeException {
                        read += bytes;
                        if (read > limit) {
                            throw new RequestTooLargeException(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return body.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return body.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        body.setReadListener(listener);
                    }
                };
            }
            return bounded;
        }
    }
}
