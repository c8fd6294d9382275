package io.signflow.common;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class WritesBeforeStatementsConfig {

    /**
     * Every user of the database, the process engine included, gets connections that write a
     * transaction's waiting batches before its next statement ({@link WritesBeforeStatements}).
     */
    @Bean
    static BeanPostProcessor writesBeforeStatements() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource ? WritesBeforeStatements.around(dataSource) : bean;
            }
        };
    }
}
