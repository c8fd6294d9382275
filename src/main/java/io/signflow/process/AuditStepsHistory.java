package io.signflow.process;

import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.bpmn.behavior.MultiInstanceActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevelAudit;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.migration.instance.MigratingProcessElementInstance;
import org.camunda.bpm.engine.impl.migration.instance.MigratingVariableInstance;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl;
import org.springframework.stereotype.Component;

/**
 * Offers the engine the history level {@value #NAME}: Camunda's {@code audit} without what only the
 * engine's own bookkeeping was. It writes no activity row for the steps that only route (none start
 * events and exclusive, inclusive and parallel gateways), and no variable row for a multi-instance's
 * counters ({@code nrOfInstances}, {@code nrOfActiveInstances}, {@code nrOfCompletedInstances} and each
 * instance's {@code loopCounter}). A contract's history is read for what it did and announced (tasks,
 * waits, throw events, calls, ends) and for the variables Signflow sets; where a gateway led shows in
 * the step recorded after it. At creation, a group of three contracts wrote 49 activity rows and 16
 * variable rows; 19 and 6 of them were these, in the engine's largest tables (BENCHMARKS.md, eleventh
 * and twelfth series).
 *
 * <p>The level keeps {@code audit}'s id, so that a database started at {@code audit} starts at this
 * level and back again: the engine compares the configured level's id with the one it stored. Back at
 * {@code audit}, the engine writes a counter's row at its next change, as it does for any variable
 * whose row is missing, and the end of an activity whose start wrote no row updates nothing, which the
 * engine ignores for history ({@code skipHistoryOptimisticLockingExceptions}, true by default).
 */
@Component
public class AuditStepsHistory extends AbstractProcessEnginePlugin {

    public static final String NAME = "audit-steps";

    private static final Set<String> ROUTING = Set.of(ActivityTypes.START_EVENT, ActivityTypes.GATEWAY_EXCLUSIVE,
            ActivityTypes.GATEWAY_INCLUSIVE, ActivityTypes.GATEWAY_PARALLEL);

    private static final Set<HistoryEventType> ACTIVITY_EVENTS = Set.of(HistoryEventTypes.ACTIVITY_INSTANCE_START,
            HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE, HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE,
            HistoryEventTypes.ACTIVITY_INSTANCE_END);

    private static final Set<String> COUNTERS = Set.of(MultiInstanceActivityBehavior.NUMBER_OF_INSTANCES,
            MultiInstanceActivityBehavior.NUMBER_OF_ACTIVE_INSTANCES,
            MultiInstanceActivityBehavior.NUMBER_OF_COMPLETED_INSTANCES, MultiInstanceActivityBehavior.LOOP_COUNTER);

    private static final Set<HistoryEventType> VARIABLE_EVENTS = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE,
            HistoryEventTypes.VARIABLE_INSTANCE_DELETE);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomHistoryLevels() == null) {
            configuration.setCustomHistoryLevels(new ArrayList<>());
        }
        configuration.getCustomHistoryLevels().add(new Level());
    }

    static final class Level extends HistoryLevelAudit {

        @Override
        public String getName() {
            return NAME;
        }

        /**
         * The engine asks once per activity when it parses a model (no entity: yes, the event is kept in
         * general) and again for each activity instance, with its execution, or with the instance being
         * migrated, whose source activity says whether a row was written; for variables, with the
         * variable.
         */
        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            if (!super.isHistoryEventProduced(eventType, entity)) {
                return false;
            }
            if (ACTIVITY_EVENTS.contains(eventType)) {
                return !routes(activityOf(entity));
            }
            return !VARIABLE_EVENTS.contains(eventType) || !counts(variableNameOf(entity));
        }

        private static ScopeImpl activityOf(Object entity) {
            if (entity instanceof PvmExecutionImpl execution) {
                return execution.getActivity();
            }
            if (entity instanceof MigratingProcessElementInstance migrating) {
                return migrating.getSourceScope();
            }
            return null;
        }

        private static String variableNameOf(Object entity) {
            if (entity instanceof VariableInstanceEntity variable) {
                return variable.getName();
            }
            if (entity instanceof MigratingVariableInstance migrating) {
                return migrating.getVariableName();
            }
            return null;
        }

        private static boolean routes(ScopeImpl activity) {
            return activity != null && activity.getProperty("type") instanceof String type && ROUTING.contains(type);
        }

        private static boolean counts(String variable) {
            // Set.of answers contains(null) with an exception
            return variable != null && COUNTERS.contains(variable);
        }
    }
}
