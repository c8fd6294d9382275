package io.signflow.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signflow.common.RequestRejected;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Origins are kept as a browser compares them, so they go into frame-ancestors and postMessage as they are. */
class EmbedOriginsTest {

    @ParameterizedTest
    @CsvSource({
            "https://App.Example.com, https://app.example.com",
            "https://app.example.com:443, https://app.example.com",
            "http://127.0.0.1:8081, http://127.0.0.1:8081",
            "http://localhost:80, http://localhost",
            "' https://app.example.com ', https://app.example.com"})
    void originsAreWrittenAsBrowsersCompareThem(String given, String kept) {
        assertThat(EmbedOrigins.normalize(given)).isEqualTo(kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "https://*.example.com", "app.example.com", "ftp://app.example.com",
            "https://app.example.com/", "https://app.example.com/path", "https://app.example.com?x=1",
            "https://user@app.example.com", "https://app.example.com#top", "javascript:alert(1)",
            "https://app.example.com 'unsafe-inline'", "https://app.example.com;script-src", "'self'", ""})
    void anythingButAnOriginIsRefused(String given) {
        assertThatThrownBy(() -> EmbedOrigins.normalize(given)).isInstanceOf(RequestRejected.class);
    }
}
