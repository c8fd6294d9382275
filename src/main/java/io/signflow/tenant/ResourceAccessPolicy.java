package io.signflow.tenant;

/**
 * Who may use a file or seal that belongs to an organization. The owner may; so may the owner's group
 * enterprise when it acts on its own behalf, because a group manages its members' documents. Anyone
 * else in the same group is refused openly; anyone outside the group must not learn the resource
 * exists, so callers report it as not found.
 */
public final class ResourceAccessPolicy {

    public enum Access { ALLOWED, DENIED_WITHIN_GROUP, UNKNOWN }

    private ResourceAccessPolicy() {
    }

    public static Access of(Organization acting, Organization owner) {
        if (owner.id().equals(acting.id()) || owner.isSubOrganizationOf(acting)) {
            return Access.ALLOWED;
        }
        return owner.groupRootId().equals(acting.groupRootId()) ? Access.DENIED_WITHIN_GROUP : Access.UNKNOWN;
    }
}
