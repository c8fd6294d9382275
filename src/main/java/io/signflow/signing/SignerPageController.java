package io.signflow.signing;

import io.signflow.flowgroup.FlowGroupRepository;
import io.signflow.flowgroup.FlowGroupSummary;
import io.signflow.tenant.EmbedOrigins;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The page a signer's link opens. Its script reads the token from the address and talks to
 * {@link SignerApiController}. The token is a secret, so the page is never cached and sends no
 * referrer; the content security policy allows only our own script and styles, so text a stranger
 * typed (a contract name, a reason) can never run as script.
 * <p>
 * Framing: only the origins the contracts' initiating organization allowed ({@link EmbedOrigins}) may
 * show the page in a frame ({@code frame-ancestors}); with none, or for a token we never issued,
 * nobody may ({@code 'none'} and {@code X-Frame-Options: DENY}). The same origins are written into the
 * page, which posts its events to them and to nothing else. An expired link still knows its owner,
 * so an embedding application learns that the link expired instead of seeing a refused frame.
 */
@RestController
class SignerPageController {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors ";
    static final String ORIGINS_PLACEHOLDER = "<meta name=\"signflow-embed-origins\" content=\"\">";
    private final String page;
    private final SignLinks links;
    private final SignerQueries signers;
    private final FlowGroupRepository groups;
    private final EmbedOrigins embedOrigins;

    public SignerPageController(SignLinks links, SignerQueries signers, FlowGroupRepository groups,
                                EmbedOrigins embedOrigins) {
        this.links = links;
        this.signers = signers;
        this.groups = groups;
        this.embedOrigins = embedOrigins;
        try {
            page = new ClassPathResource("signer-page/index.html").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The signer page is missing from the build", e);
        }
        if (!page.contains(ORIGINS_PLACEHOLDER)) {
            throw new IllegalStateException("The signer page lacks the embedding origins' meta element");
        }
    }

    /**
     * A signer's link, or a preview link of a contract not yet created, which the page shows read-only;
     * framed only by the origins the contracts' organization allows (none for a preview).
     */
    @GetMapping({"/sign/{token}", "/sign/preview/{token}"})
    public ResponseEntity<String> page(@PathVariable String token) {
        List<String> origins = allowedOrigins(token);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY
                        + (origins.isEmpty() ? "'none'" : String.join(" ", origins)))
                .header("Referrer-Policy", "no-referrer");
        if (origins.isEmpty()) {
            response.header("X-Frame-Options", "DENY");
        }
        return response.body(page.replace(ORIGINS_PLACEHOLDER, "<meta name=\"signflow-embed-origins\" content=\""
                + HtmlUtils.htmlEscape(String.join(" ", origins)) + "\">"));
    }

    private List<String> allowedOrigins(String token) {
        return links.find(token).flatMap(link -> signers.signer(link.signerId()))
                .flatMap(signer -> groups.find(signer.groupId())).map(FlowGroupSummary::organizationId)
                .map(embedOrigins::of).orElse(List.of());
    }
}
