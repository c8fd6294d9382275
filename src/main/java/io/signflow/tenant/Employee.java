package io.signflow.tenant;

/** A person acting for an organization; the Operator.UserId of API calls names one. */
public record Employee(String id, String organizationId, String name, String mobile, boolean verified,
                       boolean apiEnabled) {
}
