package io.signflow.signing;

import io.signflow.common.RequestRejected;
import io.signflow.document.FileRepository;
import io.signflow.document.PageRenderer;
import io.signflow.flowgroup.FlowStatus;
import io.signflow.signing.SignerQueries.Assignment;
import io.signflow.signing.SignerQueries.Signer;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The pictures of a signer's contracts' pages, while the link still has something to show. */
@Component
class SignerPages {

    private final LinkHolders holders;
    private final SignerQueries queries;
    private final FileRepository files;
    private final PageRenderer renderer;
    private final TransactionTemplate transaction;

    SignerPages(LinkHolders holders, SignerQueries queries, FileRepository files, PageRenderer renderer,
                TransactionTemplate transaction) {
        this.holders = holders;
        this.queries = queries;
        this.files = files;
        this.renderer = renderer;
        this.transaction = transaction;
    }

    /**
     * A page of one of the signer's contracts; not for contracts that ended without being signed, and
     * not once the link is used up ({@link SignerState#usedUp}).
     */
    byte[] png(String token, String flowId, int page) {
        Signer signer = transaction.execute(status -> holders.of(token));
        List<Assignment> assignments = queries.assignments(signer.id());
        Assignment assignment = assignments.stream().filter(a -> a.flowId().equals(flowId))
                .findFirst().orElseThrow(() -> RequestRejected.notFound("No such contract for this link."));
        if (SignerViews.locked(signer, assignment)) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "Verify with a code sent to your mobile to view this "
                    + "contract.");
        }
        if (SignerState.of(assignments).usedUp()) {
            throw new RequestRejected(HttpStatus.GONE, "You have nothing left to do in this group; its contracts "
                    + "are no longer shown through this link.");
        }
        if (FlowStatus.isTerminal(assignment.flowStatus()) && assignment.flowStatus() != FlowStatus.ALL_SIGNED) {
            throw new RequestRejected(HttpStatus.GONE, "This contract has ended; its pages are no longer shown.");
        }
        int pages = files.pages(List.of(assignment.fileId())).get(assignment.fileId()).size();
        if (page < 1 || page > pages) {
            throw RequestRejected.notFound("The contract has " + pages + " pages.");
        }
        return renderer.png(assignment.fileId(), page);
    }
}
