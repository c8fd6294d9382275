package io.signflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EntityIdCheckTest {

    private static ProcessEngine engine;

    @BeforeAll
    static void start() {
        engine = engineWith(new EntityIdCheck());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void aRowWithAnIdIsInsertedWithoutBeingDescribed() {
        Row row = new Row("row-1");

        insertAndDiscard(row);

        assertThat(row.described).hasValue(0);
    }

    @Test
    void aRowWithTheReservedIdIsRefusedAndNamedInTheMessage() {
        Row row = new Row("*");

        assertThatThrownBy(() -> insertAndDiscard(row)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("row *");
        assertThat(row.described).hasValue(1);
    }

    @Test
    void theEngineStillRunsAProcess() {
        engine.getRepositoryService().createDeployment().addModelInstance("p.bpmn",
                Bpmn.createExecutableProcess("p").startEvent().userTask().endEvent().done())
                .deploy();

        engine.getRuntimeService().startProcessInstanceByKey("p");

        assertThat(engine.getTaskService().createTaskQuery().count()).isEqualTo(1);
    }

    /** Inserts into the command's entity cache, then takes the row out again so that nothing is flushed. */
    private static void insertAndDiscard(Row row) {
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> {
                    DbEntityManager entities = context.getDbEntityManager();
                    entities.insert(row);
                    return entities.getDbEntityCache().remove(row);
                });
    }

    private static ProcessEngine engineWith(EntityIdCheck plugin) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("entity-id-check");
        configuration.setJdbcUrl("jdbc:h2:mem:entity-id-check;DB_CLOSE_DELAY=-1");
        configuration.setProcessEnginePlugins(List.of(plugin));
        return configuration.buildProcessEngine();
    }

    /** A row that counts how often it is described. */
    private static final class Row implements DbEntity {

        private final AtomicInteger described = new AtomicInteger();
        private String id;

        Row(String id) {
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public void setId(String id) {
            this.id = id;
        }

        @Override
        public Object getPersistentState() {
            return id;
        }

        @Override
        public String toString() {
            described.incrementAndGet();
            return "row " + id;
        }
    }
}
