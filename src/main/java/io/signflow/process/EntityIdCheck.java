package io.signflow.process;

import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine checks the id of every row it inserts, and builds the message of that check's failure
 * first, from the row's {@code toString}, whether or not the check fails: 2.7 % of a creation's
 * request CPU went into describing rows that were fine (BENCHMARKS.md, sixth series). This plugin
 * gives the engine entity managers that make the same check and describe the row only when it fails.
 */
@Component
public class EntityIdCheck extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomSessionFactories() == null) {
            configuration.setCustomSessionFactories(new ArrayList<>());
        }
        // the engine adds custom factories after its own, so this one replaces DbEntityManagerFactory
        configuration.getCustomSessionFactories().add(new Factory(configuration));
    }

    /** Reads the id generator when a session opens: the engine sets it up after the plugins' preInit. */
    private static final class Factory extends DbEntityManagerFactory {

        private final ProcessEngineConfigurationImpl configuration;

        Factory(ProcessEngineConfigurationImpl configuration) {
            super(null);
            this.configuration = configuration;
        }

        @Override
        public DbEntityManager openSession() {
            return new CheckingEntityManager(configuration.getIdGenerator(),
                    Context.getCommandContext().getSession(PersistenceSession.class));
        }
    }

    private static final class CheckingEntityManager extends DbEntityManager {

        CheckingEntityManager(IdGenerator ids, PersistenceSession persistence) {
            super(ids, persistence);
        }

        @Override
        protected void validateId(DbEntity entity) {
            String id = entity.getId();
            if (id == null || Authorization.ANY.equals(id)) {
                throw new ProcessEngineException("Entity " + entity + " has an invalid id: " + id);
            }
        }
    }
}
