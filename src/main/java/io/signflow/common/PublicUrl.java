package io.signflow.common;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The address people reach this service at, for the links we send them: {@code SIGNFLOW_PUBLIC_URL},
 * or http://localhost:&lt;port&gt; when it is not set.
 */
@Component
public class PublicUrl {

    private final String configured;
    private volatile String base;

    public PublicUrl(@Value("${signflow.public-url:}") String configured) {
        this.configured = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        this.base = this.configured;
    }

    @EventListener
    void onServerStarted(WebServerInitializedEvent event) {
        // the main server has no namespace; the management server, if separate, is "management"
        if (configured.isBlank() && event.getApplicationContext().getServerNamespace() == null) {
            base = "http://localhost:" + event.getWebServer().getPort();
        }
    }

    public String resolve(String path) {
        return base + path;
    }
}
