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
 * and answers for one signer of one group only — or, for a copied party's read-only link, shows the
 * contracts they are copied on and refuses every action. Refusals are problem JSON with a message to show.
 */
@RestController
@RequestMapping("/sign/api/{token}")
class SignerApiController {

    private final SigningService signing;
    private final CodeSender codes;
    private final SignerPages pages;
    private final ReadOnlyViews readOnly;

    SignerApiController(SigningService signing, CodeSender codes, SignerPages pages, ReadOnlyViews readOnly) {
        this.signing = signing;
        this.codes = codes;
        this.pages = pages;
        this.readOnly = readOnly;
    }

    @GetMapping
    public ResponseEntity<Object> view(@PathVariable String token, HttpServletRequest request) {
        Object view = readOnly.isReadLink(token) ? readOnly.view(token, client(request))
                : signing.view(token, client(request));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view);
    }

    @PostMapping("/code")
    public CodeSender.CodeSent sendCode(@PathVariable String token, HttpServletRequest request) {
        readOnly.refuseActions(token);
        return codes.send(token, client(request));
    }

    @PostMapping("/sign")
    public SignerView sign(@PathVariable String token, @RequestBody SigningService.SignRequest body,
                           HttpServletRequest request) {
        readOnly.refuseActions(token);
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
        readOnly.refuseActions(token);
        return signing.reject(token, body, client(request));
    }

    @GetMapping(value = "/flows/{flowId}/files/{fileIndex}/pages/{page}.png", produces = MediaType.IMAGE_PNG_VALUE)
    public ResponseEntity<byte[]> page(@PathVariable String token, @PathVariable String flowId,
                                       @PathVariable int fileIndex, @PathVariable int page) {
        if (fileIndex != 0) {
            throw io.signflow.common.RequestRejected.notFound("Each contract has one file, index 0.");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noCache().cachePrivate())
                .contentType(MediaType.IMAGE_PNG).body(readOnly.isReadLink(token) ? readOnly.png(token, flowId, page)
                        : pages.png(token, flowId, page));
    }

    static SigningService.Client client(HttpServletRequest request) {
        return new SigningService.Client(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
