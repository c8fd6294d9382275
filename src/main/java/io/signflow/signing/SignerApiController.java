package io.signflow.signing;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signer page's JSON API. The token in the path is the only credential: every request checks it,
 * and answers for one signer of one group only. Refusals are problem JSON with a message to show.
 */
@RestController
@RequestMapping("/sign/api/{token}")
class SignerApiController {

    private final SigningService signing;
    private final CodeSender codes;
    private final SignerPages pages;

    SignerApiController(SigningService signing, CodeSender codes, SignerPages pages) {
        this.signing = signing;
        this.codes = codes;
        this.pages = pages;
    }

    @GetMapping
    public ResponseEntity<SignerView> view(@PathVariable String token, HttpServletRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(signing.view(token, client(request)));
    }

    @PostMapping("/code")
    public CodeSender.CodeSent sendCode(@PathVariable String token, HttpServletRequest request) {
        return codes.send(token, client(request));
    }

    @PostMapping("/sign")
    public SignerView sign(@PathVariable String token, @RequestBody SigningService.SignRequest body,
                           HttpServletRequest request) {
        return signing.sign(token, body, client(request));
    }

    /** A code to view contracts that ask for one before they are shown. */
    record ViewRequest(String code) {
    }

    @PostMapping("/view")
    public SignerView verifyToView(@PathVariable String token, @RequestBody ViewRequest body,
                                   HttpServletRequest request) {
        return signing.verifyToView(token, body.code(), client(request));
    }

    @PostMapping("/reject")
    public SignerView reject(@PathVariable String token, @RequestBody SigningService.RejectRequest body,
                             HttpServletRequest request) {
        return signing.reject(token, body, client(request));
    }

    @GetMapping(value = "/flows/{flowId}/files/{fileIndex}/pages/{page}.png", produces = MediaType.IMAGE_PNG_VALUE)
    public ResponseEntity<byte[]> page(@PathVariable String token, @PathVariable String flowId,
                                       @PathVariable int fileIndex, @PathVariable int page) {
        if (fileIndex != 0) {
            throw io.signflow.common.RequestRejected.notFound("Each contract has one file, index 0.");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noCache().cachePrivate())
                .contentType(MediaType.IMAGE_PNG).body(pages.png(token, flowId, page));
    }

    static SigningService.Client client(HttpServletRequest request) {
        return new SigningService.Client(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
