package io.signflow.signing;

import io.signflow.common.RequestRejected;
import io.signflow.document.FileRepository;
import io.signflow.document.PageRenderer;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read-only JSON API of a preview link (the page itself is the signer page): the view and the
 * pictures of the file's pages, while the link lasts. Nothing here changes anything.
 */
@RestController
@RequestMapping("/sign/preview-api/{token}")
class PreviewController {

    private final ContractPreviews previews;
    private final FileRepository files;
    private final PageRenderer renderer;

    PreviewController(ContractPreviews previews, FileRepository files, PageRenderer renderer) {
        this.previews = previews;
        this.files = files;
        this.renderer = renderer;
    }

    @GetMapping
    public ResponseEntity<byte[]> view(@PathVariable String token) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
                .body(preview(token).content());
    }

    @GetMapping(value = "/flows/{flowId}/files/{fileIndex}/pages/{page}.png", produces = MediaType.IMAGE_PNG_VALUE)
    public ResponseEntity<byte[]> page(@PathVariable String token, @PathVariable int fileIndex, @PathVariable int page) {
        if (fileIndex != 0) {
            throw RequestRejected.notFound("Each contract has one file, index 0.");
        }
        String fileId = preview(token).fileId();
        int pages = files.pages(List.of(fileId)).get(fileId).size();
        if (page < 1 || page > pages) {
            throw RequestRejected.notFound("The contract has " + pages + " pages.");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG)
                .body(renderer.png(fileId, page));
    }

    private ContractPreviews.Preview preview(String token) {
        return previews.find(token).orElseThrow(() -> RequestRejected.notFound("This preview link is not valid or has "
                + "expired; previews last " + ContractPreviews.TTL.toSeconds() + " seconds."));
    }
}
