package io.signflow.signing;

import io.signflow.common.RequestRejected;
import io.signflow.flowgroup.ApproveStatus;
import io.signflow.flowgroup.FlowProgress;
import io.signflow.signing.SignerQueries.Assignment;
import io.signflow.signing.SignerQueries.Signer;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The signer's contracts where it is their turn now, or a refusal that says why there are none. */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class SignerTurns {

    private final SignerQueries queries;
    private final FlowProgress progress;

    SignerTurns(SignerQueries queries, FlowProgress progress) {
        this.queries = queries;
        this.progress = progress;
    }

    /** The contracts where it is the signer's turn, as read now (not locked). */
    List<Assignment> open(Signer signer) {
        List<Assignment> all = queries.assignments(signer.id());
        List<Assignment> open = all.stream().filter(a -> a.approveStatus() == ApproveStatus.TO_SIGN).toList();
        if (open.isEmpty()) {
            throw RequestRejected.conflict(SignerState.of(all).nothingToSign());
        }
        return open;
    }

    /**
     * The contracts where it is the signer's turn, locked and read again under the lock, so that a
     * concurrent signature, rejection, cancellation or deadline has either happened or waits.
     */
    List<Assignment> lock(Signer signer) {
        progress.lock(flowIds(open(signer)));
        List<Assignment> locked = queries.assignments(signer.id()).stream()
                .filter(a -> a.approveStatus() == ApproveStatus.TO_SIGN).toList();
        if (locked.isEmpty()) {
            throw RequestRejected.conflict("These contracts have just been signed or have ended.");
        }
        return locked;
    }

    static List<String> flowIds(List<Assignment> assignments) {
        return assignments.stream().map(Assignment::flowId).toList();
    }
}
