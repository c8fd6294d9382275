package io.signflow.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signflow.common.RequestRejected;
import io.signflow.support.SignerClient;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

class SignatureImagesTest {

    private final SignatureImages images = new SignatureImages(new SigningProperties(Duration.ofDays(1),
            Duration.ofMinutes(30), Duration.ofMinutes(5), Duration.ofSeconds(60), 10, 5, Duration.ofMinutes(15),
            DataSize.ofKilobytes(512), Duration.ofDays(7)));

    @Test
    void aSmallPngDeclaringHugeDimensionsIsRefusedFromItsHeaderBeforeDecoding() throws IOException {
        // a few hundred bytes that claim 40000 × 40000 RGBA pixels: decoding would need 6.4 GB
        String bomb = Base64.getEncoder().encodeToString(png(40_000, 40_000));

        assertThatThrownBy(() -> images.decode(bomb))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST))
                .hasMessageContaining("40000 × 40000 pixels").hasMessageContaining("at most 4000 × 4000");
    }

    @Test
    void aTinyImageAndNonPngDataAreRefusedAndARealSignatureAccepted() throws IOException {
        assertThatThrownBy(() -> images.decode(Base64.getEncoder().encodeToString(png(10, 10))))
                .hasMessageContaining("at least 50 × 20");
        assertThatThrownBy(() -> images.decode(Base64.getEncoder().encodeToString("GIF89a....".getBytes(StandardCharsets.US_ASCII))))
                .hasMessageContaining("not a PNG");
        assertThat(images.decode("data:image/png;base64," + SignerClient.signaturePng())).isNotEmpty();
    }

    /** A valid PNG header for width × height RGBA pixels, with image data for a single row only. */
    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream ihdr = new DataOutputStream(header);
        ihdr.writeInt(width);
        ihdr.writeInt(height);
        ihdr.write(new byte[] {8, 6, 0, 0, 0});
        chunk(out, "IHDR", header.toByteArray());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[Math.min(width, 1000) * 4 + 1]);
        deflater.finish();
        byte[] compressed = new byte[8192];
        int length = deflater.deflate(compressed);
        chunk(out, "IDAT", java.util.Arrays.copyOf(compressed, length));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream stream = new DataOutputStream(out);
        stream.writeInt(data.length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        stream.write(name);
        stream.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        stream.writeInt((int) crc.getValue());
    }
}
