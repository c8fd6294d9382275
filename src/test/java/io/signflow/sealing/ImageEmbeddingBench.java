package io.signflow.sealing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * How long embedding the pictures of a final PDF takes, PDFBox's LosslessFactory against
 * {@link FlateImages}, in the same run: a certificate-of-completion page (gray) and a handwritten
 * signature (transparent). Not a test; run it with
 * {@code java -cp target/test-classes:target/classes:$(cat target/bench.classpath) io.signflow.sealing.ImageEmbeddingBench}
 * after {@code scripts/bench.sh} has written the class path once.
 */
public final class ImageEmbeddingBench {

    private interface Embedding {
        PDImageXObject embed(PDDocument document, BufferedImage picture) throws IOException;
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        compare("certificate page", certificatePage(), FlateImages::gray, rounds);
        compare("signature", signature(), FlateImages::of, rounds);
    }

    private static void compare(String name, BufferedImage picture, Embedding ours, int rounds) throws IOException {
        for (int pass = 0; pass < 2; pass++) {
            double lossless = time(LosslessFactory::createFromImage, picture, rounds);
            double flate = time(ours, picture, rounds);
            if (pass == 1) {
                System.out.printf("per %s: LosslessFactory %.2f ms, FlateImages %.2f ms (%.1fx faster)%n", name,
                        lossless, flate, lossless / flate);
            }
        }
    }

    private static double time(Embedding embedding, BufferedImage picture, int rounds) throws IOException {
        long start = System.nanoTime();
        long bytes = 0;
        for (int i = 0; i < rounds; i++) {
            try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(embedding.embed(document, picture), 0, 0, 595, 842);
                }
                document.save(out);
                bytes += out.size();
            }
        }
        if (bytes == 0) {
            throw new IllegalStateException("nothing was written");
        }
        return (System.nanoTime() - start) / 1e6 / rounds;
    }

    private static BufferedImage certificatePage() {
        BufferedImage image = new BufferedImage(1190, 1684, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17));
        for (int line = 0; line < 40; line++) {
            g.drawString("2026-11-25 08:25:18 +08:00  SIGNED  signer 张三 188****8888  IP 203.0.113.7", 96, 120 + line * 36);
        }
        g.dispose();
        return image;
    }

    /** Strokes on a transparent canvas, the size the signer page sends. */
    private static BufferedImage signature() {
        BufferedImage image = new BufferedImage(600, 200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int x = 40; x < 560; x += 20) {
            g.drawLine(x, 100 + (int) (60 * Math.sin(x / 30.0)), x + 20, 100 + (int) (60 * Math.sin((x + 20) / 30.0)));
        }
        g.dispose();
        return image;
    }
}
