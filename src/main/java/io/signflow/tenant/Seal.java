package io.signflow.tenant;

/** An organization's seal; {@code autoSignAllowed} lets the platform apply it without a person (ApproverType 3). */
public record Seal(String id, String organizationId, String name, String sealType, boolean autoSignAllowed) {
}
