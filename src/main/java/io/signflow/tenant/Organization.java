package io.signflow.tenant;

/** A licensed enterprise using Signflow; {@code parentId} names its group enterprise, if it has one. */
public record Organization(String id, String name, String parentId, boolean activated, boolean autoSignEnabled) {

    public boolean isSubOrganizationOf(Organization other) {
        return other.id().equals(parentId);
    }

    /** The id of the group this organization belongs to: its parent's, or its own when it has none. */
    public String groupRootId() {
        return parentId != null ? parentId : id;
    }
}
