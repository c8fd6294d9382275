package io.signflow.signing;

import io.signflow.common.RequestRejected;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signer page's uploads for ATTACHMENT controls ({@link SignerAttachments}). The image is the raw
 * request body, its name the percent-encoded {@code X-File-Name} header. An image is sent back only to
 * its signer, typed as the image it was checked to be, neither sniffed nor kept by the browser.
 */
@RestController
@RequestMapping("/sign/api/{token}/fields/{componentId}/attachments")
class SignerAttachmentController {

    private final SignerAttachments attachments;

    SignerAttachmentController(SignerAttachments attachments) {
        this.attachments = attachments;
    }

    @PostMapping
    public ResponseEntity<SignerAttachments.Uploaded> upload(@PathVariable String token, @PathVariable long componentId,
                                                             @RequestHeader(value = "X-File-Name", required = false)
                                                             String fileName, HttpServletRequest request) {
        byte[] content = body(request, attachments.maxBytes());
        String name = decoded(fileName);
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(attachments.upload(token, componentId, name, content));
    }

    @GetMapping("/{attachmentId}")
    public ResponseEntity<byte[]> image(@PathVariable String token, @PathVariable long componentId,
                                        @PathVariable String attachmentId) {
        SignerAttachments.Image image = attachments.image(token, componentId, attachmentId);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .contentType(MediaType.parseMediaType(image.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .body(image.content());
    }

    @DeleteMapping("/{attachmentId}")
    public ResponseEntity<Void> remove(@PathVariable String token, @PathVariable long componentId,
                                       @PathVariable String attachmentId) {
        attachments.remove(token, componentId, attachmentId);
        return ResponseEntity.noContent().build();
    }

    /** The body, read no further than the limit allows: a larger upload is refused before it is all read. */
    private static byte[] body(HttpServletRequest request, long limit) {
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (content.length > limit) {
                throw tooLarge(limit);
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name as the page encoded it; a name that does not decode is left out, and the image named plainly. */
    private static String decoded(String fileName) {
        try {
            return fileName == null ? null : URLDecoder.decode(fileName, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static RequestRejected tooLarge(long limit) {
        return new RequestRejected(HttpStatus.PAYLOAD_TOO_LARGE, "An image may have at most " + limit + " bytes.");
    }
}
