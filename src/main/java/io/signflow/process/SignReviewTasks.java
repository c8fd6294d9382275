package io.signflow.process;

import io.signflow.flowgroup.SignReviewDecision;
import io.signflow.flowgroup.SignReviewProcesses;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Completes a signer's review task in the contract's sign-flow instance (business key = FlowId), as
 * an operator does in Tasklist. The task is found by the signer it reviews, whatever its id, so a
 * second review step an operator adds to the model in the Modeler receives the API's decision too
 * once it is the one waiting.
 */
@Component
class SignReviewTasks implements SignReviewProcesses {

    private final TaskService tasks;

    SignReviewTasks(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public boolean decide(String flowId, String recipientId, SignReviewDecision decision) {
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(flowId).active().list()) {
            if (recipientId.equals(tasks.getVariable(task.getId(), ProcessVariables.REVIEW_RECIPIENT))) {
                Map<String, Object> variables = new HashMap<>();
                variables.put(ProcessVariables.REVIEW_DECISION, decision.type().name());
                variables.put(ProcessVariables.REVIEW_MESSAGE, decision.message());
                variables.put(ProcessVariables.REVIEWED_BY, decision.reviewedBy());
                tasks.complete(task.getId(), variables);
                return true;
            }
        }
        return false;
    }
}
