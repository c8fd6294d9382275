package io.signflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * message-delivery.bpmn: a message whose first attempts failed is delivered by a job that retries on
 * the model's cycle and becomes an incident when the cycle is spent, which an operator's retry
 * resolves. The delivery itself (DeliverMessageDelegate) is a mock that fails as the test says; the
 * engine's clock is fixed so that each retry's due time can be checked.
 */
@Deployment(resources = "bpmn/message-delivery.bpmn")
class MessageDeliveryProcessTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    @RegisterExtension
    final ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    private final JavaDelegate deliver = mock(JavaDelegate.class);
    private final MessageDeliveryExpressions deliveries = mock(MessageDeliveryExpressions.class);
    /** What each attempt was given as its time limit (the task's input attemptTimeout). */
    private final List<Object> attemptTimeouts = new ArrayList<>();

    @BeforeEach
    void registerMocks() throws Exception {
        init(engine.getProcessEngine());
        Mocks.register("deliverMessageDelegate", deliver);
        Mocks.register("messageDeliveries", deliveries);
        ClockUtil.setCurrentTime(Date.from(NOW));
        deliverySucceeds();
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance start(String messageId, boolean callback) {
        when(deliveries.isCallback(messageId)).thenReturn(callback);
        return runtimeService().startProcessInstanceByKey("message-delivery", messageId, Map.of("messageId", messageId));
    }

    /** Runs the job; the delivery fails. */
    private static void failAttempt() {
        assertThatThrownBy(() -> execute(job())).hasMessageContaining("receiver unreachable");
    }

    private void deliveryFails() throws Exception {
        doThrow(new IllegalStateException("receiver unreachable")).when(deliver).execute(any());
    }

    private void deliverySucceeds() throws Exception {
        doAnswer(invocation -> attemptTimeouts.add(invocation.<DelegateExecution>getArgument(0)
                .getVariable(DeliverMessageDelegate.ATTEMPT_TIMEOUT))).when(deliver).execute(any());
    }

    private static Duration dueIn(Job job) {
        return Duration.between(ClockUtil.getCurrentTime().toInstant(), job.getDuedate().toInstant());
    }

    @Test
    void aCallbackIsRetriedOnItsCycleBelowOtherJobsUntilItIsDelivered() throws Exception {
        ProcessInstance delivery = start("m1", true);

        BpmnAwareTests.assertThat(delivery).isWaitingAt("Task_DeliverCallback");
        assertThat(job().getPriority()).isEqualTo(-10);
        deliveryFails();
        failAttempt();
        assertThat(dueIn(job())).isEqualTo(Duration.ofMinutes(1));
        failAttempt();
        assertThat(dueIn(job())).isEqualTo(Duration.ofMinutes(5));

        deliverySucceeds();
        execute(job());

        BpmnAwareTests.assertThat(delivery).hasPassedInOrder("Task_DeliverCallback", "EndEvent_Delivered").isEnded();
        assertThat(attemptTimeouts).containsExactly("PT10S");
    }

    @Test
    void aNotificationIsTriedFiveTimesAMinuteApartThenBecomesAnIncidentThatARetryResolves() throws Exception {
        ProcessInstance delivery = start("m2", false);
        BpmnAwareTests.assertThat(delivery).isWaitingAt("Task_DeliverNotification");
        assertThat(job().getRetries()).isEqualTo(5);
        deliveryFails();

        for (int left = 4; left > 0; left--) {
            failAttempt();
            assertThat(job().getRetries()).isEqualTo(left);
            assertThat(dueIn(job())).isEqualTo(Duration.ofMinutes(1));
        }
        assertThat(runtimeService().createIncidentQuery().count()).isZero();
        failAttempt();

        Incident incident = runtimeService().createIncidentQuery().singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Task_DeliverNotification");
        assertThat(incident.getIncidentMessage()).contains("receiver unreachable");
        assertThat(job().getRetries()).isZero();
        BpmnAwareTests.assertThat(delivery).isWaitingAt("Task_DeliverNotification");

        // the operator's "Retry" in Cockpit
        deliverySucceeds();
        managementService().setJobRetries(job().getId(), 1);
        execute(job());

        BpmnAwareTests.assertThat(delivery).hasPassed("EndEvent_Delivered").isEnded();
        assertThat(runtimeService().createIncidentQuery().count()).isZero();
        assertThat(attemptTimeouts).containsExactly((Object) null);
    }

    @Test
    void aCallbacksCycleIsSpentAfterNineRetriesOverAboutADay() throws Exception {
        BpmnAwareTests.assertThat(start("m3", true)).isWaitingAt("Task_DeliverCallback");
        deliveryFails();
        Duration waited = Duration.ZERO;

        failAttempt();
        while (runtimeService().createIncidentQuery().count() == 0) {
            waited = waited.plus(dueIn(job()));
            ClockUtil.setCurrentTime(job().getDuedate());
            failAttempt();
        }

        // PT1M,PT5M,PT10M,PT30M,PT1H,PT2H,PT4H,PT8H,PT8H
        assertThat(waited).isEqualTo(Duration.parse("PT23H46M"));
    }
}
