package io.signflow.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signflow.flowgroup.ApproveStatus;
import io.signflow.support.AdminClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Pixels;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/**
 * The newer sign controls through the signer page's API and into the final PDF: a person's opinion
 * (required, so an empty one refuses the signature) and paging signature generated from their name,
 * an auto-signer's legal representative's seal, and the legal representative's seal as a seal type of
 * the admin API.
 */
class SignControlsIT extends ApiTestBase {

    @Test
    void anEmptyOpinionRefusesTheSignatureThenAWrittenOneIsDrawnWithASignatureGeneratedFromTheName()
            throws Exception {
        Tenant tenant = tenants().create();
        String legal = admin().post("/admin/organizations/" + tenant.organizationId() + "/seals",
                Map.of("sealType", "LEGAL_PERSON_SEAL", "legalRepresentative", "王大明")).get("sealId").asText();
        ObjectNode auto = Requests.autoSigner(tenant);
        ((ArrayNode) auto.get("SignComponents")).add(Requests.component("SIGN_LEGAL_PERSON_SEAL", 1, 200, 50)
                .put("ComponentValue", legal));
        String mobile = Tenants.mobile();
        ObjectNode person = Requests.person("赵六", mobile);
        ArrayNode controls = person.putArray("SignComponents");
        controls.add(Requests.component("SIGN_OPINION", 1, 300, 200).put("ComponentWidth", 200));
        controls.add(Requests.component("SIGN_PAGING_SIGNATURE", 1, 0, 400)
                .put("ComponentExtra", "{\"ComponentTypeLimit\":[\"SYSTEM_ESIGN\"]}"));
        JsonNode created = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2, List.of(auto, person)));
        String flowId = created.get("FlowIds").get(0).asText();
        SignerClient signer = SignerClient.invited(admin(), mobile);

        JsonNode view = signer.view().body();
        assertThat(view.get("signatureKinds")).extracting(JsonNode::asText).containsExactly("SYSTEM_ESIGN");
        JsonNode opinion = view.at("/contracts/0/fields/0");
        assertThat(opinion.get("type").asText()).isEqualTo("SIGN_OPINION");
        assertThat(opinion.get("required").asBoolean()).isTrue();

        // a refused signature changes nothing, so the same code serves the next try
        String code = signer.code();
        AdminClient.Reply empty = signer.sign(Map.of("code", code, "signatureKind", "SYSTEM_ESIGN"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("code").asText()).isEqualTo("OperationDenied.RequiredComponentNotFill");
        AdminClient.Reply drawn = signer.sign(Map.of("code", code, "signatureImage",
                "data:image/png;base64," + SignerClient.signaturePng(), "fills", opinions(view, "同意")));
        assertThat(drawn.status()).as("only a generated signature is allowed here").isEqualTo(400);

        AdminClient.Reply signed = signer.sign(Map.of("code", code, "signatureKind", "SYSTEM_ESIGN",
                "fills", opinions(view, "同意签署")));
        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.body().get("state").asText()).isEqualTo("DONE");
        JsonNode approver = tenant.api().ok("DescribeFlowInfo", Map.of("Operator", Map.of("UserId",
                tenant.operatorId()), "FlowIds", List.of(flowId))).at("/FlowDetailInfos/0/FlowApproverInfos/1");
        assertThat(approver.get("ApproveStatus").asInt()).isEqualTo(ApproveStatus.SIGNED);

        byte[] pdf = FinalPdfs.of(tenant, flowId);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage first = new PDFRenderer(document).renderImage(0, 1f);
            BufferedImage second = new PDFRenderer(document).renderImage(1, 1f);
            assertThat(Pixels.red(first, 200, 50, 100, 60)).as("the auto-signer's legal representative's seal")
                    .isGreaterThan(200);
            assertThat(Pixels.dark(first, 300, 200, 200, 60)).as("the opinion").isGreaterThan(30);
            assertThat(Pixels.dark(first, 545, 400, 50, 60)).as("the generated signature's first half")
                    .isGreaterThan(10);
            assertThat(Pixels.dark(second, 545, 400, 50, 60)).as("and its second half").isGreaterThan(10);
        }
        if (SignatureTools.pdfsigInstalled()) {
            assertThat(SignatureTools.pdfsig(pdf, "sign-controls-api-pdfsig.txt")).contains("Signature is Valid");
        }
        JsonNode trail = admin().get("/admin/flows/" + flowId + "/audit-trail");
        assertThat(trail.toString()).contains("legal representative's seal " + legal)
                .contains("signature generated from the name");
    }

    @Test
    void aLegalRepresentativesSealNeedsTheirNameAndCreationRefusesChecksNotOffered() {
        Tenant tenant = tenants().create();
        AdminClient.Reply nameless = admin().send("POST", "/admin/organizations/" + tenant.organizationId() + "/seals",
                Map.of("sealType", "LEGAL_PERSON_SEAL"), true);
        assertThat(nameless.status()).isEqualTo(400);

        ObjectNode faceOnly = Requests.person("钱七", Tenants.mobile());
        faceOnly.putArray("ApproverVerifyTypes").add(1);
        assertThat(tenant.api().code("CreateFlowGroupByFiles", Requests.group(tenant, 2, List.of(faceOnly))))
                .isEqualTo("InvalidParameter.ParamError");
        ObjectNode selector = Requests.person("钱七", Tenants.mobile());
        ((ArrayNode) selector.get("SignComponents")).add(Requests.component("SIGN_SELECTOR", 1, 100, 100)
                .put("ComponentExtra", "{\"Values\":[\"同意\"]}"));
        assertThat(tenant.api().code("CreateFlowGroupByFiles", Requests.group(tenant, 2, List.of(selector))))
                .isEqualTo("InvalidParameter.SignComponents");
    }

    @Test
    void aContractAskingForTheMobileCheckBeforeViewingIsShownAndSignedOnlyAfterACode() {
        Tenant tenant = tenants().create();
        String mobile = Tenants.mobile();
        ObjectNode person = Requests.person("孙八", mobile);
        person.putArray("ApproverVerifyTypes").add(1).add(2);
        JsonNode created = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2, List.of(person)));
        String flowId = created.get("FlowIds").get(0).asText();
        SignerClient signer = SignerClient.invited(admin(), mobile);

        JsonNode locked = signer.view().body();
        assertThat(locked.get("viewLocked").asBoolean()).isTrue();
        assertThat(locked.at("/contracts/0/pages")).isEmpty();
        assertThat(locked.at("/contracts/0/fields")).isEmpty();
        assertThat(signer.page(flowId, 1).status()).isEqualTo(403);
        String code = signer.code();
        assertThat(signer.sign(code).status()).isEqualTo(403);

        AdminClient.Reply opened = admin().send("POST", "/sign/api/" + signer.token() + "/view", Map.of("code", code),
                false);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.body().get("viewLocked").asBoolean()).isFalse();
        assertThat(opened.body().at("/contracts/0/pages")).hasSize(2);
        assertThat(signer.page(flowId, 1).status()).isEqualTo(200);
        clock.advance(java.time.Duration.ofSeconds(61));
        assertThat(signer.signNow().get("state").asText()).isEqualTo("DONE");
    }

    /** The signer's opinions by field id, as the page sends them. */
    private static Map<String, Object> opinions(JsonNode view, String text) {
        Map<String, Object> values = new HashMap<>();
        view.get("contracts").forEach(c -> c.get("fields").forEach(f -> {
            if (f.get("type").asText().equals("SIGN_OPINION")) {
                values.put(f.get("id").asText(), text);
            }
        }));
        return values;
    }
}
