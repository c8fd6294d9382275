package io.signflow.signing;

import io.signflow.audit.AuditEvent;
import io.signflow.audit.AuditTrail;
import io.signflow.common.Mobiles;
import io.signflow.common.RequestRejected;
import io.signflow.common.Rows;
import io.signflow.document.FileRepository;
import io.signflow.document.PageGeometry;
import io.signflow.document.PageRenderer;
import io.signflow.flowgroup.CopiedParties;
import io.signflow.flowgroup.FlowGroupRepository;
import io.signflow.flowgroup.FlowGroupSummary;
import io.signflow.flowgroup.FlowStatus;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A copied party's read-only link: the contracts of one group they are copied on, page by page, and
 * nothing else — no other contract of the group, no signer's fields, no code, no signature. A
 * contract that ended without being signed shows its status only, as it does to its signers.
 */
@Component
class ReadOnlyViews {

    private final ReadLinks links;
    private final CopiedParties parties;
    private final FlowGroupRepository groups;
    private final FileRepository files;
    private final PageRenderer renderer;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    ReadOnlyViews(ReadLinks links, CopiedParties parties, FlowGroupRepository groups, FileRepository files,
                  PageRenderer renderer, AuditTrail audit, JdbcClient jdbc, TransactionTemplate transaction) {
        this.links = links;
        this.parties = parties;
        this.groups = groups;
        this.files = files;
        this.renderer = renderer;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    private record Copied(String id, String name, String flowType, String description, int status, String message,
                          String fileId) {

        boolean shown() {
            return !FlowStatus.isTerminal(status) || status == FlowStatus.ALL_SIGNED;
        }
    }

    /** Whether the token is a read-only link (then the signer actions do not apply to it). */
    boolean isReadLink(String token) {
        return links.readerOf(token).isPresent();
    }

    /** Refuses a signer's action (code, signature, rejection) through a read-only link. */
    void refuseActions(String token) {
        if (isReadLink(token)) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "This link lets you read the contracts you were copied "
                    + "on; it cannot sign, fill in or reject them.");
        }
    }

    ReadOnlyView view(String token, SigningService.Client client) {
        return transaction.execute(status -> {
            ReadLinks.Reader reader = reader(token);
            FlowGroupSummary group = groups.find(reader.groupId()).orElseThrow();
            List<Copied> contracts = contracts(reader);
            if (links.markOpened(token)) {
                audit.recordAll(group.id(), contracts.stream().map(Copied::id).toList(), AuditEvent.LINK_OPENED,
                        "copied party " + reader.name() + " " + Mobiles.masked(reader.mobile()), client.ip(),
                        client.userAgent(), "read-only link");
            }
            Map<String, List<PageGeometry>> pages = files.pages(contracts.stream().filter(Copied::shown)
                    .map(Copied::fileId).distinct().toList());
            return new ReadOnlyView(group.name(), group.organizationName(),
                    new SignerView.Person(reader.name(), null, Mobiles.masked(reader.mobile())), ReadOnlyView.STATE,
                    true, contracts.stream().map(c -> new ReadOnlyView.Contract(c.id(), c.name(), c.flowType(),
                            c.description(), c.status(), c.message(), false, false,
                            c.shown() ? pages.getOrDefault(c.fileId(), List.of()).stream()
                                    .map(p -> new SignerView.Page(p.width(), p.height())).toList() : List.of(),
                            List.of())).toList());
        });
    }

    byte[] png(String token, String flowId, int page) {
        Copied contract = transaction.execute(status -> contracts(reader(token)).stream()
                .filter(c -> c.id().equals(flowId)).findFirst()
                .orElseThrow(() -> RequestRejected.notFound("No such contract for this link.")));
        if (!contract.shown()) {
            throw new RequestRejected(HttpStatus.GONE, "This contract has ended; its pages are no longer shown.");
        }
        int count = files.pages(List.of(contract.fileId())).get(contract.fileId()).size();
        if (page < 1 || page > count) {
            throw RequestRejected.notFound("The contract has " + count + " pages.");
        }
        return renderer.png(contract.fileId(), page);
    }

    private ReadLinks.Reader reader(String token) {
        return links.readerOf(token).orElseThrow(() -> RequestRejected.notFound("This link is not valid or has "
                + "expired. Ask the sender for a new one."));
    }

    /** Only the group's contracts this reader is copied on. */
    private List<Copied> contracts(ReadLinks.Reader reader) {
        List<String> flowIds = parties.flowIdsOf(reader.groupId(), reader.name(), reader.mobile());
        return flowIds.isEmpty() ? List.of() : query(flowIds);
    }

    private List<Copied> query(Collection<String> flowIds) {
        return jdbc.sql("select id, name, flow_type, description, status, message, file_id from flow "
                + "where id in (:ids) order by position").param("ids", flowIds).query(Rows.of(Copied.class)).list();
    }
}
