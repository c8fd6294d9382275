package io.signflow.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An index on the due date of the engine's jobs, which Camunda's schema lacks. {@code ACT_RU_JOB} holds a
 * deadline timer for every contract still open, and the jobs due now are a few of them: without the
 * index, counting those ({@link DueJobsCounter}) and the job executor's acquisition read the whole
 * table, a cost that grows with the contracts waiting for signatures. Created once the engine has
 * created or checked its own schema, by the first node that starts; Camunda's upgrade scripts leave
 * an index they do not know alone.
 */
@Component
public class JobDueDateIndex extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(JobDueDateIndex.class);
    private static final String CREATE = "create index if not exists ACT_IDX_JOB_DUEDATE on ACT_RU_JOB (DUEDATE_)";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        try (Connection connection = configuration.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(CREATE);
        } catch (SQLException e) {
            // another node starting at the same moment, or a database user that may not create indexes:
            // the counts stay right, only slower (docs/operating.md)
            log.warn("Could not run '{}': {}", CREATE, e.getMessage());
        }
    }
}
