package io.signflow.process;

import static io.signflow.process.ProcessVariables.flowId;

import io.signflow.flowgroup.SignReviewDecision;
import io.signflow.flowgroup.SignReviews;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** sign-flow's review steps: open the reviews, record each decision taken in the review's user task. */
@Configuration(proxyBeanMethods = false)
class SignReviewDelegates {

    private final SignReviews reviews;

    SignReviewDelegates(SignReviews reviews) {
        this.reviews = reviews;
    }

    @Bean
    JavaDelegate openSignReviewsDelegate() {
        return execution -> reviews.open(flowId(execution));
    }

    /**
     * The decision the review's user task was completed with. A SIGN_REJECT also names the signer as
     * the one who rejected, for the reject step the error leads to, as a rejection by the signer does.
     */
    @Bean
    JavaDelegate recordSignReviewDelegate() {
        return execution -> {
            String recipientId = (String) execution.getVariable(ProcessVariables.REVIEW_RECIPIENT);
            SignReviewDecision decision = decision(execution);
            reviews.record(flowId(execution), recipientId, decision);
            // the next decision may be taken in Tasklist: it must not be credited to this one's operator
            execution.setVariable(ProcessVariables.REVIEWED_BY, null);
            if (decision.type() == SignReviewDecision.Type.SIGN_REJECT) {
                execution.getProcessInstance().setVariable(ProcessVariables.ACTOR, recipientId);
            }
        };
    }

    static SignReviewDecision decision(DelegateExecution execution) {
        Object type = execution.getVariable(ProcessVariables.REVIEW_DECISION);
        SignReviewDecision.Type decided;
        try {
            decided = SignReviewDecision.Type.valueOf(String.valueOf(type));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("reviewDecision must be PASS, REJECT or SIGN_REJECT, not " + type, e);
        }
        String message = (String) execution.getVariable(ProcessVariables.REVIEW_MESSAGE);
        return new SignReviewDecision(decided, message == null || message.isBlank() ? null : message.trim(),
                reviewer(execution));
    }

    /** The API names its operator; a decision in Tasklist is the logged-in engine user's. */
    private static String reviewer(DelegateExecution execution) {
        String byApi = (String) execution.getVariable(ProcessVariables.REVIEWED_BY);
        if (byApi != null) {
            return byApi;
        }
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return user == null ? "engine user (unknown)" : "engine user " + user.getUserId();
    }
}
