package io.signflow.process;

import io.signflow.flowgroup.FlowGroupDraft;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Passes the validated request from the API action to the process's first step without storing it:
 * it is bound to the current transaction under the group's id and gone when the transaction ends.
 * (A process variable would have to be serialized, which the engine rightly refuses for Java objects.)
 */
@Component
class DraftHandoff {

    public void put(FlowGroupDraft draft) {
        String key = key(draft.id());
        TransactionSynchronizationManager.bindResource(key, draft);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
    }

    public FlowGroupDraft take(String groupId) {
        Object draft = TransactionSynchronizationManager.unbindResourceIfPossible(key(groupId));
        if (draft == null) {
            throw new IllegalStateException("flow-group " + groupId + " was not started by CreateFlowGroupByFiles in "
                    + "this transaction; it cannot be started on its own");
        }
        return (FlowGroupDraft) draft;
    }

    private static String key(String groupId) {
        return DraftHandoff.class.getName() + ":" + groupId;
    }
}
