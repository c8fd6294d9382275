package io.signflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/** A signer using their link: the signer page's JSON API, and their phone's messages via the admin API. */
public class SignerClient {

    private final AdminClient admin;
    private final String mobile;
    private final String token;

    private SignerClient(AdminClient admin, String mobile, String token) {
        this.admin = admin;
        this.mobile = mobile;
        this.token = token;
    }

    /** The signer behind the newest invitation sent to this mobile. */
    public static SignerClient invited(AdminClient admin, String mobile) {
        for (JsonNode message : admin.get("/admin/notifications?mobile=" + mobile)) {
            if (message.get("purpose").asText().equals("SIGN_INVITATION")) {
                return withLink(admin, mobile, message.get("link").asText());
            }
        }
        throw new AssertionError("No invitation was sent to " + mobile);
    }

    public static SignerClient withLink(AdminClient admin, String mobile, String link) {
        return new SignerClient(admin, mobile, link.substring(link.lastIndexOf('/') + 1));
    }

    public static int invitations(AdminClient admin, String mobile) {
        int count = 0;
        for (JsonNode message : admin.get("/admin/notifications?mobile=" + mobile)) {
            if (message.get("purpose").asText().equals("SIGN_INVITATION")) {
                count++;
            }
        }
        return count;
    }

    public String token() {
        return token;
    }

    public String mobile() {
        return mobile;
    }

    public AdminClient.Reply view() {
        return admin.send("GET", "/sign/api/" + token, null, false);
    }

    public AdminClient.Reply requestCode() {
        return admin.send("POST", "/sign/api/" + token + "/code", null, false);
    }

    /** Asks for a code and reads it from the outbox, as the signer would from their phone. */
    public String code() {
        AdminClient.Reply sent = requestCode();
        if (sent.status() != 200) {
            throw new AssertionError("code request answered " + sent.status() + ": " + sent.body());
        }
        return lastCode();
    }

    /** The newest code sent to this signer, e.g. after the page asked for one. */
    public String lastCode() {
        for (JsonNode message : admin.get("/admin/notifications?mobile=" + mobile)) {
            if (message.get("purpose").asText().equals("VERIFICATION_CODE")) {
                return message.get("code").asText();
            }
        }
        throw new AssertionError("No code reached " + mobile);
    }

    public AdminClient.Reply sign(String code) {
        return sign(Map.of("code", code, "signatureImage", "data:image/png;base64," + signaturePng()));
    }

    public AdminClient.Reply sign(Map<String, Object> body) {
        return admin.send("POST", "/sign/api/" + token + "/sign", body, false);
    }

    public AdminClient.Reply reject(String code, String reason) {
        return reject(Map.of("code", code, "reason", reason));
    }

    public AdminClient.Reply reject(Map<String, Object> body) {
        return admin.send("POST", "/sign/api/" + token + "/reject", body, false);
    }

    /** A page of one of the signer's contracts, as the page shows it. */
    public AdminClient.Reply page(String flowId, int page) {
        return admin.send("GET", "/sign/api/" + token + "/flows/" + flowId + "/files/0/pages/" + page + ".png", null,
                false);
    }

    /** Rejects only the contracts named. */
    public AdminClient.Reply reject(String code, String reason, java.util.List<String> flowIds) {
        return admin.send("POST", "/sign/api/" + token + "/reject", Map.of("code", code, "reason", reason,
                "flowIds", flowIds), false);
    }

    /** Signs everything open now with a fresh code, and requires success. */
    public JsonNode signNow() {
        AdminClient.Reply reply = sign(code());
        if (reply.status() != 200) {
            throw new AssertionError("signing answered " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }

    /** A stroke of ink, as the canvas on the page would give it. */
    public static String signaturePng() {
        BufferedImage image = new BufferedImage(300, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(4));
        g.drawLine(20, 70, 120, 20);
        g.drawLine(120, 20, 200, 80);
        g.drawLine(200, 80, 280, 30);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
