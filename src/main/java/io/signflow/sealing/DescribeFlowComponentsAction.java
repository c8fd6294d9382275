package io.signflow.sealing;

import io.signflow.api.ApiAction;
import io.signflow.api.ApiCaller;
import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.common.Texts;
import io.signflow.flowgroup.FlowAccess;
import io.signflow.flowgroup.FlowQueries;
import io.signflow.flowgroup.FlowQueries.ComponentRow;
import io.signflow.tenant.ActingParty;
import io.signflow.tenant.ActingPartyResolver;
import io.signflow.tenant.Agent;
import io.signflow.tenant.UserInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * DescribeFlowComponents: the fill controls of one contract and what was filled into them, per
 * recipient — the initiator's (IsPromoter, filled at creation) first, then each signer's in signing
 * order. Values are read from the controls themselves, whatever their type, so every fill control
 * appears as it is stored; only the types ESS leaves out of this answer (dynamic tables, attachments,
 * watermarks) are left out. A filled image comes with a download link valid five minutes.
 */
@Component
class DescribeFlowComponentsAction implements ApiAction<DescribeFlowComponentsAction.Request> {

    /** ESS: "不返回的控件类型：动态表格、附件控件、水印控件". */
    static final Set<String> NOT_DESCRIBED = Set.of("DYNAMIC_TABLE", "ATTACHMENT", "WATERMARK");
    static final Duration IMAGE_URL_TTL = Duration.ofMinutes(5);

    private final ActingPartyResolver actingParties;
    private final FlowAccess access;
    private final FlowQueries flows;
    private final DownloadLinks links;

    DescribeFlowComponentsAction(ActingPartyResolver actingParties, FlowAccess access, FlowQueries flows,
                                 DownloadLinks links) {
        this.actingParties = actingParties;
        this.access = access;
        this.flows = flows;
        this.links = links;
    }

    public record Request(@NotNull @Valid UserInfo operator, String flowId, Agent agent) {
    }

    public record Response(List<RecipientComponentInfo> recipientComponentInfos) {
    }

    /** RecipientFillStatus: "" when the recipient has no fill control, "1" when every one is filled, "0" otherwise. */
    public record RecipientComponentInfo(String recipientId, String recipientFillStatus, boolean isPromoter,
                                         List<FilledComponent> components) {
    }

    public record FilledComponent(String componentId, String componentName, String componentFillStatus,
                                  String componentValue, String componentRecipientId, String imageUrl) {
    }

    @Override
    public String name() {
        return "DescribeFlowComponents";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    @Transactional(readOnly = true)
    public Object handle(ApiCaller caller, Request request) {
        ActingParty acting = actingParties.resolve(caller, request.operator(), request.agent());
        String flowId = Texts.blankToNull(request.flowId());
        if (flowId == null) {
            throw new ApiException(ErrorCodes.MISSING_PARAMETER, "Give FlowId.");
        }
        access.visibleGroupOfFlow(acting.organization(), flowId).orElseThrow(() -> new ApiException(
                ErrorCodes.FLOW_NOT_FOUND, "The contract " + flowId + " does not exist."));
        List<ComponentRow> fills = flows.components(flowId).stream()
                .filter(c -> c.isFill() && !NOT_DESCRIBED.contains(c.type())).toList();
        List<RecipientComponentInfo> recipients = new ArrayList<>();
        List<ComponentRow> initiator = fills.stream().filter(c -> c.recipientId() == null).toList();
        if (!initiator.isEmpty()) {
            recipients.add(recipient(null, true, initiator));
        }
        for (FlowQueries.ApproverRow approver : flows.approvers(List.of(flowId)).getOrDefault(flowId, List.of())) {
            recipients.add(recipient(approver.recipientId(), false, fills.stream()
                    .filter(c -> Objects.equals(c.recipientId(), approver.recipientId())).toList()));
        }
        return new Response(recipients);
    }

    private RecipientComponentInfo recipient(String recipientId, boolean promoter, List<ComponentRow> controls) {
        String status = controls.isEmpty() ? "" : controls.stream().allMatch(c -> c.componentValue() != null) ? "1" : "0";
        return new RecipientComponentInfo(recipientId, status, promoter, controls.stream().map(this::filled).toList());
    }

    private FilledComponent filled(ComponentRow c) {
        String imageUrl = "FILL_IMAGE".equals(c.type()) && c.componentValue() != null
                ? links.issueForFillImage(c.componentValue(), IMAGE_URL_TTL) : null;
        return new FilledComponent(c.componentId(), c.name(), c.componentValue() == null ? "0" : "1", c.componentValue(),
                c.recipientId(), imageUrl);
    }
}
