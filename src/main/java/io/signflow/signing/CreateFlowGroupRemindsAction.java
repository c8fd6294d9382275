package io.signflow.signing;

import io.signflow.api.ApiAction;
import io.signflow.api.ApiCaller;
import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.flowgroup.FlowAccess;
import io.signflow.flowgroup.FlowApprover;
import io.signflow.flowgroup.FlowGroupSummary;
import io.signflow.flowgroup.FlowQueries;
import io.signflow.flowgroup.FlowStatus;
import io.signflow.tenant.ActingParty;
import io.signflow.tenant.ActingPartyResolver;
import io.signflow.tenant.Agent;
import io.signflow.tenant.UserInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * CreateFlowGroupReminds: reminds every signer of a group whose turn it is, with CreateFlowReminds'
 * limits ({@link SignerReminders}), and answers per signer — a person and the same person signing for
 * an organization, or for two organizations, are different signers, as ESS counts them — with one
 * detail per contract they sign: Status 0 reminded, 2 nothing to remind (not their turn, already acted,
 * not notified), 5 the limit of three reminders reached.
 */
@Component
class CreateFlowGroupRemindsAction implements ApiAction<CreateFlowGroupRemindsAction.Request> {

    static final long REMINDED = 0;
    static final long NOT_NEEDED = 2;
    static final long OVER_LIMIT = 5;
    private final ActingPartyResolver actingParties;
    private final FlowAccess access;
    private final FlowQueries flows;
    private final SignerReminders reminders;

    CreateFlowGroupRemindsAction(ActingPartyResolver actingParties, FlowAccess access, FlowQueries flows,
                                 SignerReminders reminders) {
        this.actingParties = actingParties;
        this.access = access;
        this.flows = flows;
        this.reminders = reminders;
    }

    public record Request(@NotNull @Valid UserInfo operator, String flowGroupId, Agent agent) {
    }

    public record Response(List<RemindFlowGroupRecord> remindFlowGroupRecords) {
    }

    public record RemindFlowGroupRecord(List<String> flowIds, List<String> flowNames, String approverName,
                                        String mobile, List<RemindFlowGroupDetail> remindMessageList) {
    }

    public record RemindFlowGroupDetail(long approverOrder, String signId, long status, String reason) {
    }

    /** A signer as ESS tells them apart: kind, organization, name and mobile. */
    private record Identity(boolean enterprise, String organizationName, String name, String mobile) {
    }

    @Override
    public String name() {
        return "CreateFlowGroupReminds";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    @Transactional
    public Object handle(ApiCaller caller, Request request) {
        ActingParty acting = actingParties.resolve(caller, request.operator(), request.agent());
        if (request.flowGroupId() == null || request.flowGroupId().isBlank()) {
            throw new ApiException(ErrorCodes.MISSING_PARAMETER, "FlowGroupId: name the contract group.");
        }
        FlowGroupSummary group = access.visibleGroup(acting.organization(), request.flowGroupId())
                .orElseThrow(() -> new ApiException(ErrorCodes.FLOW_NOT_FOUND, "The contract group "
                        + request.flowGroupId() + " does not exist."));
        Map<String, FlowQueries.FlowRow> contracts = flows.flowsOfGroup(group.id()).stream()
                .collect(Collectors.toMap(FlowQueries.FlowRow::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        if (contracts.values().stream().allMatch(f -> FlowStatus.isTerminal(f.status()))) {
            throw new ApiException(ErrorCodes.FLOW_HAS_TERMINATED, "Every contract of the group has ended; there is "
                    + "nobody to remind.");
        }
        Map<String, FlowGroupSummary> groupOfFlow = new LinkedHashMap<>();
        contracts.keySet().forEach(flowId -> groupOfFlow.put(flowId, group));
        Map<Identity, List<SignerReminders.Reminded>> bySigner = reminders.remind(groupOfFlow).stream()
                .collect(Collectors.groupingBy(r -> identity(r.approver()), LinkedHashMap::new, Collectors.toList()));
        List<RemindFlowGroupRecord> records = new ArrayList<>();
        bySigner.forEach((signer, approvals) -> records.add(new RemindFlowGroupRecord(
                approvals.stream().map(r -> r.approver().flowId()).toList(),
                approvals.stream().map(r -> contracts.get(r.approver().flowId()).name()).toList(),
                signer.name(), signer.mobile(), approvals.stream().map(CreateFlowGroupRemindsAction::detail).toList())));
        return new Response(records);
    }

    private static Identity identity(FlowApprover approver) {
        boolean enterprise = approver.type().isEnterprise();
        return new Identity(enterprise, enterprise ? approver.organizationName() : "", approver.name(), approver.mobile());
    }

    private static RemindFlowGroupDetail detail(SignerReminders.Reminded reminded) {
        FlowApprover approver = reminded.approver();
        return switch (reminded.outcome()) {
            case REMINDED -> new RemindFlowGroupDetail(approver.signOrder(), approver.signId(), REMINDED,
                    "Reminded: a text with a fresh link to the group went to the signer.");
            case LIMIT_REACHED -> new RemindFlowGroupDetail(approver.signOrder(), approver.signId(), OVER_LIMIT,
                    "Reminded " + SignerReminders.REMINDERS_PER_SIGNER + " times for this contract already.");
            case ENDED -> new RemindFlowGroupDetail(approver.signOrder(), approver.signId(), NOT_NEEDED,
                    "The contract has ended.");
            case NOT_DUE -> new RemindFlowGroupDetail(approver.signOrder(), approver.signId(), NOT_NEEDED,
                    "Nothing to remind: not the signer's turn, already acted, or not notified.");
        };
    }
}
