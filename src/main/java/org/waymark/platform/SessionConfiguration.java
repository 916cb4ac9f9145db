package org.waymark.platform;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/** How the web sessions kept in the database are written. */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    /**
     * Two requests of one session at once (a double tap on a poor signal) may both add the same
     * attribute, such as the message a redirect carries to the next page: the second insert broke
     * the table's key and the request failed. Attributes are written as an upsert instead: Spring
     * Session's own for PostgreSQL, H2's {@code MERGE} for H2.
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributesUpserted(DataSource dataSource)
            throws MetaDataAccessException {
        String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        if ("PostgreSQL".equals(database)) {
            return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
        }
        return repository -> repository.setCreateSessionAttributeQuery("MERGE INTO %TABLE_NAME%_ATTRIBUTES "
                + "(SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES) KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) "
                + "VALUES (?, ?, ?)");
    }
}
