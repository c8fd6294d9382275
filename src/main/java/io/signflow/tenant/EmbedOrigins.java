package io.signflow.tenant;

import io.signflow.common.RequestRejected;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The web origins allowed to show an organization's signer pages in a frame (table {@code embed_origin}).
 * An origin is what a browser compares: scheme, host and port, written {@code https://app.example.com}
 * or {@code http://127.0.0.1:8081}; nothing else (no path, wildcard or {@code *}), so that the list can go
 * into a {@code frame-ancestors} directive and serve as {@code postMessage} target origins as it is.
 */
@Repository
public class EmbedOrigins {

    /** More would make a header no browser needs; an organization embeds in a few applications. */
    static final int MAX = 20;
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    private final JdbcClient jdbc;
    private final OrganizationRepository organizations;

    public EmbedOrigins(JdbcClient jdbc, OrganizationRepository organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    /** The organization's allowed origins, sorted; empty when its pages may not be framed. */
    public List<String> of(String organizationId) {
        return jdbc.sql("select origin from embed_origin where organization_id = ? order by origin")
                .param(organizationId).query(String.class).list();
    }

    /** Replaces the organization's origins with {@code origins} (each checked and normalized); returns them. */
    @Transactional
    public List<String> replace(String organizationId, List<String> origins) {
        organizations.find(organizationId)
                .orElseThrow(() -> RequestRejected.notFound("No organization " + organizationId));
        Set<String> normalized = new LinkedHashSet<>();
        for (String origin : origins == null ? List.<String>of() : origins) {
            normalized.add(normalize(origin));
        }
        if (normalized.size() > MAX) {
            throw RequestRejected.badRequest("At most " + MAX + " origins may frame the signer pages.");
        }
        jdbc.sql("delete from embed_origin where organization_id = ?").param(organizationId).update();
        for (String origin : normalized) {
            jdbc.sql("insert into embed_origin (organization_id, origin) values (?, ?)")
                    .params(organizationId, origin).update();
        }
        return of(organizationId);
    }

    /** {@code scheme://host[:port]} with http or https, lower case, the default port left out. */
    static String normalize(String origin) {
        String refused = "Not an origin: " + origin + ". Give scheme, host and optional port, "
                + "e.g. https://app.example.com or http://127.0.0.1:8081.";
        if (origin == null || origin.length() > 200) {
            throw RequestRejected.badRequest(refused);
        }
        URI uri;
        try {
            uri = new URI(origin.trim());
        } catch (URISyntaxException e) {
            throw RequestRejected.badRequest(refused);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!(scheme.equals("http") || scheme.equals("https")) || !bare || !HOST.matcher(host).matches()) {
            throw RequestRejected.badRequest(refused);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        List<String> parts = new ArrayList<>(List.of(scheme, "://", host));
        if (!defaultPort) {
            parts.add(":" + port);
        }
        return String.join("", parts);
    }
}
