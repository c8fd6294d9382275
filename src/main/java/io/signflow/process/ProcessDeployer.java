package io.signflow.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the process models at start, before the web server takes requests. By default they come
 * from the copy of {@code bpmn/} inside the application; {@code SIGNFLOW_BPMN_DIR} points at a
 * directory instead, so an operator can change a model in the Modeler and restart without a build.
 * An unchanged model is not deployed again; a changed one becomes a new version that new groups use
 * while running instances finish on the version they started with.
 */
@Component
public class ProcessDeployer implements InitializingBean {

    public static final String DEPLOYMENT_NAME = "signflow";
    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

    private final RepositoryService repository;
    private final String location;

    public ProcessDeployer(RepositoryService repository, @Value("${signflow.bpmn.location}") String location) {
        this.repository = repository;
        this.location = location;
    }

    @Override
    public void afterPropertiesSet() {
        try {
            Resource[] models = new PathMatchingResourcePatternResolver().getResources(location + "/*.bpmn");
            if (models.length == 0) {
                throw new IllegalStateException("No process models (*.bpmn) found at " + location);
            }
            // only models that differ from their last deployed version become new versions
            DeploymentBuilder deployment = repository.createDeployment().name(DEPLOYMENT_NAME)
                    .enableDuplicateFiltering(true);
            for (Resource model : models) {
                try (InputStream in = model.getInputStream()) {
                    deployment.addInputStream(model.getFilename(), new ByteArrayInputStream(in.readAllBytes()));
                }
            }
            var deployed = deployment.deployWithResult();
            log.info("Process models from {}: {} new or changed definition(s) deployed", location,
                    deployed.getDeployedProcessDefinitions() == null ? 0 : deployed.getDeployedProcessDefinitions().size());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the process models at " + location, e);
        }
    }
}
