package io.signflow.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mockito.Mockito.mock;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The process models on an in-memory engine with every delegate and expression bean replaced by a
 * Mockito mock, so a test decides what each step answers and checks which steps ran.
 */
abstract class ProcessTestSupport {

    @RegisterExtension
    final ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    final JavaDelegate createGroup = mock(JavaDelegate.class);
    final JavaDelegate deductQuota = mock(JavaDelegate.class);
    final JavaDelegate concludeGroup = mock(JavaDelegate.class);
    final JavaDelegate autoSign = mock(JavaDelegate.class);
    final JavaDelegate notifySigners = mock(JavaDelegate.class);
    final JavaDelegate completeFlow = mock(JavaDelegate.class);
    final JavaDelegate sealDocument = mock(JavaDelegate.class);
    final JavaDelegate rejectFlow = mock(JavaDelegate.class);
    final JavaDelegate expireFlow = mock(JavaDelegate.class);
    final JavaDelegate cancelFlow = mock(JavaDelegate.class);
    final JavaDelegate refundQuota = mock(JavaDelegate.class);
    final JavaDelegate announceStarted = mock(JavaDelegate.class);
    final JavaDelegate announceAutoSigned = mock(JavaDelegate.class);
    final JavaDelegate announceSigned = mock(JavaDelegate.class);
    final JavaDelegate announceCompleted = mock(JavaDelegate.class);
    final JavaDelegate announceRejected = mock(JavaDelegate.class);
    final JavaDelegate announceExpired = mock(JavaDelegate.class);
    final JavaDelegate announceCancelled = mock(JavaDelegate.class);
    final JavaDelegate announceGroupEnded = mock(JavaDelegate.class);
    final JavaDelegate announceGroupPart = mock(JavaDelegate.class);
    final JavaDelegate markGroupPart = mock(JavaDelegate.class);
    final JavaDelegate cancelRestOfGroup = mock(JavaDelegate.class);
    final JavaDelegate cancelGroup = mock(JavaDelegate.class);
    final JavaDelegate moveDeadlineTimers = mock(JavaDelegate.class);
    final JavaDelegate openSignReviews = mock(JavaDelegate.class);
    final JavaDelegate recordSignReview = mock(JavaDelegate.class);
    final JavaDelegate announceSignReview = mock(JavaDelegate.class);
    final JavaDelegate notifyCopiedAtStart = mock(JavaDelegate.class);
    final JavaDelegate notifyCopiedAtCompletion = mock(JavaDelegate.class);
    final FlowGroupExpressions flowGroups = mock(FlowGroupExpressions.class);
    final SignFlowExpressions signFlows = mock(SignFlowExpressions.class);

    @BeforeEach
    void registerMocks() {
        init(engine.getProcessEngine());
        Mocks.register("createGroupDelegate", createGroup);
        Mocks.register("deductQuotaDelegate", deductQuota);
        Mocks.register("concludeGroupDelegate", concludeGroup);
        Mocks.register("autoSignDelegate", autoSign);
        Mocks.register("notifySignersDelegate", notifySigners);
        Mocks.register("completeFlowDelegate", completeFlow);
        Mocks.register("sealDocumentDelegate", sealDocument);
        Mocks.register("rejectFlowDelegate", rejectFlow);
        Mocks.register("expireFlowDelegate", expireFlow);
        Mocks.register("cancelFlowDelegate", cancelFlow);
        Mocks.register("refundQuotaDelegate", refundQuota);
        Mocks.register("announceStartedDelegate", announceStarted);
        Mocks.register("announceAutoSignedDelegate", announceAutoSigned);
        Mocks.register("announceSignedDelegate", announceSigned);
        Mocks.register("announceCompletedDelegate", announceCompleted);
        Mocks.register("announceRejectedDelegate", announceRejected);
        Mocks.register("announceExpiredDelegate", announceExpired);
        Mocks.register("announceCancelledDelegate", announceCancelled);
        Mocks.register("announceGroupEndedDelegate", announceGroupEnded);
        Mocks.register("announceGroupPartDelegate", announceGroupPart);
        Mocks.register("markGroupPartDelegate", markGroupPart);
        Mocks.register("cancelRestOfGroupDelegate", cancelRestOfGroup);
        Mocks.register("cancelGroupDelegate", cancelGroup);
        Mocks.register("moveDeadlineTimersDelegate", moveDeadlineTimers);
        Mocks.register("openSignReviewsDelegate", openSignReviews);
        Mocks.register("recordSignReviewDelegate", recordSignReview);
        Mocks.register("announceSignReviewDelegate", announceSignReview);
        Mocks.register("notifyCopiedAtStartDelegate", notifyCopiedAtStart);
        Mocks.register("notifyCopiedAtCompletionDelegate", notifyCopiedAtCompletion);
        Mocks.register("flowGroups", flowGroups);
        Mocks.register("signFlows", signFlows);
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }
}
