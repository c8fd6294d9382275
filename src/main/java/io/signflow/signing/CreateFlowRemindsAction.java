package io.signflow.signing;

import io.signflow.api.ApiAction;
import io.signflow.api.ApiCaller;
import io.signflow.flowgroup.FlowAccess;
import io.signflow.flowgroup.FlowIdsRule;
import io.signflow.flowgroup.FlowGroupSummary;
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
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * CreateFlowReminds: reminds the signers whose turn it is in the contracts named ({@link SignerReminders})
 * and answers per contract whether anyone was reminded.
 */
@Component
class CreateFlowRemindsAction implements ApiAction<CreateFlowRemindsAction.Request> {

    private final ActingPartyResolver actingParties;
    private final FlowAccess access;
    private final SignerReminders reminders;

    public CreateFlowRemindsAction(ActingPartyResolver actingParties, FlowAccess access, SignerReminders reminders) {
        this.actingParties = actingParties;
        this.access = access;
        this.reminders = reminders;
    }

    public record Request(@NotNull @Valid UserInfo operator, @NotNull List<String> flowIds, Agent agent) {
    }

    public record Response(List<RemindFlowRecords> remindFlowRecords) {
    }

    public record RemindFlowRecords(boolean canRemind, String flowId, String remindMessage) {
    }

    @Override
    public String name() {
        return "CreateFlowReminds";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    @Transactional
    public Object handle(ApiCaller caller, Request request) {
        ActingParty acting = actingParties.resolve(caller, request.operator(), request.agent());
        List<String> flowIds = FlowIdsRule.distinct(request.flowIds());
        Map<String, FlowGroupSummary> visible = new LinkedHashMap<>();
        for (String flowId : flowIds) {
            access.visibleGroupOfFlow(acting.organization(), flowId).ifPresent(g -> visible.put(flowId, g));
        }
        Map<String, List<SignerReminders.Outcome>> byFlow = reminders.remind(visible).stream()
                .collect(Collectors.groupingBy(r -> r.approver().flowId(),
                        Collectors.mapping(SignerReminders.Reminded::outcome, Collectors.toList())));
        List<RemindFlowRecords> records = new ArrayList<>();
        for (String flowId : flowIds) {
            List<SignerReminders.Outcome> outcomes = byFlow.getOrDefault(flowId, List.of());
            long count = outcomes.stream().filter(o -> o == SignerReminders.Outcome.REMINDED).count();
            records.add(!visible.containsKey(flowId) ? new RemindFlowRecords(false, flowId, "The contract does not exist.")
                    : outcomes.contains(SignerReminders.Outcome.ENDED)
                    ? new RemindFlowRecords(false, flowId, "The contract has ended.")
                    : count > 0 ? new RemindFlowRecords(true, flowId, "Reminded " + count + " signer(s).")
                    : new RemindFlowRecords(false, flowId, "No signer can be reminded: nobody whose turn it is is "
                            + "notified, or each has had " + SignerReminders.REMINDERS_PER_SIGNER
                            + " reminders for this contract."));
        }
        return new Response(records);
    }
}
