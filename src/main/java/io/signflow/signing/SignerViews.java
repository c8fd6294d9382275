package io.signflow.signing;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.common.ComponentExtra;
import io.signflow.common.Mobiles;
import io.signflow.document.FileRepository;
import io.signflow.document.PageGeometry;
import io.signflow.flowgroup.ApproveStatus;
import io.signflow.flowgroup.FlowGroupRepository;
import io.signflow.flowgroup.FlowGroupSummary;
import io.signflow.signing.SignerQueries.Assignment;
import io.signflow.signing.SignerQueries.Field;
import io.signflow.signing.SignerQueries.Signer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Puts together what the signer page shows ({@link SignerView}) from the signer's contracts and controls. */
@Component
class SignerViews {

    static final Set<String> SEAL_TYPES = Set.of("SIGN_SEAL", "SIGN_PAGING_SEAL");

    private final FlowGroupRepository groups;
    private final SignerQueries queries;
    private final FileRepository files;
    private final SealChooser seals;

    SignerViews(FlowGroupRepository groups, SignerQueries queries, FileRepository files, SealChooser seals) {
        this.groups = groups;
        this.queries = queries;
        this.files = files;
        this.seals = seals;
    }

    /**
     * The signer's view. A used-up link shows only what became of each contract: no pages, fields or
     * seals, since the signer has nothing left to act on.
     */
    SignerView of(Signer signer, String jumpUrl) {
        FlowGroupSummary group = groups.find(signer.groupId()).orElseThrow();
        List<Assignment> assignments = queries.assignments(signer.id());
        SignerState state = SignerState.of(assignments);
        boolean usedUp = state.usedUp();
        Map<String, List<Field>> fields = usedUp ? Map.of()
                : queries.fields(assignments.stream().map(Assignment::recipientId).toList())
                .stream().collect(Collectors.groupingBy(Field::flowId));
        Map<String, List<PageGeometry>> pages = usedUp ? Map.of()
                : files.pages(assignments.stream().map(Assignment::fileId).distinct().toList());
        List<SignerView.Contract> contracts = new ArrayList<>();
        for (Assignment a : assignments) {
            boolean canSign = a.approveStatus() == ApproveStatus.TO_SIGN;
            contracts.add(new SignerView.Contract(a.flowId(), a.flowName(), a.flowType(), a.description(), a.flowStatus(),
                    a.approveStatus(), a.flowMessage(), canSign, canSign && !a.noRefuse(),
                    pages.getOrDefault(a.fileId(), List.of()).stream()
                            .map(p -> new SignerView.Page(p.width(), p.height())).toList(),
                    fields.getOrDefault(a.flowId(), List.of()).stream().map(SignerViews::field).toList()));
        }
        List<Field> open = contracts.stream().filter(SignerView.Contract::canSign)
                .flatMap(c -> fields.getOrDefault(c.flowId(), List.of()).stream()).toList();
        List<SignerView.SealOption> sealOptions = signer.isEnterprise() && !usedUp
                ? seals.options(signer.organizationName(), signer.mobile()).stream()
                .map(s -> new SignerView.SealOption(s.id(), s.name())).toList()
                : List.of();
        return new SignerView(group.name(), group.organizationName(), new SignerView.Person(signer.name(),
                signer.isEnterprise() ? signer.organizationName() : null, Mobiles.masked(signer.mobile())),
                SignatureRecords.MOBILE_CODE, state,
                open.stream().anyMatch(f -> f.type().equals("SIGN_SIGNATURE")),
                open.stream().anyMatch(f -> SEAL_TYPES.contains(f.type())), sealOptions, contracts, jumpUrl);
    }

    private static SignerView.Field field(Field f) {
        List<String> choices = new ArrayList<>();
        JsonNode values = ComponentExtra.of(f.extra()).json().get("Values");
        if (values != null) {
            values.forEach(v -> choices.add(v.asText()));
        }
        return new SignerView.Field(f.id(), f.type(), f.name(), f.pageNo(), f.posX(), f.posY(), f.width(), f.height(),
                f.required(), f.isFill() ? f.componentValue() : null, choices);
    }
}
