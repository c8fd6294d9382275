package io.signflow.process;

import io.signflow.flowgroup.FlowProgress;
import io.signflow.flowgroup.SignReviews;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/** What sign-flow.bpmn asks in gateway conditions and the deadline timer, as {@code ${signFlows...}}. */
@Component("signFlows")
public class SignFlowExpressions {

    private final FlowProgress progress;
    private final SignReviews reviews;

    public SignFlowExpressions(FlowProgress progress, SignReviews reviews) {
        this.progress = progress;
        this.reviews = reviews;
    }

    public boolean allFilled(String flowId) {
        return progress.allFilled(flowId);
    }

    public boolean allSigned(String flowId) {
        return progress.allSigned(flowId);
    }

    public Date deadline(String flowId) {
        return Date.from(progress.deadline(flowId));
    }

    /** Whether anyone in the contract is to be reviewed before signing: only then does the review branch run. */
    public boolean isReviewed(String flowId) {
        return reviews.isReviewed(flowId);
    }

    /** The signers whose review is still to pass, one review instance each. */
    public List<String> openSignReviews(String flowId) {
        return reviews.reviews(flowId).stream().filter(SignReviews.Review::isOpen).map(SignReviews.Review::recipientId)
                .toList();
    }

    /** The reviewed signer and contract, as the review's task names them in Tasklist. */
    public String reviewSubject(String recipientId) {
        return reviews.subject(recipientId);
    }
}
