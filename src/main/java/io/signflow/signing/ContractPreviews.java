package io.signflow.signing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.signflow.common.PublicUrl;
import io.signflow.common.Rows;
import io.signflow.document.FileRepository;
import io.signflow.flowgroup.ApproverType;
import io.signflow.flowgroup.FlowGroupDraft;
import io.signflow.flowgroup.FlowPreviews;
import io.signflow.tenant.OrganizationRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Previews of contracts not yet created: the view is worked out from the validated request and kept
 * under a random token's hash for {@link #TTL} (ESS: 300 seconds), so every node of a cluster can show
 * it; the link opens the signer page read-only. Expired previews are removed as new ones are made.
 */
@Component
class ContractPreviews implements FlowPreviews {

    static final Duration TTL = Duration.ofSeconds(300);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcClient jdbc;
    private final FileRepository files;
    private final OrganizationRepository organizations;
    private final PublicUrl publicUrl;
    private final Clock clock;

    ContractPreviews(JdbcClient jdbc, FileRepository files, OrganizationRepository organizations, PublicUrl publicUrl,
                     Clock clock) {
        this.jdbc = jdbc;
        this.files = files;
        this.organizations = organizations;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** A stored preview: the page's JSON and the file whose pages it shows. */
    record Preview(String fileId, byte[] content) {
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public String previewUrl(FlowGroupDraft draft) {
        FlowGroupDraft.Flow flow = draft.flows().get(0);
        String token = SignLinks.newToken();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("delete from flow_preview where expires_at < ?").param(now).update();
        jdbc.sql("insert into flow_preview (token_hash, organization_id, file_id, content, created_at, expires_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(SignLinks.hash(token), draft.organizationId(), flow.fileId(), json(view(draft, flow)), now,
                        now.plus(TTL))
                .update();
        return publicUrl.resolve("/sign/preview/" + token);
    }

    /** The preview a token stands for while it has not expired. */
    Optional<Preview> find(String token) {
        if (!SignLinks.looksLikeToken(token)) {
            return Optional.empty();
        }
        return jdbc.sql("select file_id, content from flow_preview where token_hash = ? and expires_at > ?")
                .params(SignLinks.hash(token), OffsetDateTime.now(clock)).query(Rows.of(Preview.class)).optional();
    }

    private PreviewView view(FlowGroupDraft draft, FlowGroupDraft.Flow flow) {
        List<String> signers = new ArrayList<>();
        List<PreviewView.Field> fields = new ArrayList<>();
        for (FlowGroupDraft.Approver a : flow.approvers()) {
            String who = who(a);
            signers.add(who);
            a.signComponents().forEach(c -> fields.add(field(fields.size(), c, who)));
            a.fillComponents().forEach(c -> fields.add(field(fields.size(), c, who)));
        }
        flow.initiatorComponents().forEach(c -> fields.add(field(fields.size(), c, "发起方 · initiator")));
        List<SignerView.Page> pages = files.pages(List.of(flow.fileId())).get(flow.fileId()).stream()
                .map(p -> new SignerView.Page(p.width(), p.height())).toList();
        String initiator = organizations.find(draft.organizationId()).orElseThrow().name();
        return new PreviewView(flow.name(), initiator, PreviewView.STATE, signers, List.of(new PreviewView.Contract(
                flow.id(), flow.name(), flow.flowType(), flow.description(), false, false, pages, fields)));
    }

    private static String who(FlowGroupDraft.Approver a) {
        if (a.dynamic()) {
            return a.roleName() + "（待补充 · to be named）";
        }
        if (a.type() == ApproverType.ENTERPRISE_AUTO) {
            return a.organizationName() + "（自动签署 · auto-sign）";
        }
        return a.type().isEnterprise() ? a.organizationName() + " " + a.name() : a.name();
    }

    private static PreviewView.Field field(int id, FlowGroupDraft.Component c, String owner) {
        // a seal id is the initiator's business, not something to show
        String value = c.type().startsWith("SIGN_") ? null : c.value();
        return new PreviewView.Field(id, c.type(), c.name(), owner, c.page(), c.x(), c.y(), c.width(), c.height(),
                c.required(), value);
    }

    private static byte[] json(PreviewView view) {
        try {
            return JSON.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
