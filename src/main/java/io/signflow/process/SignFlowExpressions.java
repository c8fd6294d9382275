package io.signflow.process;

import io.signflow.flowgroup.FlowProgress;
import java.util.Date;
import org.springframework.stereotype.Component;

/** What sign-flow.bpmn asks in gateway conditions and the deadline timer, as {@code ${signFlows...}}. */
@Component("signFlows")
public class SignFlowExpressions {

    private final FlowProgress progress;

    public SignFlowExpressions(FlowProgress progress) {
        this.progress = progress;
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
}
