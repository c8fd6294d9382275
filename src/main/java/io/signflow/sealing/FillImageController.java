package io.signflow.sealing;

import io.signflow.common.RequestRejected;
import io.signflow.document.FileRepository;
import io.signflow.document.FileResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Serves images filled into contracts behind the signed links of DescribeFlowComponents: 403 forged, 410 expired. */
@RestController
class FillImageController {

    private final DownloadLinks links;
    private final FileRepository files;

    FillImageController(DownloadLinks links, FileRepository files) {
        this.links = links;
        this.files = files;
    }

    @GetMapping("/files/images/{fileId}")
    public ResponseEntity<byte[]> image(@PathVariable String fileId, @RequestParam long expires,
                                        @RequestParam String signature) {
        switch (links.checkFillImage(fileId, expires, signature)) {
            case FORGED -> throw new RequestRejected(HttpStatus.FORBIDDEN, "This link is not valid.");
            case EXPIRED -> throw new RequestRejected(HttpStatus.GONE,
                    "This link has expired; ask for a new one with DescribeFlowComponents.");
            case VALID -> { }
        }
        FileResource file = files.find(fileId).filter(f -> !f.isPdf())
                .orElseThrow(() -> RequestRejected.notFound("No such image."));
        return ResponseEntity.ok()
                .contentType("png".equals(file.fileType()) ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.noStore())
                .body(files.content(fileId));
    }
}
