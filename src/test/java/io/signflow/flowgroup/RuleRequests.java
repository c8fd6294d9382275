package io.signflow.flowgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signflow.api.ApiException;
import io.signflow.api.ApiJson;
import io.signflow.document.PageGeometry;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Request parts for the rule tests, written in the API's own spelling (UpperCamelCase JSON read by the
 * API's mapper), so a test reads like the request an integrator sends.
 */
final class RuleRequests {

    /** Two A4 pages, as a reader sees them. */
    static final List<PageGeometry> A4_TWO_PAGES = List.of(new PageGeometry(1, 595.28, 841.89, 0, 0, 0),
            new PageGeometry(2, 595.28, 841.89, 0, 0, 0));

    private RuleRequests() {
    }

    static ObjectNode node() {
        return ApiJson.MAPPER.createObjectNode();
    }

    /** A control of the given type on page 1, well inside the page. */
    static ObjectNode control(String type) {
        return node().put("ComponentType", type).put("FileIndex", 0).put("ComponentPage", 1)
                .put("ComponentPosX", 100).put("ComponentPosY", 100).put("ComponentWidth", 120)
                .put("ComponentHeight", 40);
    }

    static ComponentInfo component(ObjectNode json) {
        return ApiJson.MAPPER.convertValue(json, ComponentInfo.class);
    }

    /** A person (ApproverType 1) with a handwritten signature control. */
    static ObjectNode person(String name, String mobile) {
        ObjectNode approver = node().put("ApproverType", 1).put("ApproverName", name).put("ApproverMobile", mobile);
        approver.putArray("SignComponents").add(control("SIGN_SIGNATURE"));
        return approver;
    }

    /** A person signing for an enterprise (ApproverType 0) with a seal control. */
    static ObjectNode enterprise(String organization, String name, String mobile) {
        ObjectNode approver = node().put("ApproverType", 0).put("OrganizationName", organization)
                .put("ApproverName", name).put("ApproverMobile", mobile);
        approver.putArray("SignComponents").add(control("SIGN_SEAL"));
        return approver;
    }

    static ApproverInfo approver(ObjectNode json) {
        return ApiJson.MAPPER.convertValue(json, ApproverInfo.class);
    }

    /** Asserts the call is refused with {@code code} and a message that names {@code field}. */
    static void assertRefused(ThrowingCallable call, String code, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(field);
        });
    }
}
