package io.signflow.process;

import static io.signflow.process.ProcessVariables.flowId;
import static io.signflow.process.ProcessVariables.groupId;

import io.signflow.callback.CallbackMessages;
import io.signflow.callback.CallbackMessages.Operate;
import io.signflow.flowgroup.ApproveStatus;
import io.signflow.flowgroup.ApproverType;
import io.signflow.flowgroup.FlowApprover;
import io.signflow.flowgroup.FlowProgress;
import io.signflow.flowgroup.FlowStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The models' announce steps (message throw events named "Announce …"): each tells the integrator
 * what the step before it did, as a callback written to the outbox in the step's transaction. Only
 * these steps send callbacks, so the models are the whole map of what a contract and a group announce
 * and when: an operator who removes or adds one in the Modeler removes or adds that callback.
 */
@Configuration(proxyBeanMethods = false)
class AnnounceDelegates {

    private final CallbackMessages callbacks;
    private final FlowProgress progress;

    AnnounceDelegates(CallbackMessages callbacks, FlowProgress progress) {
        this.callbacks = callbacks;
        this.progress = progress;
    }

    /** sign-flow: the contract exists; the approvers whose turn comes first are shown as pending. */
    @Bean
    JavaDelegate announceStartedDelegate() {
        return execution -> callbacks.flowChanged(flowId(execution), Operate.START, null);
    }

    /** sign-flow: one "sign" per auto-signer, each of whom signed in the step before. */
    @Bean
    JavaDelegate announceAutoSignedDelegate() {
        return execution -> {
            String flowId = flowId(execution);
            for (FlowApprover approver : progress.approvers(flowId)) {
                if (approver.type() == ApproverType.ENTERPRISE_AUTO && approver.status() == ApproveStatus.SIGNED) {
                    callbacks.flowChanged(flowId, Operate.SIGN, approver.recipientId());
                }
            }
        };
    }

    /** sign-flow: the approver named by the ApproverSigned message signed. */
    @Bean
    JavaDelegate announceSignedDelegate() {
        return execution -> announceActor(execution, Operate.SIGN);
    }

    /** sign-flow: the decision on the signer under review, recorded in the step before. */
    @Bean
    JavaDelegate announceSignReviewDelegate() {
        return execution -> callbacks.reviewDecided(flowId(execution),
                (String) execution.getVariable(ProcessVariables.REVIEW_RECIPIENT),
                (String) execution.getVariable(ProcessVariables.REVIEW_DECISION),
                (String) execution.getVariable(ProcessVariables.REVIEW_MESSAGE));
    }

    @Bean
    JavaDelegate announceCompletedDelegate() {
        return execution -> callbacks.flowChanged(flowId(execution), Operate.FINISH, null);
    }

    /** sign-flow: the contract ended as rejected by the approver named by the FlowRejected message. */
    @Bean
    JavaDelegate announceRejectedDelegate() {
        return execution -> announceActor(execution, Operate.REJECT);
    }

    /**
     * sign-flow: the deadline passed. The timer may have raced a last signature or a rejection; then
     * the contract ended the other way, which announced itself, and there is nothing to add.
     */
    @Bean
    JavaDelegate announceExpiredDelegate() {
        return execution -> {
            if (progress.status(flowId(execution)) == FlowStatus.EXPIRED) {
                callbacks.flowChanged(flowId(execution), Operate.DEADLINE, null);
            }
        };
    }

    @Bean
    JavaDelegate announceCancelledDelegate() {
        return execution -> callbacks.flowChanged(flowId(execution), Operate.CANCEL, null);
    }

    /** flow-group: every contract has ended; FlowGroupStatusChange (ALL or INVALID) to the organization's address. */
    @Bean
    JavaDelegate announceGroupEndedDelegate() {
        return execution -> callbacks.groupStatusChanged(groupId(execution));
    }

    /** flow-group: the group's first contract failed while others are open; FlowGroupStatusChange PART. */
    @Bean
    JavaDelegate announceGroupPartDelegate() {
        return execution -> callbacks.groupStatusChanged(groupId(execution));
    }

    /**
     * Announces the approver the waking message named, once: the variable is removed, so a message
     * correlated by hand without one (an operator's nudge, docs/operating.md) announces nothing.
     */
    private void announceActor(DelegateExecution execution, Operate operate) {
        String actor = (String) execution.getVariable(ProcessVariables.ACTOR);
        if (actor != null) {
            callbacks.flowChanged(flowId(execution), operate, actor);
            execution.removeVariable(ProcessVariables.ACTOR);
        }
    }
}
