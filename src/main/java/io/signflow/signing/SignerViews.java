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
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Puts together what the signer page shows ({@link SignerView}) from the signer's contracts and controls. */
@Component
class SignerViews {

    static final Set<String> SEAL_TYPES = Set.of("SIGN_SEAL", "SIGN_PAGING_SEAL");

    private final FlowGroupRepository groups;
    private final SignerQueries queries;
    private final FileRepository files;
    private final SealChooser seals;
    private final SignerAttachments attachments;

    SignerViews(FlowGroupRepository groups, SignerQueries queries, FileRepository files, SealChooser seals,
                SignerAttachments attachments) {
        this.groups = groups;
        this.queries = queries;
        this.files = files;
        this.seals = seals;
        this.attachments = attachments;
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
        List<Field> own = usedUp ? List.of() : queries.fields(assignments.stream().map(Assignment::recipientId).toList());
        Map<String, List<Field>> fields = usedUp ? Map.of() : Stream.concat(own.stream(),
                        queries.watermarks(SignerTurns.flowIds(assignments)).stream())
                .collect(Collectors.groupingBy(Field::flowId));
        Map<Long, List<SignerAttachments.Uploaded>> uploaded = attachments.uploaded(signer.id(), own.stream()
                .filter(f -> f.type().equals("ATTACHMENT")).map(Field::id).toList());
        Map<String, List<PageGeometry>> pages = usedUp ? Map.of()
                : files.pages(assignments.stream().map(Assignment::fileId).distinct().toList());
        List<SignerView.Contract> contracts = new ArrayList<>();
        boolean viewLocked = false;
        for (Assignment a : assignments) {
            if (locked(signer, a)) {
                viewLocked = true;
                contracts.add(new SignerView.Contract(a.flowId(), a.flowName(), a.flowType(), a.description(),
                        a.flowStatus(), a.approveStatus(), a.flowMessage(), false, false, List.of(), List.of(),
                        a.awaitsReview() && ApproveStatus.isOpen(a.approveStatus())));
                continue;
            }
            boolean canSign = a.approveStatus() == ApproveStatus.TO_SIGN;
            contracts.add(new SignerView.Contract(a.flowId(), a.flowName(), a.flowType(), a.description(), a.flowStatus(),
                    a.approveStatus(), a.flowMessage(), canSign, canSign && !a.noRefuse(),
                    pages.getOrDefault(a.fileId(), List.of()).stream()
                            .map(p -> new SignerView.Page(p.width(), p.height())).toList(),
                    fields.getOrDefault(a.flowId(), List.of()).stream()
                            .map(f -> field(f, uploaded.getOrDefault(f.id(), List.of()))).toList(),
                    a.awaitsReview() && ApproveStatus.isOpen(a.approveStatus())));
        }
        List<Field> open = contracts.stream().filter(SignerView.Contract::canSign)
                .flatMap(c -> fields.getOrDefault(c.flowId(), List.of()).stream()).toList();
        boolean needsLegalPersonSeal = open.stream().anyMatch(f -> f.type().equals(SignatureMarks.LEGAL_PERSON_SEAL));
        return new SignerView(group.name(), group.organizationName(), new SignerView.Person(signer.name(),
                signer.isEnterprise() ? signer.organizationName() : null, Mobiles.masked(signer.mobile())),
                SignatureRecords.MOBILE_CODE, state,
                open.stream().anyMatch(f -> SignatureMarks.SIGNATURE_TYPES.contains(f.type())),
                open.stream().anyMatch(f -> SEAL_TYPES.contains(f.type())), sealOptions(signer, usedUp, false),
                contracts, List.copyOf(SignatureMarks.signatureKinds(open)), needsLegalPersonSeal,
                needsLegalPersonSeal ? sealOptions(signer, usedUp, true) : List.of(), viewLocked, jumpUrl);
    }

    /** A contract shown only after a code the signer has not given yet; nothing to hide once it has ended. */
    static boolean locked(Signer signer, Assignment a) {
        return a.viewNeedsCode() && !signer.viewVerified() && !SignerState.of(List.of(a)).usedUp();
    }

    private List<SignerView.SealOption> sealOptions(Signer signer, boolean usedUp, boolean legalPerson) {
        return signer.isEnterprise() && !usedUp
                ? seals.options(signer.organizationName(), signer.mobile(), legalPerson).stream()
                .map(s -> new SignerView.SealOption(s.id(), s.name())).toList()
                : List.of();
    }

    private SignerView.Field field(Field f, List<SignerAttachments.Uploaded> uploaded) {
        List<String> choices = new ArrayList<>();
        JsonNode values = ComponentExtra.of(f.extra()).json().get("Values");
        if (values != null) {
            values.forEach(v -> choices.add(v.asText()));
        }
        return new SignerView.Field(f.id(), f.type(), f.name(), f.pageNo(), f.posX(), f.posY(), f.width(), f.height(),
                f.required(), f.isFill() || f.type().equals("SIGN_OPINION") ? f.componentValue() : null, choices,
                FillControlSettings.of(f, uploaded, attachments.maxBytes()));
    }
}
