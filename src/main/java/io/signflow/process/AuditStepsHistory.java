package io.signflow.process;

import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevelAudit;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.migration.instance.MigratingProcessElementInstance;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl;
import org.springframework.stereotype.Component;

/**
 * Offers the engine the history level {@value #NAME}: Camunda's {@code audit} without an activity row for
 * the steps that only route, none start events and exclusive, inclusive and parallel gateways. A
 * contract's history is read for what it did and announced (tasks, waits, throw events, calls, ends);
 * where a gateway led shows in the step recorded after it. Those routing steps were 19 of the 49
 * activity rows a group of three contracts wrote at creation, and activity history was a quarter of
 * the database's time for a creation (BENCHMARKS.md, eleventh and twelfth series).
 *
 * <p>The level keeps {@code audit}'s id, so that a database started at {@code audit} starts at this
 * level and back again: the engine compares the configured level's id with the one it stored.
 */
@Component
public class AuditStepsHistory extends AbstractProcessEnginePlugin {

    public static final String NAME = "audit-steps";

    private static final Set<String> ROUTING = Set.of(ActivityTypes.START_EVENT, ActivityTypes.GATEWAY_EXCLUSIVE,
            ActivityTypes.GATEWAY_INCLUSIVE, ActivityTypes.GATEWAY_PARALLEL);

    private static final Set<HistoryEventType> ACTIVITY_EVENTS = Set.of(HistoryEventTypes.ACTIVITY_INSTANCE_START,
            HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE, HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE,
            HistoryEventTypes.ACTIVITY_INSTANCE_END);

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
         * migrated, whose source activity says whether a row was written.
         */
        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            if (!super.isHistoryEventProduced(eventType, entity)) {
                return false;
            }
            return !ACTIVITY_EVENTS.contains(eventType) || !routes(activityOf(entity));
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

        private static boolean routes(ScopeImpl activity) {
            return activity != null && ROUTING.contains((String) activity.getProperty("type"));
        }
    }
}
