package io.signflow.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page a signer's link opens. It is static: its script reads the token from the address and talks
 * to {@link SignerApiController}. The token is a secret, so the page is never cached and sends no
 * referrer; the content security policy allows only our own script and styles, so text a stranger
 * typed (a contract name, a reason) can never run as script.
 */
@RestController
class SignerPageController {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private final byte[] page;

    public SignerPageController() {
        try {
            page = new ClassPathResource("signer-page/index.html").getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The signer page is missing from the build", e);
        }
    }

    /** A signer's link, or a preview link of a contract not yet created, which the page shows read-only. */
    @GetMapping({"/sign/{token}", "/sign/preview/{token}"})
    public ResponseEntity<byte[]> page(@PathVariable String token) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .body(page);
    }
}
