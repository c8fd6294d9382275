package io.signflow.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signflow.common.RequestRejected;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What a signer may upload for an ATTACHMENT, and the name it is listed under. */
class AttachmentImagesTest {

    private static byte[] image(String format, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    @Test
    void pngAndJpegImagesAreTakenForWhatTheyAre() throws IOException {
        assertThat(AttachmentImages.check(image("png", 40, 30), 10_000)).isEqualTo("image/png");
        assertThat(AttachmentImages.check(image("jpg", 40, 30), 10_000)).isEqualTo("image/jpeg");
    }

    @Test
    void anythingElseIsRefused() throws IOException {
        byte[] png = image("png", 40, 30);
        assertThatThrownBy(() -> AttachmentImages.check("%PDF-1.7".getBytes(), 10_000))
                .isInstanceOf(RequestRejected.class);
        assertThatThrownBy(() -> AttachmentImages.check(Arrays.copyOf(png, 30), 10_000))
                .isInstanceOf(RequestRejected.class);
        assertThatThrownBy(() -> AttachmentImages.check(image("gif", 40, 30), 10_000))
                .isInstanceOf(RequestRejected.class);
        assertThatThrownBy(() -> AttachmentImages.check(png, 1_000)).isInstanceOf(RequestRejected.class)
                .hasMessageContaining("1200 pixels");
    }

    @Test
    void aNameIsShownWithoutPathOrControlCharacters() {
        assertThat(SignerAttachments.displayName("C:\\Users\\me\\证明.png", "image/png")).isEqualTo("证明.png");
        assertThat(SignerAttachments.displayName("../../etc/x\u0007.jpg", "image/jpeg")).isEqualTo("x.jpg");
        assertThat(SignerAttachments.displayName(null, "image/jpeg")).isEqualTo("image.jpg");
        assertThat(SignerAttachments.displayName("名".repeat(300), "image/png")).hasSize(200);
    }
}
