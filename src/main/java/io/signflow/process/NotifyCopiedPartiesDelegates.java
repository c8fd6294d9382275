package io.signflow.process;

import static io.signflow.process.ProcessVariables.flowId;

import io.signflow.flowgroup.CcMoment;
import io.signflow.signing.CopiedPartyNotifier;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * sign-flow's two "Notify copied parties" steps: the contract's copied parties whose CcNotifyType
 * names this moment get a text with their read-only link, written to the outbox in the step's
 * transaction.
 */
@Configuration(proxyBeanMethods = false)
class NotifyCopiedPartiesDelegates {

    private final CopiedPartyNotifier notifier;

    NotifyCopiedPartiesDelegates(CopiedPartyNotifier notifier) {
        this.notifier = notifier;
    }

    /** The contract has started (CcNotifyType 0). */
    @Bean
    JavaDelegate notifyCopiedAtStartDelegate() {
        return execution -> notifier.notify(flowId(execution), CcMoment.STARTED);
    }

    /** Every signer has signed (CcNotifyType 1). */
    @Bean
    JavaDelegate notifyCopiedAtCompletionDelegate() {
        return execution -> notifier.notify(flowId(execution), CcMoment.COMPLETED);
    }
}
